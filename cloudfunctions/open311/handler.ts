/**
 * `open311`: the Open311 GeoReport v2 API (core/open311/georeport.ts) behind CloudBase's HTTP
 * access service, mounted at /open/georeport/v2. Platforms authenticate with an api_key, not a
 * WeChat identity; complaints go through the complaint service like any other.
 *
 * The integration event carries `path`, `httpMethod`, `headers`, `queryStringParameters` and the
 * raw `body` (base64 when `isBase64Encoded`); the answer is `{ statusCode, headers, body }`.
 */
import { createHash } from 'node:crypto';
import { createComplaintService, type ComplaintDeps } from '../../core/complaint/service';
import { createApiKeyService, type ApiKeyDeps } from '../../core/open311/keys';
import { createGeoReportApi, GEOREPORT_ROOT, platformOpenid, type GeoReportApi } from '../../core/open311/georeport';
import { takeLimit, type RateLimitDeps } from '../../core/shared/rate-limit';
import type { Logger } from '../../core/shared/router';

/** Bigger than any form the specification defines (description ≤ 4000 characters). */
export const MAX_FORM_BYTES = 64 * 1024;

export interface HttpEvent {
  path?: unknown;
  httpMethod?: unknown;
  headers?: unknown;
  queryStringParameters?: unknown;
  body?: unknown;
  isBase64Encoded?: unknown;
}

export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

/** The GeoReport API over the complaint service and the stores (shared by this function and the local server). */
export function createGeoReport(deps: ComplaintDeps & ApiKeyDeps & RateLimitDeps): GeoReportApi {
  const complaints = createComplaintService(deps);
  const keys = createApiKeyService(deps);
  return createGeoReportApi({
    authenticate: (key) => keys.authenticate(key),
    stations: deps.stations,
    complaints: deps.complaints,
    async submit(key, input, requestId) {
      const filed = await complaints.submit(platformOpenid(key), input, requestId, { channel: 'open311', via: key.name });
      return { trackingNo: filed.trackingNo, acceptDueOn: filed.acceptDueOn };
    },
    limit: (key, caller) => takeLimit(deps, key, caller),
    newRequestId: () => deps.ids.id(),
  });
}

/** A caller's address as a short hash: enough to count its reads, nothing to identify it by. */
export function callerKey(address: string | undefined): string {
  return `ip_${createHash('sha256').update(`zdt-open311:${address ?? 'unknown'}`).digest('base64url').slice(0, 22)}`;
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) if (k.toLowerCase() === name && typeof v === 'string') return v;
  return undefined;
}

export function createOpen311Handler(api: GeoReportApi, logger: Logger) {
  return async function handle(event: HttpEvent): Promise<HttpAnswer> {
    const method = typeof event?.httpMethod === 'string' ? event.httpMethod.toUpperCase() : 'GET';
    const rawPath = typeof event?.path === 'string' ? event.path : '/';
    const at = rawPath.indexOf(GEOREPORT_ROOT);
    const path = at >= 0 ? rawPath.slice(at + GEOREPORT_ROOT.length) || '/' : rawPath;
    const query = new URLSearchParams();
    const qs = event?.queryStringParameters;
    if (qs && typeof qs === 'object') for (const [k, v] of Object.entries(qs)) if (typeof v === 'string') query.set(k, v);
    const started = Date.now();
    const action = `${method} ${path.split('/')[1]?.replace(/\..*$/, '') || 'root'}`;
    if (method === 'OPTIONS') return { statusCode: 204, headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type' }, body: '', isBase64Encoded: false };
    let form: URLSearchParams | undefined;
    if (method === 'POST') {
      const raw = typeof event?.body === 'string' ? event.body : '';
      const body = event?.isBase64Encoded === true ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      if (Buffer.byteLength(body) > MAX_FORM_BYTES) return { statusCode: 413, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify([{ code: 413, description: '请求太大' }]), isBase64Encoded: false };
      form = new URLSearchParams(body);
    }
    const host = header(event?.headers, 'host') ?? 'localhost';
    try {
      const res = await api.answer({
        method,
        path,
        query,
        form,
        caller: callerKey(header(event?.headers, 'x-forwarded-for')?.split(',')[0]?.trim()),
        baseUrl: `https://${host}`,
      });
      logger.info({ fn: 'open311', action, status: res.status, ms: Date.now() - started });
      return { statusCode: res.status, headers: res.headers, body: res.body, isBase64Encoded: false };
    } catch (err) {
      logger.error({ fn: 'open311', action, code: 'UNAVAILABLE', error: (err as Error)?.name ?? typeof err });
      return { statusCode: 503, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify([{ code: 503, description: '服务暂时不可用，请稍后再试' }]), isBase64Encoded: false };
    }
  };
}
