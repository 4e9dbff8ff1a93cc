/** The hash-chained audit log: verify passes on an intact chain and names the first edited or deleted entry. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryHash, type AuditHashInput } from '../src/storage/audit';
import { databaseFile } from '../src/storage/database';
import { addTestUser, login, newClient, newServer, testPassword, type TestServer } from './helpers';

const room = 'case:audittest0000001';

describe('audit log', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await newServer();
    await addTestUser(t.admin, 'anna');
    await t.admin.grant(room, 'anna', 'edit');
    const { token } = await login(t.url, 'anna', testPassword);
    const c = newClient(t.wsUrl, room, token);
    await c.synced;
    c.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await t.admin.revoke(room, 'anna');
  });
  afterEach(() => t.close());

  /** Simulates someone with the raw file: drops the guard triggers and runs `sql`. */
  const tamper = (sql: string): void => {
    const db = new Database(join(t.dataDir, databaseFile));
    db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
    db.exec(sql);
    db.close();
  };

  it('records logins, room open/close, grants and revokes, chained', async () => {
    const events = (await t.admin.auditList()).map((e) => e.event);
    // The first start makes the region's measures board (measures.test.ts).
    expect(events).toEqual(['room-create', 'org-add', 'user-add', 'grant', 'login-success', 'room-open', 'room-close', 'revoke']);
    const open = (await t.admin.auditList({ room })).find((e) => e.event === 'room-open');
    expect(open).toMatchObject({ actor: 'anna', room, detail: { access: 'edit' } });
    expect((await t.admin.auditVerify())).toMatchObject({ ok: true, entries: 8 });
  });

  it('filters by user, room and time', async () => {
    expect((await t.admin.auditList({ user: 'anna' })).every((e) => e.actor === 'anna' || e.target === 'anna')).toBe(true);
    expect((await t.admin.auditList({ room })).every((e) => e.room === room)).toBe(true);
    expect((await t.admin.auditList({ since: '2999-01-01T00:00:00Z' }))).toEqual([]);
  });

  it('is append-only through the database itself', async () => {
    const db = new Database(join(t.dataDir, databaseFile));
    expect(() => db.exec("UPDATE audit SET actor = 'x' WHERE seq = 1")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit WHERE seq = 1')).toThrow(/append-only/);
    db.close();
  });

  it('names an edited entry', async () => {
    tamper("UPDATE audit SET actor = 'mallory' WHERE seq = 4");
    expect((await t.admin.auditVerify())).toMatchObject({ ok: false, firstBad: 4, reason: 'hash-mismatch' });
  });

  it('names a deleted entry', async () => {
    tamper('DELETE FROM audit WHERE seq = 3');
    expect((await t.admin.auditVerify())).toMatchObject({ ok: false, firstBad: 3, reason: 'gap' });
  });

  it('names the entry after a forgery that recomputed its own hash', async () => {
    const db = new Database(join(t.dataDir, databaseFile));
    const row = db.prepare('SELECT * FROM audit WHERE seq = 2').get() as AuditHashInput & { prev_hash: string };
    db.close();
    const forged = { ...row, actor: 'mallory' };
    tamper(`UPDATE audit SET actor = 'mallory', hash = '${entryHash(row.prev_hash, forged)}' WHERE seq = 2`);
    expect((await t.admin.auditVerify())).toMatchObject({ ok: false, firstBad: 3, reason: 'broken-link' });
  });
});
