/**
 * The local server: each function as `POST /api/<fn>` with the cloud envelope, the caller's
 * identity from `X-WX-OPENID` (as WeChat's container hosting injects it), and the H5 build.
 * It trusts that header, so it binds to loopback unless told otherwise.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, HTTP_STATUS, type Envelope } from '../core/shared/errors';
import type { FunctionHandler } from './functions';
import { openApiDocument } from './openapi';
import type { LocalFileStore } from '../adapters/platform/local-files';
import type { LocalDocumentFiles } from '../adapters/platform/local-documents';
import { MAX_IMPORT_BYTES } from '../core/station/register-sheet';
import { MAX_PHOTO_BYTES } from '../core/shared/image';
import { VOICE_MAX_BYTES, VOICE_MAX_SECONDS } from '../core/media/voice';
import { h5Static } from './h5-static';
import { hsdsHeaders, type HsdsApi } from '../core/station/hsds-api';
import * as z from 'zod/mini';
import { GEOREPORT_ROOT, errorAnswer, type GeoReportApi } from '../core/open311/georeport';
import { callerKey, MAX_FORM_BYTES } from '../cloudfunctions/open311/handler';
import type { SettableClock } from '../adapters/platform/clock';

export const MAX_BODY_BYTES = 1_000_000;
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface LocalServerOptions {
  functions: Record<string, FunctionHandler>;
  /** Photo uploads (POST /api/upload) and signed views (GET /files/<id>). */
  files?: LocalFileStore;
  /** Counts an upload against the caller's limit; throws RATE_LIMITED when over it. */
  limitUpload?: (openid: string) => Promise<void>;
  /** Officials' spreadsheets: uploads (POST /api/upload-document) and signed downloads (GET /documents/<id>). */
  documents?: LocalDocumentFiles;
  /** Folder of the H5 build; when absent the root explains how to build it. */
  h5Dir?: string;
  /** Developer routes, local mode only: demo identities, the scheduler on demand, the outbox, the clock. */
  dev?: {
    identities: unknown[];
    runScheduler: () => Promise<Envelope<unknown>>;
    outbox: (openid: string) => Promise<unknown[]>;
    clock: SettableClock;
  };
  log?: (entry: Record<string, unknown>) => void;
  /** Read-only HSDS 3.0 open data under /open/hsds (core/station/hsds-api.ts). */
  opendata?: HsdsApi;
  /** Open311 GeoReport v2 under /open/georeport/v2 (core/open311/georeport.ts). */
  georeport?: GeoReportApi;
  /** Scan-to-sign-in: the openid a PC session token (`Authorization: Bearer …`) stands for, or null (core/auth/signin.ts). */
  sessionOpenid?: (token: string) => Promise<string | null>;
}

const SIGNED_OUT = '登录已过期或已退出，请重新扫码登录';

/**
 * The caller of a request: a PC session (`Authorization: Bearer <token>`, from scan-to-sign-in)
 * when present, else the `X-WX-OPENID` header as before (local demos and tests), else nobody.
 * A Bearer that is not a live session is refused rather than read as anonymous.
 */
async function identityOf(req: IncomingMessage, sessionOpenid: LocalServerOptions['sessionOpenid']): Promise<{ openid: string | null } | AppError> {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth !== '') {
    const m = /^Bearer ([\w-]{1,128})$/.exec(auth);
    const openid = m && sessionOpenid ? await sessionOpenid(m[1]) : null;
    return openid ? { openid } : new AppError('UNAUTHENTICATED', SIGNED_OUT);
  }
  const header = req.headers['x-wx-openid'];
  const openid = typeof header === 'string' && header !== '' ? header : null;
  if (openid !== null && !OPENID_PATTERN.test(openid)) return new AppError('UNAUTHENTICATED', '身份信息无效，请重新进入');
  return { openid };
}

export const OPEN_DATA_ROOT = '/open/hsds';

