/**
 * `opendata`: the read-only HSDS 3.0 API (core/station/hsds-api.ts) behind CloudBase's HTTP access
 * service (HTTP 访问服务, docs/cloudbase.md), so anyone may GET it without a WeChat identity.
 *
 * The HTTP access service calls the function with an integration event (`path`, `httpMethod`,
 * `queryStringParameters`, …) and sends back `{ statusCode, headers, body }`. The function is
 * mounted at `/open/hsds`; the part of `path` after it is the HSDS path. Only reads, only certified
 * stations, no personal data (see core/station/hsds.ts).
 */
import type { StationRepository } from '../../core/ports';
import type { Logger } from '../../core/shared/router';
import { createHsdsApi, hsdsHeaders } from '../../core/station/hsds-api';

export const OPEN_DATA_ROOT = '/open/hsds';

export interface HttpEvent {
  path?: unknown;
  httpMethod?: unknown;
  queryStringParameters?: unknown;
}

export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

function answer(status: number, body: unknown): HttpAnswer {
  return { statusCode: status, headers: hsdsHeaders(status), body: body === undefined ? '' : JSON.stringify(body), isBase64Encoded: false };
}

/** The HSDS path below the mount point: "/open/hsds/services/x" → "/services/x"; other prefixes kept as given. */
export function hsdsPath(path: string): string {
  const at = path.indexOf(OPEN_DATA_ROOT);
  return at >= 0 ? path.slice(at + OPEN_DATA_ROOT.length) || '/' : path || '/';
}

export function createOpendataHandler(deps: { stations: Pick<StationRepository, 'list' | 'countList' | 'operators' | 'getByUuid'> }, logger: Logger) {
  const api = createHsdsApi(deps.stations);
  return async function handle(event: HttpEvent): Promise<HttpAnswer> {
    const method = typeof event?.httpMethod === 'string' ? event.httpMethod.toUpperCase() : 'GET';
    if (method === 'OPTIONS') return answer(204, undefined);
    if (method !== 'GET' && method !== 'HEAD') return answer(405, { error: { code: 'METHOD_NOT_ALLOWED', message: '开放数据只读，请使用 GET' } });
    const path = hsdsPath(typeof event?.path === 'string' ? event.path : '/');
    const query = new URLSearchParams();
    const qs = event?.queryStringParameters;
    if (qs && typeof qs === 'object') for (const [k, v] of Object.entries(qs)) if (typeof v === 'string') query.set(k, v);
    const started = Date.now();
    try {
      const res = await api.answer(path, query);
      logger.info({ fn: 'opendata', action: path.split('/')[1] || 'root', status: res.status, ms: Date.now() - started });
      const out = answer(res.status, res.body);
      return method === 'HEAD' ? { ...out, body: '' } : out;
    } catch (err) {
      const e = err as Error;
      logger.error({ fn: 'opendata', action: path.split('/')[1] || 'root', code: 'UNAVAILABLE', error: e?.name ?? typeof err });
      return answer(503, { error: { code: 'UNAVAILABLE', message: '数据暂时无法读取，请稍后再试' } });
    }
  };
}
