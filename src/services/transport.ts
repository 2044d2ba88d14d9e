/**
 * The one place the app talks to the backend. Every function answers the docs/product.md §9 envelope
 * `{ ok: true, data } | { ok: false, error: { code, message, fields? } }`:
 *  - weapp: `Taro.cloud.callFunction({ name, data: { action, data, requestId? } })` → `res.result`;
 *  - H5 (local server): `POST /api/<name>` with the same body → the response body (any status); the
 *    caller is a PC session (`Authorization: Bearer`, scan-to-sign-in) or the demo `X-WX-OPENID`.
 * `process.env.TARO_ENV` is replaced at build time, so each build keeps only its own transport.
 * Failures become an `ApiError` carrying the server's Chinese message.
 */
import Taro from '@tarojs/taro';
import type { ErrorBody, ErrorCode } from '@core/shared/errors';
import type { ApiShape } from '@core/shared/router';
import { ERROR_CODES, HTTP_STATUS, defaultMessage } from '@core/shared/errors';
import { identityHeaders, pcSession, setPcSession } from './identity';
import { callCloudbase, onCloudbaseWeb, uploadCloudbase } from './cloudbase-web';
import { complaintUploadPath } from '@core/shared/image';
import { registerUploadPath } from '@core/shared/documents';

export const NETWORK_MESSAGE = '网络不太好，请检查网络后重试';
const BAD_ANSWER_MESSAGE = '服务返回的内容看不懂，请稍后再试';
/** Weak rural networks: give a request time, but not forever. */
const TIMEOUT_MS = 20_000;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;
  constructor(code: ErrorCode, message?: string, fields?: Record<string, string>) {
    super(message || defaultMessage(code));
    // Keep instanceof working when classes are compiled to ES5 (weapp).
    Object.setPrototypeOf(this, ApiError.prototype);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields ?? {};
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError || (!!e && typeof e === 'object' && (e as { name?: unknown }).name === 'ApiError');
}

/** Any failure → ApiError (pages show `message` and offer 重试). */
export function toApiError(e: unknown): ApiError {
  if (isApiError(e)) return e;
  return new ApiError('UNAVAILABLE', NETWORK_MESSAGE);
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** A client-made request id (20 chars of [A-Za-z0-9], matches the server's /^[A-Za-z0-9_-]{8,64}$/). */
export function newRequestId(): string {
  let id = Date.now().toString(36);
  while (id.length < 20) id += ID_CHARS[Math.floor(Math.random() * ID_CHARS.length)];
  return id;
}

/** Drop `undefined` fields: the server rejects unknown fields and some transports keep nulls. */
export function compact<T extends object>(input: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) out[k] = v;
  return out as T;
}

function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);
}

/** Envelope → data, or throw its error. Anything else is a bad answer. */
export function unwrap<T>(body: unknown, httpStatus?: number): T {
  if (body && typeof body === 'object' && typeof (body as { ok?: unknown }).ok === 'boolean') {
    const env = body as { ok: boolean; data?: unknown; error?: Partial<ErrorBody> };
    if (env.ok) return env.data as T;
    const err = env.error ?? {};
    const code = isErrorCode(err.code) ? err.code : 'INTERNAL';
    throw new ApiError(code, typeof err.message === 'string' ? err.message : undefined, err.fields);
  }
  if (httpStatus !== undefined && (httpStatus < 200 || httpStatus >= 300)) {
    throw new ApiError(codeForStatus(httpStatus));
  }
  throw new ApiError('INTERNAL', BAD_ANSWER_MESSAGE);
}

function codeForStatus(status: number): ErrorCode {
  for (const code of ERROR_CODES) if (HTTP_STATUS[code] === status) return code;
  if (status === 502 || status === 504 || status === 0) return 'UNAVAILABLE';
  return status >= 500 ? 'INTERNAL' : 'VALIDATION_ERROR';
}

let cloudReady = false;
/** `Taro.cloud.init()` once (weapp). Environment: build-time CLOUD_ENV, else the current one. */
export function ensureCloud(): void {
  if (process.env.TARO_ENV !== 'weapp' || cloudReady) return;
  const cloud = Taro.cloud as typeof Taro.cloud & { DYNAMIC_CURRENT_ENV?: string };
  const env = CLOUD_ENV || cloud.DYNAMIC_CURRENT_ENV;
  try {
    cloud.init(env ? { env, traceUser: true } : { traceUser: true });
    cloudReady = true;
  } catch (e) {
    console.error('cloud.init failed', e);
  }
}

export interface CallOptions {
  /**
   * A write a person triggered: a request id is attached (a new one unless given; pass the same
   * id again when retrying the same submission so the server answers the first result).
   */
  write?: boolean;
  requestId?: string;
}

type Body = { action: string; data: object; requestId?: string };

/** weapp: the cloud function answers the envelope as `res.result`. */
async function sendCloud<T>(name: string, body: Body): Promise<T> {
  ensureCloud();
  let res: Taro.cloud.CallFunctionResult;
  try {
    res = await Taro.cloud.callFunction({ name, data: body });
  } catch (e) {
    const msg = String((e as { errMsg?: string })?.errMsg ?? e);
    // Network trouble reads as such; other cloud failures (function missing, env…) as unavailable.
    const offline = /timeout|network|request:fail|ERR_/i.test(msg);
    throw new ApiError('UNAVAILABLE', offline ? NETWORK_MESSAGE : defaultMessage('UNAVAILABLE'));
  }
  return unwrap<T>(res.result);
}

