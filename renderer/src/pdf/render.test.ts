import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forOrganisation } from './exportFilter';
import { FONT_FILES, registerFonts } from './fonts';
import type { ActionListData, MinutesData } from './model';
import { PdfDataError } from './modelSchema';
import { minutesContentHash, renderActionListPdf, renderMinutesPdf } from './render';
import { SIGNATURE_RECT, PAGE_HEIGHT } from './signatureLayout';
import { fictionalMinutes } from './testing/fixtures';

const fontDir = new URL('../../../assets/fonts/', import.meta.url);
const workDir = mkdtempSync(join(tmpdir(), 'themakamer-pdf-render-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function save(name: string, bytes: Uint8Array): string {
  const path = join(workDir, name);
  writeFileSync(path, bytes);
  return path;
}

function tool(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

const pdftotext = (path: string, ...args: string[]) => tool('pdftotext', [...args, path, '-']);
const pageCount = (path: string) => Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [path]))?.[1]);

const signature = {
  signerName: 'Ruud van IJzendoorn',
  role: 'Secretaris',
  organisation: 'Zorg- en Veiligheidshuis',
  location: 'Rotterdam',
  signingTime: '2026-03-12T13:00:00+01:00',
};

describe('without fonts', () => {
  it('refuses to render rather than fall back to Helvetica, which cannot draw "ĳ"', async () => {
    await expect(renderMinutesPdf(fictionalMinutes(1))).rejects.toThrow(/registerFonts/);
  });
});