async function handleOpenData(req: IncomingMessage, res: ServerResponse, path: string, api: HsdsApi): Promise<void> {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, hsdsHeaders(204));
    res.end();
    return;
  }
  const answer =
    req.method === 'GET' || req.method === 'HEAD'
      ? await api.answer(path.slice(OPEN_DATA_ROOT.length) || '/', new URL(req.url ?? '/', 'http://local').searchParams)
      : { status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED', message: '开放数据只读，请使用 GET' } } };
  const json = JSON.stringify(answer.body);
  res.writeHead(answer.status, { ...hsdsHeaders(answer.status), 'content-length': Buffer.byteLength(json) });
  res.end(req.method === 'HEAD' ? undefined : json);
}

async function handleGeoReport(req: IncomingMessage, res: ServerResponse, path: string, api: GeoReportApi): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  let form: URLSearchParams | undefined;
  if (req.method === 'POST') {
    const body = await readBody(req, MAX_FORM_BYTES).catch(() => null);
    if (body === null) {
      const tooBig = errorAnswer(path.endsWith('.xml') ? 'xml' : 'json', 413, '请求太大');
      res.writeHead(tooBig.status, tooBig.headers);
      res.end(tooBig.body);
      return;
    }
    form = new URLSearchParams(body.toString('utf8'));
  }
  const answer = await api.answer({
    method: req.method ?? 'GET',
    path: path.slice(GEOREPORT_ROOT.length) || '/',
    query: url.searchParams,
    form,
    caller: callerKey(req.socket.remoteAddress),
    baseUrl: `http://${req.headers.host ?? '127.0.0.1'}`,
  });
  res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  // Encoded once: a string would be scanned for its byte length and then encoded again on write.
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': bytes.length });
  res.end(bytes);
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  send(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope);
}

function fail(res: ServerResponse, err: AppError): void {
  sendEnvelope(res, { ok: false, error: err.toBody() });
}

function readBody(req: IncomingMessage, max = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        // Answer at once but keep reading (and dropping) the rest: destroying the request here
        // resets the connection and the client never sees the answer. Give up on runaway bodies.
        reject(new AppError('VALIDATION_ERROR', max === MAX_BODY_BYTES ? '提交的内容太大了' : max === MAX_IMPORT_BYTES ? `文件太大，一次最多 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请分县导入` : max === VOICE_MAX_BYTES ? `录音太长了，请在 ${VOICE_MAX_SECONDS} 秒内说完` : '图片太大了，请选择 2MB 以内的照片'));
        if (size > max * 8) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The uploader: a PC session or the X-WX-OPENID header; uploads need someone. */
async function uploaderOf(req: IncomingMessage, sessionOpenid: LocalServerOptions['sessionOpenid']): Promise<string | AppError> {
  const who = await identityOf(req, sessionOpenid);
  if (who instanceof AppError) return who;
  return who.openid ?? new AppError('UNAUTHENTICATED', '请先登录微信后再上传');
}

async function handleUpload(req: IncomingMessage, res: ServerResponse, files: LocalFileStore, limitUpload?: (openid: string) => Promise<void>, sessionOpenid?: LocalServerOptions['sessionOpenid'], voice = false): Promise<void> {
  if (req.method !== 'POST') return fail(res, new AppError('VALIDATION_ERROR', '请使用 POST 上传'));
  const header = await uploaderOf(req, sessionOpenid);
  if (header instanceof AppError) return fail(res, header);
  try {
    const bytes = await readBody(req, voice ? VOICE_MAX_BYTES : MAX_PHOTO_BYTES);
    // After reading: answering before the body is consumed would reset the connection mid-upload.
    await limitUpload?.(header);
    sendEnvelope(res, { ok: true, data: voice ? files.uploadVoice(bytes, header) : files.upload(bytes, header) });
  } catch (err) {
    fail(res, err instanceof AppError ? err : new AppError('INTERNAL'));
  }
}

/** POST /dev/clock: an ISO 8601 instant with its offset, or null to return to real time. */
const clockInput = z.strictObject({ now: z.union([z.iso.datetime({ offset: true }), z.null()]) });

async function handleClock(req: IncomingMessage, res: ServerResponse, clock: SettableClock): Promise<void> {
  const answer = () => send(res, 200, { ok: true, data: { now: clock.now().toISOString(), set: clock.isSet() } });
  if (req.method === 'GET') return answer();
  if (req.method !== 'POST') return fail(res, new AppError('VALIDATION_ERROR', '请使用 GET 或 POST'));
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req)).toString('utf8') || 'null');
  } catch (err) {
    return fail(res, err instanceof AppError ? err : new AppError('VALIDATION_ERROR', '请求格式不对，应为 JSON'));
  }
  const input = clockInput.safeParse(body);
  if (!input.success) return fail(res, new AppError('VALIDATION_ERROR', '时间格式不对，例如 {"now":"2026-12-01T09:00:00+08:00"}', { now: '时间格式不对' }));
  clock.set(input.data.now === null ? null : new Date(input.data.now));
  return answer();
}

