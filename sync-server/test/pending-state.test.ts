/**
 * Structs the server cannot integrate yet (pending) never reach a syncing client or a
 * snapshot. Found by the fuzzer (test/fuzz-regressions): Y.encodeStateAsUpdate merges the
 * pending bytes into the state it encodes, and a pending struct claiming an id the room
 * already holds could replace the real one, leaving that writer's items stuck for every
 * later client and, once compacted, for good.
 */
import { rm } from 'node:fs/promises';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../src/log';
import { startServer, type RunningServer } from '../src/server';
import { addTestUser, login, newClient, newServer, rawSocket, testPassword, type TestServer } from './helpers';

const room = 'case:pendingstate0001';

/** One item of an unknown client after a gap (pending), and one claiming `victim`'s clock 0 placed after it. */
function claimingUpdate(victim: number, unknown: number): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 2);
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoder.writeClient(unknown);
  encoding.writeVarUint(encoder.restEncoder, 5);
  new Y.Item(Y.createID(unknown, 5), null, null, null, null, 'meta' as unknown as Y.ID, 'z', new Y.ContentAny(['y'])).write(encoder, 0);
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoder.writeClient(victim);
  encoding.writeVarUint(encoder.restEncoder, 0);
  new Y.Item(Y.createID(victim, 0), null, Y.createID(unknown, 5), null, null, null, null, new Y.ContentAny(['x'])).write(encoder, 0);
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

const syncMessage = (step: number, payload: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};

describe('pending structs', () => {
  let t: TestServer | null = null;
  let restarted: RunningServer | null = null;
  afterEach(async () => {
    await restarted?.close();
    if (t) {
      await t.admin.close();
      await rm(t.dataDir, { recursive: true, force: true });
    }
  });

  it('never replace what a room holds for clients that sync later, nor in its snapshot', async () => {
    t = await newServer();
    await addTestUser(t.admin, 'anna');
    await t.admin.grant(room, 'anna', 'edit');
    const { token } = await login(t.url, 'anna', testPassword);
    const writer = newClient(t.wsUrl, room, token, { doc: Object.assign(new Y.Doc(), { clientID: 1000 }) });
    await writer.synced;
    writer.doc.transact(() => { for (let i = 0; i < 5; i++) writer.doc.getMap('meta').set(`k${i}`, i); });

    const attacker = rawSocket(t.wsUrl, room, token);
    await new Promise((resolve) => attacker.socket.once('message', resolve));
    // The answer to a step 1 comes after the update before it was handled (accepted: it is well formed).
    const answered = new Promise((resolve) => attacker.socket.on('message', (data: Buffer) => { if (data[0] === 0 && data[1] === 1) resolve(null); }));
    attacker.socket.send(syncMessage(2, claimingUpdate(1000, 9999)));
    attacker.socket.send(syncMessage(0, Y.encodeStateVector(new Y.Doc())));
    await answered;
    attacker.socket.close();

    const late = newClient(t.wsUrl, room, token);
    await late.synced;
    expect(late.doc.getMap('meta').toJSON()).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4 });
    late.destroy();
    writer.destroy();

    // Closing writes a snapshot of the room; the next server loads it whole.
    await t.server.close();
    restarted = await startServer({ dataDir: t.dataDir, port: 0, logger: silentLogger, requireMfa: false });
    const again = newClient(restarted.wsUrl, room, (await login(restarted.url, 'anna', testPassword)).token);
    await again.synced;
    expect(again.doc.getMap('meta').toJSON()).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4 });
    again.destroy();
  });
});
