// Values written into PDF dictionaries by the signing code.

/** A PDF text string: literal for printable ASCII, UTF-16BE with BOM (hex) otherwise. */
export function pdfTextString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let index = 0; index < value.length; index += 1) {
    hex += value.charCodeAt(index).toString(16).padStart(4, '0').toUpperCase();
  }
  return `<${hex}>`;
}

/** A PDF date string in UTC, e.g. `(D:20260312120500+00'00')`. */
export function pdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `(D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00')`
  );
}

/** A number as PDF syntax: at most 2 decimals, no exponent. */
export function pdfNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error('non-finite number in PDF syntax');
  return String(Math.round(value * 100) / 100);
}
