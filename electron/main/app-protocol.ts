/**
 * The app:// protocol: serves the built renderer (out/renderer) read-only, with the
 * CSP and hardening headers on every response. Only GET/HEAD of files inside the root;
 * anything else is refused without touching the disk.
 */
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { APP_RESPONSE_HEADERS } from './csp';
import type { Service } from './service';

/** The scheme's privileges: a standard, secure origin (IndexedDB, WebCrypto, fetch) without bypassing CSP. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    codeCache: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
  },
} as const satisfies CustomScheme;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** How the handler reaches the disk; real fs in the app, the same in tests (a temp dir). */
export interface AppFiles {
  /** Absolute path of out/renderer. */
  root: string;
  readFile(path: string): Promise<Uint8Array<ArrayBuffer>>;
  realpath(path: string): Promise<string>;
}

/**
 * The real file system. Inside an app.asar (packaged) the archive is integrity-checked
 * by the ASAR fuse and holds no links, so paths are taken as they are there.
 */
export function nodeAppFiles(root: string): AppFiles {
  const inAsar = /\.asar([\\/]|$)/.test(root);
  return {
    root: resolve(root),
    readFile: (path) => readFile(path),
    realpath: inAsar ? async (path) => path : (path) => realpath(path),
  };
}

function refuse(status: number, csp: string): Response {
  return new Response(null, { status, headers: { ...APP_RESPONSE_HEADERS, 'Content-Security-Policy': csp } });
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..');
}

/** Answers one app:// request: the file under root with strict headers, or 4xx. */
export async function serveAppRequest(request: Request, files: AppFiles, csp: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, csp);
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse(400, csp);
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '') {
    return refuse(404, csp);
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return refuse(400, csp);
  }
  // Encoded separators and NULs never name a file we ship.
  if (pathname.includes('\0') || pathname.includes('\\')) return refuse(400, csp);
  const wanted = pathname === '/' ? '/index.html' : pathname;
  const candidate = resolve(files.root, `.${wanted}`);
  if (!isInside(files.root, candidate)) return refuse(404, csp);
  const mimeType = MIME_TYPES[extname(candidate).toLowerCase()];
  if (mimeType === undefined) return refuse(404, csp);
  let body: Uint8Array<ArrayBuffer>;
  try {
    // A symlink inside out/renderer must not lead outside it.
    const real = await files.realpath(candidate);
    const realRoot = await files.realpath(files.root);
    if (!isInside(realRoot, real)) return refuse(404, csp);
    body = await files.readFile(real);
  } catch {
    return refuse(404, csp);
  }
  const headers = {
    ...APP_RESPONSE_HEADERS,
    'Content-Security-Policy': csp,
    'Content-Type': mimeType,
    'Content-Length': String(body.byteLength),
  };
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}

/** Registers app:// as privileged; Electron allows this only before `ready`. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** The app:// handler as a service (the session's protocol, after `ready`). */
export function appProtocolService(protocol: Pick<Protocol, 'handle' | 'unhandle'>, files: AppFiles, csp: string): Service {
  return {
    name: 'app-protocol',
    init() {
      protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, files, csp));
    },
    dispose() {
      protocol.unhandle(APP_SCHEME);
    },
  };
}
