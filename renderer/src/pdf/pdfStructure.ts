// Just enough PDF reading to append an incremental update: the classic cross-
// reference tables, the trailer, and the few dictionaries the signature touches.
// react-pdf (pdfkit) writes classic tables and no object streams; anything else
// is refused with `PdfStructureError` rather than guessed at.

import { bytesToLatin1 } from './latin1';
import { dictEntries } from './pdfDict';
import { PdfStructureError } from './pdfStructureError';

/** An indirect reference `num gen R`. */
export interface PdfRef {
  num: number;
  gen: number;
}

/** What the incremental update needs to know about the file. */
export interface PdfFileInfo {
  /** The whole file as Latin-1 text (one char per byte). */
  text: string;
  /** Offset of the last cross-reference section (the new trailer's /Prev). */
  lastXrefOffset: number;
  size: number;
  root: PdfRef;
  /** The trailer's /Info and /ID values as written, copied into the new trailer. */
  infoValue: string | null;
  idValue: string | null;
  offsets: Map<number, number>;
}

/** A reference as PDF syntax. */
export function refText(ref: PdfRef): string {
  return `${ref.num} ${ref.gen} R`;
}

function fail(reason: string): never {
  throw new PdfStructureError(reason);
}

/** Parses `num gen R`; throws for anything else. */
export function parseRef(value: string | undefined, what: string): PdfRef {
  const match = value === undefined ? null : /^(\d+)\s+(\d+)\s+R$/.exec(value.trim());
  if (!match) fail(`missing or bad reference: ${what}`);
  return { num: Number(match[1]), gen: Number(match[2]) };
}

function readXrefSection(text: string, offset: number, offsets: Map<number, number>): Map<string, { value: string }> {
  if (!text.startsWith('xref', offset)) fail('no classic cross-reference table (xref stream?)');
  const trailerAt = text.indexOf('trailer', offset);
  if (trailerAt < 0) fail('no trailer');
  const lines = text
    .slice(offset + 4, trailerAt)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  let index = 0;
  while (index < lines.length) {
    const header = /^(\d+)\s+(\d+)$/.exec(lines[index] ?? '');
    if (!header) fail('bad cross-reference subsection');
    const first = Number(header[1]);
    const count = Number(header[2]);
    for (let entry = 0; entry < count; entry += 1) {
      const line = /^(\d{10})\s+(\d{5})\s+([nf])$/.exec(lines[index + 1 + entry] ?? '');
      if (!line) fail('bad cross-reference entry');
      // Sections are read newest first: an object keeps its newest offset.
      if (line[3] === 'n' && !offsets.has(first + entry)) offsets.set(first + entry, Number(line[1]));
    }
    index += 1 + count;
  }
  return dictEntries(text.slice(text.indexOf('<<', trailerAt)));
}

/** Reads the trailer chain and cross-reference tables of a PDF. */
export function readPdfFile(bytes: Uint8Array): PdfFileInfo {
  const text = bytesToLatin1(bytes);
  if (!text.startsWith('%PDF-')) fail('not a PDF');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024));
  if (!startxref) fail('no startxref at the end');
  const lastXrefOffset = Number(startxref[1]);
  if (lastXrefOffset >= text.length) fail('startxref points outside the file');

  const offsets = new Map<number, number>();
  const trailer = readXrefSection(text, lastXrefOffset, offsets);
  if (trailer.has('Encrypt')) fail('encrypted PDF');
  const seen = new Set([lastXrefOffset]);
  let prev = trailer.get('Prev')?.value;
  while (prev !== undefined) {
    const offset = Number(prev);
    if (!Number.isInteger(offset) || seen.has(offset) || offset >= text.length) fail('bad /Prev chain');
    seen.add(offset);
    prev = readXrefSection(text, offset, offsets).get('Prev')?.value;
  }

  const size = Number(trailer.get('Size')?.value);
  if (!Number.isInteger(size) || size < 1) fail('bad /Size');
  return {
    text,
    lastXrefOffset,
    size,
    root: parseRef(trailer.get('Root')?.value, 'Root'),
    infoValue: trailer.get('Info')?.value ?? null,
    idValue: trailer.get('ID')?.value ?? null,
    offsets,
  };
}

/** The dictionary body (`<< … >>`) of a non-stream object. */
export function readObjectDict(file: PdfFileInfo, ref: PdfRef): string {
  const offset = file.offsets.get(ref.num);
  if (offset === undefined) fail(`object ${ref.num} not in the cross-reference table`);
  const header = new RegExp(`^${ref.num}\\s+${ref.gen}\\s+obj\\s*`).exec(file.text.slice(offset, offset + 40));
  if (!header) fail(`object ${ref.num} not at its offset`);
  const end = file.text.indexOf('endobj', offset);
  if (end < 0) fail(`object ${ref.num} has no endobj`);
  const body = file.text.slice(offset + header[0].length, end).trim();
  if (!body.startsWith('<<') || !body.endsWith('>>')) fail(`object ${ref.num} is not a plain dictionary`);
  return body;
}

function refsIn(array: string): PdfRef[] {
  return [...array.matchAll(/(\d+)\s+(\d+)\s+R/g)].map((match) => ({ num: Number(match[1]), gen: Number(match[2]) }));
}

/** The last page of the document, walking the page tree from the catalog. */
export function lastPageRef(file: PdfFileInfo, rootDict: string): PdfRef {
  let node = parseRef(dictEntries(rootDict).get('Pages')?.value, 'Pages');
  for (let depth = 0; depth < 32; depth += 1) {
    const entries = dictEntries(readObjectDict(file, node));
    const type = entries.get('Type')?.value;
    if (type === '/Page') return node;
    if (type !== '/Pages') fail('page tree node of unknown type');
    const kids = entries.get('Kids')?.value;
    const last = kids === undefined ? undefined : refsIn(kids).at(-1);
    if (!last) fail('page tree without kids');
    node = last;
  }
  return fail('page tree too deep');
}
