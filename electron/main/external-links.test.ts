import { describe, expect, it } from 'vitest';
import { createOpenLink, MAX_EXTERNAL_URL_LENGTH, openExternalLink, safeExternalUrl } from './external-links';

describe('safeExternalUrl', () => {
  it('passes plain https links, normalised', () => {
    expect(safeExternalUrl('https://www.zorgenveiligheidshuizen.example/themakamer?id=1#top')).toBe(
      'https://www.zorgenveiligheidshuizen.example/themakamer?id=1#top',
    );
    expect(safeExternalUrl('HTTPS://Meet.Example/abc')).toBe('https://meet.example/abc');
  });

  it.each([
    ['http', 'http://meet.example/'],
    ['file', 'file:///etc/passwd'],
    ['smb share', 'smb://fileserver.example/share'],
    ['custom handler', 'ms-msdt:/id PCWDiagnostic'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>1</script>'],
    ['credentials', 'https://user:secret@meet.example/'],
    ['username only', 'https://user@meet.example/'],
    ['leading space', ' https://meet.example/'],
    ['newline', 'https://meet.example/\nx'],
    ['NUL', 'https://meet.example/\u0000'],
    ['DEL', 'https://meet.example/\u007f'],
    ['relative', '/index.html'],
    ['empty', ''],
    ['too long', `https://meet.example/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`],
  ])('refuses %s', (_name, url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });

  it('refuses non-strings', () => {
    expect(safeExternalUrl(42)).toBeNull();
    expect(safeExternalUrl({ href: 'https://meet.example/' })).toBeNull();
  });
});

describe('openExternalLink', () => {
  it('calls the opener only for a safe URL and reports the outcome', async () => {
    const opened: string[] = [];
    const open = async (url: string) => {
      opened.push(url);
    };
    expect(await openExternalLink('https://meet.example/room', open)).toBe(true);
    expect(await openExternalLink('file:///C:/Windows/system32/calc.exe', open)).toBe(false);
    expect(opened).toEqual(['https://meet.example/room']);
  });

  it('reports false when the OS cannot open the link', async () => {
    const failing = async () => {
      throw new Error('no browser');
    };
    expect(await createOpenLink(failing)('https://meet.example/')).toBe(false);
  });
});
