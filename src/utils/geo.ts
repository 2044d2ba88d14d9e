/**
 * Coordinates on the client. Stations are stored in GCJ-02 (what WeChat maps and openLocation
 * use). WeChat's getLocation can answer GCJ-02 directly; a browser answers WGS-84, which is
 * converted with the standard public GCJ-02 transform (core/shared/geo.ts, accurate to a few metres).
 */
// The GCJ-02 transform lives once, in core (open data converts back with the same constants).
export { wgs84ToGcj02, type LatLng } from '@core/shared/geo';
import type { LatLng } from '@core/shared/geo';

/** Metres east (x) and north (y) of `origin` — flat-earth, fine within tens of kilometres. */
export function offsetMeters(origin: LatLng, p: LatLng): { x: number; y: number } {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  return {
    x: (p.lng - origin.lng) * rad * R * Math.cos(origin.lat * rad),
    y: (p.lat - origin.lat) * rad * R,
  };
}

/** A round scale-bar length (1, 2, 5 × 10^n metres) no longer than `maxMeters`. */
export function niceScale(maxMeters: number): number {
  if (!(maxMeters > 0)) return 0;
  const pow = Math.pow(10, Math.floor(Math.log10(maxMeters)));
  for (const m of [5, 2, 1]) if (m * pow <= maxMeters) return m * pow;
  return pow;
}

export function formatCoord(p: LatLng): string {
  return `${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}`;
}
