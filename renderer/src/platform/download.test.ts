import { describe, expect, it } from 'vitest';
import { downloadName } from './download';

describe('downloadName', () => {
  it('keeps an ordinary name', () => {
    expect(downloadName('Verslag themakamer 28-11-2025 v1.pdf')).toBe('Verslag themakamer 28-11-2025 v1.pdf');
  });

  it('drops path parts, so a name cannot point elsewhere', () => {
    expect(downloadName('../../etc/verslag.pdf')).toBe('verslag.pdf');
    expect(downloadName('C:\\Users\\x\\verslag.pdf')).toBe('verslag.pdf');
  });

  it('replaces characters Windows refuses and control characters', () => {
    expect(downloadName('a<b>c:d"e|f?g*h.pdf')).toBe('a_b_c_d_e_f_g_h.pdf');
    expect(downloadName('ver\u0000slag\u001f.pdf')).toBe('ver_slag_.pdf');
  });

  it('never returns an empty or hidden name', () => {
    expect(downloadName('')).toBe('download');
    expect(downloadName('...')).toBe('download');
    expect(downloadName('   ')).toBe('download');
    expect(downloadName('.verslag.pdf')).toBe('verslag.pdf');
  });

  it('cuts long names but keeps the extension', () => {
    const name = downloadName(`${'x'.repeat(300)}.pdf`);
    expect(name.length).toBe(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
