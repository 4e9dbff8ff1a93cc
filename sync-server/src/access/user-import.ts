/**
 * The CSV import of users (docs/design.md, "CSV import of users"), shared by the Beheer
 * screen's API and `npm run admin -- user import`: parse the file, plan it against the
 * directory (per line: add, change, unchanged or a Dutch error), and apply exactly a plan
 * that was shown, in one transaction, auditing every change.
 *
 * Format: UTF-8 (with or without BOM), `;` or `,` between fields (Excel in Dutch and English
 * locales), double quotes as in RFC 4180, a header row naming the columns: `gebruikersnaam`
 * (required) and `naam`, `organisatie`, `rol` (or `username`, `name`, `organisation`/`org`,
 * `role`), in any order. A new user needs all four; for an existing user an empty cell or a
 * missing column keeps what is there. The organisation is its id or its exact name.
 */
import { createHash } from 'node:crypto';
import type { AuditLog } from '../storage/audit';
import type { Sql, SqlQueries } from '../storage/sql';
import { cleanName, insertUserIn, isDisplayName, updateUserIn, type Org, type UserChanges } from './directory';
import { newInitialPassword } from './initial-password';
import { isRole, isUsername, roles, type Role } from './names';
import { hashPassword } from './passwords';

/** The largest file accepted (bytes). */
export const importMaxBytes = 128 * 1024;
/** The most data lines accepted (each new user costs a password hash). */
export const importMaxLines = 500;

/** A file the import refuses as a whole (not one line): `message` is Dutch for people. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(readonly code: 'encoding' | 'empty' | 'header' | 'too-large' | 'too-many-lines' | 'quotes', message: string) {
    super(message);
  }
}

/** The fields a line can set. */
export type ImportField = keyof UserChanges;

/** One line of a plan. */
export type PlanLine =
  | { line: number; status: 'add'; username: string; name: string; org: string; role: Role }
  | { line: number; status: 'change'; username: string; name: string; org: string; role: Role; changes: { field: ImportField; from: string; to: string }[] }
  | { line: number; status: 'unchanged'; username: string; name: string; org: string; role: Role }
  | { line: number; status: 'error'; username: string; message: string };

/** What an import would do; `hash` names exactly this plan against exactly this directory. */
export interface ImportPlan {
  lines: PlanLine[];
  counts: { add: number; change: number; unchanged: number; error: number };
  hash: string;
}

/** A new account made by an import: the initial password is shown once and never stored. */
export interface ImportedUser { line: number; username: string; name: string; initialPassword: string }

/** The outcome of {@link applyImport}. */
export interface ImportResult { plan: ImportPlan; created: ImportedUser[]; changed: number }

/** The plan no longer matches what was previewed (the directory or the file changed). */
export class StalePlanError extends Error {
  override name = 'StalePlanError';
  constructor() {
    super('De gegevens zijn veranderd sinds de proefimport; doe de proefimport opnieuw.');
  }
}

/** A record of the file with the line on which it starts. */
interface CsvRecord { line: number; cells: string[] }

const headerNames: Record<string, ImportField | 'username'> = {
  gebruikersnaam: 'username', username: 'username', gebruiker: 'username', user: 'username',
  naam: 'name', name: 'name', 'volledige naam': 'name', 'full name': 'name',
  organisatie: 'org', organisation: 'org', organization: 'org', org: 'org',
  rol: 'role', role: 'role',
};

/** Decodes the bytes as UTF-8 (a BOM is dropped); anything else is refused with advice. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.byteLength > importMaxBytes) throw new ImportFileError('too-large', `Het bestand is te groot (hoogstens ${importMaxBytes / 1024} KB).`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportFileError('encoding', 'Het bestand is geen UTF-8. Sla het in Excel op als "CSV UTF-8 (door komma\'s gescheiden)".');
  }
}

/** The separator of the header line: `;` or `,`, whichever occurs outside quotes (`;` if both tie). */
function separatorOf(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

/** Splits CSV text into records (RFC 4180 quoting; CRLF, LF or CR line ends); blank lines are left out. */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = separatorOf(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let wasQuoted = false;
  const endRecord = (): void => {
    cells.push(cell);
    if (cells.length > 1 || cells[0]?.trim() !== '' || wasQuoted) records.push({ line: start, cells });
    cells = [];
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
        cell += char;
      }
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      wasQuoted = true;
      cell = '';
    } else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      cell += char;
    }
  }
  if (quoted) throw new ImportFileError('quotes', `Regel ${start}: een aanhalingsteken (") wordt niet gesloten.`);
  if (cell !== '' || cells.length > 0 || wasQuoted) endRecord();
  return records;
}

