/**
 * The H5 build over HTTP as a phone's browser meets it: compressed (brotli preferred, gzip,
 * or none, as the request allows), `Vary: Accept-Encoding`, hashed files cached for a year as
 * immutable, index.html and page paths revalidated, 304 on a matching ETag, the build-time
 * `.br`/`.gz` copies used when present and never served by their own names, no path escape.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync, utimesSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createLocalServer } from '../../server/http';
import { pickEncoding, precompressDir } from '../../server/h5-static';

let dir: string;
let server: Server;
let port: number;

const APP_JS = `/* app */\n${'console.log("站点通 首页");\n'.repeat(400)}`;
const INDEX = `<!DOCTYPE html><html><head><title>站点通</title></head><body><div id="app"></div>${'<!-- pad -->'.repeat(80)}<script src="/js/app.1a2b3c4d.js"></script></body></html>`;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zdt-h5-static-'));
  mkdirSync(join(dir, 'js'));
  mkdirSync(join(dir, 'css'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'js', 'app.1a2b3c4d.js'), APP_JS);
  writeFileSync(join(dir, 'css', 'app.9f8e7d6c.css'), `.page{color:#111}\n`.repeat(100));
  writeFileSync(join(dir, 'js', 'tiny.0a0b0c0d.js'), 'var a=1;');
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\n');
  server = createLocalServer({ functions: {}, h5Dir: dir });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

test('hashed JavaScript: brotli when accepted, immutable for a year, Vary on Accept-Encoding, decodes to the file', async () => {
  const r = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip, deflate, br' });
  expect(r.status).toBe(200);
  expect(r.headers['content-encoding']).toBe('br');
  expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(r.headers.vary).toBe('Accept-Encoding');
  expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect(Number(r.headers['content-length'])).toBe(r.body.length);
  expect(r.body.length).toBeLessThan(Buffer.byteLength(APP_JS) / 10);
  expect(brotliDecompressSync(r.body).toString()).toBe(APP_JS);
});

test('gzip when brotli is not accepted (or refused with q=0); identity when nothing is', async () => {
  const gz = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip' });
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gz.body).toString()).toBe(APP_JS);

  const refused = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
  expect(refused.headers['content-encoding']).toBe('gzip');

  const plain = await get('/js/app.1a2b3c4d.js');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.headers.vary).toBe('Accept-Encoding');
  expect(plain.body.toString()).toBe(APP_JS);
  // Each representation has its own validator (a cache must not mix them).
  expect(new Set([gz.headers.etag, plain.headers.etag]).size).toBe(2);
});

test('index.html and page paths are revalidated (no-cache), compressed, and the page paths fall back to index.html', async () => {
  for (const path of ['/', '/index.html', '/pages/station/index?id=st-1', '/pages/nowhere/index']) {
    const r = await get(path, { 'accept-encoding': 'br' });
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(r.body).toString()).toBe(INDEX);
  }
});

test('304 on a matching ETag, per encoding; HEAD has the headers and no body', async () => {
  const first = await get('/css/app.9f8e7d6c.css', { 'accept-encoding': 'br' });
  expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  const again = await get('/css/app.9f8e7d6c.css', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  const otherEncoding = await get('/css/app.9f8e7d6c.css', { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) });
  expect(otherEncoding.status).toBe(200);

  const head = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'br' }, 'HEAD');
  expect(head.status).toBe(200);
  expect(head.headers['content-encoding']).toBe('br');
  expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  expect(head.body.length).toBe(0);
});

test('tiny files and unhashed files: not compressed / revalidated', async () => {
  const tiny = await get('/js/tiny.0a0b0c0d.js', { 'accept-encoding': 'br' });
  expect(tiny.headers['content-encoding']).toBeUndefined();
  expect(tiny.body.toString()).toBe('var a=1;');
  const robots = await get('/robots.txt', { 'accept-encoding': 'br' });
  expect(robots.headers['cache-control']).toBe('no-cache');
});

test('missing assets are 404, not index.html; no escape from the build folder; .br/.gz not served by name', async () => {
  expect((await get('/js/missing.12345678.js')).status).toBe(404);
  expect((await get('/../package.json')).status).toBe(404);
  expect((await get('/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  expect((await get('/js/%00.js')).status).toBe(404);
});

test('build-time copies (precompressDir) are what is served; a rebuilt file is compressed afresh', async () => {
  writeFileSync(join(dir, 'js', 'page.5e6f7a8b.js'), APP_JS);
  expect(precompressDir(dir)).toBeGreaterThanOrEqual(4);
  expect(existsSync(join(dir, 'js', 'app.1a2b3c4d.js.br'))).toBe(true);
  expect(existsSync(join(dir, 'js', 'tiny.0a0b0c0d.js.br'))).toBe(false);
  expect((await get('/js/app.1a2b3c4d.js.br')).status).toBe(404);

  // A marker in the build-time copy proves the server read it rather than compressing again.
  const marker = '/* from the .br file */';
  writeFileSync(join(dir, 'js', 'page.5e6f7a8b.js.br'), brotliCompressSync(Buffer.from(marker)));
  const fromFile = await get('/js/page.5e6f7a8b.js', { 'accept-encoding': 'br' });
  expect(brotliDecompressSync(fromFile.body).toString()).toBe(marker);

  // The file changes after its copy was made (a rebuild without precompressing): the stale copy is ignored.
  const later = new Date(Date.now() + 5_000);
  writeFileSync(join(dir, 'index.html'), INDEX.replace('站点通', '站点通 v2'));
  utimesSync(join(dir, 'index.html'), later, later);
  const fresh = await get('/', { 'accept-encoding': 'br' });
  expect(brotliDecompressSync(fresh.body).toString()).toContain('站点通 v2');
});

test('pickEncoding', () => {
  expect(pickEncoding('gzip, deflate, br')).toBe('br');
  expect(pickEncoding('gzip')).toBe('gzip');
  expect(pickEncoding('br;q=0,gzip')).toBe('gzip');
  expect(pickEncoding('*')).toBe('br');
  expect(pickEncoding('identity')).toBeNull();
  expect(pickEncoding(undefined)).toBeNull();
});
