/**
 * Serves the built renderer (out/renderer) on the same origin as the API. Only files
 * inside the root are served (no traversal, no symlinks out of it); paths without an
 * extension fall back to index.html so client-side routes survive a reload.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** Serves GET/HEAD requests from `root`; resolves false when the request is not for it. */
export function createStaticHandler(rootDir: string): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const rootPromise = realpath(resolve(rootDir));

  async function locate(root: string, pathname: string): Promise<string | null> {
    const candidate = resolve(root, '.' + pathname);
    if (candidate !== root && !candidate.startsWith(root + sep)) return null;
    try {
      const real = await realpath(candidate);
      if (real !== root && !real.startsWith(root + sep)) return null;
      const info = await stat(real);
      if (info.isDirectory()) return locate(root, join(pathname, 'index.html'));
      return info.isFile() ? real : null;
    } catch {
      return null;
    }
  }

  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const root = await rootPromise;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return false;
    }
    if (pathname.includes('\0')) return false;
    let file = await locate(root, pathname);
    if (!file && extname(pathname) === '') file = await locate(root, '/index.html');
    if (!file) return false;
    const type = mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const info = await stat(file);
    // Vite puts content-hashed names under /assets/: those never change. Everything else
    // (index.html above all) must be revalidated so a new build is picked up.
    const immutable = pathname.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': info.size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await new Promise<void>((done) => {
      const stream = createReadStream(file);
      stream.on('error', () => {
        res.destroy();
        done();
      });
      stream.on('end', done);
      stream.pipe(res);
    });
    return true;
  };
}