/** The directory as the planner sees it. */
export interface DirectorySnapshot {
  users: readonly { username: string; name: string; org: string; role: Role }[];
  orgs: readonly Org[];
}

const fieldLabel: Record<ImportField, string> = { name: 'naam', org: 'organisatie', role: 'rol' };

/**
 * Plans an import of `text` against `snapshot`; it changes nothing. `self` is the importing
 * beheerder, who cannot take their own role away.
 */
export function planImport(text: string, snapshot: DirectorySnapshot, self?: string): ImportPlan {
  const records = parseCsv(text);
  const header = records.shift();
  if (!header) throw new ImportFileError('empty', 'Het bestand is leeg: verwacht een kopregel met gebruikersnaam;naam;organisatie;rol en daaronder een regel per gebruiker.');
  if (records.length > importMaxLines) throw new ImportFileError('too-many-lines', `Het bestand heeft ${records.length} regels; importeer er hoogstens ${importMaxLines} tegelijk.`);
  const columns = header.cells.map((cell) => headerNames[cell.trim().toLowerCase()] ?? null);
  const unknown = header.cells.filter((_cell, index) => columns[index] === null && header.cells[index]?.trim() !== '');
  if (unknown.length > 0) {
    throw new ImportFileError('header', `Regel ${header.line}: onbekende kolom ${unknown.map((cell) => `"${cell.trim()}"`).join(', ')}. Gebruik gebruikersnaam, naam, organisatie en rol.`);
  }
  const twice = columns.find((column, index) => column !== null && columns.indexOf(column) !== index);
  if (twice) throw new ImportFileError('header', `Regel ${header.line}: de kolom ${twice === 'username' ? 'gebruikersnaam' : fieldLabel[twice]} staat er twee keer in.`);
  if (!columns.includes('username')) throw new ImportFileError('header', `Regel ${header.line}: de kolom gebruikersnaam ontbreekt. Verwacht een kopregel als gebruikersnaam;naam;organisatie;rol.`);

  const users = new Map(snapshot.users.map((user) => [user.username, user]));
  const orgById = new Map(snapshot.orgs.map((org) => [org.id, org]));
  const orgByName = new Map(snapshot.orgs.map((org) => [org.name.toLowerCase(), org]));
  const seen = new Map<string, number>();
  const lines: PlanLine[] = records.map((record): PlanLine => {
    const value = (column: ImportField | 'username'): string => {
      const index = columns.indexOf(column);
      return index < 0 ? '' : (record.cells[index] ?? '').trim();
    };
    const username = value('username');
    const fail = (problem: string): PlanLine => ({ line: record.line, status: 'error', username, message: `Regel ${record.line}: ${problem}` });
    if (record.cells.length > columns.length && record.cells.slice(columns.length).some((cell) => cell.trim() !== '')) {
      return fail(`meer velden (${record.cells.length}) dan kolommen in de kopregel (${columns.length}).`);
    }
    if (username === '') return fail('de gebruikersnaam ontbreekt.');
    if (!isUsername(username)) return fail(`gebruikersnaam "${username}" is ongeldig: gebruik 2 tot 64 kleine letters, cijfers, punten, streepjes of liggende streepjes.`);
    const earlier = seen.get(username);
    if (earlier !== undefined) return fail(`gebruikersnaam ${username} staat ook al op regel ${earlier}.`);
    seen.set(username, record.line);

    const rawName = value('name');
    const rawOrg = value('org');
    const rawRole = value('role');
    const name = rawName === '' ? null : cleanName(rawName);
    if (name !== null && !isDisplayName(name)) return fail('de naam is te lang (hoogstens 200 tekens).');
    let org: string | null = null;
    if (rawOrg !== '') {
      const found = orgById.get(rawOrg) ?? orgByName.get(rawOrg.toLowerCase());
      if (!found) return fail(`organisatie "${rawOrg}" bestaat niet; voeg haar eerst toe onder Organisaties.`);
      org = found.id;
    }
    let role: Role | null = null;
    if (rawRole !== '') {
      const lower = rawRole.toLowerCase();
      if (!isRole(lower)) return fail(`rol "${rawRole}" bestaat niet; kies ${roles.join(', ')}.`);
      role = lower;
    }

    const existing = users.get(username);
    if (!existing) {
      const missing = [name === null ? 'naam' : null, org === null ? 'organisatie' : null, role === null ? 'rol' : null].filter((field) => field !== null);
      if (missing.length > 0) return fail(`nieuwe gebruiker ${username} mist ${missing.join(' en ')}.`);
      return { line: record.line, status: 'add', username, name: name ?? '', org: org ?? '', role: role ?? 'deelnemer' };
    }
    const target = { name: name ?? existing.name, org: org ?? existing.org, role: role ?? existing.role };
    if (username === self && target.role !== existing.role) return fail('u kunt uw eigen rol niet wijzigen.');
    const changes = (['name', 'role', 'org'] as const)
      .filter((field) => target[field] !== existing[field])
      .map((field) => ({ field, from: existing[field], to: target[field] }));
    if (changes.length === 0) return { line: record.line, status: 'unchanged', username, ...target };
    return { line: record.line, status: 'change', username, ...target, changes };
  });

  const counts = { add: 0, change: 0, unchanged: 0, error: 0 };
  for (const line of lines) counts[line.status]++;
  const hash = createHash('sha256').update(JSON.stringify(lines)).digest('hex');
  return { lines, counts, hash };
}

