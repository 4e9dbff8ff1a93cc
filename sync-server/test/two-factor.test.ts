/**
 * Two-factor sign-in over real HTTP: enrolment at the first sign-in, codes used once, a wrong
 * code rate-limited like a password, recovery codes, the admin's reset, and what is stored.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../src/storage/database';
import { addTestUser, newServer, testPassword, type TestServer } from './helpers';

interface Answer { status: number; body: Record<string, unknown> }

async function post(url: string, path: string, body: unknown): Promise<Answer> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const totp = (secret: string): TOTP => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
/** The code of the step `offset` steps from now. */
const codeAt = (secret: string, offset = 0): string => totp(secret).generate({ timestamp: Date.now() + offset * 30_000 });

/** Signs in for the first time and enrols; returns the secret and the recovery codes. */
async function enrol(url: string, username: string): Promise<{ secret: string; recoveryCodes: string[]; token: string }> {
  const first = await post(url, '/api/login', { username, password: testPassword });
  expect(first.status).toBe(200);
  expect(first.body.secondFactor).toBe('enrol');
  const secret = first.body.secret as string;
  // The code of the previous step (accepted: one step of drift) keeps the current one free for the test.
  const done = await post(url, '/api/login/code', { ticket: first.body.ticket, code: codeAt(secret, -1) });
  expect(done.status).toBe(200);
  return { secret, recoveryCodes: done.body.recoveryCodes as string[], token: done.body.token as string };
}

async function ticketFor(url: string, username: string): Promise<string> {
  const answer = await post(url, '/api/login', { username, password: testPassword });
  expect(answer.body.secondFactor).toBe('code');
  expect(answer.body.token).toBeUndefined();
  return answer.body.ticket as string;
}

