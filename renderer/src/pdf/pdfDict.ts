// A small reader for PDF dictionary syntax: finds the top-level entries of a
// `<< … >>` body, stepping over nested dictionaries, arrays and strings so a key
// inside a sub-dictionary or a string is never mistaken for a top-level one.

import { PdfStructureError } from './pdfStructureError';

/** One top-level entry: the key without its slash, and where its value sits in the text. */
export interface DictEntry {
  key: string;
  value: string;
  valueStart: number;
  valueEnd: number;
}

const delimiter = /[\s()<>[\]{}/%]/;
const refAt = /\d+\s+\d+\s+R(?![^\s()<>[\]{}/%])/y;

function skipSpace(text: string, index: number): number {
  let at = index;
  while (at < text.length) {
    const char = text[at] ?? '';
    if (/\s/.test(char)) at += 1;
    else if (char === '%') {
      while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at += 1;
    } else break;
  }
  return at;
}

function skipLiteralString(text: string, index: number): number {
  let depth = 0;
  for (let at = index; at < text.length; at += 1) {
    const char = text[at];
    if (char === '\\') at += 1;
    else if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) return at + 1;
    }
  }
  throw new PdfStructureError('unterminated string');
}

/** Index just past the value that starts at `index`. */
function skipValue(text: string, index: number): number {
  const at = skipSpace(text, index);
  if (text.startsWith('<<', at)) {
    let inner = at + 2;
    for (;;) {
      inner = skipSpace(text, inner);
      if (inner >= text.length) throw new PdfStructureError('unterminated dictionary');
      if (text.startsWith('>>', inner)) return inner + 2;
      inner = skipValue(text, inner);
    }
  }
  const char = text[at];
  if (char === '[') {
    let inner = at + 1;
    for (;;) {
      inner = skipSpace(text, inner);
      if (inner >= text.length) throw new PdfStructureError('unterminated array');
      if (text[inner] === ']') return inner + 1;
      inner = skipValue(text, inner);
    }
  }
  if (char === '(') return skipLiteralString(text, at);
  if (char === '<') {
    const end = text.indexOf('>', at);
    if (end < 0) throw new PdfStructureError('unterminated hex string');
    return end + 1;
  }
  refAt.lastIndex = at;
  const ref = refAt.exec(text);
  if (ref) return at + ref[0].length;
  let end = char === '/' ? at + 1 : at;
  while (end < text.length && !delimiter.test(text[end] ?? '')) end += 1;
  if (end === at) throw new PdfStructureError('unexpected character in dictionary');
  return end;
}

/** The top-level entries of a dictionary body that starts with `<<`. */
export function dictEntries(dict: string): Map<string, DictEntry> {
  const entries = new Map<string, DictEntry>();
  let at = skipSpace(dict, 0);
  if (!dict.startsWith('<<', at)) throw new PdfStructureError('not a dictionary');
  at += 2;
  for (;;) {
    at = skipSpace(dict, at);
    if (at >= dict.length) throw new PdfStructureError('unterminated dictionary');
    if (dict.startsWith('>>', at)) return entries;
    if (dict[at] !== '/') throw new PdfStructureError('dictionary key expected');
    const keyEnd = skipValue(dict, at);
    const key = dict.slice(at + 1, keyEnd);
    const valueStart = skipSpace(dict, keyEnd);
    const valueEnd = skipValue(dict, valueStart);
    entries.set(key, { key, value: dict.slice(valueStart, valueEnd), valueStart, valueEnd });
    at = valueEnd;
  }
}

/** The index of the closing `>>` of a dictionary body that starts with `<<`. */
export function dictEnd(dict: string): number {
  return skipValue(dict, 0) - 2;
}
