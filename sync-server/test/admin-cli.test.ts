/**
 * The admin CLI as an operator runs it, in its own process next to a running server:
 * passwords from stdin, grants and revokes reaching live sockets, audit verify exit codes.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../src/storage/database';
import { login, newClient, newServer, rawSocket, type TestServer } from './helpers';

const room = 'case:admincli00000001';
const password = 'cli-wachtwoord-fictief';

/**
 * Retries once when the request never got an answer: spawnSync blocks this process's event
 * loop for seconds, so undici may reuse a keep-alive socket the server has closed meanwhile.
 */
async function afterBlocking<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if ((error as Error).message !== 'fetch failed') throw error;
    return request();
  }
}

describe('admin CLI', () => {
  let t: TestServer;
  const admin = (args: string[], input = ''): { status: number | null; stdout: string; stderr: string } => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', '--data-dir', t.dataDir, ...args], { input, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  beforeAll(async () => {
    t = await newServer({ accessPollMs: 100 });
  });
  afterAll(() => t.close());

  it('adds organisations and users with the password from stdin', async () => {
    expect(admin(['org', 'add', 'politie', 'Politie', 'Eenheid', 'Test']).status).toBe(0);
    const added = admin(['user', 'add', 'agent', '--org', 'politie', '--role', 'deelnemer', '--name', 'Agent Test'], `${password}\n`);
    expect(added).toMatchObject({ status: 0 });
    expect(admin(['user', 'list']).stdout).toContain('agent\tpolitie\tdeelnemer\tactief\tAgent Test');
    expect((await login(t.url, 'agent', password)).user).toEqual({ username: 'agent', name: 'Agent Test', org: 'politie', role: 'deelnemer' });
  });

  it('adds a privacy officer, who can never be granted a room', () => {
    expect(admin(['user', 'add', 'fg', '--org', 'politie', '--role', 'privacyfunctionaris', '--name', 'FG Test'], `${password}\n`)).toMatchObject({ status: 0 });
    expect(admin(['user', 'list']).stdout).toContain('fg\tpolitie\tprivacyfunctionaris\tactief\tFG Test');
    const refused = admin(['grant', room, 'fg', '--access', 'view']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('krijgt geen toegang');
  });

  it('explains bad input in Dutch with a non-zero exit', () => {
    const badRole = admin(['user', 'add', 'x1', '--org', 'politie', '--role', 'koning'], `${password}\n`);
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('Onbekende rol');
    const noOrg = admin(['user', 'add', 'x2', '--org', 'bestaatniet', '--role', 'deelnemer'], `${password}\n`);
    expect(noOrg.status).toBe(1);
    expect(noOrg.stderr).toContain('Organisatie bestaatniet bestaat niet');
    expect(admin(['user', 'add', 'x3', '--org', 'politie', '--role', 'deelnemer'], '').status).not.toBe(0);
    expect(admin(['grant', room, 'agent', '--access', 'alles']).status).toBe(2);
  });

  it('grants at once and revokes live sockets from another process', async () => {
    expect(admin(['grant', room, 'agent', '--access', 'edit']).status).toBe(0);
    const { token } = await login(t.url, 'agent', password);
    const client = newClient(t.wsUrl, room, token);
    await client.synced;
    const code = new Promise<number>((resolve) => client.provider.on('connection-close', (e) => resolve((e as { code: number }).code)));
    expect(admin(['revoke', room, 'agent']).status).toBe(0);
    expect(await code).toBe(4410);
    client.destroy();
    expect((await rawSocket(t.wsUrl, room, token).closed).code).toBe(4403);
  });

  it('changes a password from stdin and ends existing sessions', async () => {
    const { token } = await login(t.url, 'agent', password);
    expect(admin(['user', 'password', 'agent'], 'nieuw-wachtwoord-fictief\n').status).toBe(0);
    expect((await fetch(`${t.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    await login(t.url, 'agent', 'nieuw-wachtwoord-fictief');
  });

  it('renames an organisation, changes a user\'s name, role and organisation, and blocks and unblocks', async () => {
    expect(admin(['org', 'add', 'om', 'OM']).status).toBe(0);
    expect(admin(['org', 'rename', 'om', 'Openbaar', 'Ministerie', 'Testland'])).toMatchObject({ status: 0 });
    expect(admin(['org', 'list']).stdout).toContain('om\tOpenbaar Ministerie Testland');
    expect(admin(['org', 'rename', 'nergens', 'X']).stderr).toContain('Organisatie nergens bestaat niet');
    const set = admin(['user', 'set', 'agent', '--org', 'om', '--role', 'waarnemer']);
    expect(set).toMatchObject({ status: 0, stdout: 'Gebruiker agent gewijzigd: rol, organisatie.\n' });
    expect(admin(['user', 'set', 'agent', '--role', 'waarnemer']).stdout).toContain('niets gewijzigd');
    expect(admin(['user', 'set', 'agent', '--org', 'nergens']).status).toBe(1);
    expect(admin(['user', 'set', 'agent']).status).toBe(2);
    expect(admin(['user', 'list']).stdout).toContain('agent\tom\twaarnemer\tactief\tAgent Test');
    expect(admin(['user', 'disable', 'agent']).status).toBe(0);
    await expect(afterBlocking(() => login(t.url, 'agent', 'nieuw-wachtwoord-fictief'))).rejects.toThrow('403');
    expect(admin(['user', 'enable', 'agent']).status).toBe(0);
    expect((await afterBlocking(() => login(t.url, 'agent', 'nieuw-wachtwoord-fictief'))).user).toMatchObject({ org: 'om', role: 'waarnemer' });
    const events = admin(['audit', 'list']).stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; actor: string; detail: Record<string, unknown> | null });
    expect(events.filter((e) => ['org-rename', 'user-update', 'user-enable'].includes(e.event)).map((e) => [e.event, e.actor, e.detail])).toEqual([
      ['org-rename', '@admin', { org: 'om' }],
      ['user-update', '@admin', { fields: 'role,org', role: 'waarnemer', org: 'om', fromRole: 'deelnemer', fromOrg: 'politie' }],
      ['user-enable', '@admin', null],
    ]);
  });

  it('imports users from a CSV file: the dry run changes nothing, the import prints each one-time password once', async () => {
    const file = join(t.dataDir, 'gebruikers.csv');
    await writeFile(file, '\uFEFFgebruikersnaam,naam,organisatie,rol\r\nnina.nieuw,"Nieuw, Nina (fictief)",politie,deelnemer\r\nagent,,,deelnemer\r\nfout,Fout,nergens,deelnemer\r\n');
    const dry = admin(['user', 'import', file, '--dry-run']);
    expect(dry.status).toBe(1);
    expect(dry.stdout).toBe([
      'Regel 2: nina.nieuw toevoegen (politie, deelnemer).',
      'Regel 3: agent wijzigen: rol waarnemer → deelnemer.',
      'Regel 4: organisatie "nergens" bestaat niet; voeg haar eerst toe onder Organisaties.',
      '1 toe te voegen, 1 te wijzigen, 0 ongewijzigd, 1 met een fout.',
      'Proefimport: er is niets gewijzigd.',
      '',
    ].join('\n'));
    expect(admin(['user', 'list']).stdout).not.toContain('nina.nieuw');
    const applied = admin(['user', 'import', file]);
    expect(applied.status).toBe(1);
    expect(applied.stdout).toContain('Geïmporteerd: 1 toegevoegd, 1 gewijzigd; 1 regel(s) met een fout overgeslagen.');
    const password = /^nina\.nieuw;Nieuw, Nina \(fictief\);([a-z2-9-]{19})$/m.exec(applied.stdout)?.[1] ?? '';
    expect((await afterBlocking(() => login(t.url, 'nina.nieuw', password))).user).toEqual({ username: 'nina.nieuw', name: 'Nieuw, Nina (fictief)', org: 'politie', role: 'deelnemer' });
    expect(admin(['user', 'list']).stdout).toContain('agent\tom\tdeelnemer');
    expect(admin(['audit', 'list']).stdout).not.toContain(password);
    const unreadable = admin(['user', 'import', join(t.dataDir, 'bestaat-niet.csv')]);
    expect(unreadable).toMatchObject({ status: 2 });
    expect(unreadable.stderr).toContain('Kan');
    await writeFile(file, 'naam;rol\nX;deelnemer\n');
    expect(admin(['user', 'import', file])).toMatchObject({ status: 1, stderr: expect.stringContaining('Regel 1: de kolom gebruikersnaam ontbreekt') as string });
  });

  it('lists and verifies the audit log; verify fails naming the first bad entry', () => {
    const listed = admin(['audit', 'list', '--user', 'agent']).stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string });
    expect(listed.map((e) => e.event)).toEqual(expect.arrayContaining(['user-add', 'grant', 'revoke', 'login-success', 'user-password']));
    const verified = admin(['audit', 'verify']);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/intact/);
    const db = new Database(join(t.dataDir, databaseFile));
    db.exec("DROP TRIGGER audit_no_update; UPDATE audit SET ip = '10.0.0.66' WHERE seq = 2");
    db.close();
    const broken = admin(['audit', 'verify']);
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toContain('eerste foute regel 2');
  });
});