describe('two-factor sign-in', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await newServer({ requireMfa: true, limits: { loginAttemptsPerUser: 4, loginAttemptsPerIp: 50 } });
    await addTestUser(t.admin, 'anna', 'procesregisseur');
  });
  afterEach(() => t.close());

  it('enrols at the first sign-in: no token before a code, then a session and ten recovery codes', async () => {
    const first = await post(t.url, '/api/login', { username: 'anna', password: testPassword });
    expect(first.status).toBe(200);
    expect(first.body.token).toBeUndefined();
    expect(first.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(first.body.otpauthUri).toBe(`otpauth://totp/Themakamer:anna?issuer=Themakamer&secret=${first.body.secret as string}&algorithm=SHA1&digits=6&period=30`);
    const wrong = await post(t.url, '/api/login/code', { ticket: first.body.ticket, code: codeAt(first.body.secret as string, 5) });
    expect(wrong).toEqual({ status: 401, body: { error: 'invalid_code' } });
    // A refused enrolment stores nothing: the next sign-in still enrols.
    expect((await post(t.url, '/api/login', { username: 'anna', password: testPassword })).body.secondFactor).toBe('enrol');

    const done = await post(t.url, '/api/login/code', { ticket: first.body.ticket, code: codeAt(first.body.secret as string) });
    expect(done.status).toBe(200);
    expect(done.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const codes = done.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    const me = await fetch(`${t.url}/api/me`, { headers: { Authorization: `Bearer ${done.body.token as string}` } });
    expect(me.status).toBe(200);
    // From now on the password alone gives a ticket, never a token.
    expect((await post(t.url, '/api/login', { username: 'anna', password: testPassword })).body.secondFactor).toBe('code');
  });

  it('accepts a code once: the same code (or an earlier step) is refused afterwards', async () => {
    const { secret } = await enrol(t.url, 'anna');
    const code = codeAt(secret);
    expect((await post(t.url, '/api/login/code', { ticket: await ticketFor(t.url, 'anna'), code })).status).toBe(200);
    const reused = await post(t.url, '/api/login/code', { ticket: await ticketFor(t.url, 'anna'), code });
    expect(reused).toEqual({ status: 401, body: { error: 'invalid_code' } });
    // The step of the enrolment code is spent too.
    const earlier = await post(t.url, '/api/login/code', { ticket: await ticketFor(t.url, 'anna'), code: codeAt(secret, -1) });
    expect(earlier.status).toBe(401);
    // The next step is still good (one step of drift allowed).
    expect((await post(t.url, '/api/login/code', { ticket: await ticketFor(t.url, 'anna'), code: codeAt(secret, 1) })).status).toBe(200);
    const reasons = (await t.admin.auditList({ user: 'anna' })).filter((e) => e.event === 'mfa-failure').map((e) => e.detail?.reason);
    expect(reasons).toEqual(['reused', 'reused']);
  });

  it('rate-limits wrong codes with the password limit: then even the right code is refused', async () => {
    const { secret } = await enrol(t.url, 'anna');
    const ticket = await ticketFor(t.url, 'anna');
    const wrong = codeAt(secret, 10);
    for (let i = 0; i < 4; i++) expect((await post(t.url, '/api/login/code', { ticket, code: wrong })).status).toBe(401);
    expect(await post(t.url, '/api/login/code', { ticket, code: codeAt(secret) })).toEqual({ status: 429, body: { error: 'rate_limited' } });
    // The password step counts the same failures.
    expect((await post(t.url, '/api/login', { username: 'anna', password: testPassword })).status).toBe(429);
  });

  it('accepts each recovery code once, in any case and with or without dashes', async () => {
    const { recoveryCodes } = await enrol(t.url, 'anna');
    const [first, second] = recoveryCodes as [string, string];
    expect((await post(t.url, '/api/login/code', { ticket: await ticketFor(t.url, 'anna'), code: first })).status).toBe(200);
    expect((await post(t.url, '/api/login/code', { ticket: await ticketFor(t.url, 'anna'), code: first })).body).toEqual({ error: 'invalid_code' });
    const typed = second.toUpperCase().replace(/-/g, ' ');
    expect((await post(t.url, '/api/login/code', { ticket: await ticketFor(t.url, 'anna'), code: typed })).status).toBe(200);
    expect((await t.admin.auditList({ user: 'anna' })).filter((e) => e.event === 'mfa-recovery-used')).toHaveLength(2);
  });

  it('refuses a forged or altered ticket, and a ticket from before a password change', async () => {
    const { secret } = await enrol(t.url, 'anna');
    const ticket = await ticketFor(t.url, 'anna');
    const altered = ticket.slice(0, -4) + (ticket.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await post(t.url, '/api/login/code', { ticket: altered, code: codeAt(secret) })).toEqual({ status: 401, body: { error: 'ticket_expired' } });
    await t.admin.setPassword('anna', 'nieuw-test-wachtwoord-2');
    expect(await post(t.url, '/api/login/code', { ticket, code: codeAt(secret) })).toEqual({ status: 401, body: { error: 'ticket_expired' } });
  });

  it('`npm run admin -- user reset-mfa` ends the sessions and the user enrols again with a new secret', async () => {
    const { secret, token } = await enrol(t.url, 'anna');
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', '--data-dir', t.dataDir, 'user', 'reset-mfa', 'anna'], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('Tweestapsverificatie van anna gewist');
    expect(spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', '--data-dir', t.dataDir, 'user', 'reset-mfa', 'niemand'], { encoding: 'utf8' }).status).toBe(1);
    expect((await fetch(`${t.url}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    const again = await post(t.url, '/api/login', { username: 'anna', password: testPassword });
    expect(again.body.secondFactor).toBe('enrol');
    expect(again.body.secret).not.toBe(secret);
    expect((await t.admin.auditList({ user: undefined })).some((e) => e.event === 'mfa-reset' && e.target === 'anna')).toBe(true);
  });

  it('stores the secret sealed and the recovery codes hashed; no code reaches the audit log', async () => {
    const { secret, recoveryCodes } = await enrol(t.url, 'anna');
    const db = new Database(join(t.dataDir, databaseFile), { readonly: true });
    try {
      const row = db.prepare('SELECT secret FROM two_factor WHERE username = ?').get('anna') as { secret: Buffer };
      expect(row.secret.includes(Buffer.from(secret))).toBe(false);
      expect(row.secret.length).toBeGreaterThan(secret.length);
      const hashes = db.prepare('SELECT code_hash FROM recovery_codes WHERE username = ?').all('anna') as { code_hash: string }[];
      expect(hashes).toHaveLength(10);
      const stored = JSON.stringify(hashes);
      for (const code of recoveryCodes) expect(stored).not.toContain(code.replace(/-/g, ''));
    } finally {
      db.close();
    }
    const audit = JSON.stringify(await t.admin.auditList());
    expect(audit).not.toContain(secret);
    for (const code of recoveryCodes) expect(audit).not.toContain(code);
  });
});

describe('two-factor sign-in switched off (--require-mfa off)', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await newServer({ requireMfa: false });
    await addTestUser(t.admin, 'bram');
  });
  afterEach(() => t.close());

  it('gives a token for the password alone', async () => {
    const answer = await post(t.url, '/api/login', { username: 'bram', password: testPassword });
    expect(answer.status).toBe(200);
    expect(answer.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
