import forge from 'node-forge';

/**
 * Canonical JSON: object keys sorted, undefined members left out, arrays in order.
 * Two equal data sets give the same string whatever order their keys were built in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number in document data');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((entry) => (entry === undefined ? 'null' : canonicalJson(entry))).join(',')}]`;
  const members = Object.entries(value)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
  return `{${members.join(',')}}`;
}

/**
 * SHA-256 (hex) of the canonical serialisation of the data a document prints.
 * node-forge rather than Web Crypto: it is synchronous and also works outside a
 * secure context and in the Node CLI.
 */
export function contentHash(data: unknown): string {
  return forge.md.sha256.create().update(canonicalJson(data), 'utf8').digest().toHex();
}

/** SHA-256 (hex) of a file's bytes, e.g. the exported PDF for the audit log (`POST /api/audit`). */
export function fileSha256(bytes: Uint8Array): string {
  const md = forge.md.sha256.create();
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    md.update(String.fromCharCode(...bytes.subarray(offset, offset + chunk)));
  }
  return md.digest().toHex();
}
