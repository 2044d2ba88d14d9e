/**
 * Ports: the storage and platform interfaces the core depends on. Adapters live in ../adapters.
 * Every method may throw AppError('UNAVAILABLE') when the store cannot be reached.
 */
import type { Region, Station } from './station/model';
import type { ServiceCode, StationLevel, StationStatus } from './station/vocabulary';

export interface StationFilter {
  level?: StationLevel;
  service?: ServiceCode;
  statuses: readonly StationStatus[];
}

export interface NearbyQuery extends StationFilter {
  lat: number;
  lng: number;
  radiusM: number;
  offset: number;
  limit: number;
}

export interface SearchQuery extends StationFilter {
  /** Free text: Chinese characters match names and places; latin letters match pinyin initials. */
  text?: string;
  /** Limit to stations whose region path contains this code. */
  regionCode?: string;
  offset: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** True when at least one more item exists after this page. */
  hasMore: boolean;
}

export interface StationRepository {
  /** Stations within radiusM, nearest first, with their distance in metres. */
  nearby(q: NearbyQuery): Promise<Page<{ station: Station; distanceM: number }>>;
  /** Matches ordered by level (county, township, village) then code. */
  search(q: SearchQuery): Promise<Page<Station>>;
  get(id: string): Promise<Station | null>;
  /** Insert or replace whole records. */
  upsertMany(stations: Station[]): Promise<void>;
  count(): Promise<number>;
}

export interface RegionRepository {
  /** Children of a region, or the top level (cities of the province) for null. Sorted by code. */
  children(parentCode: string | null): Promise<Region[]>;
  get(code: string): Promise<Region | null>;
  upsertMany(regions: Region[]): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
