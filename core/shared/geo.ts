/** Geodesy on GCJ-02 coordinates (the datum WeChat maps use). Distances are great-circle metres. */
export interface LatLng {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (deg: number) => (deg * Math.PI) / 180;

export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A lat/lng box that contains every point within `radiusM` of the centre (for index pre-filtering). */
export function boundingBox(centre: LatLng, radiusM: number): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  const angular = radiusM / EARTH_RADIUS_M;
  const dLat = angular * (180 / Math.PI);
  // The circle's widest longitude is reached at its tangent points, slightly poleward of the
  // centre's parallel: asin(sin δ / cos φ), which exceeds δ / cos φ. At or past a pole: all longitudes.
  const ratio = angular >= Math.PI / 2 ? 1 : Math.sin(angular) / Math.max(Math.cos(toRad(centre.lat)), 1e-12);
  const dLng = ratio >= 1 ? 180 : Math.asin(ratio) * (180 / Math.PI);
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLng: centre.lng - dLng, maxLng: centre.lng + dLng };
}

/** "320 米" / "1.2 公里" / "15 公里" */
export function formatDistance(meters: number): string {
  // Thresholds on the rounded value, so 996 m reads "1.0 公里" rather than "1000 米".
  const tens = Math.max(10, Math.round(meters / 10) * 10);
  if (tens < 1000) return `${tens} 米`;
  const tenths = Math.round(meters / 100) / 10;
  if (tenths < 10) return `${tenths.toFixed(1)} 公里`;
  return `${Math.round(meters / 1000)} 公里`;
}
