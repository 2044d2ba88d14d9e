/**
 * Rating rules (core/rating/rules.ts) and the HMAC signer behind the signed station scene
 * (adapters/platform/crypto.ts): the 30-day window at its edges, the smoothed score, the burst
 * thresholds, the scene format (≤ 32 characters, WeChat's allowed set) and tampering.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { hmacSigner, MIN_SIGNATURE_CHARS } from '../../adapters/platform/crypto';
import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { QR_TARGET_PX, qrCodeImages } from '../../adapters/platform/local';
import type { RatingAggregate } from '../../core/rating/model';
import {
  BURST_FACTOR,
  BURST_MIN,
  burstReasons,
  FEW_RATINGS,
  formatScene,
  insideWindow,
  NEW_ACCOUNT_BURST,
  parseScene,
  PRIOR_MEAN,
  PRIOR_WEIGHT,
  SCENE_MAX,
  SCENE_STATION_ID_MAX,
  SIG_LENGTH,
  smoothed,
  summarize,
  WINDOW_MS,
} from '../../core/rating/rules';

const key = () => randomBytes(32);
const ring1 = [{ id: 'k1', key: key() }];

describe('the 30-day window', () => {
  const earlier = '2026-09-01T00:00:00.000Z';
  const at = (ms: number) => new Date(new Date(earlier).getTime() + ms);

  test('exactly 30 × 24 h minus 1 ms after the earlier rating is still inside (the new one replaces it)', () => {
    expect(WINDOW_MS).toBe(30 * 24 * 3_600_000);
    expect(insideWindow(earlier, at(WINDOW_MS - 1))).toBe(true);
  });

  test('exactly 30 × 24 h after is outside (a new rating is created)', () => {
    expect(insideWindow(earlier, at(WINDOW_MS))).toBe(false);
    expect(insideWindow(earlier, at(WINDOW_MS + 1))).toBe(false);
  });

  test('the same instant and a moment later are inside', () => {
    expect(insideWindow(earlier, at(0))).toBe(true);
    expect(insideWindow(earlier, at(1))).toBe(true);
  });

  test('the window is 30 × 24 h, not 30 calendar days in Shanghai (no DST, no month lengths)', () => {
    // 2026-02-01 → 2026-03-03: 30 days in February's short month.
    expect(insideWindow('2026-02-01T16:00:00.000Z', new Date('2026-03-03T15:59:59.999Z'))).toBe(true);
    expect(insideWindow('2026-02-01T16:00:00.000Z', new Date('2026-03-03T16:00:00.000Z'))).toBe(false);
  });
});

describe('the smoothed score', () => {
  const agg = (count: number, perDim: number, visitVerified = 0): RatingAggregate => ({
    stationId: 'st-x',
    count,
    sums: { attitude: perDim * count, pricing: perDim * count, cleanliness: perDim * count, efficiency: perDim * count },
    visitVerified,
    updatedAt: '2026-09-30T00:00:00.000Z',
  });

  test('no ratings: count 0, no overall, the prior per dimension, "few ratings"', () => {
    const s = summarize(null);
    expect(s).toMatchObject({ count: 0, visitVerified: 0, overall: null, fewRatings: true });
    expect(s.dimensions.map((d) => d.dimension)).toEqual(['attitude', 'pricing', 'cleanliness', 'efficiency']);
    for (const d of s.dimensions) expect(d).toMatchObject({ smoothed: PRIOR_MEAN, raw: null });
  });

  test('one 1★ rating does not dominate: a new station goes from 4.0 to 3.5, not to 1.0', () => {
    expect(smoothed(1, 1)).toBeCloseTo(3.5);
    const s = summarize(agg(1, 1));
    expect(s.overall).toBe(3.5);
    expect(s.dimensions[0]).toMatchObject({ smoothed: 3.5, raw: 1 });
  });

  test('one 5★ rating lifts a new station only a little', () => {
    expect(summarize(agg(1, 5)).overall).toBe(4.2);
  });

  test('many ratings converge on the raw mean', () => {
    expect(summarize(agg(1000, 2)).overall).toBe(2);
    expect(summarize(agg(10_000, 5)).overall).toBe(5);
  });

  test('the smoothed mean always lies between the prior and the raw mean', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 1, max: 5, noNaN: true }), (count, mean) => {
        const v = smoothed(mean * count, count);
        expect(v).toBeGreaterThanOrEqual(Math.min(mean, PRIOR_MEAN) - 1e-9);
        expect(v).toBeLessThanOrEqual(Math.max(mean, PRIOR_MEAN) + 1e-9);
      }),
    );
  });

  test(`"few ratings" below ${FEW_RATINGS}; visit-verified count passes through`, () => {
    expect(summarize(agg(FEW_RATINGS - 1, 4)).fewRatings).toBe(true);
    expect(summarize(agg(FEW_RATINGS, 4, 3))).toMatchObject({ fewRatings: false, visitVerified: 3, count: FEW_RATINGS });
  });

  test('the prior weighs as PRIOR_WEIGHT ratings', () => {
    expect(smoothed(PRIOR_WEIGHT * 2, PRIOR_WEIGHT)).toBeCloseTo((PRIOR_MEAN + 2) / 2);
  });
});

describe('burst detection', () => {
  const quiet = { previous30d: 0, newAccountsLast24h: 0, raterIsNew: false };

  test(`a quiet station: the ${BURST_MIN}th rating within 24 h trips it, the ${BURST_MIN - 1}th does not`, () => {
    expect(burstReasons({ ...quiet, last24h: BURST_MIN - 2 })).toEqual([]);
    expect(burstReasons({ ...quiet, last24h: BURST_MIN - 1 })).toEqual(['burst']);
  });

  test(`a busy station: ${BURST_FACTOR}× its daily baseline`, () => {
    // 60 ratings in the 30 days before: 2 a day → the 10th in a day trips it.
    const busy = { ...quiet, previous30d: 60 };
    expect(burstReasons({ ...busy, last24h: 8 })).toEqual([]);
    expect(burstReasons({ ...busy, last24h: 9 })).toEqual(['burst']);
    // An ordinary busy day (3 ratings) is nothing.
    expect(burstReasons({ ...busy, last24h: 2 })).toEqual([]);
  });

  test(`brand-new accounts: the ${NEW_ACCOUNT_BURST}rd from a new account within 24 h is held; old accounts never trip it`, () => {
    expect(burstReasons({ ...quiet, last24h: 2, newAccountsLast24h: NEW_ACCOUNT_BURST - 2, raterIsNew: true })).toEqual([]);
    expect(burstReasons({ ...quiet, last24h: 2, newAccountsLast24h: NEW_ACCOUNT_BURST - 1, raterIsNew: true })).toEqual(['new_accounts']);
    expect(burstReasons({ ...quiet, last24h: 2, newAccountsLast24h: 10, raterIsNew: false })).toEqual([]);
  });

  test('both reasons together', () => {
    expect(burstReasons({ previous30d: 0, last24h: 20, newAccountsLast24h: 20, raterIsNew: true })).toEqual(['burst', 'new_accounts']);
  });

  test('monotone: more ratings in the last day never un-hold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 500 }), (previous30d, last24h) => {
        const a = burstReasons({ ...quiet, previous30d, last24h }).includes('burst');
        const b = burstReasons({ ...quiet, previous30d, last24h: last24h + 1 }).includes('burst');
        expect(!a || b).toBe(true);
      }),
    );
  });
});

describe('the signed station scene', () => {
  const signer = hmacSigner(ring1);
  const sceneFor = (id: string, s = signer) => {
    const sig = s.sign('scene', id);
    return formatScene(id, sig.keyId, sig.signature);
  };
  const verifyScene = (scene: string, s = signer) => {
    const p = parseScene(scene);
    return !!p && s.verify('scene', p.stationId, p.keyId, p.signature);
  };
  // WeChat's scene alphabet: digits, letters and !#$&'()*+,/:;=?@-._~
  const WECHAT_SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;

  test.each([16, 17, 18])('a %i-character station id gives a scene of at most 32 allowed characters that round-trips', (len) => {
    const id = ('st-360731100-000' + 'abcdef').slice(0, len);
    const scene = sceneFor(id);
    expect(scene.length).toBeLessThanOrEqual(SCENE_MAX);
    expect(scene.length).toBe(len + 2 + SIG_LENGTH);
    expect(scene).toMatch(WECHAT_SCENE);
    expect(parseScene(scene)).toEqual({ stationId: id, keyId: '1', signature: scene.slice(-SIG_LENGTH) });
    expect(verifyScene(scene)).toBe(true);
  });

  test('station ids longer than 18 characters cannot make a scene', () => {
    expect(SCENE_STATION_ID_MAX).toBe(18);
    expect(parseScene(sceneFor('st-360731100-000abc'))).toBeNull();
  });

  test('every generated id of up to 18 characters gives a valid, verifiable scene', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9-]{3,18}$/), (id) => {
        const scene = sceneFor(id);
        expect(scene.length).toBeLessThanOrEqual(SCENE_MAX);
        expect(scene).toMatch(WECHAT_SCENE);
        expect(verifyScene(scene)).toBe(true);
      }),
    );
  });

  test('parseScene rejects malformed scenes', () => {
    const good = sceneFor('st-360731100-000');
    const bad = [
      '',
      good + 'x',
      good.slice(0, -1),
      good.replace('.', ''),
      good.replace('.', '_'),
      good.toUpperCase(),
      `ST-360731100-000${good.slice(16)}`,
      `st-360731100-000.${good.slice(17).replace(/^./, '_')}`,
      `ab${good.slice(16)}`,
      `st/360731100-000${good.slice(16)}`,
      `${good} `,
      `\n${good}`,
      `st-360731100-000.1${'='.repeat(12)}`,
    ];
    for (const s of bad) expect(parseScene(s)).toBeNull();
  });

  test('tampering: another station id, a changed signature character, another key id or another key all fail', () => {
    const good = sceneFor('st-360731100-000');
    expect(verifyScene(good)).toBe(true);
    const p = parseScene(good)!;
    // A scene signed for station A presented as station B.
    expect(verifyScene(formatScene('st-360731100-001', p.keyId, p.signature))).toBe(false);
    // Every single-character change of the signature.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < SIG_LENGTH; i++) {
      for (const c of alphabet) {
        if (c === p.signature[i]) continue;
        const sig = p.signature.slice(0, i) + c + p.signature.slice(i + 1);
        expect(verifyScene(formatScene(p.stationId, p.keyId, sig))).toBe(false);
      }
    }
    expect(verifyScene(formatScene(p.stationId, '2', p.signature))).toBe(false);
    expect(verifyScene(good, hmacSigner([{ id: 'k1', key: key() }]))).toBe(false);
  });

  test('random scenes never verify', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9-]{3,18}\.[0-9a-z][A-Za-z0-9_-]{12}$/), (scene) => {
        expect(verifyScene(scene)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('hmacSigner', () => {
  test('purpose-bound: a scene signature is not a visit signature', () => {
    const s = hmacSigner(ring1);
    const { keyId, signature } = s.sign('scene', 'payload');
    expect(keyId).toBe('1');
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.verify('scene', 'payload', keyId, signature)).toBe(true);
    expect(s.verify('visit', 'payload', keyId, signature)).toBe(false);
    expect(s.verify('scene', 'payload2', keyId, signature)).toBe(false);
  });

  test('rotation: the first key signs, every key in the ring verifies; a dropped key no longer does', () => {
    const old = { id: 'k1', key: key() };
    const fresh = { id: 'k2', key: key() };
    const before = hmacSigner([old]).sign('scene', 'st-a');
    const during = hmacSigner([fresh, old]);
    expect(during.sign('scene', 'st-a').keyId).toBe('2');
    expect(during.verify('scene', 'st-a', before.keyId, before.signature)).toBe(true);
    const after = hmacSigner([fresh]);
    expect(after.verify('scene', 'st-a', before.keyId, before.signature)).toBe(false);
  });

  test(`a truncated signature verifies only from ${MIN_SIGNATURE_CHARS} characters on; longer or non-base64url ones fail`, () => {
    const s = hmacSigner(ring1);
    const { keyId, signature } = s.sign('visit', 'x');
    expect(s.verify('visit', 'x', keyId, signature.slice(0, MIN_SIGNATURE_CHARS))).toBe(true);
    expect(s.verify('visit', 'x', keyId, signature.slice(0, MIN_SIGNATURE_CHARS - 1))).toBe(false);
    expect(s.verify('visit', 'x', keyId, '')).toBe(false);
    expect(s.verify('visit', 'x', keyId, signature + 'A')).toBe(false);
    expect(s.verify('visit', 'x', keyId, signature.slice(0, 20) + '+/')).toBe(false);
    expect(s.verify('visit', 'x', 'z', signature)).toBe(false);
  });

  test('key ids must differ in their last character', () => {
    expect(() => hmacSigner([{ id: 'k1', key: key() }, { id: 'a1', key: key() }])).toThrow(/last character/);
    expect(() => hmacSigner([])).toThrow();
  });

  test('signing is deterministic for one key and payload', () => {
    const s = hmacSigner(ring1);
    expect(s.sign('scene', 'st-a')).toEqual(s.sign('scene', 'st-a'));
  });
});

describe('local station code image', () => {
  test('a greyscale PNG whose pixels are the QR matrix of the scene link', async () => {
    const scene = 'st-360731100-000.1abcdefghijkl';
    const img = await qrCodeImages().stationCode(scene, 'pages/station/index');
    expect(img.contentType).toBe('image/png');
    const png = Buffer.from(img.base64, 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const width = png.readUInt32BE(16);
    expect(png.readUInt32BE(20)).toBe(width);
    expect(width).toBeGreaterThanOrEqual(200);
    expect(width).toBeLessThanOrEqual(QR_TARGET_PX);
    // Read the pixels back (one IDAT chunk, filter 0 rows) and compare with the QR modules.
    const idatAt = png.indexOf('IDAT', 0, 'latin1');
    const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)));
    const { size, data } = QRCode.create(`zdt://station?scene=${scene}`, { errorCorrectionLevel: 'M' }).modules;
    const scale = width / (size + 8);
    expect(Number.isInteger(scale)).toBe(true);
    let mismatches = 0;
    for (let my = 0; my < size; my++) {
      for (let mx = 0; mx < size; mx++) {
        const x = (mx + 4) * scale + (scale >> 1);
        const y = (my + 4) * scale + (scale >> 1);
        if ((raw[y * (width + 1) + 1 + x] === 0) !== !!data[my * size + mx]) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    // The quiet zone is white.
    expect(raw.subarray(1, width + 1).every((v) => v === 255)).toBe(true);
  });

  test('an H5 link when a base URL is given', async () => {
    const a = await qrCodeImages({ baseUrl: 'http://127.0.0.1:8080/' }).stationCode('st-a.1abcdefghijkl', 'pages/station/index');
    const b = await qrCodeImages().stationCode('st-a.1abcdefghijkl', 'pages/station/index');
    expect(a.base64).not.toBe(b.base64);
  });
});
