/** Great-circle distance, the index pre-filter box, distance text. */
import fc from 'fast-check';
import { boundingBox, distanceMeters, formatDistance } from '../../core/shared/geo';
import { destination, EARTH_RADIUS_M, GANZHOU, YUDU } from './station-fixtures';

/** A point (latitude, longitude), a bearing in degrees and a distance in metres up to 50 km. */
const POINT_BEARING_RADIUS = [
  fc.double({ min: -80, max: 80, noNaN: true }),
  fc.double({ min: -170, max: 170, noNaN: true }),
  fc.double({ min: 0, max: 360, noNaN: true }),
  fc.double({ min: 1, max: 50_000, noNaN: true }),
] as const;

describe('distanceMeters', () => {
  test('zero for the same point, symmetric', () => {
    expect(distanceMeters(YUDU, YUDU)).toBe(0);
    expect(distanceMeters(YUDU, GANZHOU)).toBeCloseTo(distanceMeters(GANZHOU, YUDU), 6);
  });

  test('one degree of latitude is πR/180 ≈ 111.195 km', () => {
    expect(distanceMeters({ lat: 26, lng: 115 }, { lat: 27, lng: 115 })).toBeCloseTo((Math.PI * EARTH_RADIUS_M) / 180, 3);
    expect((Math.PI * EARTH_RADIUS_M) / 180).toBeCloseTo(111_195.08, 1);
  });

  test('one degree of longitude on the equator, and shrinking with latitude (cos φ)', () => {
    expect(distanceMeters({ lat: 0, lng: 115 }, { lat: 0, lng: 116 })).toBeCloseTo(111_195.08, 1);
    // Along a parallel the great circle is slightly shorter than the parallel arc (111195·cos 60° = 55597.5).
    const d = distanceMeters({ lat: 60, lng: 10 }, { lat: 60, lng: 11 });
    expect(d).toBeGreaterThan(55_590);
    expect(d).toBeLessThan(55_597.6);
  });

  test('antipodes are half the circumference apart', () => {
    expect(distanceMeters({ lat: 26, lng: 115 }, { lat: -26, lng: -65 })).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 0);
  });

  test('于都 → 赣州 is about 50 km as the crow flies', () => {
    const d = distanceMeters(YUDU, GANZHOU);
    // Independent equirectangular estimate: Δφ = 0.1216°, Δλ = 0.4821° · cos 25.89°.
    const dy = 0.1216 * 111_195.08;
    const dx = 0.4821 * Math.cos((25.8918 * Math.PI) / 180) * 111_195.08;
    const estimate = Math.hypot(dx, dy);
    expect(estimate).toBeGreaterThan(49_500);
    expect(estimate).toBeLessThan(50_500);
    expect(Math.abs(d - estimate)).toBeLessThan(50);
  });

  test('London → Paris ≈ 343.5 km (published haversine distance)', () => {
    const d = distanceMeters({ lat: 51.5074, lng: -0.1278 }, { lat: 48.8566, lng: 2.3522 });
    expect(d).toBeGreaterThan(343_000);
    expect(d).toBeLessThan(344_000);
  });

  test('points built at a known distance measure back to it (triangle inequality holds)', () => {
    fc.assert(
      fc.property(
        ...POINT_BEARING_RADIUS,
        (lat, lng, bearing, r) => {
          const p = destination({ lat, lng }, bearing, r);
          expect(Math.abs(distanceMeters({ lat, lng }, p) - r)).toBeLessThan(1e-3);
          const q = destination(p, bearing + 90, r / 2);
          expect(distanceMeters({ lat, lng }, q)).toBeLessThanOrEqual(distanceMeters({ lat, lng }, p) + distanceMeters(p, q) + 1e-6);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('boundingBox', () => {
  const inside = (box: ReturnType<typeof boundingBox>, p: { lat: number; lng: number }, eps = 1e-9) =>
    p.lat >= box.minLat - eps && p.lat <= box.maxLat + eps && p.lng >= box.minLng - eps && p.lng <= box.maxLng + eps;

  test('contains every point on (and within) the radius circle', () => {
    fc.assert(
      fc.property(
        ...POINT_BEARING_RADIUS,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lat, lng, bearing, r, f) => {
          const box = boundingBox({ lat, lng }, r);
          const onCircle = destination({ lat, lng }, bearing, r);
          expect(inside(box, onCircle)).toBe(true);
          expect(inside(box, destination({ lat, lng }, bearing, r * f))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('contains the circle’s easternmost and westernmost points (the tangent points, slightly poleward)', () => {
    fc.assert(
      fc.property(fc.double({ min: -80, max: 80, noNaN: true }), fc.double({ min: 100, max: 50_000, noNaN: true }), (lat, r) => {
        const centre = { lat, lng: 115 };
        const box = boundingBox(centre, r);
        const d = r / EARTH_RADIUS_M;
        const phi = (lat * Math.PI) / 180;
        // Tangent point of the meridian: bearing with cos θ = tan δ · tan φ.
        const bearing = (Math.acos(Math.tan(d) * Math.tan(phi)) * 180) / Math.PI;
        const east = destination(centre, bearing, r);
        const west = destination(centre, 360 - bearing, r);
        expect(Math.abs(distanceMeters(centre, east) - r)).toBeLessThan(1e-3);
        expect(inside(box, east)).toBe(true);
        expect(inside(box, west)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('a 20 km box around 于都 in Jiangxi, and it is tight (no wider than needed)', () => {
    const box = boundingBox(YUDU, 20_000);
    expect(box.maxLat - YUDU.lat).toBeCloseTo(20_000 / 111_195.08, 6);
    expect(YUDU.lat - box.minLat).toBeCloseTo(20_000 / 111_195.08, 6);
    const halfWidth = box.maxLng - YUDU.lng;
    expect(halfWidth).toBeGreaterThan(20_000 / 111_195.08 / Math.cos((YUDU.lat * Math.PI) / 180));
    expect(halfWidth).toBeLessThan((20_000 / 111_195.08 / Math.cos((YUDU.lat * Math.PI) / 180)) * 1.0001);
    expect(YUDU.lng - box.minLng).toBeCloseTo(halfWidth, 9);
  });

  test('near a pole the box spans every longitude', () => {
    const box = boundingBox({ lat: 89.9, lng: 0 }, 50_000);
    expect(box.maxLng - box.minLng).toBeGreaterThanOrEqual(360);
    expect(inside(box, destination({ lat: 89.9, lng: 0 }, 90, 50_000))).toBe(true);
  });
});

describe('formatDistance', () => {
  test.each([
    [0, '10 米'],
    [4, '10 米'],
    [320, '320 米'],
    [324.9, '320 米'],
    [325, '330 米'],
    [1000, '1.0 公里'],
    [1234, '1.2 公里'],
    [9_940, '9.9 公里'],
    [10_000, '10 公里'],
    [15_400, '15 公里'],
    [49_600, '50 公里'],
  ])('%d m → %s', (m, text) => {
    expect(formatDistance(m)).toBe(text);
  });
});
