/**
 * The local server: each function as `POST /api/<fn>` with the cloud envelope, the caller's
 * identity from `X-WX-OPENID` (as WeChat's container hosting injects it), and the H5 build.
 * It trusts that header, so it binds to loopback unless told otherwise.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { AppError, HTTP_STATUS, type Envelope } from '../core/shared/errors';
import type { FunctionHandler } from './functions';

export const MAX_BODY_BYTES = 1_000_000;
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface LocalServerOptions {
  functions: Record<string, FunctionHandler>;
  /** Folder of the H5 build; when absent the root explains how to build it. */
  h5Dir?: string;
  /** Developer routes, local mode only: demo identities, the scheduler on demand, the outbox. */
  dev?: {
    identities: unknown[];
    runScheduler: () => Promise<Envelope<unknown>>;
    outbox: (openid: string) => Promise<unknown[]>;
  };
  log?: (entry: Record<string, unknown>) => void;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  send(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope);
}

function fail(res: ServerResponse, err: AppError): void {
  sendEnvelope(res, { ok: false, error: err.toBody() });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new AppError('VALIDATION_ERROR', '提交的内容太大了'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleDev(req: IncomingMessage, res: ServerResponse, path: string, dev: NonNullable<LocalServerOptions['dev']>): Promise<void> {
  if (path === '/dev/identities' && req.method === 'GET') return send(res, 200, { ok: true, data: dev.identities });
  if (path === '/dev/scheduler/run' && req.method === 'POST') return sendEnvelope(res, await dev.runScheduler());
  if (path === '/dev/outbox' && req.method === 'GET') {
    const openid = new URL(req.url ?? '/', 'http://local').searchParams.get('openid') ?? '';
    if (!OPENID_PATTERN.test(openid)) return fail(res, new AppError('VALIDATION_ERROR', '请提供 openid', { openid: '必填' }));
    return send(res, 200, { ok: true, data: await dev.outbox(openid) });
  }
  return fail(res, new AppError('NOT_FOUND', '没有这个地址'));
}

export function createLocalServer(opts: LocalServerOptions): Server {
  const log = opts.log ?? (() => {});
  const h5 = opts.h5Dir && existsSync(join(opts.h5Dir, 'index.html')) ? opts.h5Dir : undefined;
  const assets = h5 ? sirv(h5, { dev: false, etag: true, gzip: false, single: true }) : undefined;

  async function handleApi(req: IncomingMessage, res: ServerResponse, fn: string): Promise<void> {
    if (req.method !== 'POST') return fail(res, new AppError('VALIDATION_ERROR', '请使用 POST 调用'));
    const handler = Object.prototype.hasOwnProperty.call(opts.functions, fn) ? opts.functions[fn] : undefined;
    if (!handler) return fail(res, new AppError('NOT_FOUND', `没有这个功能：${fn.slice(0, 40)}`));
    const header = req.headers['x-wx-openid'];
    const openid = typeof header === 'string' && header !== '' ? header : null;
    if (openid !== null && !OPENID_PATTERN.test(openid)) return fail(res, new AppError('UNAUTHENTICATED', '身份信息无效，请重新进入'));
    let event: unknown;
    try {
      const raw = await readBody(req);
      event = raw === '' ? {} : JSON.parse(raw);
    } catch (err) {
      return fail(res, err instanceof AppError ? err : new AppError('VALIDATION_ERROR', '请求格式不对，应为 JSON'));
    }
    sendEnvelope(res, await handler(event, { openid }));
  }

  return createServer((req, res) => {
    const started = Date.now();
    const path = (req.url ?? '/').split('?')[0];
    res.on('finish', () => log({ method: req.method, path, status: res.statusCode, ms: Date.now() - started }));
    const api = /^\/api\/([A-Za-z0-9_-]{1,40})\/?$/.exec(path);
    if (api) {
      handleApi(req, res, api[1]).catch(() => fail(res, new AppError('INTERNAL')));
      return;
    }
    if (path.startsWith('/api/')) return fail(res, new AppError('NOT_FOUND', '没有这个功能'));
    if (path === '/healthz') return send(res, 200, { ok: true });
    if (opts.dev && path.startsWith('/dev/')) {
      handleDev(req, res, path, opts.dev).catch(() => fail(res, new AppError('INTERNAL')));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, new AppError('NOT_FOUND', '没有这个地址'));
    if (assets) return assets(req, res, () => fail(res, new AppError('NOT_FOUND', '没有这个页面')));
    res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<meta charset="utf-8"><p>H5 页面尚未构建：请运行 <code>npm run build:h5</code> 后刷新。接口 /api/&lt;函数名&gt; 已可用。</p>');
  });
}
