/**
 * Open311 GeoReport v2 (issue 11 §5; http://wiki.open311.org/GeoReport_v2): how 12345 hotline
 * platforms and third-party apps exchange cases with us.
 *
 * - services = our complaint categories (realtime, no extra attributes);
 * - POST requests = a complaint filed through the complaint service itself (same validation,
 *   content check and deadlines), as the platform that holds the api_key, channel `open311`;
 * - GET requests/{id} = public fields only: status, category, station, dates, who handles it.
 *   Never the complainant, their words or their phone;
 * - discovery, and both `.json` and `.xml` as the specification requires; errors in its shape
 *   (`[{ code, description }]`, `<errors><error>…`).
 *
 * Transport-free: the local server and the `open311` cloud function map HTTP onto `answer`.
 */
import * as complaintApi from '../complaint/api';
import { CATEGORY_CODES, CATEGORY_LABELS, FINAL_STATUSES, STATUS_LABELS, REFUSAL_LABELS, type Complaint, type ComplaintCategory } from '../complaint/model';
import type { ComplaintRepository, StationRepository } from '../ports';
import { AppError, type ErrorCode } from '../shared/errors';
import type { z } from '../shared/zod';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../shared/geo';
import { LISTED_STATUSES } from '../station/vocabulary';
import type { ApiKey } from './keys';

export const GEOREPORT_ROOT = '/open/georeport/v2';
export const GEOREPORT_SPEC = 'http://wiki.open311.org/GeoReport_v2';
/** Our jurisdiction_id: optional on every call, but when given it must be this. */
export const JURISDICTION_ID = 'jiangxi';
/** When this endpoint last changed (discovery's changeset). */
export const CHANGESET = '2026-12-05T00:00:00+08:00';
/** A position given by lat/long is matched to the nearest listed station within this distance. */
export const MATCH_RADIUS_M = 1000;
export const MAX_IDS_PER_QUERY = 50;

export type Format = 'json' | 'xml';

export interface GeoReportRequest {
  method: string;
  /** The path below GEOREPORT_ROOT, e.g. "/services.json". */
  path: string;
  query: URLSearchParams;
  /** The form body of a POST (application/x-www-form-urlencoded), parsed. */
  form?: URLSearchParams;
  /** Who calls, for read limits when there is no key (a hashed address); never stored. */
  caller: string;
  /** Scheme and host this API is reached at, for discovery. */
  baseUrl: string;
}

export interface GeoReportAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface GeoReportDeps {
  authenticate(key: string | undefined): Promise<ApiKey | null>;
  stations: Pick<StationRepository, 'get' | 'nearby'>;
  complaints: Pick<ComplaintRepository, 'findByTrackingNo'>;
  /** The complaint service's submit as the platform (its own identity, channel open311). */
  submit(key: ApiKey, input: z.infer<typeof complaintApi.submitInput>, requestId: string): Promise<{ trackingNo: string; acceptDueOn: string }>;
  /** Count one call against `caller`'s limit of `key`; throws RATE_LIMITED when over it. */
  limit(key: 'open311.submit' | 'open311.read', caller: string): Promise<void>;
  newRequestId(): string;
}

/** The identity a platform's complaints are filed under: never a WeChat openid. */
export function platformOpenid(key: ApiKey): string {
  return `open311_${key.id}`;
}

// ---------------------------------------------------------------- representations

type Scalar = string | number | boolean | null;
type Row = Record<string, Scalar | string[]>;

