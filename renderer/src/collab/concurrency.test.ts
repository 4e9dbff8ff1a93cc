import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assignOwner, createAction, readAction } from './actions';
import { readContacts, setContact } from './contacts';
import { anna, bram, newCaseDoc, syncBoth, syncInto } from './testing/fixtures';

function replicaOf(source: Y.Doc, clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  syncInto(source, doc);
  return doc;
}

describe('one owner per action under concurrent edits', () => {
  // Both client-id orders: Yjs breaks ties by client id, so each side must be able to win.
  for (const [idA, idB] of [[101, 202], [202, 101]] as const) {
    it(`converges to exactly one owner on every replica (client ids ${idA}/${idB})`, () => {
      const { doc: origin } = newCaseDoc();
      const actionId = createAction(origin, { description: 'Fictief', owner: 'test.carla', ownerOrg: 'rn', due: '2026-03-20' }, anna);
      const a = replicaOf(origin, idA);
      const b = replicaOf(origin, idB);

      assignOwner(a, actionId, { owner: 'test.anna', ownerOrg: 'politie' });
      assignOwner(b, actionId, { owner: 'test.bram', ownerOrg: 'vt' });
      syncBoth(a, b);
      syncInto(a, origin);

      const owners = [a, b, origin].map((doc) => readAction(doc, actionId));
      for (const owner of owners) {
        // Exactly one register value, and owner and organisation from the same assignment.
        expect(typeof owner?.owner).toBe('string');
        expect([['test.anna', 'politie'], ['test.bram', 'vt']]).toContainEqual([owner?.owner, owner?.ownerOrg]);
      }
      expect(new Set(owners.map((o) => `${o?.owner}/${o?.ownerOrg}`)).size).toBe(1);
    });
  }

  it('keeps one owner among many concurrent assignments from five replicas', () => {
    const { doc: origin } = newCaseDoc();
    const actionId = createAction(origin, { description: 'Fictief', owner: 'test.carla', ownerOrg: 'rn', due: '2026-03-20' }, anna);
    const replicas = [11, 7, 42, 3, 25].map((id) => replicaOf(origin, id));
    replicas.forEach((doc, i) => assignOwner(doc, actionId, { owner: `test.user${i}`, ownerOrg: `org${i}` }));
    for (const a of replicas) for (const b of replicas) if (a !== b) syncInto(a, b);
    const seen = new Set(replicas.map((doc) => {
      const action = readAction(doc, actionId);
      expect(action?.ownerOrg).toBe(`org${action?.owner.replace('test.user', '')}`);
      return action?.owner;
    }));
    expect(seen.size).toBe(1);
  });
});

describe('one contact point per organisation', () => {
  it('replaces on a second add for the same organisation', () => {
    const { doc, id } = newCaseDoc();
    setContact(doc, 'politie', { name: 'Test Eerste Agent' }, anna);
    setContact(doc, 'om', { name: 'Test Zaakskoppel' }, anna);
    setContact(doc, 'politie', { name: 'Test Tweede Agent', phone: '000-fictief' }, bram);
    const contacts = readContacts(doc);
    expect(contacts.map((c) => [c.org, c.name])).toEqual([['om', 'Test Zaakskoppel'], ['politie', 'Test Tweede Agent']]);
    expect(id).toMatch(/^case:/);
  });

  it('keeps one contact per organisation when two replicas add one concurrently', () => {
    const { doc: origin } = newCaseDoc();
    const a = replicaOf(origin, 5);
    const b = replicaOf(origin, 9);
    setContact(a, 'vt', { name: 'Test VT Anna' }, anna);
    setContact(b, 'vt', { name: 'Test VT Bram' }, bram);
    setContact(b, 'shn', { name: 'Test Jurist' }, bram);
    syncBoth(a, b);
    const fromA = readContacts(a);
    expect(fromA.filter((c) => c.org === 'vt')).toHaveLength(1);
    expect(readContacts(b)).toEqual(fromA);
    expect(fromA.map((c) => c.org)).toEqual(['shn', 'vt']);
  });
});
