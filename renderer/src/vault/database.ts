/**
 * The vault's IndexedDB schema (Dexie). Every row's content is ciphertext; only room ids
 * (random, meaningless without the server) and sequence numbers are in clear, because
 * they are the indexes.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Sealed } from './cipher';

/** One encrypted Yjs update of a room, in the order it was written. */
export interface UpdateRow extends Sealed {
  seq?: number;
  room: string;
}

/** The merged state of a room up to and including update row `seqUpTo`. */
export interface SnapshotRow extends Sealed {
  room: string;
  seqUpTo: number;
}

/**
 * A room's read copy: its current content in a fresh document without the editing history
 * (collab/readCopy.ts), so a view can paint it before the room's full state is applied.
 */
export interface CopyRow extends Sealed {
  room: string;
  /** The room's highest stored update row (or snapshot) when the copy was made. */
  seqUpTo: number;
}

/** Vault metadata: the wrapped key in clear (it is its own protection), everything else sealed. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** A user's vault database. */
export class VaultDatabase extends Dexie {
  // `declare`: class fields would overwrite the tables Dexie defines in its constructor.
  declare updates: Table<UpdateRow, number>;
  declare snapshots: Table<SnapshotRow, string>;
  declare meta: Table<MetaRow, string>;
  declare copies: Table<CopyRow, string>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    // Versioned: a later schema adds version(2) with an upgrade, never edits this one.
    this.version(1).stores({
      updates: '++seq, room, [room+seq]',
      snapshots: 'room',
      meta: 'key',
    });
    this.version(2).stores({ copies: 'room' });
  }
}
