/**
 * Figures from partners (docs/design.md "Monitor"): aggregate counts the app cannot know,
 * entered per quarter by the users of the organisation that holds them. A fixed catalogue: each
 * figure names the organisation kinds that may enter it. An organisation's kind is its id, or
 * the part of its id before the first "-" (`om`, `vt`, `gemeente-schiedam` → `gemeente`).
 * Counts only: no person, case or free text is stored.
 */
import type { Sql } from '../storage/sql';

/** One figure partners may enter. */
export interface PartnerFigureDef { id: string; label: string; definition: string; kinds: readonly string[] }

/** The catalogue; ids are stable (stored in partner_figures.figure). */
export const partnerFigureCatalogue: readonly PartnerFigureDef[] = [
  { id: 'om.stalkingzaken', label: 'Stalkingzaken ingestroomd (OM)', definition: 'Zaken wegens belaging (art. 285b Sr) die in de periode bij het OM zijn ingestroomd.', kinds: ['om'] },
  { id: 'vt.meldingen', label: 'Meldingen (Veilig Thuis)', definition: 'Meldingen van huiselijk geweld of kindermishandeling die Veilig Thuis in de periode heeft ontvangen.', kinds: ['vt'] },
  { id: 'vt.adviezen', label: 'Adviezen (Veilig Thuis)', definition: 'Adviesvragen die Veilig Thuis in de periode heeft beantwoord.', kinds: ['vt'] },
  { id: 'vt.interventies', label: 'Interventies (Veilig Thuis)', definition: 'Onderzoeken en interventies die Veilig Thuis in de periode is gestart.', kinds: ['vt'] },
  { id: 'shn.beschermingsbevelen', label: 'Hulp bij beschermingsbevelen (Slachtofferhulp)', definition: 'Slachtoffers die Slachtofferhulp in de periode heeft geholpen bij een Europees beschermingsbevel of een contact- of locatieverbod.', kinds: ['shn'] },
  { id: 'huisverboden.opgelegd', label: 'Huisverboden opgelegd', definition: 'Huisverboden die de burgemeester in de periode heeft opgelegd (opgegeven door gemeente of politie).', kinds: ['gemeente', 'politie'] },
];

/** Roles of a partner's own users that may enter its figures: the roles that work on cases. */
export const partnerEntryRoles: readonly string[] = ['procesregisseur', 'secretaris', 'deelnemer'];

/** The kind of an organisation, from its id. */
export const orgKind = (org: string): string => org.split('-')[0]!;

/** The figures organisation `org` may enter. */
export const figuresFor = (org: string): PartnerFigureDef[] => partnerFigureCatalogue.filter((def) => def.kinds.includes(orgKind(org)));

/** A quarter: "2025-K1" … "2025-K4". */
export interface Quarter { year: number; quarter: number }

/** Reads "2025-K1" (also "2025-Q1"); null when it is not a quarter from 2000 to 2100. */
export function parseQuarter(text: unknown): Quarter | null {
  const match = typeof text === 'string' ? /^(\d{4})-[KQ]([1-4])$/i.exec(text.trim()) : null;
  if (!match) return null;
  const year = Number(match[1]);
  return year >= 2000 && year <= 2100 ? { year, quarter: Number(match[2]) } : null;
}

/** The first and last day of a quarter. */
const quarterSpan = ({ year, quarter }: Quarter): { first: string; last: string } => {
  const month = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, month + 2, 0)).getUTCDate();
  return { first: `${year}-${String(month).padStart(2, '0')}-01`, last: `${year}-${String(month + 2).padStart(2, '0')}-${lastDay}` };
};

/** A stored value. */
export interface PartnerValue { org: string; figure: string; year: number; quarter: number; value: number; enteredBy: string; enteredAt: string }

