/**
 * The one SQL seam every store is written against, with two implementations: embedded
 * SQLite (better-sqlite3, one connection, the default) and PostgreSQL (pg pool). Stores
 * write each statement once, in the common dialect: `$1, $2 …` placeholders,
 * `INSERT … ON CONFLICT`, `RETURNING`, and `FOR UPDATE` where PostgreSQL needs a row
 * lock (SQLite drops it: its write transactions are already exclusive).
 */
import pg from 'pg';
import type { Db } from './database';

/** Rows come back as plain objects; 64-bit integers as numbers, binary as Buffer. */
export type Row = Record<string, unknown>;

/** Statements that can run inside or outside a transaction. */
export interface SqlQueries {
  all<T extends Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  get<T extends Row>(text: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(text: string, params?: readonly unknown[]): Promise<{ changes: number }>;
  /**
   * Serialises this transaction with every other one taking the same lock (SQLite's write
   * transactions are exclusive already; PostgreSQL takes a transaction-scoped advisory lock).
   */
  lock(name: string): Promise<void>;
  /** Tells other instances that `channel` changed, when the transaction commits. */
  notify(channel: string): Promise<void>;
}

/** A database connection (pool). */
export interface Sql extends SqlQueries {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs `work` in one transaction; it commits when `work` resolves, rolls back when it
   * throws. `readOnly`: a consistent snapshot for several reads (PostgreSQL REPEATABLE READ).
   */
  tx<T>(work: (q: SqlQueries) => Promise<T>, options?: { readOnly?: boolean }): Promise<T>;
  /**
   * Calls `listener` when another process may have changed `channel` (PostgreSQL
   * LISTEN/NOTIFY; on SQLite any change by another process, seen by polling
   * `data_version`). Returns a function that stops listening.
   */
  listen(channel: string, listener: () => void, pollMs: number): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** `$1 … $n` (each any number of times) to SQLite's positional `?`, and FOR UPDATE dropped. */
function toSqlite(text: string): { text: string; order: number[] } {
  const order: number[] = [];
  const converted = text.replace(/\s+FOR UPDATE\b/gi, '').replace(/\$(\d+)/g, (_match, n: string) => {
    order.push(Number(n) - 1);
    return '?';
  });
  return { text: converted, order };
}

const sqliteValue = (value: unknown): unknown => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

/** The SQL seam over an open better-sqlite3 database (one connection; transactions take turns). */
export function sqliteSql(db: Db): Sql {
  type Statement = { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown; run(...params: unknown[]): { changes: number }; reader: boolean };
  const statements = new Map<string, { statement: Statement; order: number[] }>();
  const prepared = (text: string): { statement: Statement; order: number[] } => {
    let entry = statements.get(text);
    if (!entry) {
      const { text: converted, order } = toSqlite(text);
      entry = { statement: db.prepare(converted) as unknown as Statement, order };
      statements.set(text, entry);
    }
    return entry;
  };
  const bind = (order: number[], params: readonly unknown[]): unknown[] => order.map((i) => sqliteValue(params[i]));
  const direct: SqlQueries = {
    async all<T extends Row>(text: string, params: readonly unknown[] = []) {
      const { statement, order } = prepared(text);
      return statement.all(...bind(order, params)) as T[];
    },
    async get<T extends Row>(text: string, params: readonly unknown[] = []) {
      const { statement, order } = prepared(text);
      return statement.get(...bind(order, params)) as T | undefined;
    },
    async run(text, params = []) {
      const { statement, order } = prepared(text);
      if (statement.reader) {
        statement.all(...bind(order, params));
        return { changes: 0 };
      }
      return { changes: statement.run(...bind(order, params)).changes };
    },
    async lock() {},
    async notify() {},
  };

  // Transaction control as prepared statements: `db.exec` parses its SQL on every call, and
  // BEGIN/COMMIT run for every stored update (on the path from edit to relay).
  const control = { begin: db.prepare('BEGIN'), beginImmediate: db.prepare('BEGIN IMMEDIATE'), commit: db.prepare('COMMIT'), rollback: db.prepare('ROLLBACK') };

  // One connection: a transaction's statements must not interleave with another's, so
  // transactions (and statements outside them, while one is open) wait their turn.
  let turn: Promise<unknown> = Promise.resolve();
  let inTx = false;
  const waitTurn = async <T>(work: () => Promise<T>): Promise<T> => {
    const previous = turn;
    let release!: () => void;
    turn = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      return await work();
    } finally {
      release();
    }
  };
  const outside = <K extends 'all' | 'get' | 'run'>(method: K): SqlQueries[K] =>
    ((text: string, params?: readonly unknown[]) => (inTx ? waitTurn(() => direct[method](text, params) as Promise<never>) : direct[method](text, params))) as SqlQueries[K];