export interface GeoService extends Row {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface GeoServiceRequest extends Row {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: null;
  agency_responsible: string;
  service_notice: null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string;
  address_id: string;
  zipcode: null;
  lat: number;
  long: number;
  media_url: null;
}

const SERVICE_NOTES: Record<ComplaintCategory, string> = {
  attitude: '站点工作人员服务态度问题',
  overcharge: '乱收费、收费与公示不符或未明码标价',
  fake_goods: '假冒伪劣商品或虚假“扶贫”产品',
  parcel: '在站点寄取的快递丢失或损坏',
  false_ads: '站点或其商品的虚假宣传',
  fraud: '刷单、诱导转账等欺诈',
  closed_often: '站点在公示的营业时间内长期不开门',
  privacy: '站点泄露个人信息',
  other: '与电商扶贫站点有关的其他问题',
};

export function services(): GeoService[] {
  return CATEGORY_CODES.map((code) => ({
    service_code: code,
    service_name: CATEGORY_LABELS[code],
    description: SERVICE_NOTES[code],
    metadata: false,
    type: 'realtime',
    keywords: '电商扶贫站点,投诉',
    group: '电商扶贫站点',
  }));
}

/** An instant as ISO 8601 in Asia/Shanghai (+08:00), as the specification's examples give local times with their offset. */
export function shanghaiIso(iso: string): string {
  return `${new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

function dueOf(c: Complaint): string | null {
  if (FINAL_STATUSES.includes(c.status)) return null;
  const day = c.status === 'submitted' ? c.acceptDueOn : c.status === 'replied' ? null : c.replyDueOn;
  return day ? `${day}T23:59:59+08:00` : null;
}

function notesOf(c: Complaint): string {
  if (c.status === 'refused' && c.refusal) return `${STATUS_LABELS.refused}：${REFUSAL_LABELS[c.refusal.reason]}`;
  if (c.held && c.status === 'submitted') return '已收到，内容审核后受理';
  return STATUS_LABELS[c.status];
}

function agencyOf(c: Complaint): string {
  if (c.assignee?.kind === 'operator') return c.assignee.operatorName;
  if (c.assignee?.kind === 'station') return c.stationName;
  return '县级电子商务主管部门';
}

/** The public face of a complaint (see the file comment: nothing about the complainant). */
export function publicRequest(c: Complaint, station: { name: string; address: string; location: { lat: number; lng: number } } | null): GeoServiceRequest {
  const at = station ? gcj02ToWgs84(station.location) : null;
  return {
    service_request_id: c.trackingNo,
    status: FINAL_STATUSES.includes(c.status) ? 'closed' : 'open',
    status_notes: notesOf(c),
    service_name: CATEGORY_LABELS[c.category],
    service_code: c.category,
    description: null,
    agency_responsible: agencyOf(c),
    service_notice: null,
    requested_datetime: shanghaiIso(c.submittedAt),
    updated_datetime: shanghaiIso(c.updatedAt),
    expected_datetime: dueOf(c),
    address: station ? `${station.name}（${station.address}）` : c.stationName,
    address_id: c.stationId,
    zipcode: null,
    lat: at ? Math.round(at.lat * 1e6) / 1e6 : 0,
    long: at ? Math.round(at.lng * 1e6) / 1e6 : 0,
    media_url: null,
  };
}

export function discovery(baseUrl: string) {
  return {
    changeset: CHANGESET,
    contact: '江西省电商扶贫站点服务平台（站点通）；问题咨询请拨打 12345',
    key_service: '接口密钥由省级管理员在站点通“管理”页签发，请联系省商务厅电商扶贫工作组',
    endpoints: [{ specification: GEOREPORT_SPEC, url: `${baseUrl}${GEOREPORT_ROOT}`, changeset: CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
  };
}

// ---------------------------------------------------------------- formats

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch] as string);
}

function xmlValue(name: string, value: unknown, indent: string): string {
  if (value === null || value === undefined) return `${indent}<${name}></${name}>`;
  if (Array.isArray(value)) {
    // Lists are named by their singular inside: formats → format, endpoints → endpoint.
    const inner = name.replace(/s$/, '');
    return `${indent}<${name}>\n${value.map((v) => xmlValue(inner, v, `${indent}  `)).join('\n')}\n${indent}</${name}>`;
  }
  if (typeof value === 'object') {
    const body = Object.entries(value as Record<string, unknown>).map(([k, v]) => xmlValue(k, v, `${indent}  `));
    return `${indent}<${name}>\n${body.join('\n')}\n${indent}</${name}>`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A document in the specification's XML shape: `<root><item>…</item>…</root>`, or one object as the root. */
export function toXml(root: string, content: readonly object[] | object, item?: string): string {
  const body = Array.isArray(content)
    ? `<${root}>\n${content.map((c) => xmlValue(item as string, c, '  ')).join('\n')}\n</${root}>`
    : xmlValue(root, content, '');
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}\n`;
}

const CONTENT_TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

function answerWith(format: Format, status: number, json: unknown, xml: () => string): GeoReportAnswer {
  return {
    status,
    headers: { 'content-type': CONTENT_TYPES[format], 'cache-control': 'no-store', 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff' },
    body: format === 'json' ? JSON.stringify(json) : xml(),
  };
}

export function errorAnswer(format: Format, status: number, description: string): GeoReportAnswer {
  const errors = [{ code: status, description }];
  return answerWith(format, status, errors, () => toXml('errors', errors, 'error'));
}

const APP_STATUS: Partial<Record<ErrorCode, number>> = { VALIDATION_ERROR: 400, NOT_FOUND: 400, CONFLICT: 400, RATE_LIMITED: 429, UNAVAILABLE: 503 };

/** A core error as the specification's error list: the Chinese message, with the field messages after it. */
function fromAppError(format: Format, err: AppError): GeoReportAnswer {
  const fields = err.fields ? Object.values(err.fields).filter(Boolean) : [];
  const description = fields.length ? `${err.message}（${fields.join('；')}）` : err.message;
  return errorAnswer(format, APP_STATUS[err.code] ?? 500, APP_STATUS[err.code] ? description : '服务暂时不可用，请稍后再试');
}

// ---------------------------------------------------------------- POST requests

/** Every field GeoReport v2 defines for POST Service Request; anything else (attribute[…]) is refused by name. */
const POST_FIELDS = [
  'api_key', 'jurisdiction_id', 'service_code', 'lat', 'long', 'address_string', 'address_id',
  'email', 'device_id', 'account_id', 'first_name', 'last_name', 'phone', 'description', 'media_url',
] as const;
type PostForm = Partial<Record<(typeof POST_FIELDS)[number], string>>;

const TEXT_LIMITS: Partial<Record<keyof PostForm, number>> = { address_string: 200, address_id: 64, email: 100, device_id: 100, account_id: 100, first_name: 50, last_name: 50, phone: 20, description: 4000, media_url: 500, jurisdiction_id: 40, service_code: 40 };

class Refusal extends Error {
  constructor(readonly status: number, readonly description: string) {
    super(description);
  }
}

function readForm(form: URLSearchParams): PostForm {
  const out: PostForm = {};
  for (const [k, v] of form) {
    if (!(POST_FIELDS as readonly string[]).includes(k)) throw new Refusal(400, `不支持的字段：${k.slice(0, 40)}（本平台的服务不需要附加属性）`);
    const field = k as keyof PostForm;
    if (out[field] !== undefined) throw new Refusal(400, `字段 ${field} 只能出现一次`);
    const max = TEXT_LIMITS[field];
    if (max && [...v].length > max) throw new Refusal(400, `字段 ${field} 太长（最多 ${max} 个字）`);
    out[field] = v;
  }
  return out;
}

function coordinate(v: string | undefined, name: string, min: number, max: number): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new Refusal(400, `${name} 不是有效的坐标`);
  return n;
}

// ---------------------------------------------------------------- the API

const ROUTE = /^\/(discovery|services|requests)(?:\/([^/]+?))?\.(json|xml)$/;
const TRACKING_NO = /^TS\d{6}[0-9A-Z]{6}$/;

export function createGeoReportApi(deps: GeoReportDeps) {
  async function stationFor(f: PostForm): Promise<string> {
    if (f.address_id) return f.address_id;
    const lat = coordinate(f.lat, 'lat', -90, 90);
    const lng = coordinate(f.long, 'long', -180, 180);
    if (lat === undefined || lng === undefined) {
      throw new Refusal(400, f.address_string ? '仅凭地址无法确定站点：请用 address_id（站点编号）或 lat/long 指明站点' : '请提供站点位置：address_id（站点编号）或 lat 和 long');
    }
    // Open311 clients send WGS84 (GPS); stations are kept in GCJ-02.
    const at = wgs84ToGcj02({ lat, lng });
    const page = await deps.stations.nearby({ lat: at.lat, lng: at.lng, radiusM: MATCH_RADIUS_M, limit: 1, statuses: LISTED_STATUSES });
    const nearest = page.items[0];
    if (!nearest) throw new Refusal(400, `该位置 ${MATCH_RADIUS_M / 1000} 公里内没有登记的电商扶贫站点；如是冒用名义的站点，请在站点通小程序中举报`);
    return nearest.station.id;
  }

  async function post(format: Format, form: URLSearchParams): Promise<GeoReportAnswer> {
    const f = readForm(form);
    const key = await deps.authenticate(f.api_key);
    if (!key) return errorAnswer(format, 403, f.api_key ? 'api_key 不对或已停用' : '缺少 api_key');
    await deps.limit('open311.submit', platformOpenid(key));
    if (f.jurisdiction_id !== undefined && f.jurisdiction_id !== JURISDICTION_ID) throw new Refusal(400, `jurisdiction_id 应为 ${JURISDICTION_ID}`);
    if (!f.service_code) throw new Refusal(400, '缺少 service_code');
    if (!(CATEGORY_CODES as readonly string[]).includes(f.service_code)) throw new Refusal(400, `没有这个服务：${f.service_code}（见 services.${format}）`);
    // Photos come only through our own upload and content check; a link is not fetched.
    if (f.media_url) throw new Refusal(400, '暂不接收照片链接（media_url），照片请通过站点通小程序补充');
    const stationId = await stationFor(f);
    const parsed = complaintApi.submitInput.safeParse({
      stationId,
      category: f.service_code,
      description: f.description ?? '',
      ...(f.phone ? { phone: f.phone } : {}),
    });
    if (!parsed.success) {
      const messages = [...new Set(parsed.error.issues.map((i) => i.message))];
      throw new Refusal(400, messages.join('；'));
    }
    const filed = await deps.submit(key, parsed.data, deps.newRequestId());
    const created = [{ service_request_id: filed.trackingNo, service_notice: `已收到，县级电子商务主管部门将于 ${filed.acceptDueOn} 前受理`, account_id: null }];
    return answerWith(format, 200, created, () => toXml('service_requests', created, 'request'));
  }

  async function requests(format: Format, ids: string[]): Promise<GeoReportAnswer> {
    const found: GeoServiceRequest[] = [];
    for (const id of ids) {
      const c = TRACKING_NO.test(id) ? await deps.complaints.findByTrackingNo(id) : null;
      if (!c) continue;
      found.push(publicRequest(c, await deps.stations.get(c.stationId)));
    }
    return answerWith(format, 200, found, () => toXml('service_requests', found, 'request'));
  }

  async function route(req: GeoReportRequest, format: Format, resource: string, id: string | undefined): Promise<GeoReportAnswer> {
    const method = req.method.toUpperCase();
    if (resource === 'requests' && !id && method === 'POST') return post(format, req.form ?? new URLSearchParams());
    if (method !== 'GET' && method !== 'HEAD') return errorAnswer(format, 405, resource === 'requests' && !id ? '请使用 GET 或 POST' : '请使用 GET');
    await deps.limit('open311.read', req.caller);
    const jurisdiction = req.query.get('jurisdiction_id');
    if (jurisdiction !== null && jurisdiction !== JURISDICTION_ID) return errorAnswer(format, 400, `jurisdiction_id 应为 ${JURISDICTION_ID}`);
    if (resource === 'discovery' && !id) {
      const d = discovery(req.baseUrl);
      return answerWith(format, 200, d, () => toXml('discovery', d));
    }
    if (resource === 'services' && !id) {
      const list = services();
      return answerWith(format, 200, list, () => toXml('services', list, 'service'));
    }
    if (resource === 'services' && id) {
      if (!(CATEGORY_CODES as readonly string[]).includes(id)) return errorAnswer(format, 404, `没有这个服务：${id.slice(0, 40)}`);
      const definition = { service_code: id, attributes: [] as string[] };
      return answerWith(format, 200, definition, () => toXml('service_definition', definition));
    }
    if (resource === 'requests' && id) {
      const answer = await requests(format, [decodeURIComponent(id)]);
      return answer.body === '[]' || (format === 'xml' && !answer.body.includes('<request>')) ? errorAnswer(format, 404, `没有这个编号的投诉：${id.slice(0, 40)}`) : answer;
    }
    if (resource === 'requests') {
      const ids = (req.query.get('service_request_id') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (!ids.length) return errorAnswer(format, 400, `请用 service_request_id 查询（逗号分隔，最多 ${MAX_IDS_PER_QUERY} 个）；本平台不公开投诉列表`);
      if (ids.length > MAX_IDS_PER_QUERY) return errorAnswer(format, 400, `一次最多查询 ${MAX_IDS_PER_QUERY} 个编号`);
      return requests(format, ids);
    }
    return errorAnswer(format, 404, '没有这个地址');
  }

  return {
    async answer(req: GeoReportRequest): Promise<GeoReportAnswer> {
      const m = ROUTE.exec(req.path);
      const format: Format = m ? (m[3] as Format) : req.path.endsWith('.xml') ? 'xml' : 'json';
      if (!m) return errorAnswer(format, 404, '没有这个地址；见 discovery.json');
      try {
        const answer = await route(req, format, m[1], m[2]);
        return req.method.toUpperCase() === 'HEAD' ? { ...answer, body: '' } : answer;
      } catch (err) {
        if (err instanceof Refusal) return errorAnswer(format, err.status, err.description);
        if (err instanceof AppError) return fromAppError(format, err);
        throw err;
      }
    },
  };
}

export type GeoReportApi = ReturnType<typeof createGeoReportApi>;
