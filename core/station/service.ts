/**
 * Directory use cases over the storage ports. "Open now" depends on the clock: core decides it
 * (isOpenAt at this instant) and hands the test to the repository, which applies it while it walks
 * outward, so one call answers a page. Search's cursor carries the repository offset; nearby's
 * carries the position (distance, station id) the page ended at, so no store has to skip.
 */
import { encodeCursor, decodeCursor, decodePositionCursor, encodePositionCursor, invalidCursor } from '../shared/cursor';
import { AppError } from '../shared/errors';
import type { Clock, FileStore, NearbyPosition, Page, RegionRepository, StationRepository } from '../ports';
import { DEFAULT_RADIUS_M, type GetInput, type NearbyInput, type RegionItem, type RegionsInput, type SearchInput, type StationDetail, type StationPage } from './api';
import { isOpenAt, type OpeningHours } from './hours';
import type { Station } from './model';
import { toDetail, toSummary, type FreshnessOf } from './present';
import { settingsCodeOf, thresholdsByCounty, type RegionSettings, type SettingsRepository, type Thresholds } from '../settings/model';
import { LISTED_STATUSES, PUBLIC_STATUSES } from './vocabulary';

/** How far a closed station's page looks for the nearest open one. */
const CLOSED_NEAREST_RADIUS_M = 30_000;

const DEFAULT_LIMIT = 20;
/** How many candidates one "open now" page may examine before answering with what it has. */
const OPEN_NOW_SCAN_LIMIT = 2000;

export interface DirectoryDeps {
  stations: StationRepository;
  regions: RegionRepository;
  clock: Clock;
  /** The station's approved photos as short-lived URLs (without it the page shows none). */
  files?: Pick<FileStore, 'viewUrls'>;
  /** Region settings (第十二条1): each region's freshness days for the 待更新 badge. */
  settings?: Pick<SettingsRepository, 'all'>;
}

/** Settings change rarely: a warm instance reads them at most once a minute. */
const SETTINGS_TTL_MS = 60_000;

async function collect<T>(
  fetch: (offset: number, limit: number) => Promise<Page<T>>,
  keep: (item: T) => boolean,
  start: number,
  limit: number,
): Promise<{ items: T[]; next: number | null }> {
  const items: T[] = [];
  let offset = start;
  const batch = Math.max(limit, 50);
  while (offset - start < OPEN_NOW_SCAN_LIMIT) {
    const page = await fetch(offset, batch);
    for (let i = 0; i < page.items.length; i++) {
      if (keep(page.items[i])) {
        items.push(page.items[i]);
        if (items.length === limit) {
          const consumed = offset + i + 1;
          const more = i + 1 < page.items.length || page.hasMore;
          return { items, next: more ? consumed : null };
        }
      }
    }
    offset += page.items.length;
    if (!page.hasMore) return { items, next: null };
  }
  return { items, next: offset };
}

/** "<distance>~<station id>": the distance exactly as JavaScript prints it, so it parses back to the same number. */
function encodePosition(p: NearbyPosition, scope: string): string {
  return encodePositionCursor(`${p.distanceM}~${p.id}`, scope);
}

function decodePosition(cursor: string | undefined, scope: string): NearbyPosition | undefined {
  const body = decodePositionCursor(cursor, scope);
  if (body === null) return undefined;
  const m = /^(\d+(?:\.\d+)?(?:e-\d+)?)~([a-z0-9-]{1,40})$/.exec(body);
  const distanceM = m ? Number(m[1]) : NaN;
  if (!m || !Number.isFinite(distanceM)) throw invalidCursor();
  return { distanceM, id: m[2] };
}

function scopeOf(action: string, input: Record<string, unknown>): string {
  const { cursor: _cursor, ...rest } = input;
  return `${action}:${JSON.stringify(rest, Object.keys(rest).sort())}`;
}

