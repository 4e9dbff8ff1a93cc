/**
 * Transaction origins: every write is `doc.transact(fn, origin)` with one of these, so
 * observers can tell what caused a change (and ignore their own), the doc manager can
 * tell loads from edits, and undo can track the user's own edits only.
 * Remote changes carry the WebsocketProvider instance as origin (y-websocket's choice).
 */

/** A tag on a transaction; compared by identity. */
export interface Origin {
  readonly name: string;
}

const origin = (name: string): Origin => Object.freeze({ name });

/** The origins this app writes with. */
export const origins = Object.freeze({
  /** A user's edit through a typed accessor. */
  userEdit: origin('user-edit'),
  /** Setting up a new document (header, plan sections) by its creator. */
  setup: origin('setup'),
  /** The chair driving the meeting (current item, timers): followers ignore their own. */
  chairControl: origin('chair-control'),
  /** Updates read back from the local vault: never written again, never sent. */
  vaultLoad: origin('vault-load'),
  /** A frozen copy opened read-only. */
  frozenLoad: origin('frozen-load'),
});

/** True when `value` is one of this app's own origins (a local change). */
export function isAppOrigin(value: unknown): value is Origin {
  return Object.values(origins).includes(value as Origin);
}
