// PDF syntax is bytes; these helpers treat them as Latin-1 so that one character
// is one byte and offsets in strings are offsets in the file. No Node Buffer: this
// code runs in the browser as well.

/** Bytes as a Latin-1 ("binary") string, the form node-forge works in. */
export function bytesToLatin1(bytes: Uint8Array): string {
  let out = '';
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    out += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  }
  return out;
}

/** A Latin-1 string as bytes; throws on characters above U+00FF. */
export function latin1ToBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code > 0xff) throw new Error('non-Latin-1 character in PDF syntax');
    bytes[index] = code;
  }
  return bytes;
}

/** Joins byte arrays. */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