/** Sets values for one organisation and quarter (one transaction). */
export async function setPartnerFigures(sql: Sql, org: string, period: Quarter, values: Record<string, number>, by: string): Promise<void> {
  const at = new Date().toISOString();
  await sql.tx(async (q) => {
    for (const [figure, value] of Object.entries(values)) {
      await q.run(`INSERT INTO partner_figures (org, figure, year, quarter, value, entered_by, entered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (org, figure, year, quarter) DO UPDATE SET value = excluded.value, entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
      [org, figure, period.year, period.quarter, value, by, at]);
    }
  });
}

/** Every stored value of one organisation (for its own entry screen) or of all. */
export async function listPartnerFigures(sql: Sql, org: string | null): Promise<PartnerValue[]> {
  const rows = await sql.all<{ org: string; figure: string; year: number; quarter: number; value: number; entered_by: string; entered_at: string }>(
    `SELECT org, figure, year, quarter, value, entered_by, entered_at FROM partner_figures ${org === null ? '' : 'WHERE org = $1'} ORDER BY year, quarter, org, figure`, org === null ? [] : [org]);
  return rows.map((r) => ({ org: r.org, figure: r.figure, year: Number(r.year), quarter: Number(r.quarter), value: Number(r.value), enteredBy: r.entered_by, enteredAt: r.entered_at }));
}

/** A partner figure in the monitor: the sum over the quarters wholly inside the period. */
export interface PartnerFigure { id: string; group: 'partners'; label: string; definition: string; value: number | null; source: string }

/**
 * The partner figures for a period: per figure and organisation that may enter it and has
 * entered any, the sum of its quarters that lie wholly inside from–to (null when none of them
 * was entered). A figure nobody has entered yet appears once with value null and no source.
 */
export function partnerFiguresFor(values: PartnerValue[], from: string, to: string, orgName: (org: string) => string): PartnerFigure[] {
  const inside = values.filter((v) => { const span = quarterSpan(v); return span.first >= from && span.last <= to; });
  const out: PartnerFigure[] = [];
  for (const def of partnerFigureCatalogue) {
    const orgs = [...new Set(values.filter((v) => v.figure === def.id && def.kinds.includes(orgKind(v.org))).map((v) => v.org))].sort();
    if (orgs.length === 0) out.push({ id: `partner.${def.id}`, group: 'partners', label: def.label, definition: def.definition, value: null, source: '' });
    for (const org of orgs) {
      const own = inside.filter((v) => v.figure === def.id && v.org === org);
      out.push({ id: orgs.length === 1 ? `partner.${def.id}` : `partner.${def.id}.${org}`, group: 'partners', label: def.label, definition: def.definition,
        value: own.length === 0 ? null : own.reduce((sum, v) => sum + v.value, 0), source: orgName(org) });
    }
  }
  return out;
}

/** One line of an import, with its Dutch result. */
export interface ImportLine { line: number; ok: boolean; message: string; period?: string; figure?: string; value?: number }

/**
 * Reads a CSV "periode;figuur;waarde" (a header line with those words is skipped; `,` also
 * separates). Each line gets a Dutch result; only lines without error are applied.
 */
export function parsePartnerCsv(text: string, org: string): { lines: ImportLine[]; valid: { period: Quarter; figure: string; value: number }[] } {
  const allowed = new Set(figuresFor(org).map((def) => def.id));
  const lines: ImportLine[] = [];
  const valid: { period: Quarter; figure: string; value: number }[] = [];
  const seen = new Set<string>();
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const cells = raw.split(/[;,\t]/).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
    if (index === 0 && cells[0]?.toLowerCase() === 'periode') return;
    if (cells.length !== 3) { lines.push({ line, ok: false, message: 'Verwacht drie velden: periode;figuur;waarde.' }); return; }
    const [periodText, figure, valueText] = cells as [string, string, string];
    const period = parseQuarter(periodText);
    if (!period) { lines.push({ line, ok: false, message: `Onbekende periode "${periodText.slice(0, 20)}": gebruik jaar en kwartaal, bijvoorbeeld 2025-K1.` }); return; }
    if (!partnerFigureCatalogue.some((def) => def.id === figure)) { lines.push({ line, ok: false, message: `Onbekend figuur "${figure.slice(0, 40)}".` }); return; }
    if (!allowed.has(figure)) { lines.push({ line, ok: false, message: `Uw organisatie mag het figuur ${figure} niet opgeven.` }); return; }
    if (!/^\d{1,9}$/.test(valueText)) { lines.push({ line, ok: false, message: `Waarde "${valueText.slice(0, 20)}" is geen geheel getal van 0 of meer.` }); return; }
    const key = `${period.year}-${period.quarter}|${figure}`;
    if (seen.has(key)) { lines.push({ line, ok: false, message: `Dit figuur staat voor ${period.year}-K${period.quarter} al op een eerdere regel.` }); return; }
    seen.add(key);
    const value = Number(valueText);
    valid.push({ period, figure, value });
    lines.push({ line, ok: true, message: 'In orde.', period: `${period.year}-K${period.quarter}`, figure, value });
  });
  return { lines, valid };
}
