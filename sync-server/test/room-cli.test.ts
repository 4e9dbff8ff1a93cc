/**
 * `npm run admin -- room check|quarantine …` as an operator runs it, in its own process on a
 * data dir whose store holds a poisoned update: check sets it aside and reports ids only,
 * list shows it, export writes the decrypted value 0600 and audits it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAuditLog } from '../src/storage/audit';
import { sqliteSql } from '../src/storage/sql';
import { createContentCipher } from '../src/storage/content-cipher';
import { openDatabase } from '../src/storage/database';
import { verifyDataKey } from '../src/storage/keyed-data-dir';
import { createRoomStore } from '../src/storage/room-store';

const rooms = ['case:roomcli000000001', 'case:roomcli000000002'];
const marker = 'FICTIEF-roomcli-inhoud';

describe('admin CLI: room check and quarantine', () => {
  let dir: string;
  const key = Buffer.alloc(32, 9).toString('base64');
  const admin = (args: string[]): { status: number | null; stdout: string; stderr: string } => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', '--data-dir', dir, ...args], {
      encoding: 'utf8', env: { ...process.env, THEMAKAMER_DATA_KEY: key },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'themakamer-roomcli-'));
    const db = openDatabase(dir);
    const cipher = createContentCipher(Buffer.from(key, 'base64'));
    // As the server does when it first starts on the dir.
    await verifyDataKey(sqliteSql(db), cipher, true);
    const store = createRoomStore(sqliteSql(db), cipher);
    const doc = new Y.Doc();
    doc.getMap('m').set('tekst', marker);
    const good = Y.encodeStateAsUpdate(doc);
    await store.append(rooms[0]!, [good, Uint8Array.of(1, 2, 250, 250, 250)]);
    await store.append(rooms[1]!, [good]);
    db.close();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('checks every room, sets the poisoned update aside and reports ids and counts only', async () => {
    const checked = admin(['room', 'check']);
    expect(checked.status).toBe(4);
    expect(checked.stdout).toContain(`${rooms[0]}\t1 regels`);
    expect(checked.stdout).toContain('1 apart gezet');
    expect(checked.stdout).toContain(`${rooms[1]}\t1 regels`);
    expect(checked.stdout).toContain('2 kamers gecontroleerd, 1 opgeslagen waarden apart gezet, 0 niet geladen.');
    expect(checked.stdout + checked.stderr).not.toContain(marker);
    // A second check finds nothing left to set aside.
    expect(admin(['room', 'check', '--room', rooms[0]!]).status).toBe(0);
  });

  it('lists and exports what was set aside, 0600, audited, never overwriting', async () => {
    const listed = admin(['room', 'quarantine', 'list']);
    expect(listed.status).toBe(0);
    const [line] = listed.stdout.trim().split('\n');
    const [id, room, source] = line!.split('\t');
    expect([room, source]).toEqual([rooms[0], 'update 2']);
    const out = join(dir, 'quarantaine.bin');
    const exported = admin(['room', 'quarantine', 'export', id!, '--out', out]);
    expect(exported.status).toBe(0);
    expect([...readFileSync(out)]).toEqual([1, 2, 250, 250, 250]);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(admin(['room', 'quarantine', 'export', id!, '--out', out]).status).toBe(1);
    expect(admin(['room', 'quarantine', 'export', '999', '--out', join(dir, 'x.bin')]).status).toBe(1);
    expect(admin(['room', 'quarantine', 'export']).status).toBe(2);
    const db = openDatabase(dir);
    try {
      const events = (await createAuditLog(sqliteSql(db)).list({})).map((e) => e.event);
      expect(events.filter((e) => e === 'room-check')).toHaveLength(2);
      expect(events.filter((e) => e === 'quarantine-export')).toHaveLength(1);
    } finally {
      db.close();
    }
  });

  it('refuses a wrong data key in Dutch', async () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', '--data-dir', dir, 'room', 'check'], {
      encoding: 'utf8', env: { ...process.env, THEMAKAMER_DATA_KEY: Buffer.alloc(32, 1).toString('base64') },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('De datasleutel past niet bij deze gegevensmap');
    // Nothing was set aside because of the wrong key.
    expect(admin(['room', 'quarantine', 'list']).stdout.trim().split('\n')).toHaveLength(1);
  });
});