/** H5: the local server answers the envelope as the body, whatever the HTTP status. */
async function sendHttp<T>(name: string, body: Body): Promise<T> {
  const header: Record<string, string> = { 'Content-Type': 'application/json', ...identityHeaders() };
  let res: { statusCode: number; data: unknown };
  try {
    res = await Taro.request({ url: `/api/${name}`, method: 'POST', data: body, header, timeout: TIMEOUT_MS, dataType: 'json' });
  } catch {
    throw new ApiError('UNAVAILABLE', NETWORK_MESSAGE);
  }
  // A PC session that ended (signed out elsewhere, or expired on the server) is forgotten here.
  if (res.statusCode === 401 && header.Authorization) setPcSession(null);
  return unwrap<T>(res.data, res.statusCode);
}

/** H5 on CloudBase static hosting: @cloudbase/js-sdk's callFunction (src/services/cloudbase-web.ts). */
async function sendCloudbaseWeb<T>(name: string, body: Body): Promise<T> {
  let result: unknown;
  try {
    result = await callCloudbase(name, body, pcSession()?.token ?? null);
  } catch {
    throw new ApiError('UNAVAILABLE', NETWORK_MESSAGE);
  }
  try {
    return unwrap<T>(result);
  } catch (e) {
    if (isApiError(e) && e.code === 'UNAUTHENTICATED' && pcSession()) setPcSession(null);
    throw e;
  }
}

export function callFunction<T>(name: string, action: string, data: object, options: CallOptions = {}): Promise<T> {
  const requestId = options.requestId ?? (options.write ? newRequestId() : undefined);
  const body = compact({ action, data: compact(data), requestId }) as Body;
  // Plain conditionals on build-time constants, so the minifier drops the other transports.
  if (process.env.TARO_ENV === 'weapp') return sendCloud<T>(name, body);
  return onCloudbaseWeb() ? sendCloudbaseWeb<T>(name, body) : sendHttp<T>(name, body);
}

/** What an action of `Api` takes as `data`, and what it answers. */
export type Input<Api extends ApiShape, K extends keyof Api> = Api[K]['input'];
export type Output<Api extends ApiShape, K extends keyof Api> = Api[K]['output'];

/**
 * A typed caller of one function: `client<ComplaintsApi>('complaints')('submit', input, opts)`.
 * `Api` is the type the function's handler exports, so an action renamed or an answer changed on
 * the server fails the app's type-check.
 */
export function client<Api extends ApiShape>(name: string) {
  return <K extends keyof Api & string>(action: K, data: Input<Api, K>, options?: CallOptions): Promise<Output<Api, K>> =>
    callFunction<Output<Api, K>>(name, action, data as object, options);
}

const UPLOAD_TIMEOUT_MS = 60_000;

/** The H5's upload routes of the local server: photos, voice notes, officials' spreadsheets. */
export type UploadRoute = '/api/upload' | '/api/upload-voice' | '/api/upload-document';

/** The file name extension a cloud upload gets, from what the bytes are; null when the claim would refuse it. */
function cloudExtension(route: UploadRoute, type: string): string | null {
  if (route === '/api/upload') return type === 'image/png' ? 'png' : 'jpg';
  if (route === '/api/upload-document') return /csv/.test(type) ? 'csv' : 'xlsx';
  return ({ 'audio/mpeg': 'mp3', 'audio/aac': 'aac', 'audio/mp4': 'm4a' } as Record<string, string>)[type.split(';')[0]] ?? null;
}

/**
 * H5 on CloudBase static hosting: the official's own upload folder in cloud storage, the same
 * folders and names the mini-program uses, so the functions claim the file the same way.
 */
async function uploadCloudbaseWeb(route: UploadRoute, body: Blob, what: string): Promise<string> {
  const ext = cloudExtension(route, body.type);
  if (!ext) throw new ApiError('VALIDATION_ERROR', `这种${what}传不上去，请在微信小程序里操作`);
  const { openid } = await callFunction<{ openid: string }>('account', 'me', {});
  const name = `${newRequestId()}.${ext}`;
  const cloudPath = route === '/api/upload-document' ? registerUploadPath(openid, name) : complaintUploadPath(openid, name);
  try {
    return await uploadCloudbase(cloudPath, body);
  } catch {
    throw new ApiError('UNAVAILABLE', `${what}没有传上去：${NETWORK_MESSAGE}`);
  }
}

/**
 * H5: POST raw bytes to a local upload route as the current identity; the answer is the stored file's
 * id. `what` names the thing in the messages (照片 / 文件). On CloudBase static hosting the bytes go
 * to cloud storage instead.
 */
export async function uploadBytes(path: UploadRoute, body: Blob, what: string): Promise<string> {
  if (onCloudbaseWeb()) return uploadCloudbaseWeb(path, body, what);
  const headers: Record<string, string> = { 'Content-Type': body.type || 'application/octet-stream', ...identityHeaders() };
  const abort = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = setTimeout(() => abort?.abort(), UPLOAD_TIMEOUT_MS);
  let status: number;
  let answer: unknown;
  try {
    const res = await fetch(path, { method: 'POST', headers, body, signal: abort?.signal });
    status = res.status;
    answer = await res.json().catch(() => null);
  } catch {
    throw new ApiError('UNAVAILABLE', `${what}没有传上去：${NETWORK_MESSAGE}`);
  } finally {
    clearTimeout(timer);
  }
  const data = unwrap<{ id?: unknown }>(answer, status);
  if (!data || typeof data.id !== 'string') throw new ApiError('INTERNAL', `${what}上传后没有拿到编号，请重试`);
  return data.id;
}
