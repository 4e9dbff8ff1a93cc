import { describe, expect, it } from 'vitest';
import { normaliseUsername, parseServerUrl } from './serverUrl';

describe('parseServerUrl', () => {
  it('keeps an origin as it is, without trailing slash', () => {
    expect(parseServerUrl('https://themakamer.voorbeeld.nl/')).toBe('https://themakamer.voorbeeld.nl');
    expect(parseServerUrl('  http://127.0.0.1:8470  ')).toBe('http://127.0.0.1:8470');
  });

  it('adds https to a bare host name and http to this computer', () => {
    expect(parseServerUrl('themakamer.voorbeeld.nl')).toBe('https://themakamer.voorbeeld.nl');
    expect(parseServerUrl('localhost:8470')).toBe('http://localhost:8470');
    expect(parseServerUrl('127.0.0.1:8470/')).toBe('http://127.0.0.1:8470');
  });

  it('refuses what is not a server origin', () => {
    expect(parseServerUrl('')).toBeNull();
    expect(parseServerUrl('ftp://host')).toBeNull();
    expect(parseServerUrl('https://host/pad')).toBeNull();
    expect(parseServerUrl('https://user:pw@host')).toBeNull();
    expect(parseServerUrl('https://host/?x=1')).toBeNull();
    expect(parseServerUrl('http://')).toBeNull();
    expect(parseServerUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('normaliseUsername', () => {
  it('matches the server: trimmed, lower case', () => {
    expect(normaliseUsername('  Pim.Proef ')).toBe('pim.proef');
  });
});
