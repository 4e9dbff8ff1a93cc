/**
 * `npm run bench:backup [-- --rooms N --updates U]`: times backup, restore and migrate on a
 * generated region. Builds an embedded SQLite region (N rooms of U edits each, half of them
 * compacted into a snapshot, 200 users with grants, their audit entries), then measures:
 * backup of SQLite, migrate SQLite → PostgreSQL (copy + full verification), backup of
 * PostgreSQL, restore into an empty SQLite data dir and into an empty PostgreSQL database
 * (each including its verification: every room opened). PostgreSQL is a local cluster
 * started for the run (fsync on, synchronous_commit off: 'normal' in test/backends.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { createDirectory } from '../../sync-server/src/access/directory';
import { createGrants } from '../../sync-server/src/access/grants';
import { adminActor, createAuditLog } from '../../sync-server/src/storage/audit';
import { createContentCipher } from '../../sync-server/src/storage/content-cipher';
import { verifyDataKey } from '../../sync-server/src/storage/keyed-data-dir';
import { openStorage } from '../../sync-server/src/storage/open';
import { createRoomStore } from '../../sync-server/src/storage/room-store';
import { backup, migrate, restore } from '../../sync-server/src/storage/transfer';
import { startPostgres } from '../../sync-server/test/backends';

const { values } = parseArgs({ options: { rooms: { type: 'string', default: '1000' }, updates: { type: 'string', default: '40' }, users: { type: 'string', default: '200' } } });
const roomCount = Number(values.rooms);
const updatesPerRoom = Number(values.updates);
const userCount = Number(values.users);

const keyText = randomBytes(32).toString('base64');
const cipher = createContentCipher(Buffer.from(keyText, 'base64'));
const work = mkdtempSync(join(tmpdir(), 'themakamer-bench-backup-'));

async function generate(dataDir: string): Promise<void> {
  const { sql } = await openStorage({ dataDir });
  await verifyDataKey(sql, cipher, true);
  const audit = createAuditLog(sql);
  const directory = createDirectory(sql, audit);
  const grants = createGrants(sql, audit);
  await directory.addOrg('zvh-bench', 'ZVH Benchregio', adminActor);
  for (let u = 0; u < userCount; u++) await directory.addUser({ username: `user${u}`, org: 'zvh-bench', role: 'deelnemer', password: 'fictief-wachtwoord-123' }, adminActor);
  const store = createRoomStore(sql, cipher);
  for (let r = 0; r < roomCount; r++) {
    const room = `case:bench${String(r).padStart(6, '0')}`;
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < updatesPerRoom; i++) {
      doc.getText('notes').insert(doc.getText('notes').length, `Afspraak ${i}: fictieve tekst voor de meting. `);
      doc.getMap('meta').set('stap', i);
    }
    const half = Math.floor(updates.length / 2);
    await store.append(room, updates.slice(0, half));
    if (r % 2 === 0) await store.compact(room, Y.encodeStateAsUpdate(doc), half);
    await store.append(room, updates.slice(half));
    for (let g = 0; g < 3; g++) await grants.grant(room, `user${(r * 3 + g) % userCount}`, 'edit', adminActor);
    doc.destroy();
  }
  await sql.close();
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);

async function main(): Promise<void> {
  console.log(`bench:backup — ${roomCount} rooms × ${updatesPerRoom} edits, ${userCount} users; ${cpus().length} cores, Node ${process.version}`);
  const postgres = await startPostgres({ durability: 'normal' });
  try {
    const source = join(work, 'source');
    const started = performance.now();
    await generate(source);
    console.log(`generated region in ${seconds(performance.now() - started)} s (database ${(statSync(join(source, 'themakamer.sqlite')).size / 1e6).toFixed(1)} MB)`);

    const rows: string[] = [];
    const report = (step: string, ms: number, extra: string): void => {
      rows.push(`| ${step} | ${seconds(ms)} | ${extra} |`);
      console.log(`${step}: ${seconds(ms)} s ${extra}`);
    };

    const sqliteFile = join(work, 'sqlite.jsonl.gz');
    const b1 = await backup({ dataDir: source }, sqliteFile);
    report('backup SQLite', b1.ms, `${(b1.bytes / 1e6).toFixed(1)} MB file, ${b1.rows.updates} updates, ${b1.auditEntries} audit entries`);

    const url = await postgres.database();
    const m = await migrate({ fromDataDir: source, toDatabaseUrl: url, dataKey: keyText });
    report('migrate SQLite → PostgreSQL (incl. verify)', m.ms, `${m.rooms} rooms compared`);

    const pgFile = join(work, 'pg.jsonl.gz');
    const b2 = await backup({ dataDir: '', databaseUrl: url }, pgFile);
    report('backup PostgreSQL', b2.ms, `${(b2.bytes / 1e6).toFixed(1)} MB file`);

    const r1 = await restore(pgFile, { dataDir: join(work, 'restored') }, keyText);
    report('restore into empty SQLite (incl. verify)', r1.ms, `${r1.rooms} rooms opened`);

    const r2 = await restore(sqliteFile, { dataDir: '', databaseUrl: await postgres.database() }, keyText);
    report('restore into empty PostgreSQL (incl. verify)', r2.ms, `${r2.rooms} rooms opened`);

    console.log('\n| step | seconds | notes |\n|---|---|---|\n' + rows.join('\n'));
  } finally {
    await postgres.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
