/**
 * The read-only HSDS 3.0 API over the station register (issue 10 §5), one function for the local
 * server (server/http.ts) and the HTTP-triggered cloud function `opendata`. Paths are relative to
 * the API root (`/services`, `/services/{id}`, …); answers are `{ status, body }` to send as JSON.
 *
 * Lists page by number as the spec pages (`page`, `per_page`) through the register's
 * `list({ statuses, offset, limit })` and `countList`, so a request reads one page, never the
 * table. Filter beyond the spec: `region_code` (a GB/T 2260 / statistics code; the stations whose
 * region path contains it).
 *
 * The spec's filters of /services and /service_at_locations — `search` (name, level and
 * description), `taxonomy_term_id`, `taxonomy_id`, `organization_id`, `modified_after` — narrow
 * the certified stations of the region by reading them in code order, 100 at a time, and paging
 * the matches: a request with a filter reads the region's whole list (narrow with `region_code`).
 * `minimal=true` answers only `id` and `last_modified`; `full=false` the service without its nested
 * organization and service_at_locations (the default stays the full service, as before). Taxonomies:
 * our 第八条 service categories, one flat taxonomy (/taxonomies, /taxonomy_terms).
 */
import type { StationRepository } from '../ports';
import { HSDS_STATUSES, HSDS_TERMS, hsdsIds, hsdsPage, hsdsPaging, hsdsServiceText, hsdsTextMatch, isHsdsListed, serviceOfTerm, toHsdsLocation, toHsdsOrganization, toHsdsService, toHsdsServiceAtLocation, toHsdsTaxonomy, toHsdsTaxonomyTerm, type HsdsPaging } from './hsds';
import type { ServiceCode } from './vocabulary';
import type { Station } from './model';

