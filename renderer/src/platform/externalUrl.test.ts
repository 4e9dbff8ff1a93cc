import { describe, expect, it } from 'vitest';
import { MAX_EXTERNAL_URL_LENGTH, safeExternalUrl } from './externalUrl';

describe('safeExternalUrl', () => {
  it('passes plain https links, normalised', () => {
    expect(safeExternalUrl('https://www.veiligthuis.nl/over')).toBe('https://www.veiligthuis.nl/over');
    expect(safeExternalUrl('HTTPS://Example.ORG')).toBe('https://example.org/');
  });

  it.each([
    ['http', 'http://example.org/'],
    ['javascript', 'javascript:alert(1)'],
    ['file', 'file:///etc/passwd'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['smb', 'smb://server/share'],
    ['credentials', 'https://user:secret@example.org/'],
    ['user only', 'https://user@example.org/'],
    ['leading space', ' https://example.org/'],
    ['tab inside', 'https://exa\tmple.org/'],
    ['newline', 'https://example.org/\nx'],
    ['DEL', 'https://example.org/\u007f'],
    ['relative', '/index.html'],
    ['empty', ''],
    ['too long', `https://example.org/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`],
  ])('refuses %s', (_name, url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(safeExternalUrl(undefined)).toBeNull();
    expect(safeExternalUrl({ href: 'https://example.org/' })).toBeNull();
  });
});
