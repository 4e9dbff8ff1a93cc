/**
 * `npm run admin -- --data-dir D room check [--room R]` and `room quarantine list|export`:
 * loads stored rooms the way the server does (setting aside what does not load) and shows
 * what was set aside. Needs the data key; exports are written 0600 and audited. Output
 * holds ids, counts and error names only, never document content.
 */
import { writeFileSync } from 'node:fs';
import { adminActor, createAuditLog } from '../storage/audit';
import { DataDirError, openKeyedStore } from '../storage/keyed-data-dir';
import { silentLogger } from '../log';
import { loadRoomDoc } from '../rooms/room-loader';
import { createRoomStore } from '../storage/room-store';
import type { StorageTarget } from '../storage/open';

/** Usage lines of the room commands (appended to the admin CLI's usage). */
export const roomUsage = `  room check [--room KAMER]
  room quarantine list [--room KAMER]
  room quarantine export <nr> --out BESTAND`;

class RoomUsageError extends Error {}

/**
 * Runs a `room …` command; returns the exit code: 0 done (check: every room loaded without
 * setting anything aside), 1 refused, 2 usage error, 4 check set values aside.
 */
export async function runRoomCommand(words: string[], flags: Record<string, string | boolean | undefined>, target: StorageTarget): Promise<number> {
  const out = (text: string): void => void process.stdout.write(text + '\n');
  const flag = (name: string): string | undefined => (typeof flags[name] === 'string' ? flags[name] : undefined);
  const [, verb, sub, ...rest] = words;
  try {
    const command = verb === 'quarantine' ? `quarantine ${sub ?? ''}`.trim() : verb;
    if (command !== 'check' && command !== 'quarantine list' && command !== 'quarantine export') {
      throw new RoomUsageError('Onbekende opdracht; gebruik room check, room quarantine list of room quarantine export.');
    }
    const { sql, cipher } = await openKeyedStore(target);
    try {
      const store = createRoomStore(sql, cipher);
      const audit = createAuditLog(sql);
      if (command === 'check') {
        const only = flag('room');
        const rooms = only ? [only] : await store.listRooms();
        let setAside = 0;
        let failed = 0;
        for (const room of rooms) {
          const started = performance.now();
          try {
            const loaded = await loadRoomDoc(store, room, silentLogger);
            loaded.doc.destroy();
            setAside += loaded.quarantined;
            const note = loaded.quarantined > 0 ? `${loaded.quarantined} apart gezet` : 'in orde';
            out(`${room}\t${loaded.rows} regels\t${Math.round(performance.now() - started)} ms\t${note}`);
          } catch (error) {
            failed++;
            out(`${room}\tNIET GELADEN (${(error as Error).name})`);
          }
        }
        await audit.append({ event: 'room-check', actor: adminActor, room: only ?? null, detail: { rooms: rooms.length, quarantined: setAside, failed } });
        out(`${rooms.length} kamers gecontroleerd, ${setAside} opgeslagen waarden apart gezet, ${failed} niet geladen.`);
        if (setAside > 0) out('Bekijk ze met: room quarantine list');
        return failed > 0 ? 1 : setAside > 0 ? 4 : 0;
      }
      if (command === 'quarantine list') {
        const entries = await store.listQuarantine(flag('room'));
        if (entries.length === 0) out('Niets in quarantaine.');
        for (const entry of entries) out(`${entry.id}\t${entry.room}\t${entry.source} ${entry.sourceId}\t${entry.error}\t${entry.at}`);
        return 0;
      }
      const [idText] = rest;
      const outFile = flag('out');
      const id = Number(idText);
      if (!idText || !Number.isSafeInteger(id) || id <= 0 || !outFile) throw new RoomUsageError('room quarantine export <nr> --out BESTAND');
      const opened = await store.openQuarantined(id);
      if (!opened) {
        process.stderr.write(`Quarantaine-nummer ${id} bestaat niet.\n`);
        return 1;
      }
      try {
        // wx: never overwrite; 0600: the export holds case content.
        writeFileSync(outFile, opened.data, { flag: 'wx', mode: 0o600 });
      } catch (error) {
        process.stderr.write(`Kan ${outFile} niet schrijven (${(error as NodeJS.ErrnoException).code ?? 'fout'}); bestaat het al?\n`);
        return 1;
      }
      await audit.append({ event: 'quarantine-export', actor: adminActor, room: opened.entry.room, detail: { quarantine: id, source: opened.entry.source, sourceId: opened.entry.sourceId, bytes: opened.data.byteLength } });
      out(`Waarde ${id} (${opened.entry.source} ${opened.entry.sourceId} van ${opened.entry.room}, ${opened.data.byteLength} bytes, een Yjs-update) opgeslagen in ${outFile}.`);
      out('De export staat in het auditlog.');
      return 0;
    } finally {
      await sql.close();
    }
  } catch (error) {
    if (error instanceof RoomUsageError) {
      process.stderr.write(`${error.message}\n\nGebruik:\n${roomUsage}\n`);
      return 2;
    }
    if (error instanceof DataDirError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
