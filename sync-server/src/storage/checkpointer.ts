/**
 * WAL checkpoints off the event loop. A checkpoint copies the WAL into the database and
 * fsyncs; done by SQLite's auto-checkpoint it would stall the thread that relays edits
 * for milliseconds. Here a worker thread with its own connection runs PASSIVE
 * checkpoints (they never block writers), and the main connection's auto-checkpoint is off.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database';
import type { Logger } from '../log';

/** A running checkpointer; stop() ends the worker. */
export interface Checkpointer { stop(): Promise<void> }

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage({ error: error.code || error.name }); }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/** Starts checkpointing `file` every `intervalMs`; falls back to auto-checkpoints if the worker fails. */
export function startCheckpointer(db: Db, file: string, intervalMs: number, logger: Logger): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, { eval: true, workerData: { file, intervalMs, driver } });
  worker.unref();
  db.pragma('wal_autocheckpoint = 0');
  const fallBack = (reason: string): void => {
    logger.warn('checkpointer-failed', { reason });
    db.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('message', (message: { error?: string }) => logger.warn('checkpoint-failed', { error: message.error ?? 'unknown' }));
  worker.on('error', (error) => fallBack(error.name));
  let stopped = false;
  worker.on('exit', (code) => {
    if (!stopped) fallBack(`exit-${code}`);
  });
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
      db.pragma('wal_autocheckpoint = 1000');
    },
  };
}