async function handleDocumentUpload(req: IncomingMessage, res: ServerResponse, documents: LocalDocumentFiles, sessionOpenid?: LocalServerOptions['sessionOpenid']): Promise<void> {
  if (req.method !== 'POST') return fail(res, new AppError('VALIDATION_ERROR', '请使用 POST 上传'));
  const header = await uploaderOf(req, sessionOpenid);
  if (header instanceof AppError) return fail(res, header);
  try {
    const bytes = await readBody(req, MAX_IMPORT_BYTES);
    sendEnvelope(res, { ok: true, data: documents.upload(bytes, header) });
  } catch (err) {
    fail(res, err instanceof AppError ? err : new AppError('INTERNAL'));
  }
}

/** A download under its Chinese name (RFC 6266 filename*), ASCII fallback for old clients. */
function attachment(name: string): string {
  const ext = name.endsWith('.csv') ? 'csv' : 'xlsx';
  return `attachment; filename="register.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * A file behind a signed link (`?exp=…&sig=…`) with `headers` for it; an expired or forged link is
 * NOT_FOUND saying `expired`.
 */
function sendSigned<F extends { bytes: Uint8Array }>(req: IncomingMessage, res: ServerResponse, id: string, store: { read(id: string, exp: string, sig: string): F | null }, expired: string, headers: (found: F) => Record<string, string>): void {
  const q = new URL(req.url ?? '/', 'http://local').searchParams;
  const found = store.read(id, q.get('exp') ?? '', q.get('sig') ?? '');
  if (!found) return fail(res, new AppError('NOT_FOUND', expired));
  res.writeHead(200, { ...headers(found), 'content-length': found.bytes.length });
  res.end(found.bytes);
}

async function handleDev(req: IncomingMessage, res: ServerResponse, path: string, dev: NonNullable<LocalServerOptions['dev']>): Promise<void> {
  if (path === '/dev/clock') return handleClock(req, res, dev.clock);
  if (path === '/dev/identities' && req.method === 'GET') return send(res, 200, dev.identities);
  if (path === '/dev/scheduler/run' && req.method === 'POST') return sendEnvelope(res, await dev.runScheduler());
  if (path === '/dev/outbox' && req.method === 'GET') {
    const openid = new URL(req.url ?? '/', 'http://local').searchParams.get('openid') ?? '';
    if (!OPENID_PATTERN.test(openid)) return fail(res, new AppError('VALIDATION_ERROR', '请提供 openid', { openid: '必填' }));
    return send(res, 200, { ok: true, data: await dev.outbox(openid) });
  }
  return fail(res, new AppError('NOT_FOUND', '没有这个地址'));
}

export function createLocalServer(opts: LocalServerOptions): Server {
  const log = opts.log;
  const h5 = opts.h5Dir && existsSync(join(opts.h5Dir, 'index.html')) ? opts.h5Dir : undefined;
  // Compressed, hashed files cached for good, index.html revalidated; a rebuild is served at once.
  const assets = h5 ? h5Static(h5) : undefined;
  let openapi: Record<string, unknown> | undefined;

  async function handleApi(req: IncomingMessage, res: ServerResponse, fn: string): Promise<void> {
    if (req.method !== 'POST') return fail(res, new AppError('VALIDATION_ERROR', '请使用 POST 调用'));
    const handler = Object.prototype.hasOwnProperty.call(opts.functions, fn) ? opts.functions[fn] : undefined;
    if (!handler) return fail(res, new AppError('NOT_FOUND', '没有这个功能'));
    const who = await identityOf(req, opts.sessionOpenid);
    if (who instanceof AppError) return fail(res, who);
    let event: unknown;
    try {
      const raw = (await readBody(req)).toString('utf8');
      event = raw === '' ? {} : JSON.parse(raw);
    } catch (err) {
      return fail(res, err instanceof AppError ? err : new AppError('VALIDATION_ERROR', '请求格式不对，应为 JSON'));
    }
    // The client address counts anonymous calls (a PC asking for a sign-in code) for rate limits.
    sendEnvelope(res, await handler(event, { openid: who.openid, client: req.socket.remoteAddress ?? 'local' }));
  }

  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (log) {
      const started = Date.now();
      res.on('finish', () => log({ method: req.method, path, status: res.statusCode, ms: Date.now() - started }));
    }
    if (path === '/api/upload' && opts.files) {
      handleUpload(req, res, opts.files, opts.limitUpload, opts.sessionOpenid).catch(() => fail(res, new AppError('INTERNAL')));
      return;
    }
    // 说一说: voice notes (core/media/voice.ts), rate-limited with photo uploads.
    if (path === '/api/upload-voice' && opts.files) {
      handleUpload(req, res, opts.files, opts.limitUpload, opts.sessionOpenid, true).catch(() => fail(res, new AppError('INTERNAL')));
      return;
    }
    const file = /^\/files\/(upl-[A-Za-z0-9_-]{10,64})$/.exec(path);
    if (file && opts.files && req.method === 'GET') {
      return sendSigned(req, res, file[1], opts.files, '图片链接已过期，请刷新页面', (found) => ({ 'content-type': found.type, 'cache-control': 'private, max-age=600' }));
    }
    if (path === '/api/upload-document' && opts.documents) {
      handleDocumentUpload(req, res, opts.documents, opts.sessionOpenid).catch(() => fail(res, new AppError('INTERNAL')));
      return;
    }
    const doc = /^\/documents\/(doc-[A-Za-z0-9_-]{10,64})$/.exec(path);
    if (doc && opts.documents && req.method === 'GET') {
      return sendSigned(req, res, doc[1], opts.documents, '下载链接已过期，请重新导出', (found) => ({
        'content-type': found.name.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': attachment(found.name),
        'cache-control': 'private, no-store',
      }));
    }
    if (path === '/api/openapi.json' && req.method === 'GET') {
      openapi ??= openApiDocument(opts.functions);
      return send(res, 200, openapi);
    }
    const api = /^\/api\/([A-Za-z0-9_-]{1,40})\/?$/.exec(path);
    if (api) {
      handleApi(req, res, api[1]).catch(() => fail(res, new AppError('INTERNAL')));
      return;
    }
    if (path.startsWith('/api/')) return fail(res, new AppError('NOT_FOUND', '没有这个功能'));
    if (opts.opendata && (path === OPEN_DATA_ROOT || path.startsWith(`${OPEN_DATA_ROOT}/`))) {
      const api = opts.opendata;
      handleOpenData(req, res, path, api).catch(() => {
        if (!res.headersSent) {
          res.writeHead(500, hsdsHeaders(500));
          res.end(JSON.stringify({ error: { code: 'INTERNAL', message: '服务暂时不可用' } }));
        }
      });
      return;
    }
    if (opts.georeport && path.startsWith(`${GEOREPORT_ROOT}/`)) {
      const api = opts.georeport;
      handleGeoReport(req, res, path, api).catch(() => {
        if (!res.headersSent) {
          const failed = errorAnswer(path.endsWith('.xml') ? 'xml' : 'json', 500, '服务暂时不可用，请稍后再试');
          res.writeHead(failed.status, failed.headers);
          res.end(failed.body);
        }
      });
      return;
    }
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
