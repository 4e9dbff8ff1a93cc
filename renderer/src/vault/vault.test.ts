import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { cachedOrgs, cachedRooms, cachedUsers } from './cache';
import { defaultIterations } from './cipher';
import { isVaultError } from './errors';
import type { StoredSession } from './session';
import { containsMarker, dumpDatabase, newTestVault, rawVaultDatabase } from './test-support';
import type { Vault } from './vault';
import { vaultName } from './vault-name';

const password = 'fictief-wachtwoord-42';
const room = 'case:abcdefgh12345678';
const otherRoom = 'case:zzzzzzzz87654321';
const opened: Vault[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((vault) => vault.close()));
});

async function vaultWith(options: Parameters<typeof newTestVault>[0] = {}) {
  const made = await newTestVault({ password, ...options });
  opened.push(made.vault);
  return made;
}

/** Records every update a doc emits, as the doc manager hands them to the vault. */
function recordingDoc(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

function restored(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isVaultError(error) ? error.code : `unexpected ${String(error)}`;
  }
  return 'resolved';
}

describe('vault name', () => {
  it('is stable per server and user and names neither', async () => {
    const a = await vaultName('https://zvh.example.test', 'fictief.jansen');
    expect(a).toMatch(/^themakamer-vault-[0-9a-f]{16}$/);
    expect(await vaultName('HTTPS://ZVH.example.test:443/', 'fictief.jansen')).toBe(a);
    expect(await vaultName('https://zvh.example.test', 'fictief.pietersen')).not.toBe(a);
    expect(await vaultName('https://other.example.test', 'fictief.jansen')).not.toBe(a);
    expect(a).not.toContain('jansen');
  });
});