export function createDirectory(deps: DirectoryDeps) {
  const { stations, regions, clock } = deps;
  let cached: { at: number; all: RegionSettings[]; byCounty: (code: string) => Thresholds } | null = null;
  /** The freshness days by station region, from settings read at most once a minute. */
  async function freshness(): Promise<FreshnessOf | undefined> {
    if (!deps.settings) return undefined;
    const t = clock.now().getTime();
    if (!cached || t - cached.at > SETTINGS_TTL_MS || t < cached.at) {
      const all = await deps.settings.all();
      cached = { at: t, all, byCounty: thresholdsByCounty(all) };
    }
    if (!cached.all.length) return undefined;
    // Each station by its own county's days, each county resolved once per read of the settings.
    const { byCounty } = cached;
    return (s) => byCounty(settingsCodeOf(s)).freshnessDays;
  }

  async function summaries(list: [Station, number | undefined][]) {
    const f = await freshness();
    const now = clock.now();
    return list.map(([s, d]) => toSummary(s, now, d, f));
  }

  return {
    async nearby(input: NearbyInput): Promise<StationPage> {
      const now = clock.now();
      const limit = input.limit ?? DEFAULT_LIMIT;
      const scope = scopeOf('nearby', input);
      const after = decodePosition(input.cursor, scope);
      const page = await stations.nearby({
        lat: input.lat,
        lng: input.lng,
        radiusM: input.radiusM ?? DEFAULT_RADIUS_M,
        level: input.level,
        service: input.service,
        statuses: LISTED_STATUSES,
        limit,
        ...(after ? { after } : {}),
        ...(input.openNow ? { hoursFilter: (hours: OpeningHours) => isOpenAt(hours, now), openAt: now, scanLimit: OPEN_NOW_SCAN_LIMIT } : {}),
      });
      return {
        items: await summaries(page.items.map((r) => [r.station, r.distanceM])),
        nextCursor: page.hasMore && page.last ? encodePosition(page.last, scope) : null,
      };
    },

    async search(input: SearchInput): Promise<StationPage> {
      const now = clock.now();
      const limit = input.limit ?? DEFAULT_LIMIT;
      const scope = scopeOf('search', input);
      const start = decodeCursor(input.cursor, scope);
      const query = { text: input.q || undefined, regionCode: input.regionCode, level: input.level, service: input.service, statuses: LISTED_STATUSES };
      const keep = input.openNow ? (s: Station) => isOpenAt(s.hours, now) : () => true;
      const { items, next } = await collect((offset, lim) => stations.search({ ...query, offset, limit: lim }), keep, start, limit);
      return { items: await summaries(items.map((s) => [s, undefined])), nextCursor: next === null ? null : encodeCursor(next, scope) };
    },

    async get(input: GetInput): Promise<StationDetail> {
      const station = await stations.get(input.id);
      if (!station || !PUBLIC_STATUSES.includes(station.status)) {
        throw new AppError('NOT_FOUND', '没有找到这个站点，可能已被撤销', { id: '站点不存在' });
      }
      const detail = toDetail(station, clock.now(), await freshness());
      // Stored photo ids are never shown: only links to them, and only with the files port.
      detail.photos = deps.files && station.photos.length ? (await deps.files.viewUrls(station.photos)).filter(Boolean) : [];
      if (station.status !== 'closed') return detail;
      const near = await stations.nearby({ lat: station.location.lat, lng: station.location.lng, radiusM: CLOSED_NEAREST_RADIUS_M, statuses: LISTED_STATUSES, limit: 1 });
      const first = near.items[0];
      return { ...detail, nearestOpen: first ? { id: first.station.id, name: first.station.name, distanceM: Math.round(first.distanceM) } : null };
    },

    async regions(input: RegionsInput): Promise<RegionItem[]> {
      const parent = input.parentCode ?? null;
      if (parent) {
        const exists = await regions.get(parent);
        if (!exists) throw new AppError('NOT_FOUND', '没有这个地区', { parentCode: '地区不存在' });
      }
      const children = await regions.children(parent);
      return children.map((r) => ({ code: r.code, name: r.name, level: r.level, hasChildren: r.level !== 'village' }));
    },
  };
}

export type Directory = ReturnType<typeof createDirectory>;