describe('minutes PDF', () => {
  let path = '';
  let data: MinutesData;

  beforeAll(async () => {
    // Bytes for two files and a path for one: both ways the app and the CLI register fonts.
    registerFonts({
      regular: new Uint8Array(readFileSync(new URL(FONT_FILES.regular, fontDir))),
      bold: new Uint8Array(readFileSync(new URL(FONT_FILES.bold, fontDir))),
      italic: new URL(FONT_FILES.italic, fontDir).pathname,
    });
    data = fictionalMinutes(4);
    path = save(
      'minutes.pdf',
      await renderMinutesPdf(data, { signature, creationDate: new Date('2026-03-12T12:30:00Z') }),
    );
  });

  it('holds attendance with organisation and status, decisions, owners and Dutch due dates', () => {
    const text = pdftotext(path);
    for (const person of data.attendance) expect(text).toContain(person.name);
    expect(text).toContain('Slachtofferhulp Nederland');
    expect(text).toContain('Afgemeld');
    expect(text).toContain('Afwezig');
    expect(text).toContain('Politie registreert elke overtreding direct en meldt deze aan het OM (zaakskoppel).');
    expect(text).toContain('Bram Voorbeeld');
    expect(text).toContain('Samira el Fictief');
    expect(text).toMatch(/01-04-2026/);
    expect(text).toContain('Informatie niet gedeeld');
    expect(text).toContain('Veiligheidsplan (zoals vastgesteld)');
    expect(text).toContain('Bijlage: volledige actielijst');
    expect(text).toContain('12-03-2026 09:30');
  });

  it('keeps "ĳ" as one ligature character and "IJ" as two letters', () => {
    const text = pdftotext(path);
    expect(text).toContain('Jansen-B\u0133lsma');
    expect(text).toContain('IJsselmonde');
    expect(text).toContain('IJzendoorn');
    expect(text).not.toContain('Jansen-Blsma');
  });

  it('says "Vertrouwelijk" and "Pagina x van y" on every page, with document id and content hash', () => {
    const pages = pageCount(path);
    expect(pages).toBeGreaterThanOrEqual(4);
    const hash = minutesContentHash(data);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    for (let page = 1; page <= pages; page += 1) {
      const text = pdftotext(path, '-f', String(page), '-l', String(page));
      expect(text).toContain('VERTROUWELIJK');
      expect(text).toContain(`Pagina ${page} van ${pages}`);
      expect(text).toContain(data.documentId);
      expect(text).toContain(hash);
    }
  });

  it('draws the signature block on the last page inside the rectangle the widget will cover', () => {
    const pages = pageCount(path);
    const bbox = pdftotext(path, '-bbox', '-f', String(pages), '-l', String(pages));
    const words = [...bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map(
      (match) => ({ x1: Number(match[1]), top: Number(match[2]), x2: Number(match[3]), bottom: Number(match[4]), word: match[5] }),
    );
    const [x1, y1, x2, y2] = SIGNATURE_RECT;
    const inBlock = (word: string) => {
      const found = words.find((candidate) => candidate.word === word);
      if (!found) throw new Error(`word not on last page: ${word}`);
      return found.x1 >= x1 && found.x2 <= x2 && PAGE_HEIGHT - found.bottom >= y1 && PAGE_HEIGHT - found.top <= y2;
    };
    for (const word of ['Digitaal', 'Secretaris', 'Vastgesteld', 'Rotterdam', '13:00', 'IJzendoorn']) {
      expect(inBlock(word), word).toBe(true);
    }
    expect(inBlock('Ondertekening')).toBe(false);
  });

  it('carries title, author, subject, creator, producer, creation date, nl-NL and the PDF/A-2b marker', () => {
    const info = tool('pdfinfo', [path]);
    expect(info).toMatch(/Title:\s+Verslag Themakamer HG\/KM 12-03-2026/);
    expect(info).toMatch(/Author:\s+Ruud van IJzendoorn \(Zorg- en Veiligheidshuis\)/);
    expect(info).toMatch(/Subject:\s+Vertrouwelijk verslag casusoverleg/);
    expect(info).toMatch(/Creator:\s+Themakamer/);
    expect(info).toMatch(/Producer:\s+Themakamer/);
    expect(info).toMatch(/CreationDate:\s+Thu Mar 12 12:30:00 2026 UTC/);
    const meta = tool('pdfinfo', ['-meta', path]);
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const raw = readFileSync(path, 'latin1');
    expect(raw).toContain('/Lang (nl-NL)');
    expect(raw).toContain('/OutputIntents');
  });

  it('embeds every font (no built-in Helvetica)', () => {
    const fonts = tool('pdffonts', [path]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toContain('NotoSans');
      expect(line).toMatch(/\s+yes\s+yes\s+yes\s+/);
    }
  });

  it('marks concept minutes as concept', async () => {
    const concept = { ...fictionalMinutes(1), status: 'concept' as const, approvedAt: null, approvedBy: null };
    const text = pdftotext(save('concept.pdf', await renderMinutesPdf(concept)));
    expect(text).toContain('CONCEPT');
    expect(text).toContain('nog niet vastgesteld');
  });

  it('prints nothing marked never-export, in the full version too', async () => {
    const secret = fictionalMinutes(1);
    const item = secret.items[0];
    if (!item) throw new Error('fixture without items');
    item.safetyPlan.push({
      sectionTitle: 'Opvanglocatie',
      neverExport: true,
      blocks: [{ kind: 'paragraph', runs: [{ text: 'Fictieve Schuilweg 1' }] }],
    });
    item.notes.push({ kind: 'paragraph', neverExport: true, runs: [{ text: 'Geheime notitie fictief' }] });
    const text = pdftotext(save('never-export.pdf', await renderMinutesPdf(secret)));
    expect(text).toContain('Afspraken met slachtoffer');
    expect(text).not.toContain('Opvanglocatie');
    expect(text).not.toContain('Schuilweg');
    expect(text).not.toContain('Geheime notitie');
  });

  it('renders a per-organisation version with only the cases that organisation may know', async () => {
    const full = fictionalMinutes(3);
    full.items[2]!.restricted = true;
    const version = forOrganisation(full, 'politie', (caseId) => caseId !== full.items[0]!.caseId);
    const text = pdftotext(save('politie.pdf', await renderMinutesPdf(version)));
    expect(text).toContain('Versie voor Politie');
    expect(text).toContain('Casus Kievit 2');
    expect(text).not.toContain('Casus Zilverreiger 1');
    expect(text).not.toContain('Casus Grutto 3');
    expect(text).toContain(minutesContentHash(version));
    expect(minutesContentHash(version)).not.toBe(minutesContentHash(full));
  });

  it('refuses bad data with the paths at fault and no values', async () => {
    // A converter bug, as plain JSON: a malformed date and a field the model does not have.
    const bad = JSON.parse(JSON.stringify(fictionalMinutes(1))) as { items: { actions: { due: string }[]; address?: string }[] };
    bad.items[0]!.actions[0]!.due = '31-02-2026';
    bad.items[0]!.address = 'Fictieve Straat 12';
    const error = await renderMinutesPdf(bad as unknown as MinutesData).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PdfDataError);
    const message = (error as PdfDataError).message;
    expect(message).toContain('items.0.actions.0.due');
    expect(message).toContain('unrecognized_keys');
    expect(message).not.toContain('Fictieve Straat');
    expect(message).not.toContain('31-02-2026');
    expect((error as PdfDataError).userMessage).toMatch(/^Het document kan niet worden gemaakt/);
  });

  it('gives the same content hash for the same data and a different one after a change', () => {
    const a = fictionalMinutes(2);
    const b = fictionalMinutes(2);
    expect(minutesContentHash(a)).toBe(minutesContentHash(b));
    b.items[1]!.decisions[0] = 'Een ander besluit (fictief).';
    expect(minutesContentHash(a)).not.toBe(minutesContentHash(b));
  });
});

describe('action list PDF', () => {
  it('lists every action with case, owner, organisation, Dutch date and status', async () => {
    const data: ActionListData = {
      documentId: 'actions:fictief0001',
      region: 'Rotterdam-Rijnmond (fictief)',
      scopeLabel: 'Themakamer HG/KM van 12-03-2026',
      generatedAt: '2026-03-12T12:00:00+01:00',
      actions: fictionalMinutes(2).items.flatMap((item) =>
        item.actions.map((action) => ({ ...action, caseLabel: item.caseLabel })),
      ),
    };
    const path = save('actions.pdf', await renderActionListPdf(data));
    const text = pdftotext(path, '-layout');
    expect(text).toContain('VERTROUWELIJK');
    expect(text).toContain('Pagina 1 van 1');
    expect(text).toMatch(/Casus Kievit 2\s+Advies over enkelband/);
    expect(text).toContain('02-04-2026');
    expect(text).toContain('In behandeling');
    expect(tool('pdfinfo', [path])).toMatch(/Page size:\s+841.89 x 595.28 pts \(A4\)/);
  });
});
