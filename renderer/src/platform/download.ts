import type { SaveFileRequest } from '../../../electron/contract';
import { isControlCode } from './controlCharacters';

/** Longest file name offered to the browser; the extension is kept when cutting. */
const MAX_NAME_LENGTH = 120;

/**
 * A file name the browser's download can use: no path parts, no characters Windows or
 * macOS refuse, never empty. The browser makes its own name safe as well; this keeps
 * what the user sees predictable across browsers.
 */
export function downloadName(suggested: string): string {
  const base = suggested.split(/[\\/]/u).pop() ?? '';
  const cleaned = Array.from(base, (char) => (isControlCode(char.charCodeAt(0)) || '<>:"|?*'.includes(char) ? '_' : char))
    .join('')
    .replace(/^[.\s]+|[.\s]+$/gu, '')
    .trim();
  if (cleaned === '') return 'download';
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}

/** Starts a browser download of the bytes (the web stand-in for a save dialog). */
export function startDownload(request: SaveFileRequest, doc: Document = document): void {
  // Copy: a Blob needs an ArrayBuffer-backed view, and the caller may reuse its buffer.
  const blob = new Blob([new Uint8Array(request.data)], { type: request.mimeType || 'application/octet-stream' });
  const href = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = href;
  anchor.download = downloadName(request.suggestedName);
  anchor.rel = 'noopener';
  anchor.hidden = true;
  doc.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    // Revoking in the same task can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
  }
}
