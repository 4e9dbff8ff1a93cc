/** y-websocket messages as a client sends them (sync step 1, step 2, update, awareness). */
import * as encoding from 'lib0/encoding';

const build = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

/** Sync step 2 (step = 1) or sync update (step = 2) carrying `update`. */
export const syncUpdate = (update: Uint8Array, step: 1 | 2 = 2): Uint8Array =>
  build((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, step); encoding.writeVarUint8Array(e, update); });

/** Sync step 1 with `stateVector`: the server answers with step 2 once it handled everything before it. */
export const syncStep1 = (stateVector: Uint8Array): Uint8Array =>
  build((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 0); encoding.writeVarUint8Array(e, stateVector); });

/** An awareness message with raw `payload`. */
export const awareness = (payload: Uint8Array): Uint8Array =>
  build((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, payload); });

/** Raw bytes written by `write` (for hand-made, often wrong, messages). */
export const raw = build;

/** True for a sync step 2 message (the answer to a step 1). */
export const isSyncStep2 = (data: Uint8Array): boolean => data.length >= 2 && data[0] === 0 && data[1] === 1;
