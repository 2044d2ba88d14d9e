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

// ——— GCJ-02 → WGS84 ———
// GCJ-02 (the datum of WeChat and Chinese maps) offsets WGS84 by a published, deterministic
// formula (Krasovsky 1940 ellipsoid; the widely used "eviltransform" constants). Open data
// (HSDS) expects WGS84, so the offset is inverted by fixed-point iteration: about 1e-7° after a
// few steps, far below the obfuscation's own precision of a metre or so.
const GCJ_A = 6378245.0;
const GCJ_EE = 0.006693421622965943;

function offsetLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function offsetLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** Mainland China's rough box: GCJ-02 leaves points outside it unshifted. */
function outsideChina(p: LatLng): boolean {
  return p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

/** WGS84 → GCJ-02 (the forward, published transform). */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (outsideChina(p)) return { lat: p.lat, lng: p.lng };
  let dLat = offsetLat(p.lng - 105.0, p.lat - 35.0);
  let dLng = offsetLng(p.lng - 105.0, p.lat - 35.0);
  const radLat = toRad(p.lat);
  let magic = Math.sin(radLat);
  magic = 1 - GCJ_EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((GCJ_A * (1 - GCJ_EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((GCJ_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

/** GCJ-02 → WGS84 by iterating the forward transform until it lands on the given point. */
export function gcj02ToWgs84(p: LatLng): LatLng {
  if (outsideChina(p)) return { lat: p.lat, lng: p.lng };
  let w = { lat: p.lat, lng: p.lng };
  for (let i = 0; i < 10; i++) {
    const g = wgs84ToGcj02(w);
    const eLat = g.lat - p.lat;
    const eLng = g.lng - p.lng;
    w = { lat: w.lat - eLat, lng: w.lng - eLng };
    if (Math.abs(eLat) < 1e-9 && Math.abs(eLng) < 1e-9) break;
  }
  return w;
}
