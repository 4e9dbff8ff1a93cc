import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeBrowserWindow } from '../test/fakes';
import { createSaveFile, safeFileName, saveFilters } from './files';

const dir = mkdtempSync(join(tmpdir(), 'themakamer-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The OS save dialog is the edge: this one "chooses" a fixed answer and records what it was asked. */
function dialogAnswering(answer: SaveDialogReturnValue) {
  const asked: { owner: BrowserWindow | null; options: SaveDialogOptions }[] = [];
  const showSaveDialog = async (owner: BrowserWindow | null, options: SaveDialogOptions) => {
    asked.push({ owner, options });
    return answer;
  };
  return { asked, showSaveDialog };
}

const pdfBytes = new TextEncoder().encode('%PDF-1.7 fictief verslag');
const request = { suggestedName: 'verslag-themakamer-2025-03-04.pdf', mimeType: 'application/pdf', data: pdfBytes };

describe('saveFile', () => {
  it('writes the bytes where the user chose and says where', async () => {
    const target = join(dir, 'gekozen.pdf');
    const dialog = dialogAnswering({ canceled: false, filePath: target });
    const owner = new FakeBrowserWindow().asElectron();
    const result = await createSaveFile({ showSaveDialog: dialog.showSaveDialog, defaultDir: () => dir })(request, owner);
    expect(result).toEqual({ saved: true, path: target });
    expect(new Uint8Array(readFileSync(target))).toEqual(pdfBytes);
    expect(dialog.asked[0]?.owner).toBe(owner);
    expect(dialog.asked[0]?.options).toMatchObject({
      title: 'Bestand opslaan',
      defaultPath: join(dir, 'verslag-themakamer-2025-03-04.pdf'),
      filters: [{ name: 'PDF-document', extensions: ['pdf'] }, { name: 'Alle bestanden', extensions: ['*'] }],
    });
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing when the user cancels', async () => {
    const before = readdirSync(dir);
    const dialog = dialogAnswering({ canceled: true, filePath: '' });
    const result = await createSaveFile({ showSaveDialog: dialog.showSaveDialog, defaultDir: () => dir })(request, null);
    expect(result).toEqual({ saved: false });
    expect(readdirSync(dir)).toEqual(before);
  });

  it('replaces an existing file whole (the dialog asked to overwrite)', async () => {
    const target = join(dir, 'bestaand.pdf');
    const dialog = dialogAnswering({ canceled: false, filePath: target });
    const save = createSaveFile({ showSaveDialog: dialog.showSaveDialog, defaultDir: () => dir });
    await save({ ...request, data: new Uint8Array(1000).fill(1) }, null);
    await save(request, null);
    expect(new Uint8Array(readFileSync(target))).toEqual(pdfBytes);
  });

  it('fails with a code, not the path, and leaves no partial file when the folder is gone', async () => {
    const target = join(dir, 'bestaat-niet', 'Jansen.pdf');
    const dialog = dialogAnswering({ canceled: false, filePath: target });
    const save = createSaveFile({ showSaveDialog: dialog.showSaveDialog, defaultDir: () => dir });
    const error = await save(request, null).catch((caught: unknown) => caught);
    expect(String(error)).toBe('Error: file-save: write failed (ENOENT)');
    expect(existsSync(target)).toBe(false);
  });
});

describe('safeFileName', () => {
  it.each([
    ['verslag.pdf', 'verslag.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Windows\\system32\\x.pdf', 'x.pdf'],
    ['..', 'themakamer-export'],
    ['.verborgen', 'verborgen'],
    ['a:b*c?.csv', 'a_b_c_.csv'],
    ['regel\neen.pdf', 'regel_een.pdf'],
    ['', 'themakamer-export'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('keeps names short', () => {
    expect(safeFileName(`${'a'.repeat(400)}.pdf`).length).toBeLessThanOrEqual(150);
  });
});

describe('saveFilters', () => {
  it('offers a matching filter first and always "all files"', () => {
    expect(saveFilters('text/csv; charset=utf-8')[0]).toEqual({ name: 'CSV-bestand (Excel)', extensions: ['csv'] });
    expect(saveFilters('application/x-unknown')).toEqual([{ name: 'Alle bestanden', extensions: ['*'] }]);
  });
});
