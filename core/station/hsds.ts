/**
 * Certified stations as Open Referral HSDS 3.0 open data (issue 10 §5), a pure mapping.
 *
 * - organization = the operator (运营单位), one per distinct operator name;
 * - service = one per station: the station's bundle of 第八条 services (each one an attribute with
 *   a taxonomy term), its fees as cost options, its processes, its certificate;
 * - location = the station's site, coordinates converted from GCJ-02 (stored) to WGS84 (HSDS);
 * - service_at_location = the station's service at its site (one per station).
 *
 * Ids are UUID v5 of a fixed namespace and the station code (or operator name), so they never
 * change between calls. No personal data leaves: no contact person, no contact phone (it may be
 * the head's mobile), no `station` complaint channel (same), no openids; the only phones are the
 * operator's hotline and public complaint lines (county, 12345, 12315).
 */
import { gcj02ToWgs84 } from '../shared/geo';
import { uuidV5 } from '../shared/uuid';
import type { OpeningHours } from './hours';
import type { Station } from './model';
import { CERTIFIED_STATUSES, LEVEL_LABELS, SERVICE_CODES, SERVICE_LABELS, type ChannelKind, type ServiceCode, type StationStatus } from './vocabulary';

/** Namespace of every id this mapping makes (a random v4 chosen once; never change it). */
export const HSDS_NAMESPACE = '6f1c8d2e-3b5a-4c7e-9d10-2a4b6c8e0f13';

/**
 * Stations published: certified (认定) ones, including those under rectification (整改) — they
 * keep their certificate until closed (第十一条6) and stay open to villagers, so they stay
 * listed, with an `alert`. Planned, in review, in notice (not yet certified) and closed are not.
 */
export const HSDS_STATUSES: readonly StationStatus[] = CERTIFIED_STATUSES;

export const HSDS_DEFAULT_PER_PAGE = 50;
export const HSDS_MAX_PER_PAGE = 100;

const TAXONOMY_ID = uuidV5('taxonomy:zdt-services-article-8', HSDS_NAMESPACE);
/** Complaint channels that are public institutions' lines, never a person's phone. */
const PUBLIC_CHANNELS: readonly ChannelKind[] = ['operator', 'county', 'hotline_12345', 'hotline_12315'];
const PHONE_LIKE = /^[0-9+\-() ]{3,20}$/;
const ISO_DAYS = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const TZ = '+08:00';

type Json = Record<string, unknown>;

const id = (kind: string, key: string) => uuidV5(`${kind}:${key}`, HSDS_NAMESPACE);

/**
 * The station's UUID, stored beside it (stores index it) so that an id finds its station. A
 * station's service, location and service_at_location all carry it: HSDS wants ids unique within
 * each table, which they are (one of each per station).
 */
export function stationUuid(code: string): string {
  return id('station', code);
}

export const hsdsIds = {
  organization: (operatorName: string) => id('organization', operatorName),
  service: (s: Pick<Station, 'code'>) => stationUuid(s.code),
  location: (s: Pick<Station, 'code'>) => stationUuid(s.code),
  serviceAtLocation: (s: Pick<Station, 'code'>) => stationUuid(s.code),
  taxonomyTerm: (code: ServiceCode) => id('taxonomy_term', code),
  taxonomy: () => TAXONOMY_ID,
};

// ——— taxonomy: our 第八条 service categories, one flat taxonomy ———

const TAXONOMY_NAME = '江西电商扶贫服务站点服务（第八条）';

export function toHsdsTaxonomy(): Json {
  return { id: TAXONOMY_ID, name: TAXONOMY_NAME, description: '《江西省电子商务扶贫服务站点管理办法》第八条所列站点服务类别', version: '1' };
}

/** One term per service code; the taxonomy is flat (no parents). `nested` adds the taxonomy itself. */
export function toHsdsTaxonomyTerm(code: ServiceCode, nested = false): Json {
  const term: Json = { id: hsdsIds.taxonomyTerm(code), code, name: SERVICE_LABELS[code], description: `第八条服务：${SERVICE_LABELS[code]}`, taxonomy_id: TAXONOMY_ID, taxonomy: TAXONOMY_NAME };
  return nested ? { ...term, taxonomy_detail: toHsdsTaxonomy() } : term;
}

export const HSDS_TERMS: readonly ServiceCode[] = SERVICE_CODES;

/** The service code of a taxonomy term id, or null. */
export function serviceOfTerm(termId: string): ServiceCode | null {
  return HSDS_TERMS.find((c) => hsdsIds.taxonomyTerm(c) === termId.toLowerCase()) ?? null;
}

/** HSDS `search`: every whitespace-separated word appears in one of the texts (case-insensitive). */
export function hsdsTextMatch(search: string, texts: readonly string[]): boolean {
  const hay = texts.join('\n').toLowerCase();
  return search.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}