  return {
    dialect: 'sqlite',
    all: outside('all'),
    get: outside('get'),
    run: outside('run'),
    lock: direct.lock,
    notify: direct.notify,
    tx<T>(work: (q: SqlQueries) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
      return waitTurn(async () => {
        (options.readOnly ? control.begin : control.beginImmediate).run();
        inTx = true;
        try {
          const result = await work(direct);
          control.commit.run();
          return result;
        } catch (error) {
          if (db.inTransaction) control.rollback.run();
          throw error;
        } finally {
          inTx = false;
        }
      });
    },
    async listen(_channel, listener, pollMs) {
      let last = db.pragma('data_version', { simple: true }) as number;
      const timer = setInterval(() => {
        if (!db.open) return;
        const version = db.pragma('data_version', { simple: true }) as number;
        if (version !== last) {
          last = version;
          listener();
        }
      }, pollMs);
      timer.unref();
      return async () => clearInterval(timer);
    },
    async close() {
      await waitTurn(async () => db.close());
    },
  };
}

/** pg returns BIGINT (int8) and NUMERIC as strings; our integers fit in a double. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** Names of LISTEN channels: our own prefix, so a shared database cannot confuse them. */
const channelName = (channel: string): string => `themakamer_${channel.replace(/[^a-z0-9_]/gi, '_')}`;

function postgresQueries(client: pg.Pool | pg.PoolClient, pending: string[] | null): SqlQueries {
  return {
    async all<T extends Row>(text: string, params: readonly unknown[] = []): Promise<T[]> {
      return (await client.query<T>(text, params as unknown[])).rows;
    },
    async get<T extends Row>(text: string, params: readonly unknown[] = []): Promise<T | undefined> {
      return (await client.query<T>(text, params as unknown[])).rows[0];
    },
    async run(text: string, params: readonly unknown[] = []) {
      return { changes: (await client.query(text, params as unknown[])).rowCount ?? 0 };
    },
    async lock(name) {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`themakamer:${name}`]);
    },
    async notify(channel) {
      if (pending) pending.push(channel);
      else await client.query('SELECT pg_notify($1, $2)', [channelName(channel), '']);
    },
  };
}

/** The SQL seam over a PostgreSQL pool. */
export function postgresSql(url: string, options: { max?: number } = {}): Sql {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const direct = postgresQueries(pool, null);
  return {
    dialect: 'postgres',
    ...direct,
    async tx<T>(work: (q: SqlQueries) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
      const client = await pool.connect();
      const notifications: string[] = [];
      try {
        await client.query(options.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
        const result = await work(postgresQueries(client, notifications));
        // NOTIFY inside the transaction: delivered on commit, never for a rolled-back change.
        for (const channel of new Set(notifications)) await client.query('SELECT pg_notify($1, $2)', [channelName(channel), '']);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, listener, pollMs) {
      // A dedicated connection for LISTEN, re-established when it drops; a poll covers the gap.
      let stopped = false;
      let client: pg.Client | null = null;
      const connect = async (): Promise<void> => {
        if (stopped) return;
        const next = new pg.Client({ connectionString: url, types });
        next.on('notification', () => listener());
        next.on('error', () => {
          if (client === next) client = null;
          void next.end().catch(() => {});
        });
        try {
          await next.connect();
          await next.query(`LISTEN ${channelName(channel)}`);
          client = next;
          // Something may have changed while not listening.
          listener();
        } catch {
          void next.end().catch(() => {});
        }
      };
      await connect();
      // The backstop poll: reconnect a dropped LISTEN connection at once, and call the
      // listener every 20 intervals anyway (a notification lost in between is seen late, not never).
      let ticks = 0;
      const timer = setInterval(() => {
        if (!client) void connect();
        else if (++ticks % 20 === 0) listener();
      }, pollMs);
      timer.unref();
      return async () => {
        stopped = true;
        clearInterval(timer);
        await client?.end().catch(() => {});
      };
    },
    close: () => pool.end(),
  };
}
