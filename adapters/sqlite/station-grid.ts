/**
 * Nearby for the SQLite store: every station's position, status, level and hours held in memory
 * in ~2 km grid cells, searched outward ring by ring from the caller's cell. A ring's stations are
 * final once no unvisited cell can be nearer, so a page of 20 usually touches a few dozen stations
 * and no SQL at all. Each cell keeps the union of its stations' hours of the week (openHourMask),
 * so "open now" at night skips whole cells instead of examining every station in the radius.
 */
import type { NearbyPosition, NearbyQuery } from '../../core/ports';
import { distanceMeters } from '../../core/shared/geo';
import { emptyHourMask, hourOfWeek, maskHas, orHourMask, type HourMask, type OpeningHours } from '../../core/station/hours';

export interface GridStation {
  rid: number;
  id: string;
  lat: number;
  lng: number;
  status: string;
  level: string;
  /** Shared between stations with the same schedule. */
  hours: OpeningHours;
  mask: HourMask;
}

export interface GridHit {
  station: GridStation;
  d: number;
}

/** Cell height in degrees of latitude (~2 km); the width covers about the same ground in Jiangxi. */
const CELL_LAT = 0.018;
const CELL_LNG = 0.02;
const METRES_PER_DEGREE = (Math.PI / 180) * 6_371_008.8;
/** Row and column of a cell packed in one number (columns below 2^16 for any longitude ≥ −180). */
const COLUMNS = 65_536;

function cellOf(lat: number, lng: number): { row: number; col: number } {
  return { row: Math.floor(lat / CELL_LAT), col: Math.floor((lng + 180) / CELL_LNG) };
}

/** Nearby's order: distance, then station id. */
function before(a: GridHit, b: GridHit): number {
  return a.d - b.d || (a.station.id < b.station.id ? -1 : a.station.id > b.station.id ? 1 : 0);
}

function isAfter(h: GridHit, p: NearbyPosition | undefined): boolean {
  return !p || h.d > p.distanceM || (h.d === p.distanceM && h.station.id > p.id);
}

interface Cell {
  stations: GridStation[];
  /** Union of the stations' hour masks. */
  mask: HourMask;
}

export interface StationGrid {
  put(station: GridStation): void;
  remove(rid: number): void;
  /**
   * Nearby's answer with positions instead of documents: the page's hits, whether more exist and the
   * last station examined. `accept` applies the status/level/service filters.
   */
  nearby(q: NearbyQuery, accept: (s: GridStation) => boolean): { hits: GridHit[]; hasMore: boolean; last: NearbyPosition | null };
  size(): number;
}

export function createStationGrid(): StationGrid {
  const cells = new Map<number, Cell>();
  const byRid = new Map<number, { station: GridStation; key: number }>();

  function remask(cell: Cell): void {
    cell.mask = emptyHourMask();
    for (const s of cell.stations) orHourMask(cell.mask, s.mask);
  }

  function remove(rid: number): void {
    const held = byRid.get(rid);
    if (!held) return;
    byRid.delete(rid);
    const cell = cells.get(held.key) as Cell;
    cell.stations = cell.stations.filter((s) => s.rid !== rid);
    if (cell.stations.length) remask(cell);
    else cells.delete(held.key);
  }

  function put(station: GridStation): void {
    remove(station.rid);
    const { row, col } = cellOf(station.lat, station.lng);
    const key = row * COLUMNS + col;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { stations: [], mask: emptyHourMask() }));
    cell.stations.push(station);
    orHourMask(cell.mask, station.mask);
    byRid.set(station.rid, { station, key });
  }

  function nearby(q: NearbyQuery, accept: (s: GridStation) => boolean) {
    const filter = q.hoursFilter;
    const scanLimit = filter ? (q.scanLimit ?? Infinity) : Infinity;
    const hour = filter && q.openAt ? hourOfWeek(q.openAt) : -1;
    const centre = cellOf(q.lat, q.lng);
    // Ground size of one cell, at the radius' edge furthest from the equator (narrowest cells), less
    // a thousandth: a great circle between two points of one parallel is a hair shorter than the parallel.
    const edgeLat = Math.min(89, Math.abs(q.lat) + q.radiusM / METRES_PER_DEGREE);
    const cellM = Math.min(CELL_LAT, CELL_LNG * Math.cos((edgeLat * Math.PI) / 180)) * METRES_PER_DEGREE * 0.999;
    const hits: GridHit[] = [];
    let pending: GridHit[] = [];
    let examined = 0;
    let last: NearbyPosition | null = null;

    const visit = (row: number, col: number) => {
      const cell = cells.get(row * COLUMNS + col);
      if (!cell || (hour >= 0 && !maskHas(cell.mask, hour))) return;
      for (const s of cell.stations) {
        if (hour >= 0 && !maskHas(s.mask, hour)) continue;
        if (!accept(s)) continue;
        const h = { station: s, d: distanceMeters(q, s) };
        if (h.d <= q.radiusM && isAfter(h, q.after)) pending.push(h);
      }
    };

    for (let ring = 0; ; ring++) {
      if (ring === 0) visit(centre.row, centre.col);
      else {
        for (let dc = -ring; dc <= ring; dc++) {
          visit(centre.row - ring, centre.col + dc);
          visit(centre.row + ring, centre.col + dc);
        }
        for (let dr = -ring + 1; dr < ring; dr++) {
          visit(centre.row + dr, centre.col - ring);
          visit(centre.row + dr, centre.col + ring);
        }
      }
      // Every station in a cell beyond this ring is at least `bound` away: nearer ones are final.
      const bound = ring * cellM;
      const done = bound > q.radiusM;
      pending.sort(before);
      let settled = 0;
      while (settled < pending.length && (done || pending[settled].d < bound)) settled++;
      for (let i = 0; i < settled; i++) {
        // One more than the page (or the scan limit) tells whether more exist.
        if (hits.length === q.limit || examined === scanLimit) return { hits, hasMore: true, last };
        const h = pending[i];
        examined++;
        last = { distanceM: h.d, id: h.station.id };
        if (!filter || filter(h.station.hours)) hits.push(h);
      }
      pending = pending.slice(settled);
      if (done) return { hits, hasMore: false, last };
    }
  }

  return { put, remove, nearby, size: () => byRid.size };
}
