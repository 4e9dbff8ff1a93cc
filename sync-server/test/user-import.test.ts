/**
 * The CSV import's parser and planner: separators and quoting as Excel writes them, the BOM,
 * English column names, each Dutch error, and unchanged lines. Pure functions, no database.
 */
import { describe, expect, it } from 'vitest';
import { decodeCsv, ImportFileError, importMaxLines, parseCsv, planImport, type DirectorySnapshot } from '../src/access/user-import';

const snapshot: DirectorySnapshot = {
  orgs: [{ id: 'zvh', name: 'Zorg- en Veiligheidshuis Testland' }, { id: 'vt', name: 'Veilig Thuis Testland' }],
  users: [
    { username: 'pim.proef', name: 'Pim Proef (fictief)', org: 'zvh', role: 'procesregisseur' },
    { username: 'bea.beheer', name: 'Bea Beheer (fictief)', org: 'zvh', role: 'beheerder' },
  ],
};

const fileError = (run: () => unknown): ImportFileError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('no ImportFileError');
};

describe('parseCsv', () => {
  it('reads ; and , separated files, quotes with doubled quotes and separators and line breaks inside, CRLF, and skips blank lines', () => {
    expect(parseCsv('a;b;c\r\n1;"x;y";"he said ""hoi"""\r\n\r\n2;;\r\n')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x;y', 'he said "hoi"'] },
      { line: 4, cells: ['2', '', ''] },
    ]);
    expect(parseCsv('a,b\n"line\none",2\nz,3')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['line\none', '2'] },
      { line: 4, cells: ['z', '3'] },
    ]);
    // A comma inside a ;-file is just text (Dutch Excel), and the other way round.
    expect(parseCsv('naam;rol\nJansen, Piet;deelnemer')[1]?.cells).toEqual(['Jansen, Piet', 'deelnemer']);
    expect(parseCsv('name,role\n"Jansen; Piet",deelnemer')[1]?.cells).toEqual(['Jansen; Piet', 'deelnemer']);
  });

  it('drops a BOM and refuses text that is not UTF-8 or an unclosed quote', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('gebruikersnaam;naam\nx.y;Zoë')]);
    expect(parseCsv(decodeCsv(withBom))).toEqual([{ line: 1, cells: ['gebruikersnaam', 'naam'] }, { line: 2, cells: ['x.y', 'Zoë'] }]);
    expect(parseCsv('\uFEFFa;b')[0]?.cells).toEqual(['a', 'b']);
    // "Zoë" in Windows-1252, as Excel's plain "CSV" writes it.
    expect(fileError(() => decodeCsv(new Uint8Array([0x5a, 0x6f, 0xeb]))).message).toContain('CSV UTF-8');
    expect(fileError(() => parseCsv('a;b\n1;"open')).message).toBe('Regel 2: een aanhalingsteken (") wordt niet gesloten.');
  });
});