/** What `search` looks at for a station's service: its name, level and description. */
export function hsdsServiceText(s: Station): string[] {
  return [s.name, LEVEL_LABELS[s.level], `${LEVEL_LABELS[s.level]}，提供：${s.services.map((c) => SERVICE_LABELS[c]).join('、')}。`];
}

export function isHsdsListed(s: Station): boolean {
  return HSDS_STATUSES.includes(s.status);
}

// ——— parts ———

function phones(s: Station, link: { service_id?: string; location_id?: string; organization_id?: string }): Json[] {
  const out: Json[] = [{ id: id('phone', `${s.code}:hotline`), ...link, number: s.operator.hotline, type: 'voice', description: `${s.operator.name} 服务热线` }];
  for (const c of s.complaintChannels) {
    if (!PUBLIC_CHANNELS.includes(c.kind) || !PHONE_LIKE.test(c.value) || c.value === s.operator.hotline) continue;
    out.push({ id: id('phone', `${s.code}:${c.kind}:${c.value}`), ...link, number: c.value, type: 'voice', description: `投诉渠道：${c.label}` });
  }
  return out;
}

/** Weekly rules as RFC 5545 WEEKLY schedules (one per distinct interval, days joined), plus dated exceptions. */
export function hsdsSchedules(hours: OpeningHours, key: string, link: Json): Json[] {
  const byInterval = new Map<string, { open: string; close: string; days: number[] }>();
  for (const rule of [...hours.weekly].sort((a, b) => a.day - b.day)) {
    for (const iv of rule.intervals) {
      const k = `${iv.open}-${iv.close}`;
      const entry = byInterval.get(k) ?? { open: iv.open, close: iv.close, days: [] };
      if (!entry.days.includes(rule.day)) entry.days.push(rule.day);
      byInterval.set(k, entry);
    }
  }
  const weekly = [...byInterval.values()].map((e) => ({
    id: id('schedule', `${key}:weekly:${e.open}-${e.close}`),
    ...link,
    freq: 'WEEKLY',
    wkst: 'MO',
    byday: e.days.map((d) => ISO_DAYS[d]).join(','),
    opens_at: `${e.open}${TZ}`,
    closes_at: `${e.close}${TZ}`,
    timezone: 8,
    description: `每周${e.days.map((d) => '一二三四五六日'[d - 1]).join('、')} ${e.open}-${e.close}${e.close <= e.open ? '（次日）' : ''}`,
  }));
  const exceptions = hours.exceptions.flatMap((x): Json[] => {
    const base = { ...link, valid_from: x.date, valid_to: x.date, timezone: 8, notes: x.note ?? '' };
    if (!x.intervals.length) return [{ id: id('schedule', `${key}:exception:${x.date}`), ...base, description: `${x.date} 休息${x.note ? `（${x.note}）` : ''}` }];
    return x.intervals.map((iv) => ({
      id: id('schedule', `${key}:exception:${x.date}:${iv.open}-${iv.close}`),
      ...base,
      opens_at: `${iv.open}${TZ}`,
      closes_at: `${iv.close}${TZ}`,
      description: `${x.date} ${iv.open}-${iv.close}${x.note ? `（${x.note}）` : ''}`,
    }));
  });
  return [...weekly, ...exceptions];
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

// ——— entities ———

export function toHsdsOrganization(op: { name: string; hotline: string; stations?: number }): Json {
  const orgId = hsdsIds.organization(op.name);
  return {
    id: orgId,
    name: op.name,
    description: `江西省电商扶贫服务站点运营单位${op.stations !== undefined ? `，运营已认定站点 ${op.stations} 个` : ''}`,
    phones: [{ id: id('phone', `organization:${op.name}`), organization_id: orgId, number: op.hotline, type: 'voice', description: '服务热线' }],
  };
}

export function toHsdsLocation(s: Station): Json {
  const locationId = hsdsIds.location(s);
  const wgs = gcj02ToWgs84(s.location);
  const [province, city, county] = s.regionPath;
  return {
    id: locationId,
    location_type: 'physical',
    organization_id: hsdsIds.organization(s.operator.name),
    name: s.name,
    description: `${LEVEL_LABELS[s.level]}，${s.regionPath.slice(2).map((r) => r.name).join(' ')}`,
    // WGS84, converted from the GCJ-02 the station is stored in (see core/shared/geo.ts).
    latitude: round6(wgs.lat),
    longitude: round6(wgs.lng),
    external_identifier: s.code,
    external_identifier_type: 'zdt-station-code',
    addresses: [
      {
        id: id('address', s.code),
        location_id: locationId,
        address_1: s.address,
        city: city?.name ?? '',
        region: county?.name ?? '',
        state_province: province?.name ?? '江西省',
        // Not kept in the register; the field is required, so it is present and empty.
        postal_code: '',
        country: 'CN',
        address_type: 'physical',
      },
    ],
    languages: [{ id: id('language', `location:${s.code}`), location_id: locationId, name: '中文', code: 'zh' }],
    phones: phones(s, { location_id: locationId }),
    schedules: hsdsSchedules(s.hours, `location:${s.code}`, { location_id: locationId }),
  };
}

function feeText(s: Station): string {
  if (!s.fees.length) return '无收费项目';
  return s.fees.map((f) => `${f.item}：${f.price === 0 ? '免费' : `${f.price} 元/${f.unit}`}${f.conditions ? `（${f.conditions}）` : ''}`).join('；');
}

/** One station's service; `nested` adds its organization and its service_at_location with the location. */
export function toHsdsService(s: Station, nested = true): Json {
  const serviceId = hsdsIds.service(s);
  const orgId = hsdsIds.organization(s.operator.name);
  const cert = s.certification;
  const service: Json = {
    id: serviceId,
    organization_id: orgId,
    name: s.name,
    alternate_name: LEVEL_LABELS[s.level],
    description: hsdsServiceText(s)[2],
    status: 'active',
    ...(s.status === 'rectification' ? { alert: '本站点正在整改，服务照常，欢迎监督。' } : {}),
    application_process: s.processes.map((p) => `${p.title}：${p.steps.join(' → ')}`).join('；'),
    fees_description: feeText(s),
    ...(cert ? { accreditations: `电商扶贫服务站点认定 ${cert.certificateNo}（${cert.authority}，${cert.certifiedOn}）`, assured_date: s.infoConfirmedOn } : {}),
    last_modified: s.updatedAt,
    phones: phones(s, { service_id: serviceId }),
    schedules: hsdsSchedules(s.hours, `service:${s.code}`, { service_id: serviceId }),
    service_areas: [{ id: id('service_area', s.code), service_id: serviceId, name: s.regionPath.map((r) => r.name).join(''), description: `${s.regionPath[s.regionPath.length - 1].code}` }],
    languages: [{ id: id('language', `service:${s.code}`), service_id: serviceId, name: '中文', code: 'zh' }],
    cost_options: s.fees.map((f, i) => ({
      id: id('cost_option', `${s.code}:${i}:${f.item}`),
      service_id: serviceId,
      option: f.item,
      currency: 'CNY',
      amount: f.price,
      amount_description: `${f.price === 0 ? '免费' : `${f.price} 元/${f.unit}`}${f.conditions ? `，${f.conditions}` : ''}`,
    })),
    attributes: s.services.map((code) => ({
      id: id('attribute', `${s.code}:${code}`),
      link_id: serviceId,
      link_type: 'service',
      link_entity: 'service',
      taxonomy_term_id: hsdsIds.taxonomyTerm(code),
      taxonomy_term: toHsdsTaxonomyTerm(code),
    })),
  };
  if (!nested) return service;
  return {
    ...service,
    organization: toHsdsOrganization(s.operator),
    service_at_locations: [toHsdsServiceAtLocation(s, false)],
  };
}

/** The station's service at its site; `nested` adds the service (flat) as well as the location. */
export function toHsdsServiceAtLocation(s: Station, nested = true): Json {
  return {
    id: hsdsIds.serviceAtLocation(s),
    service_id: hsdsIds.service(s),
    location_id: hsdsIds.location(s),
    description: `${s.name}（${s.address}）`,
    location: toHsdsLocation(s),
    ...(nested ? { service: toHsdsService(s, false) } : {}),
  };
}

// ——— paging (HSDS API "Page") ———

export interface HsdsPaging {
  page: number; // 1-based
  perPage: number;
}

/** `page` and `per_page` from a query; null when either is not a positive integer (or per_page too large). */
export function hsdsPaging(params: { get(name: string): string | null }): HsdsPaging | null {
  const num = (raw: string | null, fallback: number) => (raw === null || raw === '' ? fallback : /^\d{1,7}$/.test(raw) ? Number(raw) : NaN);
  const page = num(params.get('page'), 1);
  const perPage = num(params.get('per_page'), HSDS_DEFAULT_PER_PAGE);
  if (!(page >= 1) || !(perPage >= 1) || perPage > HSDS_MAX_PER_PAGE) return null;
  return { page, perPage };
}

export function hsdsPage<T>(contents: T[], totalItems: number, paging: HsdsPaging) {
  const totalPages = Math.ceil(totalItems / paging.perPage);
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: paging.page,
    size: contents.length,
    first_page: paging.page === 1,
    last_page: paging.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
