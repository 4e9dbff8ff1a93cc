/**
 * Saving a file the renderer made (minutes PDF, action list CSV) through the OS save
 * dialog. The renderer proposes a name; the user picks the place; main writes the bytes.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BrowserWindow, FileFilter, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { SaveFileRequest, SaveFileResult } from '../contract';

const FILTERS: Readonly<Record<string, FileFilter>> = {
  'application/pdf': { name: 'PDF-document', extensions: ['pdf'] },
  'text/csv': { name: 'CSV-bestand (Excel)', extensions: ['csv'] },
  'application/json': { name: 'JSON-bestand', extensions: ['json'] },
  'text/plain': { name: 'Tekstbestand', extensions: ['txt'] },
};

/** The dialog filters for a MIME type (parameters such as `;charset=` ignored), always with "all files". */
export function saveFilters(mimeType: string): FileFilter[] {
  const known = FILTERS[mimeType.split(';')[0]?.trim().toLowerCase() ?? ''];
  const all: FileFilter = { name: 'Alle bestanden', extensions: ['*'] };
  return known === undefined ? [all] : [known, all];
}

/**
 * A proposed name reduced to a plain file name: no directories, no characters Windows
 * refuses, no leading dots. The renderer already validated it; this keeps the dialog
 * from starting somewhere unexpected if it did not.
 */
export function safeFileName(suggested: string): string {
  const cleaned = basename(suggested.replace(/\\/g, '/'))
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/[\s\S]/gu, (char) => (char.charCodeAt(0) < 0x20 ? '_' : char))
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 150);
  return cleaned === '' ? 'themakamer-export' : cleaned;
}

/** Writes via a temporary sibling and a rename, so a failed write never leaves half a file under the chosen name. */
export async function writeFileAtomically(path: string, data: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** What saving needs from Electron and the disk. */
export interface SaveFileDeps {
  /** dialog.showSaveDialog, attached to the owner window when there is one. */
  showSaveDialog: (owner: BrowserWindow | null, options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  /** The default folder, e.g. app.getPath('documents'). */
  defaultDir: () => string;
  write?: (path: string, data: Uint8Array) => Promise<void>;
}

/** Makes the 'file-save' handler. */
export function createSaveFile({ showSaveDialog, defaultDir, write = writeFileAtomically }: SaveFileDeps) {
  return async function saveFile(request: SaveFileRequest, owner: BrowserWindow | null): Promise<SaveFileResult> {
    const options: SaveDialogOptions = {
      title: 'Bestand opslaan',
      buttonLabel: 'Opslaan',
      defaultPath: join(defaultDir(), safeFileName(request.suggestedName)),
      filters: saveFilters(request.mimeType),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const choice = await showSaveDialog(owner, options);
    if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { saved: false };
    try {
      await write(choice.filePath, request.data);
    } catch (error) {
      // The path may hold a user name; the log gets the error code only.
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
      throw new Error(`file-save: write failed (${code})`);
    }
    return { saved: true, path: choice.filePath };
  };
}
