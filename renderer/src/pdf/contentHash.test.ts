import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, fileSha256 } from './contentHash';

describe('canonicalJson', () => {
  it('does not depend on key order and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'ĳ'], c: null }, e: undefined })).toBe('{"a":{"c":null,"d":[1,"ĳ"]},"b":1}');
    expect(canonicalJson({ a: { c: null, d: [1, 'ĳ'] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [1, 'ĳ'], c: null } }));
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
  });
});

describe('hashes', () => {
  it('hash the canonical UTF-8 text with SHA-256', () => {
    const data = { naam: 'Jansen-Bĳlsma', n: 1 };
    expect(contentHash(data)).toBe(createHash('sha256').update(canonicalJson(data), 'utf8').digest('hex'));
  });

  it('hash file bytes larger than one chunk like node:crypto does', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 256);
    expect(fileSha256(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(fileSha256(new Uint8Array())).toBe(createHash('sha256').digest('hex'));
  });
});
