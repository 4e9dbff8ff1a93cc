// Appends an incremental update that adds an empty signature: the signature
// dictionary with a fixed-size /Contents hole, a widget on the last page, the
// AcroForm in the catalog. The original bytes are left untouched, so the update
// can be checked against the file that was rendered.

import { concatBytes, latin1ToBytes } from './latin1';
import { dictEnd, dictEntries } from './pdfDict';
import { pdfDate, pdfNumber, pdfTextString } from './pdfStrings';
import { lastPageRef, readObjectDict, readPdfFile, refText, type PdfRef } from './pdfStructure';
import { PdfStructureError } from './pdfStructureError';

/** What the signature dictionary and its widget state. */
export interface PlaceholderOptions {
  reason: string;
  location: string;
  signerName: string;
  contactInfo?: string;
  signingTime: Date;
  /** [x1, y1, x2, y2] on the last page; all zero for an invisible signature. */
  widgetRect: [number, number, number, number];
  /** Room reserved for the DER-encoded CMS, in bytes. */
  signatureBytes: number;
}

/** The PDF with its hole, and the byte range the signature covers. */
export interface PreparedPdf {
  pdf: Uint8Array;
  byteRange: [number, number, number, number];
}

const BYTE_RANGE_PLACEHOLDER = '[0 ********** ********** **********]';

function insertAt(text: string, index: number, insert: string): string {
  return text.slice(0, index) + insert + text.slice(index);
}

function withAcroForm(rootDict: string, widget: PdfRef): string {
  if (dictEntries(rootDict).has('AcroForm')) throw new PdfStructureError('document already has a form (already signed?)');
  return insertAt(rootDict, dictEnd(rootDict), `/AcroForm << /Fields [${refText(widget)}] /SigFlags 3 >>\n`);
}

function withAnnotation(pageDict: string, widget: PdfRef): string {
  const annots = dictEntries(pageDict).get('Annots');
  if (annots === undefined) return insertAt(pageDict, dictEnd(pageDict), `/Annots [${refText(widget)}]\n`);
  if (!annots.value.startsWith('[')) throw new PdfStructureError('indirect /Annots is not supported');
  return insertAt(pageDict, annots.valueEnd - 1, ` ${refText(widget)}`);
}

function xrefSection(entries: Map<number, { offset: number; gen: number }>): string {
  const numbers = [...entries.keys()].sort((a, b) => a - b);
  let out = 'xref\n';
  let index = 0;
  while (index < numbers.length) {
    let end = index;
    while (end + 1 < numbers.length && numbers[end + 1] === (numbers[end] ?? 0) + 1) end += 1;
    out += `${numbers[index]} ${end - index + 1}\n`;
    for (let at = index; at <= end; at += 1) {
      const entry = entries.get(numbers[at] ?? -1);
      if (!entry) throw new PdfStructureError('xref entry missing');
      out += `${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n \n`;
    }
    index = end + 1;
  }
  return out;
}

/** Adds the signature placeholder as an incremental update; throws `PdfStructureError` for PDFs it cannot update. */
export function prepareSignature(original: Uint8Array, options: PlaceholderOptions): PreparedPdf {
  const file = readPdfFile(original);
  const rootDict = readObjectDict(file, file.root);
  const page = lastPageRef(file, rootDict);
  const pageDict = readObjectDict(file, page);

  const sig: PdfRef = { num: file.size, gen: 0 };
  const appearance: PdfRef = { num: file.size + 1, gen: 0 };
  const widget: PdfRef = { num: file.size + 2, gen: 0 };
  const [x1, y1, x2, y2] = options.widgetRect;
  const rect = options.widgetRect.map(pdfNumber).join(' ');

  const objects: [PdfRef, string][] = [
    [
      sig,
      '<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /adbe.pkcs7.detached\n' +
        `/ByteRange ${BYTE_RANGE_PLACEHOLDER}\n` +
        `/Contents <${'0'.repeat(options.signatureBytes * 2)}>\n` +
        `/Reason ${pdfTextString(options.reason)}\n` +
        `/Location ${pdfTextString(options.location)}\n` +
        `/Name ${pdfTextString(options.signerName)}\n` +
        (options.contactInfo ? `/ContactInfo ${pdfTextString(options.contactInfo)}\n` : '') +
        `/M ${pdfDate(options.signingTime)}\n` +
        '/Prop_Build << /App << /Name /Themakamer >> >>\n>>',
    ],
    [
      appearance,
      // The visible block is drawn in the page itself; PDF/A still wants every
      // widget to have a normal appearance, so it gets an empty one.
      `<< /Type /XObject /Subtype /Form /BBox [0 0 ${pdfNumber(Math.abs(x2 - x1))} ${pdfNumber(Math.abs(y2 - y1))}] ` +
        '/Resources << >> /Length 0 >>\nstream\n\nendstream',
    ],
    [
      widget,
      `<< /Type /Annot /Subtype /Widget /FT /Sig /T ${pdfTextString('Ondertekening')} /F 132 /Rect [${rect}] ` +
        `/P ${refText(page)} /V ${refText(sig)} /AP << /N ${refText(appearance)} >> >>`,
    ],
    [file.root, withAcroForm(rootDict, widget)],
    [page, withAnnotation(pageDict, widget)],
  ];

  let update = '\n';
  const xref = new Map<number, { offset: number; gen: number }>();
  for (const [ref, body] of objects) {
    xref.set(ref.num, { offset: original.length + update.length, gen: ref.gen });
    update += `${ref.num} ${ref.gen} obj\n${body}\nendobj\n`;
  }
  const xrefOffset = original.length + update.length;
  const trailer = [
    `/Size ${file.size + 3}`,
    `/Root ${refText(file.root)}`,
    file.infoValue ? `/Info ${file.infoValue}` : '',
    file.idValue ? `/ID ${file.idValue}` : '',
    `/Prev ${file.lastXrefOffset}`,
  ].filter(Boolean);
  update += `${xrefSection(xref)}trailer\n<< ${trailer.join(' ')} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;

  // The hole is the hex string including its angle brackets.
  const contentsStart = original.length + update.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsStart + options.signatureBytes * 2 + 2;
  const total = original.length + update.length;
  const byteRange: [number, number, number, number] = [0, contentsStart, contentsEnd, total - contentsEnd];
  const opened = `[${byteRange.join(' ')}`;
  if (opened.length + 1 > BYTE_RANGE_PLACEHOLDER.length) throw new PdfStructureError('document too large');
  // Same length as the placeholder, so no offset computed above moves.
  const filled = `${opened.padEnd(BYTE_RANGE_PLACEHOLDER.length - 1, ' ')}]`;
  update = update.replace(BYTE_RANGE_PLACEHOLDER, filled);

  return { pdf: concatBytes([original, latin1ToBytes(update)]), byteRange };
}