describe('planImport', () => {
  it('plans adds, changes (naming the fields) and unchanged lines, with Dutch or English headers in any order', () => {
    const text = [
      'gebruikersnaam;naam;organisatie;rol',
      'olga.officier;Olga Officier (fictief);vt;deelnemer',
      'pim.proef;Pim Proef (fictief);Veilig Thuis Testland;Secretaris',
      'bea.beheer;Bea Beheer (fictief);zvh;beheerder',
      'pim.proef.2;"Proef, Pim (fictief)";zvh;waarnemer',
    ].join('\r\n');
    const plan = planImport(text, snapshot);
    expect(plan.lines).toEqual([
      { line: 2, status: 'add', username: 'olga.officier', name: 'Olga Officier (fictief)', org: 'vt', role: 'deelnemer' },
      {
        line: 3, status: 'change', username: 'pim.proef', name: 'Pim Proef (fictief)', org: 'vt', role: 'secretaris',
        changes: [{ field: 'role', from: 'procesregisseur', to: 'secretaris' }, { field: 'org', from: 'zvh', to: 'vt' }],
      },
      { line: 4, status: 'unchanged', username: 'bea.beheer', name: 'Bea Beheer (fictief)', org: 'zvh', role: 'beheerder' },
      { line: 5, status: 'add', username: 'pim.proef.2', name: 'Proef, Pim (fictief)', org: 'zvh', role: 'waarnemer' },
    ]);
    expect(plan.counts).toEqual({ add: 2, change: 1, unchanged: 1, error: 0 });
    expect(plan.hash).toMatch(/^[0-9a-f]{64}$/);
    const english = planImport('Role,Username,Organisation,Name\ndeelnemer,olga.officier,vt,Olga Officier (fictief)', snapshot);
    expect(english.lines[0]).toEqual(plan.lines[0]);
  });

  it('keeps what an existing user has where a column is missing or a cell empty', () => {
    const plan = planImport('gebruikersnaam;rol\npim.proef;deelnemer\n', snapshot);
    expect(plan.lines).toEqual([{
      line: 2, status: 'change', username: 'pim.proef', name: 'Pim Proef (fictief)', org: 'zvh', role: 'deelnemer',
      changes: [{ field: 'role', from: 'procesregisseur', to: 'deelnemer' }],
    }]);
    expect(planImport('gebruikersnaam;naam;organisatie;rol\npim.proef;;;', snapshot).lines[0]?.status).toBe('unchanged');
    expect(planImport('gebruikersnaam;naam\npim.proef;  Pim   Proef (fictief) ', snapshot).lines[0]?.status).toBe('unchanged');
  });

  it('names the line and the problem in Dutch for each kind of error', () => {
    const text = [
      'gebruikersnaam;naam;organisatie;rol',
      'a.b;A B;politie;deelnemer',
      'c.d;C D;zvh;koning',
      'Hoofd Letters;E F;zvh;deelnemer',
      ';G H;zvh;deelnemer',
      'olga.officier;Olga;vt;deelnemer',
      'olga.officier;Olga;vt;waarnemer',
      'nieuw.iemand;;zvh;',
      'bea.beheer;;;deelnemer',
      'x.y;X;zvh;deelnemer;extra',
      `lang.naam;${'n'.repeat(201)};zvh;deelnemer`,
    ].join('\n');
    const messages = planImport(text, snapshot, 'bea.beheer').lines.map((line) => (line.status === 'error' ? line.message : line.status));
    expect(messages).toEqual([
      'Regel 2: organisatie "politie" bestaat niet; voeg haar eerst toe onder Organisaties.',
      'Regel 3: rol "koning" bestaat niet; kies procesregisseur, secretaris, deelnemer, waarnemer, beheerder, privacyfunctionaris, management.',
      'Regel 4: gebruikersnaam "Hoofd Letters" is ongeldig: gebruik 2 tot 64 kleine letters, cijfers, punten, streepjes of liggende streepjes.',
      'Regel 5: de gebruikersnaam ontbreekt.',
      'add',
      'Regel 7: gebruikersnaam olga.officier staat ook al op regel 6.',
      'Regel 8: nieuwe gebruiker nieuw.iemand mist naam en rol.',
      'Regel 9: u kunt uw eigen rol niet wijzigen.',
      'Regel 10: meer velden (5) dan kolommen in de kopregel (4).',
      'Regel 11: de naam is te lang (hoogstens 200 tekens).',
    ]);
  });

  it('refuses a file without a usable header, and too many lines', () => {
    expect(fileError(() => planImport('', snapshot)).message).toContain('Het bestand is leeg');
    expect(fileError(() => planImport('naam;rol\nA;deelnemer', snapshot)).message).toContain('Regel 1: de kolom gebruikersnaam ontbreekt');
    expect(fileError(() => planImport('gebruikersnaam;afdeling\nx.y;z', snapshot)).message).toContain('onbekende kolom "afdeling"');
    expect(fileError(() => planImport('gebruikersnaam;rol;role\nx.y;a;b', snapshot)).message).toContain('de kolom rol staat er twee keer in');
    const many = ['gebruikersnaam', ...Array.from({ length: importMaxLines + 1 }, (_v, i) => `u${i}`)].join('\n');
    expect(fileError(() => planImport(many, snapshot)).code).toBe('too-many-lines');
  });

  it('gives the same hash for the same plan and another when the directory changed', () => {
    const text = 'gebruikersnaam;naam;organisatie;rol\nolga.officier;Olga;vt;deelnemer\npim.proef;;;secretaris';
    const hash = planImport(text, snapshot).hash;
    expect(planImport(text, { ...snapshot }).hash).toBe(hash);
    const renamed = { ...snapshot, users: snapshot.users.map((user) => (user.username === 'pim.proef' ? { ...user, name: 'Pim Anders' } : user)) };
    expect(planImport(text, renamed).hash).not.toBe(hash);
    expect(planImport(text, { ...snapshot, users: [...snapshot.users, { username: 'olga.officier', name: 'Olga', org: 'vt', role: 'deelnemer' }] }).hash).not.toBe(hash);
  });
});
