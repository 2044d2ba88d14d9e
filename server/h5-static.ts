/**
 * The H5 build as a village phone on a slow link needs it: every text asset brotli- or
 * gzip-compressed (the `.br`/`.gz` files written at build time, else compressed once on first
 * serve and kept in memory), content-hashed files cached for a year as `immutable`, and
 * index.html (the SPA fallback for every page path) revalidated on each load so a new build is
 * picked up at once. Files are stat'ed on each request, so a rebuild while the server runs is
 * served without a restart.
 */
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompress, brotliCompressSync, constants as zc, gzip, gzipSync } from 'node:zlib';
import { promisify } from 'node:util';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};
/** Worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.map', '.ttf']);
/** Smaller files gain nothing from compression that the extra header does not eat. */
const MIN_COMPRESS_BYTES = 512;

/** `name.1a2b3c4d.js`: the build's content hash (config/index.ts output names). */
export const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts (brotli first), honouring `q=0`. */
export function pickEncoding(header: string | string[] | undefined): Encoding | null {
  const value = Array.isArray(header) ? header.join(',') : header ?? '';
  const accepted = new Map<string, number>();
  for (const part of value.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

function compressSync(bytes: Buffer, enc: Encoding): Buffer {
  return enc === 'br'
    ? brotliCompressSync(bytes, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
    : gzipSync(bytes, { level: 9 });
}

/**
 * Build time: write `file.br` and `file.gz` next to every compressible file of the build (the
 * server then never compresses on a request). Returns how many files were compressed.
 */
export function precompressDir(dir: string): number {
  let count = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (COMPRESSIBLE.has(extname(p)) && statSync(p).size >= MIN_COMPRESS_BYTES) {
        const bytes = readFileSync(p);
        writeFileSync(`${p}.br`, compressSync(bytes, 'br'));
        writeFileSync(`${p}.gz`, compressSync(bytes, 'gzip'));
        count += 1;
      }
    }
  };
  walk(dir);
  return count;
}

/** Returns a request handler; `next()` is called when no file (and no page fallback) matches. */
export function h5Static(root: string) {
  const base = normalize(root + sep);
  // Compressed copies made on first serve, keyed by file + mtime + size (a rebuild invalidates).
  const memo = new Map<string, Promise<Buffer>>();

  function compressed(file: string, key: string, enc: Encoding): Promise<Buffer> {
    const id = `${file}|${key}|${enc}`;
    let found = memo.get(id);
    if (!found) {
      const side = `${file}.${enc === 'br' ? 'br' : 'gz'}`;
      const st = statSync(file);
      if (existsSync(side) && statSync(side).mtimeMs >= st.mtimeMs) {
        found = Promise.resolve(readFileSync(side));
      } else {
        const raw = readFileSync(file);
        found =
          enc === 'br'
            ? brotliAsync(raw, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: raw.length } })
            : gzipAsync(raw, { level: 9 });
      }
      found.catch(() => memo.delete(id));
      // Old builds' entries go: keep only the current version of each file.
      for (const k of memo.keys()) if (k.startsWith(`${file}|`) && !k.startsWith(`${file}|${key}|`)) memo.delete(k);
      memo.set(id, found);
    }
    return found;
  }

  /** The file a request path names, or null (outside the root, missing, a folder). */
  function resolveFile(urlPath: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const file = normalize(join(base, decoded));
    if (!file.startsWith(base)) return null;
    try {
      return statSync(file).isFile() ? file : null;
    } catch {
      return null;
    }
  }

  return function serve(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const urlPath = (req.url ?? '/').split('?')[0];
    let file = resolveFile(urlPath);
    // A page path (no extension) is the single-page app: index.html, which routes in the browser.
    if (!file && !extname(urlPath)) file = resolveFile('/index.html');
    if (!file || file.endsWith('.br') || file.endsWith('.gz')) return next();

    const st = statSync(file);
    const ext = extname(file);
    const key = `${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}`;
    const headers: Record<string, string | number> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': HASHED.test(file) ? IMMUTABLE : REVALIDATE,
      'x-content-type-options': 'nosniff',
    };
    const compressible = COMPRESSIBLE.has(ext) && st.size >= MIN_COMPRESS_BYTES;
    if (compressible) headers.vary = 'Accept-Encoding';
    const enc = compressible ? pickEncoding(req.headers['accept-encoding']) : null;

    const etag = `"${key}${enc ? `-${enc}` : ''}"`;
    headers.etag = etag;
    if (enc) headers['content-encoding'] = enc;
    if (req.headers['if-none-match'] === etag) {
      delete headers['content-type'];
      delete headers['content-encoding'];
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (!enc) {
      res.writeHead(200, { ...headers, 'content-length': st.size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
      return;
    }
    compressed(file, key, enc).then(
      (bytes) => {
        res.writeHead(200, { ...headers, 'content-length': bytes.length });
        res.end(req.method === 'HEAD' ? undefined : bytes);
      },
      () => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end('读取页面文件失败，请刷新');
      },
    );
  };
}
