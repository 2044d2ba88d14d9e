/**
 * The read-only HSDS 3.0 API over the station register (issue 10 §5), one function for the local
 * server (server/http.ts) and the HTTP-triggered cloud function `opendata`. Paths are relative to
 * the API root (`/services`, `/services/{id}`, …); answers are `{ status, body }` to send as JSON.
 *
 * Lists page by number as the spec pages (`page`, `per_page`) through the register's
 * `list({ statuses, offset, limit })` and `countList`, so a request reads one page, never the
 * table. Filter beyond the spec: `region_code` (a GB/T 2260 / statistics code; the stations whose
 * region path contains it).
 */
import type { StationRepository } from '../ports';
import { HSDS_STATUSES, hsdsIds, hsdsPage, hsdsPaging, isHsdsListed, toHsdsLocation, toHsdsOrganization, toHsdsService, toHsdsServiceAtLocation, type HsdsPaging } from './hsds';
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

export function createHsdsApi(stations: Pick<StationRepository, 'list' | 'countList' | 'operators' | 'getByUuid'>) {
  async function stationPage(map: StationMapper, paging: HsdsPaging, regionCode: string | undefined): Promise<HsdsAnswer> {
    const q = { statuses: HSDS_STATUSES, ...(regionCode ? { regionCode } : {}) };
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
      const m = /^\/(services|organizations|locations|service_at_locations)(?:\/([^/]+))?$/.exec(clean);
      if (!m) return error(404, 'NOT_FOUND', '没有这个地址');
      const [, resource, rawId] = m;
      if (rawId !== undefined) {
        const id = decodeURIComponent(rawId).toLowerCase();
        if (!UUID.test(id)) return notFound();
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
      if (resource === 'organizations') return organizations(paging);
      return stationPage(BY_STATION[resource], paging, region);
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