describe('unlocking', () => {
  it('fails with no-webcrypto where the page has no WebCrypto (plain http from another host)', async () => {
    vi.stubGlobal('crypto', {});
    try {
      expect(await rejectionCode(newTestVault({ password }))).toBe('no-webcrypto');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('uses 600,000 PBKDF2 iterations unless a test asks otherwise', async () => {
    const indexedDB = new IDBFactory();
    const { vault } = await vaultWith({ indexedDB, unsafeTestIterations: undefined });
    expect(defaultIterations).toBe(600_000);
    const db = rawVaultDatabase(indexedDB, vault.name);
    const stored = (await db.meta.get('wrapped-key'))?.value as { iterations: number; salt: Uint8Array };
    db.close();
    expect(stored.iterations).toBe(600_000);
    expect(stored.salt.length).toBe(16);
  });

  it('unlocks offline with the same password and refuses a wrong one with bad-password', async () => {
    const indexedDB = new IDBFactory();
    const first = await vaultWith({ indexedDB });
    expect(await first.vault.isInitialised()).toBe(true);
    await first.vault.appendUpdate(room, new Uint8Array([1, 2, 3]));
    await first.vault.close();

    const again = await vaultWith({ indexedDB, password: undefined });
    expect(again.vault.unlocked).toBe(false);
    expect(await rejectionCode(again.vault.unlock('verkeerd-wachtwoord'))).toBe('bad-password');
    expect(again.vault.unlocked).toBe(false);
    await again.vault.unlock(password);
    expect(await again.vault.loadRoom(room)).toEqual([new Uint8Array([1, 2, 3])]);
  });

  it('fails with locked after lock() and works again after unlock()', async () => {
    const { vault } = await vaultWith();
    await vault.putJson('cache', { n: 1 });
    vault.lock();
    expect(vault.unlocked).toBe(false);
    expect(await rejectionCode(vault.appendUpdate(room, new Uint8Array([1])))).toBe('locked');
    expect(await rejectionCode(vault.loadRoom(room))).toBe('locked');
    expect(await rejectionCode(vault.getJson('cache'))).toBe('locked');
    await vault.unlock(password);
    expect(await vault.getJson('cache')).toEqual({ n: 1 });
  });

  it('changes the password without touching the data', async () => {
    const indexedDB = new IDBFactory();
    const { vault } = await vaultWith({ indexedDB });
    await vault.appendUpdate(room, new Uint8Array([9]));
    expect(await rejectionCode(vault.changePassword('verkeerd', 'nieuw-fictief-wachtwoord'))).toBe('bad-password');
    await vault.changePassword(password, 'nieuw-fictief-wachtwoord');
    await vault.close();
    const again = await vaultWith({ indexedDB, password: undefined });
    expect(await rejectionCode(again.vault.unlock(password))).toBe('bad-password');
    await again.vault.unlock('nieuw-fictief-wachtwoord');
    expect(await again.vault.loadRoom(room)).toEqual([new Uint8Array([9])]);
  });

  it('keeps two users on one profile apart', async () => {
    const indexedDB = new IDBFactory();
    const a = await vaultWith({ indexedDB, username: 'fictief.a' });
    const b = await vaultWith({ indexedDB, username: 'fictief.b', password: 'ander-fictief-wachtwoord' });
    await a.vault.appendUpdate(room, new Uint8Array([1]));
    expect(await b.vault.listRooms()).toEqual([]);
    expect(a.vault.name).not.toBe(b.vault.name);
  });
});

describe('room log', () => {
  it('round-trips a document and lists and forgets rooms', async () => {
    const { vault } = await vaultWith();
    const { doc, updates } = recordingDoc();
    doc.getText('t').insert(0, 'Fictieve tekst');
    doc.getMap('m').set('status', 'monitoring');
    for (const update of updates) await vault.appendUpdate(room, update);
    await vault.appendUpdate(otherRoom, Y.encodeStateAsUpdate(new Y.Doc()));

    const copy = restored(await vault.loadRoom(room));
    expect(copy.getText('t').toString()).toBe('Fictieve tekst');
    expect(copy.getMap('m').get('status')).toBe('monitoring');
    expect(await vault.listRooms()).toEqual([room, otherRoom].sort());

    await vault.forgetRoom(room);
    expect(await vault.loadRoom(room)).toEqual([]);
    expect(await vault.listRooms()).toEqual([otherRoom]);

    for (const update of updates) await vault.appendUpdate(room, update);
    await vault.compactRoom(room);
    expect(await vault.retainRooms([room])).toEqual([otherRoom]);
    expect(await vault.listRooms()).toEqual([room]);
  });

  it('stores a batch in order in one call', async () => {
    const { vault } = await vaultWith();
    const { doc, updates } = recordingDoc();
    for (let i = 0; i < 20; i++) doc.getArray<number>('n').push([i]);
    await vault.appendUpdates(room, updates);
    const loaded = await vault.loadRoom(room);
    expect(loaded).toEqual(updates);
    expect(restored(loaded).getArray('n').toArray()).toEqual([...Array(20).keys()]);
  });

  it('compacts past the threshold: fewer rows, same document, deleted text gone', async () => {
    const { vault } = await vaultWith({ compactAfter: 50 });
    const { doc, updates } = recordingDoc();
    const text = doc.getText('plan');
    text.insert(0, 'GEHEIM-ADRES-FICTIEF');
    text.delete(0, text.length);
    for (let i = 0; i < 300; i++) text.insert(text.length, `regel ${i}. `);
    doc.getMap('meta').set('label', 'Casus 2026-014');
    for (const update of updates) await vault.appendUpdate(room, update);
    await vault.flush();

    expect(await vault.countUpdateRows(room)).toBeLessThanOrEqual(50);
    const loaded = await vault.loadRoom(room);
    expect(loaded.length).toBeLessThanOrEqual(51);
    const copy = restored(loaded);
    expect(copy.getText('plan').toString()).toBe(text.toString());
    expect(copy.getMap('meta').get('label')).toBe('Casus 2026-014');
    // GC on: what was deleted before compaction is not in the snapshot.
    expect(containsMarker([loaded[0] ?? new Uint8Array()], 'GEHEIM-ADRES')).toBe(false);
  });

  it('loses no update written while a compaction runs', async () => {
    const { vault } = await vaultWith({ compactAfter: 1_000_000 });
    const { doc, updates } = recordingDoc();
    const list = doc.getArray<number>('items');
    for (let i = 0; i < 100; i++) list.push([i]);
    for (const update of updates.splice(0)) await vault.appendUpdate(room, update);
    for (let i = 100; i < 150; i++) list.push([i]);
    const later = updates.splice(0);

    const compaction = vault.compactRoom(room);
    await Promise.all(later.map((update) => vault.appendUpdate(room, update)));
    await compaction;

    expect(restored(await vault.loadRoom(room)).getArray('items').toArray()).toEqual(list.toArray());
    await vault.compactRoom(room);
    expect(await vault.countUpdateRows(room)).toBe(0);
    expect(restored(await vault.loadRoom(room)).getArray('items').length).toBe(150);
  });

  it('reports a failed background compaction and keeps the rows', async () => {
    const failed: string[] = [];
    const { vault } = await vaultWith({ compactAfter: 2, onError: (_error, failedRoom) => failed.push(failedRoom) });
    for (let i = 0; i < 3; i++) await vault.appendUpdate(room, new Uint8Array([255, 255, 255]));
    await vault.flush();
    expect(failed).toEqual([room]);
    expect(await vault.countUpdateRows(room)).toBe(3);
  });

  it('refuses tampered rows and rows moved to another room with corrupt', async () => {
    const indexedDB = new IDBFactory();
    const { vault } = await vaultWith({ indexedDB });
    await vault.appendUpdate(room, new Uint8Array([1, 2, 3, 4]));
    const db = rawVaultDatabase(indexedDB, vault.name);
    const [row] = await db.updates.toArray();
    if (!row?.seq) throw new Error('row missing');
    await db.updates.put({ ...row, room: otherRoom });
    expect(await rejectionCode(vault.loadRoom(otherRoom))).toBe('corrupt');
    const flipped = new Uint8Array(row.data);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    await db.updates.put({ ...row, data: flipped });
    expect(await rejectionCode(vault.loadRoom(room))).toBe('corrupt');
    db.close();
  });
});

describe('read copies', () => {
  it('stores one per room, replaces it, and forgets it with the room', async () => {
    const { vault } = await vaultWith();
    const { doc, updates } = recordingDoc();
    doc.getText('t').insert(0, 'eerste');
    await vault.appendUpdates(room, updates);
    expect(await vault.loadReadCopy(room)).toBeNull();
    expect(await vault.putReadCopy(room, Y.encodeStateAsUpdate(doc))).toBe(true);
    expect((await vault.loadReadCopy(room))?.current).toBe(true);
    doc.getText('t').insert(0, 'tweede ');
    // Stored after the copy: the copy is no longer current.
    await vault.appendUpdates(room, updates.slice(1));
    expect((await vault.loadReadCopy(room))?.current).toBe(false);
    expect(await vault.putReadCopy(room, Y.encodeStateAsUpdate(doc))).toBe(true);
    const copy = await vault.loadReadCopy(room);
    expect(copy?.current).toBe(true);
    expect(copy && restored([copy.copy]).getText('t').toString()).toBe('tweede eerste');
    // Compaction moves rows into the snapshot, which does not make the copy older.
    await vault.compactRoom(room);
    expect((await vault.loadReadCopy(room))?.current).toBe(true);
    expect(await vault.loadReadCopy(otherRoom)).toBeNull();

    await vault.forgetRoom(room);
    expect(await vault.loadReadCopy(room)).toBeNull();
    expect(await vault.listRooms()).toEqual([]);
  });

  it('refuses a copy of a room with nothing stored (it would outlive a revoked room)', async () => {
    const { vault } = await vaultWith();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'fictief');
    expect(await vault.putReadCopy(room, Y.encodeStateAsUpdate(doc))).toBe(false);
    expect(await vault.loadReadCopy(room)).toBeNull();
    // A compacted room (snapshot, no rows) still counts as stored.
    await vault.appendUpdate(room, Y.encodeStateAsUpdate(doc));
    await vault.compactRoom(room);
    expect(await vault.countUpdateRows(room)).toBe(0);
    expect(await vault.putReadCopy(room, Y.encodeStateAsUpdate(doc))).toBe(true);
  });

  it('a copy sealed for one room does not open as another\'s, and a locked vault refuses', async () => {
    const indexedDB = new IDBFactory();
    const { vault } = await vaultWith({ indexedDB });
    await vault.appendUpdate(room, Y.encodeStateAsUpdate(new Y.Doc()));
    await vault.appendUpdate(otherRoom, Y.encodeStateAsUpdate(new Y.Doc()));
    await vault.putReadCopy(room, Y.encodeStateAsUpdate(new Y.Doc()));
    const db = rawVaultDatabase(indexedDB, vault.name);
    const row = await db.copies.get(room);
    await db.copies.put({ ...row!, room: otherRoom });
    db.close();
    expect(await rejectionCode(vault.loadReadCopy(otherRoom))).toBe('corrupt');
    vault.lock();
    expect(await rejectionCode(vault.loadReadCopy(room))).toBe('locked');
  });
});

describe('sealed JSON and the session', () => {
  const session: StoredSession = {
    serverUrl: 'https://zvh.example.test',
    username: 'fictief.jansen',
    token: 'fictief-token-abc',
    expiresAt: '2030-01-01T00:00:00.000Z',
    user: { username: 'fictief.jansen', name: 'Fictief Jansen', org: 'politie', role: 'procesregisseur' },
  };

  it('stores, reads and forgets the session; an unreadable record is no session', async () => {
    const { vault } = await vaultWith();
    expect(await vault.loadSession()).toBeNull();
    await vault.saveSession(session);
    expect(await vault.loadSession()).toEqual(session);
    await vault.putJson('session', { token: 42 });
    expect(await vault.loadSession()).toBeNull();
    await vault.saveSession(session);
    await vault.clearSession();
    expect(await vault.loadSession()).toBeNull();
  });

  it('caches server lists and treats a malformed cache as absent', async () => {
    const { vault } = await vaultWith();
    expect(await cachedRooms.load(vault)).toBeNull();
    await cachedRooms.save(vault, [{ room, access: 'edit', manage: true }]);
    expect(await cachedRooms.load(vault)).toEqual([{ room, access: 'edit', manage: true }]);
    await vault.putJson('cache:rooms', { savedAt: 1, items: [{ room: 'geen-kamer', access: 'edit', manage: true }] });
    expect(await cachedRooms.load(vault)).toBeNull();
    await cachedUsers.save(vault, [{ username: 'fictief.jansen', name: 'Fictief Jansen', org: 'politie', role: 'deelnemer' }]);
    expect(await cachedUsers.load(vault)).toHaveLength(1);
    await cachedOrgs.save(vault, [{ id: 'politie', name: 'Politie (fictief)' }]);
    expect(await cachedOrgs.load(vault)).toEqual([{ id: 'politie', name: 'Politie (fictief)' }]);
  });

  it('stores small JSON records', async () => {
    const { vault } = await vaultWith();
    await vault.putJson('rooms', [{ room, access: 'edit' }]);
    expect(await vault.getJson('rooms')).toEqual([{ room, access: 'edit' }]);
    expect(await vault.getJson('absent')).toBeNull();
    await vault.deleteJson('rooms');
    expect(await vault.getJson('rooms')).toBeNull();
  });
});

describe('no plaintext at rest', () => {
  it('the scan finds a planted marker (so it can fail)', async () => {
    const indexedDB = new IDBFactory();
    const { vault } = await vaultWith({ indexedDB });
    const db = rawVaultDatabase(indexedDB, vault.name);
    await db.meta.put({ key: 'planted', value: new TextEncoder().encode('xxMARKER-PLANTxx') });
    db.close();
    expect(containsMarker(await dumpDatabase(indexedDB, vault.name), 'MARKER-PLANT')).toBe(true);
  });

  it('no stored key or value holds a document, JSON or session marker', async () => {
    const indexedDB = new IDBFactory();
    const { vault } = await vaultWith({ indexedDB, compactAfter: 20 });
    const marker = 'FICTIEF-MERKTEKEN-7Q';
    const { doc, updates } = recordingDoc();
    doc.getText('plan').insert(0, `Slachtoffer ${marker} woont op fictief adres`);
    doc.getMap('persons').set('p1', `naam ${marker}`);
    for (let i = 0; i < 30; i++) doc.getArray('log').push([`${marker} ${i}`]);
    for (const update of updates) await vault.appendUpdate(room, update);
    await vault.flush();
    expect(await vault.putReadCopy(room, Y.encodeStateAsUpdate(doc))).toBe(true);
    await vault.putJson('users', [{ name: marker }]);
    await vault.saveSession({
      serverUrl: 'https://zvh.example.test', username: marker, token: marker, expiresAt: '2030-01-01T00:00:00Z',
      user: { username: marker, name: marker, org: 'zvh', role: 'deelnemer' },
    });

    const dump = await dumpDatabase(indexedDB, vault.name);
    expect(dump.length).toBeGreaterThan(10);
    expect(containsMarker(dump, marker)).toBe(false);
    // ...while the vault itself reads it all back.
    expect(restored(await vault.loadRoom(room)).getText('plan').toString()).toContain(marker);
    const copy = await vault.loadReadCopy(room);
    expect(copy && restored([copy.copy]).getText('plan').toString()).toContain(marker);
  });
});