export interface HsdsAnswer {
  status: number;
  body: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REGION_CODE = /^\d{2,12}$/;

export const HSDS_VERSION = '3.0';

const error = (status: number, code: string, message: string): HsdsAnswer => ({ status, body: { error: { code, message } } });
const notFound = () => error(404, 'NOT_FOUND', '没有这条记录（只公开已认定的站点）');

type StationMapper = (s: Station) => unknown;

const BY_STATION: Record<string, StationMapper> = {
  services: (s) => toHsdsService(s),
  locations: (s) => toHsdsLocation(s),
  service_at_locations: (s) => toHsdsServiceAtLocation(s),
};

/** Filters of the spec for station lists; any of them set means a scan. */
interface StationFilters {
  search?: string;
  service?: ServiceCode;
  operatorName?: string;
  modifiedAfter?: string;
  /** `taxonomy_id` not ours, or an unknown organization/term: nothing matches. */
  none?: boolean;
}

const BOOL = /^(true|false)$/;
/** RFC 3339 date or date-time (what `modified_after` takes). */
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const SCAN_BATCH = 100;

function matches(s: Station, f: StationFilters): boolean {
  if (f.service && !s.services.includes(f.service)) return false;
  if (f.operatorName !== undefined && s.operator.name !== f.operatorName) return false;
  if (f.modifiedAfter && !(Date.parse(s.updatedAt) >= Date.parse(f.modifiedAfter))) return false;
  if (f.search && !hsdsTextMatch(f.search, hsdsServiceText(s))) return false;
  return true;
}

/** A flat list (taxonomies, terms) paged in memory. */
function listPage<T>(all: T[], paging: HsdsPaging): HsdsAnswer {
  const start = (paging.page - 1) * paging.perPage;
  return { status: 200, body: hsdsPage(all.slice(start, start + paging.perPage), all.length, paging) };
}

export function createHsdsApi(stations: Pick<StationRepository, 'list' | 'countList' | 'operators' | 'getByUuid'>) {
  async function stationPage(map: StationMapper, paging: HsdsPaging, regionCode: string | undefined, filters: StationFilters = {}): Promise<HsdsAnswer> {
    const q = { statuses: HSDS_STATUSES, ...(regionCode ? { regionCode } : {}) };
    if (filters.none) return { status: 200, body: hsdsPage([], 0, paging) };
    if (Object.keys(filters).length) {
      // A scan in code order, keeping only the asked page and a count: a province-wide filter
      // never holds more than one batch and one page in memory.
      const start = (paging.page - 1) * paging.perPage;
      const page: Station[] = [];
      let total = 0;
      let afterCode: string | undefined;
      for (;;) {
        const batch = await stations.list({ ...q, ...(afterCode !== undefined ? { afterCode } : {}), limit: SCAN_BATCH });
        for (const s of batch.items) {
          if (!matches(s, filters)) continue;
          if (total >= start && page.length < paging.perPage) page.push(s);
          total++;
        }
        if (!batch.hasMore || !batch.items.length) break;
        afterCode = batch.items[batch.items.length - 1]!.code;
      }
      return { status: 200, body: hsdsPage(page.map(map), total, paging) };
    }
    const [total, page] = await Promise.all([
      stations.countList(q),
      stations.list({ ...q, offset: (paging.page - 1) * paging.perPage, limit: paging.perPage }),
    ]);
    return { status: 200, body: hsdsPage(page.items.map(map), total, paging) };
  }

  async function organizations(paging: HsdsPaging): Promise<HsdsAnswer> {
    // Operators are few (one or two per county): read them all, page in memory.
    const all = await stations.operators(HSDS_STATUSES);
    const start = (paging.page - 1) * paging.perPage;
    return { status: 200, body: hsdsPage(all.slice(start, start + paging.perPage).map(toHsdsOrganization), all.length, paging) };
  }

  return {
    /** `path` below the API root, e.g. "/services" or "/services/<uuid>"; `query` its search params. */
    async answer(path: string, query: URLSearchParams): Promise<HsdsAnswer> {
      const clean = path.replace(/\/+$/, '') || '/';
      if (clean === '/') {
        return { status: 200, body: { version: HSDS_VERSION, profile: 'https://openreferral.org/', openapi_url: 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json' } };
      }
      const m = /^\/(services|organizations|locations|service_at_locations|taxonomies|taxonomy_terms)(?:\/([^/]+))?$/.exec(clean);
      if (!m) return error(404, 'NOT_FOUND', '没有这个地址');
      const [, resource, rawId] = m;
      if (rawId !== undefined) {
        const id = decodeURIComponent(rawId).toLowerCase();
        if (!UUID.test(id)) return notFound();
        if (resource === 'taxonomies') return id === hsdsIds.taxonomy() ? { status: 200, body: toHsdsTaxonomy() } : notFound();
        if (resource === 'taxonomy_terms') {
          const code = serviceOfTerm(id);
          return code ? { status: 200, body: toHsdsTaxonomyTerm(code, true) } : notFound();
        }
        if (resource === 'organizations') {
          const op = (await stations.operators(HSDS_STATUSES)).find((o) => hsdsIds.organization(o.name) === id);
          return op ? { status: 200, body: toHsdsOrganization(op) } : notFound();
        }
        const station = await stations.getByUuid(id);
        if (!station || !isHsdsListed(station)) return notFound();
        return { status: 200, body: BY_STATION[resource](station) };
      }
      const paging = hsdsPaging(query);
      if (!paging) return error(400, 'VALIDATION_ERROR', 'page 和 per_page 应为正整数，per_page 最多 100');
      const region = query.get('region_code') ?? undefined;
      if (region !== undefined && !REGION_CODE.test(region)) return error(400, 'VALIDATION_ERROR', 'region_code 应为 2 到 12 位数字的行政区划代码');
      const search = (query.get('search') ?? '').trim();
      if (search.length > 100) return error(400, 'VALIDATION_ERROR', 'search 最多 100 个字');
      for (const flag of ['minimal', 'full', 'top_only']) {
        const v = query.get(flag);
        if (v !== null && !BOOL.test(v)) return error(400, 'VALIDATION_ERROR', `${flag} 应为 true 或 false`);
      }
      const taxonomyId = query.get('taxonomy_id');
      if (resource === 'taxonomies') return listPage([toHsdsTaxonomy()].filter((t) => !search || hsdsTextMatch(search, [String(t.name), String(t.description)])), paging);
      if (resource === 'taxonomy_terms') {
        const parent = query.get('parent_id');
        const terms = HSDS_TERMS.map((c) => toHsdsTaxonomyTerm(c)).filter(
          (t) => (!search || hsdsTextMatch(search, [String(t.name), String(t.description), String(t.code)])) && (taxonomyId === null || taxonomyId.toLowerCase() === t.taxonomy_id) && !parent, // a flat taxonomy: no term has a parent
        );
        return listPage(terms, paging);
      }
      if (resource === 'organizations') return organizations(paging);
      const filters: StationFilters = {};
      if (search) filters.search = search;
      if (resource === 'services' || resource === 'service_at_locations') {
        const term = query.get('taxonomy_term_id');
        if (term !== null) {
          const code = serviceOfTerm(term);
          if (code) filters.service = code;
          else filters.none = true;
        }
        if (taxonomyId !== null && taxonomyId.toLowerCase() !== hsdsIds.taxonomy()) filters.none = true;
        const org = query.get('organization_id');
        if (org !== null) {
          const op = (await stations.operators(HSDS_STATUSES)).find((o) => hsdsIds.organization(o.name) === org.toLowerCase());
          if (op) filters.operatorName = op.name;
          else filters.none = true;
        }
        const after = query.get('modified_after');
        if (after !== null) {
          if (!DATETIME.test(after) || Number.isNaN(Date.parse(after))) return error(400, 'VALIDATION_ERROR', 'modified_after 应为日期时间，例如 2026-01-01T00:00:00+08:00');
          filters.modifiedAfter = after;
        }
      }
      if (resource === 'services' && query.get('minimal') === 'true') {
        return stationPage((s) => ({ id: hsdsIds.service(s), last_modified: s.updatedAt }), paging, region, filters);
      }
      const full = query.get('full') !== 'false';
      const map: StationMapper = resource === 'services' && !full ? (s) => toHsdsService(s, false) : resource === 'service_at_locations' && !full ? (s) => toHsdsServiceAtLocation(s, false) : BY_STATION[resource];
      return stationPage(map, paging, region, filters);
    },
  };
}

export type HsdsApi = ReturnType<typeof createHsdsApi>;

/**
 * Headers of every open data answer: any site may read it (CORS, read-only, no credentials), and
 * caches may keep a found answer five minutes (the register changes by approval, not by the second).
 */
export function hsdsHeaders(status: number): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, HEAD, OPTIONS',
    'access-control-allow-headers': 'Content-Type',
    'access-control-max-age': '86400',
    'cache-control': status === 200 ? 'public, max-age=300' : 'no-store',
  };
}