/** Reads the directory as the planner needs it. */
export async function directorySnapshot(q: SqlQueries): Promise<DirectorySnapshot> {
  const users = await q.all<{ username: string; name: string; org: string; role: Role }>('SELECT username, name, org, role FROM users ORDER BY username');
  const orgs = await q.all<Org & Record<string, unknown>>('SELECT id, name FROM orgs ORDER BY id');
  return { users, orgs: orgs.map(({ id, name }) => ({ id, name })) };
}

/** A dry run: the plan against the directory as it is now. */
export async function previewImport(sql: Sql, text: string, self?: string): Promise<ImportPlan> {
  return planImport(text, await directorySnapshot(sql), self);
}

/**
 * Applies the plan of `text` if it is still the one previewed (`expectedHash`), in one
 * transaction: new users with fresh one-time initial passwords (only their hashes are
 * stored), changed users, one audit entry per change and one for the import. Lines with an
 * error are left out, as the preview showed. Throws {@link StalePlanError} otherwise.
 */
export async function applyImport(sql: Sql, audit: AuditLog, text: string, expectedHash: string, actor: string): Promise<ImportResult> {
  const plan = await previewImport(sql, text, actor);
  if (plan.hash !== expectedHash) throw new StalePlanError();
  // scrypt is slow on purpose: hash before the transaction so it stays short, four at a time
  // (libuv's thread pool) so a large file does not take minutes.
  const added = plan.lines.filter((line) => line.status === 'add');
  const created: (ImportedUser & { passwordHash: string })[] = [];
  for (let start = 0; start < added.length; start += 4) {
    created.push(...await Promise.all(added.slice(start, start + 4).map(async (line) => {
      const initialPassword = newInitialPassword();
      return { line: line.line, username: line.username, name: line.name, initialPassword, passwordHash: await hashPassword(initialPassword) };
    })));
  }
  const via = { via: 'import', plan: plan.hash.slice(0, 16) };
  await sql.tx(async (q) => {
    await q.lock('directory-import');
    // Re-planned inside the transaction: nothing may have changed since the check above.
    if (planImport(text, await directorySnapshot(q), actor).hash !== expectedHash) throw new StalePlanError();
    let next = 0;
    for (const line of plan.lines) {
      if (line.status === 'add') {
        const user = created[next++];
        if (!user) throw new Error('import: password count');
        await insertUserIn(q, audit, { username: line.username, name: line.name, org: line.org, role: line.role, passwordHash: user.passwordHash }, actor, via);
      } else if (line.status === 'change') {
        await updateUserIn(q, audit, line.username, { name: line.name, org: line.org, role: line.role }, actor, via);
      }
    }
    await audit.appendIn(q, { event: 'user-import', actor, detail: { ...plan.counts, plan: plan.hash.slice(0, 16) } });
  });
  return { plan, created: created.map(({ line, username, name, initialPassword }) => ({ line, username, name, initialPassword })), changed: plan.counts.change };
}
