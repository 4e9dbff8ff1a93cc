/**
 * `npm run admin -- monitor rebuild`: re-reads every case and meeting document into the
 * monitor's index (docs/design.md "Monitor"). Needs the data key. Output holds counts only.
 */
import { createMonitorIndex } from '../monitor/monitor-index';
import { DataDirError, openKeyedStore } from '../storage/keyed-data-dir';
import type { StorageTarget } from '../storage/open';

/** Usage line (appended to the admin CLI's usage). */
export const monitorUsage = '  monitor rebuild';

/** Runs a `monitor …` command; returns the exit code (0 done, 1 refused, 2 usage). */
export async function runMonitorCommand(words: string[], target: StorageTarget): Promise<number> {
  if (words[1] !== 'rebuild' || words.length !== 2) {
    process.stderr.write('Onbekende opdracht; gebruik monitor rebuild.\n');
    return 2;
  }
  let opened: Awaited<ReturnType<typeof openKeyedStore>> | null = null;
  try {
    opened = await openKeyedStore(target);
    const index = createMonitorIndex(opened.sql, opened.cipher);
    const rooms = await index.rebuild();
    process.stdout.write(`Monitorindex opnieuw opgebouwd: ${rooms} casussen en overleggen gelezen.\n`);
    return 0;
  } catch (error) {
    if (error instanceof DataDirError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await opened?.sql.close();
  }
}
