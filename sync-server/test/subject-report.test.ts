/**
 * The inzageverzoek report: a real server with fictional cases; the privacy officer finds
 * every case a person appears in (namesakes with another birth year left out, spellings with
 * accents and hyphens found), sees numbers and roles but no label or other names, and the
 * audit log records that a report was made without the name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initCaseDoc } from '../../renderer/src/collab/caseHeader';
import { addPerson } from '../../renderer/src/collab/persons';
import { matchesSubject, nameTokens } from '../src/privacy/subject-report';
import { openKeyedStore } from '../src/storage/keyed-data-dir';
import { createRoomStore } from '../src/storage/room-store';
import { addTestUser, login, newServer, testPassword, type TestServer } from './helpers';

const cases = {
  a: { room: 'case:subjectreport0001', number: 'ZVH-INZ-0001', label: 'Casus Roodborst (fictief)' },
  b: { room: 'case:subjectreport0002', number: 'ZVH-INZ-0002', label: 'Casus Zanglijster (fictief)' },
  c: { room: 'case:subjectreport0003', number: 'ZVH-INZ-0003', label: 'Casus Winterkoning (fictief)' },
  d: { room: 'case:subjectreport0004', number: 'ZVH-INZ-0004', label: 'Casus Boomklever (fictief)' },
};

describe('nameTokens and matchesSubject', () => {
  it('compares words without case, accents or punctuation, and lets birth years rule out namesakes', () => {
    expect(nameTokens('  Éva  de Vries-Jansen ')).toEqual(['eva', 'de', 'vries', 'jansen']);
    expect(matchesSubject({ name: 'eva vries' }, { name: 'Eva de Vries' })).toBe(true);
    expect(matchesSubject({ name: 'eva vries' }, { name: 'Evan de Vries' })).toBe(false);
    expect(matchesSubject({ name: 'Eva de Vries', birthYear: 1990 }, { name: 'Eva de Vries', birthYear: 2015 })).toBe(false);
    expect(matchesSubject({ name: 'Eva de Vries', birthYear: 1990 }, { name: 'Eva de Vries' })).toBe(true);
    expect(matchesSubject({ name: ' - ' }, { name: 'Eva' })).toBe(false);
  });
});

describe('the inzageverzoek report over the API', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await newServer();
    await addTestUser(t.admin, 'pim.proef', 'procesregisseur', 'zvh');
    await addTestUser(t.admin, 'pieter.privacy', 'privacyfunctionaris', 'zvh');
    await addTestUser(t.admin, 'dirk.deelnemer', 'deelnemer', 'vt');
    const { sql, cipher } = await openKeyedStore({ dataDir: t.dataDir });
    try {
      const store = createRoomStore(sql, cipher);
      const by = { username: 'pim.proef' };
      const write = async (key: keyof typeof cases, persons: Parameters<typeof addPerson>[1][]) => {
        const doc = new Y.Doc();
        initCaseDoc(doc, { label: cases[key].label, caseNumber: cases[key].number, type: 'ex-partnerstalking', status: 'in-behandeling', procesregisseur: 'pim.proef' }, by);
        for (const person of persons) addPerson(doc, person);
        await store.append(cases[key].room, [Y.encodeStateAsUpdate(doc)]);
      };
      await write('a', [{ role: 'slachtoffer', name: 'Eva de Vries', birthYear: 1990 }, { role: 'verdachte', name: 'Karel Bos' }]);
      await write('b', [{ role: 'kind', name: 'Eva de Vries', birthYear: 2015 }]);
      await write('c', [{ role: 'slachtoffer', name: 'Éva De Vries-Jansen' }]);
      await write('d', [{ role: 'slachtoffer', name: 'Anna Smit' }]);
    } finally {
      await sql.close();
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const report = async (token: string | null, body: unknown) => fetch(`${t.url}/api/privacy/subject-report`, {
    method: 'POST', headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });

  it('finds every case the person appears in, by number and role, and no label or other name', async () => {
    const { token } = await login(t.url, 'pieter.privacy', testPassword);
    const response = await report(token, { name: 'eva de vries', birthYear: 1990 });
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text) as { matches: { caseNumber: string; role: string; birthYear: number | null }[]; casesSearched: number };
    expect(body.casesSearched).toBe(4);
    expect(body.matches.map((m) => [m.caseNumber, m.role, m.birthYear]).sort()).toEqual([
      ['ZVH-INZ-0001', 'slachtoffer', 1990],
      ['ZVH-INZ-0003', 'slachtoffer', null],
    ]);
    for (const secret of [...Object.values(cases).map((c) => c.label), 'Karel', 'Anna']) expect(text).not.toContain(secret);

    const all = (await (await report(token, { name: 'Eva de Vries' })).json()) as { matches: { caseNumber: string }[] };
    expect(all.matches.map((m) => m.caseNumber).sort()).toEqual(['ZVH-INZ-0001', 'ZVH-INZ-0002', 'ZVH-INZ-0003']);

    const audit = (await t.admin.auditList({ user: 'pieter.privacy' })).filter((entry) => entry.event === 'subject-report');
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ detail: { matches: 2, cases: 2, searched: 4, birthYear: true } });
    expect(JSON.stringify(audit).toLowerCase()).not.toContain('vries');
  });

  it('is only for the privacy officer, and refuses a name too short to search for', async () => {
    const { token: dirk } = await login(t.url, 'dirk.deelnemer', testPassword);
    expect((await report(dirk, { name: 'Eva de Vries' })).status).toBe(403);
    const { token: pim } = await login(t.url, 'pim.proef', testPassword);
    expect((await report(pim, { name: 'Eva de Vries' })).status).toBe(403);
    expect((await report(null, { name: 'Eva de Vries' })).status).toBe(401);
    const { token } = await login(t.url, 'pieter.privacy', testPassword);
    expect((await report(token, { name: 'E' })).status).toBe(400);
    expect((await report(token, { name: 'Eva', extra: 1 })).status).toBe(400);
  });
});
