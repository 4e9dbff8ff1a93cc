/**
 * Encryption at rest: text typed in a document is not findable in any file of the data
 * dir (database, WAL, snapshots, frozen copies); the key file is 0600; a wrong key refuses to start.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataKeyError, keyFileName } from '../src/storage/data-key';
import { silentLogger } from '../src/log';
import { startServer } from '../src/server';
import { addTestUser, login, newClient, newServer, testPassword, type TestServer } from './helpers';

const room = 'case:cryptotest0000001';
const meeting = 'meeting:cryptotest000001';
const marker = 'FICTIEF-Pietje-Puk-Marktplein-99';

async function filesContaining(dir: string, needles: Buffer[]): Promise<string[]> {
  const hits: string[] = [];
  for (const name of await readdir(dir)) {
    const content = await readFile(join(dir, name));
    if (needles.some((n) => content.includes(n))) hits.push(name);
  }
  return hits;
}

// The marker as Yjs would store it: UTF-8, and (defensively) UTF-16 in case of any other encoding.
const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le'), Buffer.from(marker.slice(0, 12), 'utf8')];

describe('encryption at rest', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await newServer({ compactAfterUpdates: 5 });
    await addTestUser(t.admin, 'voorzitter', 'procesregisseur');
    await t.admin.grant(room, 'voorzitter', 'edit');
    await t.admin.grant(meeting, 'voorzitter', 'edit');
  });
  afterEach(() => t.close());

  it('keeps typed text out of every file in the data dir, including the WAL and frozen copies', async () => {
    const { token } = await login(t.url, 'voorzitter', testPassword);
    const c = newClient(t.wsUrl, room, token);
    const m = newClient(t.wsUrl, meeting, token);
    await Promise.all([c.synced, m.synced]);
    // Keystroke by keystroke (many updates, then compaction into a snapshot), and in one go.
    for (const ch of marker) c.doc.getText('plan').insert(c.doc.getText('plan').length, ch);
    c.doc.getMap('persons').set('p1', marker);
    m.doc.transact(() => {
      m.doc.getMap('meta').set('chair', 'voorzitter');
      m.doc.getArray('agenda').push([room]);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const approved = await fetch(`${t.url}/api/meetings/${encodeURIComponent(meeting)}/approve`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect(approved.status).toBe(200);

    const files = await readdir(t.dataDir);
    expect(files).toEqual(expect.arrayContaining(['themakamer.sqlite', 'themakamer.sqlite-wal', keyFileName]));
    expect(await filesContaining(t.dataDir, needles)).toEqual([]);
    // The test can fail: the marker is really in the documents.
    expect(c.doc.getText('plan').toString()).toBe(marker);

    c.destroy();
    m.destroy();
    await t.server.close();
    expect(await filesContaining(t.dataDir, needles)).toEqual([]);
  });

  it('creates the key file and database files readable by the owner only', async () => {
    for (const name of [keyFileName, 'themakamer.sqlite']) {
      expect(((await stat(join(t.dataDir, name))).mode & 0o777).toString(8)).toBe('600');
    }
  });

  it('refuses to start with another key, without printing key material', async () => {
    await t.server.close();
    const other = Buffer.alloc(32, 7).toString('base64');
    const error = await startServer({ dataDir: t.dataDir, port: 0, dataKey: other, logger: silentLogger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataKeyError);
    const stored = (await readFile(join(t.dataDir, keyFileName), 'utf8')).trim();
    expect(String((error as Error).message)).not.toContain(stored);
    expect(String((error as Error).message)).not.toContain(other);
  });

  it('takes the key from the option (env) instead of a file', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'themakamer-envkey-'));
    const key = Buffer.alloc(32, 9).toString('base64');
    const server = await startServer({ dataDir: dir, port: 0, dataKey: key, logger: silentLogger });
    await server.close();
    expect(await readdir(dir)).not.toContain(keyFileName);
    await expect(startServer({ dataDir: dir, port: 0, dataKey: 'kort', logger: silentLogger })).rejects.toBeInstanceOf(DataKeyError);
    await rm(dir, { recursive: true, force: true });
  });
});
