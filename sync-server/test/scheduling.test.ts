/**
 * Issue 12, attack (c): which updates run under the time budget, and in what order the
 * message pump handles and relays work of different rooms. Checked without timing: by the
 * path an update is given, and by the order of events.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Connection } from '../src/rooms/connection';
import { silentLogger } from '../src/log';
import { defaultLimits } from '../src/options';
import { createMessagePump, type Handled } from '../src/rooms/pump';
import type { Room } from '../src/rooms/room';
import { inspectUpdate } from '../src/rooms/update-check';
import { siblingsUpdate } from './attack-updates';

describe('which updates are guarded', () => {
  it('guards a burst of inserts at the start of an array that already holds concurrent ones', () => {
    const room = new Y.Doc();
    // Into an empty array: Yjs has nothing to scan.
    expect(inspectUpdate(room, siblingsUpdate(200), defaultLimits)).toBe('plain');
    Y.applyUpdate(room, siblingsUpdate(200));
    // Each further one scans every earlier item at that origin: it runs under the budget.
    expect(inspectUpdate(room, siblingsUpdate(200), defaultLimits)).toBe('guarded');
  });

  it('keeps ordinary edits of a client in sync plain', () => {
    const room = new Y.Doc();
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    client.getArray<number>('a').insert(0, [1, 2, 3]);
    client.getArray<number>('a').insert(3, [4]);
    client.getArray<number>('a').insert(0, [0]);
    client.getText('t').insert(0, 'hallo');
    client.getText('t').insert(2, 'x');
    for (const update of updates) {
      expect(inspectUpdate(room, update, defaultLimits)).toBe('plain');
      Y.applyUpdate(room, update);
    }
  });

  it('guards an update whose items wait for a missing dependency, and any update while the doc holds such items', () => {
    const room = new Y.Doc();
    const client = new Y.Doc();
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    client.getArray<number>('a').insert(0, [1]);
    client.getArray<number>('a').insert(1, [2]);
    expect(inspectUpdate(room, updates[1]!, defaultLimits)).toBe('guarded');
    Y.applyUpdate(room, updates[1]!);
    expect(room.store.pendingStructs).not.toBeNull();
    expect(inspectUpdate(room, updates[0]!, defaultLimits)).toBe('guarded');
  });
});

interface FakeRoom { name: string; state: 'ready'; hasUnstored: boolean }

function fakeConn(id: string, username: string): Connection {
  return { id, username, inbox: [], inboxBytes: 0, isOpen: () => true, close: () => {} } as unknown as Connection;
}

describe('message pump order', () => {
  it('relays an edit of another room before the next update of another connection starts', async () => {
    const events: string[] = [];
    const quiet: FakeRoom = { name: 'quiet', state: 'ready', hasUnstored: false };
    const target: FakeRoom = { name: 'target', state: 'ready', hasUnstored: false };
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const pump = createMessagePump({
      limits: defaultLimits,
      logger: silentLogger,
      handle(room, _conn, data): Handled {
        const fake = room as unknown as FakeRoom;
        if (fake === quiet) {
          events.push(`apply edit ${data[0]}`);
          // As Room does with SQLite: the update is stored, then relayed, in microtasks.
          fake.hasUnstored = true;
          queueMicrotask(() => {
            events.push(`relay edit ${data[0]}`);
            fake.hasUnstored = false;
          });
        } else {
          events.push('guarded update');
          done();
        }
        return { guarded: true, ms: 0.1 };
      },
    });
    const editor = fakeConn('editor', 'anna');
    const attacker = fakeConn('attacker', 'mallory');
    pump.attach(editor, quiet as unknown as Room);
    pump.attach(attacker, target as unknown as Room);
    pump.push(editor, Uint8Array.of(1));
    pump.push(editor, Uint8Array.of(2));
    pump.push(attacker, Uint8Array.of(9));
    await finished;
    pump.close();
    // The idle pump handles edit 1 at once; edit 2 waits for its relay (the room has an
    // unrelayed update) and goes in the next slice. Every relay comes before the other
    // connection's update.
    expect(events).toEqual(['apply edit 1', 'relay edit 1', 'apply edit 2', 'relay edit 2', 'guarded update']);
  });

  it('an idle pump handles a message in the socket event that brought it; a busy one queues it', () => {
    const handled: number[] = [];
    const room: FakeRoom = { name: 'room', state: 'ready', hasUnstored: false };
    const pump = createMessagePump({
      limits: defaultLimits,
      logger: silentLogger,
      handle(_room, _conn, data): Handled {
        handled.push(data[0]!);
        room.hasUnstored = true; // stored and relayed later, in microtasks
        return { guarded: false, ms: 0.1 };
      },
    });
    const anna = fakeConn('a', 'anna');
    const bram = fakeConn('b', 'bram');
    pump.attach(anna, room as unknown as Room);
    pump.attach(bram, room as unknown as Room);
    pump.push(anna, Uint8Array.of(1));
    expect(handled).toEqual([1]);
    // The room has an unrelayed update now: the next message waits for the next slice.
    pump.push(bram, Uint8Array.of(2));
    expect(handled).toEqual([1]);
    pump.close();
  });
});
