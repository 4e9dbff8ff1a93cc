/**
 * Small HTTP helpers for the JSON API: reading a bounded JSON body and answering with
 * `{ error: <code> }` for anything refused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRoom } from '../access/names';

/** A refusal with an HTTP status and a stable error code for the app. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(readonly status: number, readonly code: string, readonly headers: Record<string, string> = {}) {
    super(code);
  }
}

/** Reads a request body of at most `maxBytes` (413 `too_large` beyond it, before reading it all). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, 'too_large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads and parses a JSON body of at most `maxBytes`. */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'unsupported_media_type');
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) throw new HttpError(413, 'too_large');
  const body = await readBody(req, maxBytes);
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json');
  }
}

/** Sends a JSON response (never cached: it may describe who has access to what). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

/** Sends 204 No Content. */
export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204, { 'Cache-Control': 'no-store' });
  res.end();
}

/** A room name from a URL path segment; anything else is a 404 (as an unknown room is). */
export function roomParam(raw: string): string {
  let room: string;
  try {
    room = decodeURIComponent(raw);
  } catch {
    throw new HttpError(404, 'not_found');
  }
  if (!isRoom(room)) throw new HttpError(404, 'not_found');
  return room;
}
