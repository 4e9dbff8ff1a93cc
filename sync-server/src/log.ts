/**
 * Structured logging. Callers pass ids and codes only: never document content,
 * passwords, tokens or the data key (see README, "Privacy").
 */

/** Fields of one log line: ids, codes and numbers, never content. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** A sink for log lines. */
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

function line(level: string, event: string, fields: LogFields | undefined): string {
  return JSON.stringify({ at: new Date().toISOString(), level, event, ...fields });
}

/** JSON lines on stderr: stdout is reserved for the single "listening" line. */
export const stderrLogger: Logger = {
  info: (event, fields) => process.stderr.write(line('info', event, fields) + '\n'),
  warn: (event, fields) => process.stderr.write(line('warn', event, fields) + '\n'),
  error: (event, fields) => process.stderr.write(line('error', event, fields) + '\n'),
};

/** Discards everything (tests that do not inspect logs). */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** Collects lines in memory (tests that check what was, and was not, logged). */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (event, fields) => lines.push(line('info', event, fields)),
    warn: (event, fields) => lines.push(line('warn', event, fields)),
    error: (event, fields) => lines.push(line('error', event, fields)),
  };
}
