/**
 * The `ratings` function over real HTTP on the local app (SQLite + local platform): proof of visit
 * from the station's signed code, the 30-day rule at its edges, one reply, review of held
 * ratings, pressure reports, forged / other-station / expired scenes and tokens, conflicts of
 * interest (denied and audited), burst holding on generated bursts, concurrent submits by one
 * person, a closed station, and fuzzing (never INTERNAL; invalid input is VALIDATION_ERROR).
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { hmacSigner } from '../../adapters/platform/crypto';
import * as api from '../../core/rating/api';
import { formatScene, parseScene, VISIT_TOKEN_MS, WINDOW_MS } from '../../core/rating/rules';
import { STATION_PAGE } from '../../core/rating/service';
import { ERROR_CODES, HTTP_STATUS } from '../../core/shared/errors';
import { demoStations } from '../../seed/demo';
import { countRows, DEMO, HEAD_STATION, rid, appForTests, type CallResult } from '../support/local-app';

jest.setTimeout(120_000);

const NOW = '2026-09-30T02:00:00.000Z';
const NOW_MS = Date.parse(NOW);
const DAY = 86_400_000;
const HAN = /\p{Script=Han}/u;

/** 鄱阳县 (上饶市): outside every demo official's scope but the province's. */
const OUT_STATION = 'st-361128001-000';
/** 于都县, run by the second demo operator: not the operator staff's station. */
const OTHER_OPERATOR_STATION = 'st-360731103-000';
const seed = demoStations('2026-09-30');
const CLOSED_STATION = seed.find((s) => s.status === 'closed' && s.regionPath[2].code === '360731')!.id;
/** Active 于都 stations no other test here rates, one per scenario. */
const FREE = seed.filter((s) => s.status === 'active' && s.regionPath[2].code === '360731' && s.id !== HEAD_STATION && s.id !== OTHER_OPERATOR_STATION).map((s) => s.id);
const [WINDOW_STATION, BURST_STATION, NEW_ACCOUNT_STATION, SAME_KEY_STATION, MANY_KEYS_STATION, REVIEW_STATION, SCENE_STATION] = FREE;

const SCORES = { attitude: 5, pricing: 4, cleanliness: 5, efficiency: 4 };
const OUT_OFFICIAL = 'test-county-official-poyang';

const logged: string[] = [];
const t = appForTests({
  now: NOW,
  logger: { info: (e) => logged.push(JSON.stringify(e)), error: (e) => logged.push(JSON.stringify({ level: 'error', ...e })) },
});

type Submit = api.SubmitResult;
type Summary = api.SummaryView;
type ListPage = { items: api.RatingView[]; nextCursor: string | null };

beforeAll(async () => {
  await t.app.stores.roles.insert({
    id: 'rb-out-official',
    openid: OUT_OFFICIAL,
    role: 'county_official',
    scope: { kind: 'region', regionCode: '361128' },
    grantedBy: 'test',
    grantedAt: '2026-01-01T00:00:00.000Z',
  });
});
afterEach(() => {
  // Nothing ever failed internally.
  expect(logged.filter((l) => l.includes('"INTERNAL"') || l.includes('"level":"error"'))).toEqual([]);
});

/** An account first seen long ago (not a brand-new one). */
const oldAccount = (openid: string) => t.app.stores.ratings.touchAccount(openid, '2025-01-01T00:00:00.000Z');

function expectError(r: CallResult, code: string): void {
  expect(r.body.ok).toBe(false);
  if (r.body.ok) return;
  expect(r.body.error.code).toBe(code);
  expect(r.status).toBe(HTTP_STATUS[r.body.error.code]);
  expect(r.body.error.message).toMatch(HAN);
}

const submit = (openid: string, data: Record<string, unknown>, requestId: string | undefined = rid('rate')) => t.call<Submit>('ratings', 'submit', { scores: SCORES, ...data }, openid, requestId);
const okSubmit = (openid: string, data: Record<string, unknown>) => t.ok<Submit>('ratings', 'submit', { scores: SCORES, ...data }, openid, rid('rate'));
const summary = (stationId: string, openid: string | null = null) => t.ok<Summary>('ratings', 'summary', { stationId }, openid);
const list = (stationId: string, openid: string | null = null, cursor?: string) => t.ok<ListPage>('ratings', 'list', { stationId, ...(cursor ? { cursor } : {}) }, openid);
const codeFor = (stationId: string, openid: string = DEMO.stationHead) => t.ok<{ scene: string; page: string; image: { contentType: string; base64: string } }>('ratings', 'code', { stationId }, openid);
const visit = (scene: string, openid: string) => t.call<{ stationId: string; stationName: string; visitToken: string; expiresAt: string }>('ratings', 'visit', { scene }, openid);
const deniedAudits = async (action: string, resource: string, actor: string) =>
  (await t.app.stores.audit.list({ resource, action, offset: 0, limit: 50 })).items.filter((e) => e.actorOpenid === actor && e.outcome === 'denied');

describe('proof of visit, the full flow', () => {
  test('head prints the code → resident scans → 到店评价 in list and summary → replaced inside the window → head replies once', async () => {
    t.clock.set(NOW);
    await oldAccount(DEMO.resident1);
    await oldAccount(DEMO.resident2);

    // The station head gets the station's code: a signed scene of at most 32 characters and a PNG.
    const code = await codeFor(HEAD_STATION);
    expect(code.page).toBe(STATION_PAGE);
    expect(code.scene.length).toBeLessThanOrEqual(32);
    expect(parseScene(code.scene)?.stationId).toBe(HEAD_STATION);
    expect(code.image.contentType).toBe('image/png');
    expect(Buffer.from(code.image.base64, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    // Operator staff and officials over the station may print it too; the same scene each time.
    expect((await codeFor(HEAD_STATION, DEMO.operatorStaff)).scene).toBe(code.scene);
    expect((await codeFor(HEAD_STATION, DEMO.county)).scene).toBe(code.scene);

    // A resident scans it: a short-lived visit token bound to the station and the person.
    const v = await visit(code.scene, DEMO.resident1);
    expect(v.body.ok).toBe(true);
    if (!v.body.ok) return;
    expect(v.body.data).toMatchObject({ stationId: HEAD_STATION, expiresAt: new Date(NOW_MS + VISIT_TOKEN_MS).toISOString() });
    expect(v.body.data.stationName).toMatch(HAN);

    const first = await okSubmit(DEMO.resident1, { stationId: HEAD_STATION, comment: '站长很热情，收费清楚。', visitToken: v.body.data.visitToken });
    expect(first.rating).toMatchObject({ stationId: HEAD_STATION, visitVerified: true, status: 'published', statusLabel: '已公开', mine: true, comment: '站长很热情，收费清楚。' });
    expect(first.replacedMessage).toBeNull();
    expect(first.heldMessage).toBeNull();

    // A rating without scanning is published too, but not 到店评价.
    t.clock.set(new Date(NOW_MS + 60_000).toISOString());
    await okSubmit(DEMO.resident2, { stationId: HEAD_STATION, scores: { attitude: 2, pricing: 3, cleanliness: 2, efficiency: 3 } });

    let s = await summary(HEAD_STATION, DEMO.resident1);
    expect(s).toMatchObject({ stationId: HEAD_STATION, count: 2, visitVerified: 1, fewRatings: true, canRate: true });
    // Smoothed: (5 × 4 prior + 7) / (5 + 2) on every dimension.
    expect(s.overall).toBe(3.9);
    const publicList = await list(HEAD_STATION);
    expect(publicList.items.map((r) => r.visitVerified)).toEqual([false, true]);
    expect(publicList.items[1].comment).toBe('站长很热情，收费清楚。');
    // No rater identity in public answers.
    expect(JSON.stringify(publicList)).not.toContain(DEMO.resident1);
    expect(publicList.items.every((r) => r.mine === undefined && r.holdReasons === undefined)).toBe(true);

    // A day later resident 1 rates again: it replaces the first, with a message.
    t.clock.set(new Date(NOW_MS + DAY).toISOString());
    const second = await okSubmit(DEMO.resident1, { stationId: HEAD_STATION, scores: { attitude: 4, pricing: 4, cleanliness: 4, efficiency: 4 }, comment: '第二次来，还是不错。' });
    expect(second.replacedMessage).toMatch(/30 天内评价过.*替换/);
    expect(second.rating.visitVerified).toBe(false);
    s = await summary(HEAD_STATION);
    expect(s).toMatchObject({ count: 2, visitVerified: 0 });
    expect(s.canRate).toBeUndefined();
    expect((await list(HEAD_STATION)).items.map((r) => r.id)).toEqual([second.rating.id, expect.any(String)]);
    const mine = await t.ok<ListPage>('ratings', 'mine', {}, DEMO.resident1);
    const onHead = mine.items.filter((r) => r.stationId === HEAD_STATION);
    expect(onHead.map((r) => r.status)).toEqual(['published', 'replaced']);
    expect(onHead[1]).toMatchObject({ statusLabel: '已被新评价替换', comment: '站长很热情，收费清楚。', mine: true });

    // The station head replies once, publicly.
    const replied = await t.ok<api.RatingView>('ratings', 'reply', { id: second.rating.id, text: '谢谢您的认可，欢迎常来。' }, DEMO.stationHead);
    expect(replied.reply).toEqual({ text: '谢谢您的认可，欢迎常来。', at: new Date(NOW_MS + DAY).toISOString() });
    expect((await list(HEAD_STATION)).items[0].reply?.text).toBe('谢谢您的认可，欢迎常来。');
    expectError(await t.call('ratings', 'reply', { id: second.rating.id, text: '再补充一句。' }, DEMO.stationHead), 'CONFLICT');
    // Nobody else replies for the station; a replaced rating cannot be replied to.
    for (const who of [DEMO.county, DEMO.operatorStaff, DEMO.resident2]) expectError(await t.call('ratings', 'reply', { id: publicList.items[0].id, text: '回复' }, who), 'FORBIDDEN');
    expect((await deniedAudits('rating.reply', `rating:${publicList.items[0].id}`, DEMO.county)).length).toBe(1);
    expectError(await t.call('ratings', 'reply', { id: onHead[1].id, text: '回复' }, DEMO.stationHead), 'NOT_FOUND');
    expectError(await t.call('ratings', 'reply', { id: publicList.items[0].id, text: 'RISKY-TEST 回复' }, DEMO.stationHead), 'CONTENT_REJECTED');
  });

  test('the 30-day rule at its edges: 30 × 24 h minus 1 ms replaces, exactly 30 × 24 h creates a new rating', async () => {
    const who = 'window-resident';
    await oldAccount(who);
    t.clock.set(NOW);
    const first = await okSubmit(who, { stationId: WINDOW_STATION });
    expect(first.replacedMessage).toBeNull();

    t.clock.set(new Date(NOW_MS + WINDOW_MS - 1).toISOString());
    const second = await okSubmit(who, { stationId: WINDOW_STATION, scores: { attitude: 1, pricing: 1, cleanliness: 1, efficiency: 1 } });
    expect(second.replacedMessage).not.toBeNull();
    expect((await summary(WINDOW_STATION)).count).toBe(1);

    t.clock.set(new Date(NOW_MS + WINDOW_MS - 1 + WINDOW_MS).toISOString());
    const third = await okSubmit(who, { stationId: WINDOW_STATION });
    expect(third.replacedMessage).toBeNull();
    const s = await summary(WINDOW_STATION);
    expect(s.count).toBe(2);
    expect(s.dimensions.find((d) => d.dimension === 'attitude')?.raw).toBe(3); // (1 + 5) / 2
    expect(countRows(t.app, 'ratings', "station_id = ? AND status = 'replaced'", WINDOW_STATION)).toBe(1);
  });
});

describe('forged, other-station and expired proofs of visit', () => {
  test('a forged scene, a scene signed with another key and a malformed scene are VALIDATION_ERROR', async () => {
    t.clock.set(NOW);
    const good = (await codeFor(HEAD_STATION)).scene;
    const p = parseScene(good)!;
    const flipped = p.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const other = hmacSigner([{ id: 'k1', key: randomBytes(32) }]).sign('scene', HEAD_STATION);
    for (const scene of [
      formatScene(HEAD_STATION, p.keyId, flipped),
      formatScene(HEAD_STATION, p.keyId, 'AAAAAAAAAAAA'),
      formatScene(HEAD_STATION, other.keyId === p.keyId ? '9' : other.keyId, other.signature),
      formatScene(HEAD_STATION, p.keyId, other.signature),
      formatScene(HEAD_STATION, '7', p.signature),
      good.slice(0, -1),
      `${good}x`,
      HEAD_STATION,
      'x'.repeat(33),
    ]) {
      const r = await visit(scene, DEMO.resident1);
      expectError(r, 'VALIDATION_ERROR');
      if (!r.body.ok) expect(Object.keys(r.body.error.fields ?? {}).some((f) => f.includes('scene'))).toBe(true);
    }
    // A well-signed scene of a station that does not exist (or is not public) is NOT_FOUND at most, never a token.
    expectError(await visit('', DEMO.resident1), 'VALIDATION_ERROR');
    expectError(await visit(good, null as unknown as string), 'UNAUTHENTICATED');
  });

  test("a scene signed for station A presented as station B, and A's visit token used on B, are rejected", async () => {
    t.clock.set(NOW);
    const a = parseScene((await codeFor(HEAD_STATION)).scene)!;
    expectError(await visit(formatScene(SCENE_STATION, a.keyId, a.signature), DEMO.resident1), 'VALIDATION_ERROR');
    const v = await visit(formatScene(HEAD_STATION, a.keyId, a.signature), DEMO.resident1);
    if (!v.body.ok) throw new Error('visit failed');
    const r = await submit(DEMO.resident1, { stationId: SCENE_STATION, visitToken: v.body.data.visitToken });
    expectError(r, 'VALIDATION_ERROR');
    if (!r.body.ok) expect(r.body.error.fields).toHaveProperty('visitToken');
    // Nor by another person.
    expectError(await submit(DEMO.resident2, { stationId: HEAD_STATION, visitToken: v.body.data.visitToken }), 'VALIDATION_ERROR');
    // A tampered token.
    const tok = v.body.data.visitToken;
    expectError(await submit(DEMO.resident1, { stationId: HEAD_STATION, visitToken: tok.replace(/^\d/, (d) => String((Number(d) + 1) % 10)) }), 'VALIDATION_ERROR');
    expectError(await submit(DEMO.resident1, { stationId: HEAD_STATION, visitToken: `${tok.slice(0, -1)}${tok.endsWith('A') ? 'B' : 'A'}` }), 'VALIDATION_ERROR');
    expect(countRows(t.app, 'ratings', 'station_id = ?', SCENE_STATION)).toBe(0);
  });

  test('a visit token expires after 3 hours (fixed clock moved forward)', async () => {
    const who = 'expiry-resident';
    await oldAccount(who);
    t.clock.set(NOW);
    const scene = (await codeFor(HEAD_STATION, DEMO.county)).scene;
    const v = await visit(scene, who);
    if (!v.body.ok) throw new Error('visit failed');
    t.clock.set(new Date(NOW_MS + VISIT_TOKEN_MS + 1).toISOString());
    const late = await submit(who, { stationId: HEAD_STATION, visitToken: v.body.data.visitToken });
    expectError(late, 'VALIDATION_ERROR');
    if (!late.body.ok) expect(late.body.error.message).toMatch(/过期|无效/);
    t.clock.set(new Date(NOW_MS + VISIT_TOKEN_MS).toISOString());
    const inTime = await okSubmit(who, { stationId: HEAD_STATION, visitToken: v.body.data.visitToken });
    expect(inTime.rating.visitVerified).toBe(true);
  });
});

describe('conflicts of interest', () => {
  test.each([
    ['station head', DEMO.stationHead, HEAD_STATION],
    ['operator staff', DEMO.operatorStaff, HEAD_STATION],
    ['county official', DEMO.county, HEAD_STATION],
    ['city supervisor', DEMO.city, HEAD_STATION],
    ['province admin', DEMO.province, OUT_STATION],
  ])('the %s cannot rate a station in their scope: FORBIDDEN, audited, summary says canRate false', async (_label, openid, stationId) => {
    t.clock.set(NOW);
    const before = countRows(t.app, 'ratings', 'rater = ?', openid);
    const r = await submit(openid, { stationId });
    expectError(r, 'FORBIDDEN');
    if (!r.body.ok) expect(r.body.error.message).toMatch(/刷单/);
    expect(countRows(t.app, 'ratings', 'rater = ?', openid)).toBe(before);
    const audits = await deniedAudits('rating.submit', `station:${stationId}`, openid);
    expect(audits.length).toBeGreaterThan(0);
    expect(audits[0].detail).toBe('conflict-of-interest');
    expect((await summary(stationId, openid)).canRate).toBe(false);
  });

  test('outside their scope they rate like anyone else', async () => {
    t.clock.set(NOW);
    for (const [openid, stationId] of [
      [DEMO.stationHead, OUT_STATION],
      [DEMO.operatorStaff, OTHER_OPERATOR_STATION],
      [DEMO.county, OUT_STATION],
      [OUT_OFFICIAL, HEAD_STATION],
    ] as const) {
      await oldAccount(openid);
      expect((await summary(stationId, openid)).canRate).toBe(true);
      expect((await okSubmit(openid, { stationId })).rating.status).toBe('published');
    }
  });

  test('only people who manage the station get its code', async () => {
    for (const openid of [DEMO.resident1, OUT_OFFICIAL]) {
      expectError(await t.call('ratings', 'code', { stationId: HEAD_STATION }, openid), 'FORBIDDEN');
    }
    expectError(await t.call('ratings', 'code', { stationId: HEAD_STATION }, null), 'UNAUTHENTICATED');
  });
});

describe('review of held ratings and pressure reports', () => {
  test('held (content review) → listed for the in-scope official → publish enters the summary; reject stays out; out of scope NOT_FOUND', async () => {
    t.clock.set(NOW);
    const a = 'review-a';
    const b = 'review-b';
    await oldAccount(a);
    await oldAccount(b);
    const heldA = await okSubmit(a, { stationId: REVIEW_STATION, comment: '加微信返现，好评送礼' });
    expect(heldA.rating.status).toBe('held');
    expect(heldA.heldMessage).toMatch(/审核/);
    t.clock.set(new Date(NOW_MS + 60_000).toISOString());
    const heldB = await okSubmit(b, { stationId: REVIEW_STATION, comment: 'REVIEW-TEST 需要审核' });
    expect((await summary(REVIEW_STATION)).count).toBe(0);
    // Held comments are not public, but their authors see them.
    expect((await list(REVIEW_STATION)).items).toEqual([]);
    expect((await t.ok<ListPage>('ratings', 'mine', {}, a)).items[0]).toMatchObject({ status: 'held', statusLabel: '审核中', comment: '加微信返现，好评送礼' });

    const queue = await t.ok<ListPage>('ratings', 'held', {}, DEMO.county);
    const mineHere = queue.items.filter((r) => r.stationId === REVIEW_STATION);
    expect(mineHere.map((r) => r.id)).toEqual([heldA.rating.id, heldB.rating.id]);
    expect(mineHere[0].holdReasons).toEqual([{ code: 'content_review', label: '评价内容需人工审核' }]);
    expect(mineHere[0].version).toBe(1);

    // An official of another county cannot decide; a resident cannot see the queue. A held rating is
    // not public: refused, an outsider gets the answer of a missing one.
    const outside = await t.call('ratings', 'publish', { id: heldA.rating.id, version: 1 }, OUT_OFFICIAL);
    expectError(outside, 'NOT_FOUND');
    expect(await t.call('ratings', 'publish', { id: 'no-such-rating', version: 1 }, OUT_OFFICIAL)).toEqual(outside);
    expect((await deniedAudits('rating.published', `rating:${heldA.rating.id}`, OUT_OFFICIAL)).length).toBe(1);
    expect((await t.ok<ListPage>('ratings', 'held', {}, OUT_OFFICIAL)).items.filter((r) => r.stationId === REVIEW_STATION)).toEqual([]);
    expectError(await t.call('ratings', 'held', {}, DEMO.resident1), 'FORBIDDEN');
    expectError(await t.call('ratings', 'reject', { id: heldB.rating.id, version: 1 }, DEMO.stationHead), 'NOT_FOUND');

    const published = await t.ok<api.RatingView>('ratings', 'publish', { id: heldA.rating.id, version: 1 }, DEMO.county);
    expect(published).toMatchObject({ status: 'published', version: 2 });
    expectError(await t.call('ratings', 'publish', { id: heldA.rating.id, version: 1 }, DEMO.county), 'CONFLICT');
    const rejected = await t.ok<api.RatingView>('ratings', 'reject', { id: heldB.rating.id, version: 1 }, DEMO.city);
    expect(rejected.status).toBe('rejected');
    expectError(await t.call('ratings', 'publish', { id: heldB.rating.id, version: 2 }, DEMO.county), 'CONFLICT');

    expect((await summary(REVIEW_STATION)).count).toBe(1);
    expect((await list(REVIEW_STATION)).items.map((r) => r.id)).toEqual([heldA.rating.id]);
    const done = (await t.app.stores.audit.list({ resource: `rating:${heldA.rating.id}`, action: 'rating.published', offset: 0, limit: 10 })).items;
    expect(done.some((e) => e.outcome === 'done' && e.actorOpenid === DEMO.county)).toBe(true);
  });

  test('content the checker rejects is CONTENT_REJECTED; a checker failure holds the rating', async () => {
    t.clock.set(NOW);
    const who = 'content-resident';
    await oldAccount(who);
    expectError(await submit(who, { stationId: REVIEW_STATION, comment: '这里可以代开发票' }), 'CONTENT_REJECTED');
    const r = await okSubmit(who, { stationId: REVIEW_STATION, comment: 'CHECKER-ERROR' });
    expect(r.rating.status).toBe('held');
    const q = await t.ok<ListPage>('ratings', 'held', {}, DEMO.province);
    expect(q.items.find((x) => x.id === r.rating.id)?.holdReasons?.map((h) => h.code)).toEqual(['content_error']);
  });

  test('anyone can report being pressured to rate; officials in scope see it in trends', async () => {
    t.clock.set(NOW);
    expect(await t.ok('ratings', 'report', { stationId: HEAD_STATION, kind: 'induced_praise', text: '站长说给五星好评就免快递费' }, DEMO.resident2)).toEqual({ received: true });
    await t.ok('ratings', 'report', { stationId: OUT_STATION, kind: 'harassment' }, DEMO.resident2);
    expectError(await t.call('ratings', 'report', { stationId: HEAD_STATION, kind: 'other' }, DEMO.resident2), 'VALIDATION_ERROR');
    expectError(await t.call('ratings', 'report', { stationId: HEAD_STATION, kind: 'harassment' }, null), 'UNAUTHENTICATED');
    const trends = await t.ok<{ days: number; stations: { stationId: string; recent: number }[]; pressureReports: { stationId: string; kind: string; text: string }[] }>('ratings', 'trends', {}, DEMO.county);
    expect(trends.days).toBe(30);
    expect(trends.pressureReports).toEqual(expect.arrayContaining([expect.objectContaining({ stationId: HEAD_STATION, kind: 'induced_praise', text: '站长说给五星好评就免快递费' })]));
    expect(trends.pressureReports.some((p) => p.stationId === OUT_STATION)).toBe(false);
    expect(JSON.stringify(trends)).not.toContain(DEMO.resident2);
    expect(trends.stations.find((s) => s.stationId === HEAD_STATION)?.recent).toBeGreaterThan(0);
    expectError(await t.call('ratings', 'trends', {}, DEMO.stationHead), 'FORBIDDEN');
  });
});

describe('burst detection on generated bursts', () => {
  test('many residents rating one station within a day after a quiet month: later ones held, not in the published aggregate', async () => {
    // A quiet month: one rating a day for 30 days (old accounts).
    for (let i = 0; i < 30; i++) {
      const who = `quiet-${i}`;
      await oldAccount(who);
      t.clock.set(new Date(NOW_MS - (i + 1.5) * DAY).toISOString());
      expect((await okSubmit(who, { stationId: BURST_STATION })).rating.status).toBe('published');
    }
    // Then 15 in one morning, from accounts that are not new: the baseline is 1 a day, so from the 6th on they are held.
    const statuses: string[] = [];
    for (let i = 0; i < 15; i++) {
      const who = `burst-${i}`;
      await oldAccount(who);
      t.clock.set(new Date(NOW_MS + i * 10 * 60_000).toISOString());
      const r = await okSubmit(who, { stationId: BURST_STATION, scores: { attitude: 5, pricing: 5, cleanliness: 5, efficiency: 5 } });
      statuses.push(r.rating.status);
      if (r.rating.status === 'held') expect(r.heldMessage).not.toBeNull();
    }
    expect(statuses).toEqual([...Array(5).fill('published'), ...Array(10).fill('held')]);
    const s = await summary(BURST_STATION);
    expect(s.count).toBe(35);
    const held = (await t.ok<ListPage>('ratings', 'held', { limit: 50 }, DEMO.county)).items.filter((r) => r.stationId === BURST_STATION);
    expect(held).toHaveLength(10);
    expect(held.every((r) => r.holdReasons?.some((h) => h.code === 'burst'))).toBe(true);
    // Trends show the spike to officials: the last 7 days hold 6 of the quiet month's ratings and the 15 of the burst.
    const trends = await t.ok<{ stations: { stationId: string; recent: number; previous: number; held: number }[] }>('ratings', 'trends', { days: 7 }, DEMO.county);
    expect(trends.stations.find((x) => x.stationId === BURST_STATION)).toMatchObject({ recent: 6 + 15, previous: 7, held: 10 });
  });

  test('several brand-new accounts on one station: from the 3rd on held (new_accounts)', async () => {
    t.clock.set(NOW);
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.set(new Date(NOW_MS + i * 60_000).toISOString());
      const r = await okSubmit(`brand-new-${i}`, { stationId: NEW_ACCOUNT_STATION });
      statuses.push(r.rating.status);
    }
    expect(statuses).toEqual(['published', 'published', 'held', 'held', 'held']);
    expect((await summary(NEW_ACCOUNT_STATION)).count).toBe(2);
    const held = (await t.ok<ListPage>('ratings', 'held', { limit: 50 }, DEMO.county)).items.filter((r) => r.stationId === NEW_ACCOUNT_STATION);
    expect(held.map((r) => r.holdReasons?.map((h) => h.code))).toEqual([['new_accounts'], ['new_accounts'], ['new_accounts']]);
    await t.ok('ratings', 'publish', { id: held[0].id, version: held[0].version }, DEMO.county);
    expect((await summary(NEW_ACCOUNT_STATION)).count).toBe(3);
  });
});

describe('concurrent submits by one person', () => {
  test('50 at once with one requestId: exactly one rating row, the aggregate changed once', async () => {
    t.clock.set(NOW);
    const who = 'concurrent-same-key';
    await oldAccount(who);
    const requestId = rid('same');
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => submit(who, { stationId: SAME_KEY_STATION, scores: { attitude: 1 + (i % 5), pricing: 3, cleanliness: 3, efficiency: 3 } }, requestId)));
    expect(results.every((r) => r.body.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.body.ok ? r.body.data.rating.id : '')));
    expect(ids.size).toBe(1);
    expect(countRows(t.app, 'ratings', 'rater = ?', who)).toBe(1);
    expect(countRows(t.app, 'rating_requests', 'rating_id IN (SELECT id FROM ratings WHERE rater = ?)', who)).toBe(1);
    const agg = await t.app.stores.ratings.aggregate(SAME_KEY_STATION);
    expect(agg?.count).toBe(1);
    expect((await summary(SAME_KEY_STATION)).count).toBe(1);
  });

  test('50 at once with different requestIds: one current published rating, counted once', async () => {
    t.clock.set(NOW);
    const who = 'concurrent-many-keys';
    await oldAccount(who);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => submit(who, { stationId: MANY_KEYS_STATION, scores: { attitude: 1 + (i % 5), pricing: 2, cleanliness: 3, efficiency: 4 } })));
    expect(results.every((r) => r.body.ok)).toBe(true);
    expect(results.filter((r) => r.body.ok && r.body.data.replacedMessage).length).toBe(49);
    expect(countRows(t.app, 'ratings', 'rater = ?', who)).toBe(50);
    expect(countRows(t.app, 'ratings', "rater = ? AND status = 'published'", who)).toBe(1);
    expect(countRows(t.app, 'ratings', "rater = ? AND status = 'replaced'", who)).toBe(49);
    const current = await t.app.stores.ratings.current(MANY_KEYS_STATION, who);
    const agg = await t.app.stores.ratings.aggregate(MANY_KEYS_STATION);
    expect(agg).toMatchObject({ count: 1, sums: current!.scores });
    expect((await list(MANY_KEYS_STATION)).items.map((r) => r.id)).toEqual([current!.id]);
  });
});

describe('edge cases', () => {
  test('a closed station cannot be rated (CONFLICT) but its published score stays readable', async () => {
    t.clock.set(NOW);
    expectError(await submit(DEMO.resident1, { stationId: CLOSED_STATION }), 'CONFLICT');
    expect((await summary(CLOSED_STATION, DEMO.resident1)).canRate).toBe(false);
    expect((await list(CLOSED_STATION)).items).toEqual([]);
  });

  test('unknown or non-public stations are NOT_FOUND; no identity is UNAUTHENTICATED; no requestId is VALIDATION_ERROR', async () => {
    const planned = seed.find((s) => s.status === 'planned')!.id;
    for (const stationId of ['st-999999999-999', planned]) {
      expectError(await submit(DEMO.resident1, { stationId }), 'NOT_FOUND');
      expectError(await t.call('ratings', 'summary', { stationId }, null), 'NOT_FOUND');
    }
    expectError(await submit(null as unknown as string, { stationId: HEAD_STATION }), 'UNAUTHENTICATED');
    const r = await t.call('ratings', 'submit', { stationId: HEAD_STATION, scores: SCORES }, DEMO.resident1);
    expectError(r, 'VALIDATION_ERROR');
    if (!r.body.ok) expect(r.body.error.fields).toHaveProperty('requestId');
  });

  test('input limits: stars 1–5 on all four dimensions, comment ≤ 300 characters', async () => {
    for (const scores of [{ ...SCORES, attitude: 0 }, { ...SCORES, pricing: 6 }, { ...SCORES, cleanliness: 4.5 }, { attitude: 5, pricing: 5, cleanliness: 5 }, { ...SCORES, extra: 5 }]) {
      const r = await submit(DEMO.resident1, { stationId: HEAD_STATION, scores });
      expectError(r, 'VALIDATION_ERROR');
    }
    const long = await submit(DEMO.resident1, { stationId: HEAD_STATION, comment: '好'.repeat(301) });
    expectError(long, 'VALIDATION_ERROR');
    if (!long.body.ok) expect(long.body.error.fields?.['data.comment']).toMatch(/300/);
  });

  test('paging the public list with cursors; a cursor of another station is rejected', async () => {
    const page1 = await t.ok<ListPage>('ratings', 'list', { stationId: BURST_STATION, limit: 10 }, null);
    expect(page1.items).toHaveLength(10);
    expect(page1.nextCursor).not.toBeNull();
    const all = [...page1.items];
    let cursor = page1.nextCursor;
    while (cursor) {
      const p = await t.ok<ListPage>('ratings', 'list', { stationId: BURST_STATION, limit: 10, cursor }, null);
      all.push(...p.items);
      cursor = p.nextCursor;
    }
    expect(all).toHaveLength(35);
    expect(new Set(all.map((r) => r.id)).size).toBe(35);
    expectError(await t.call('ratings', 'list', { stationId: HEAD_STATION, cursor: page1.nextCursor }, null), 'VALIDATION_ERROR');
  });
});

describe('fuzzing every ratings action', () => {
  const ACTIONS = ['visit', 'submit', 'mine', 'list', 'summary', 'reply', 'held', 'publish', 'reject', 'report', 'trends', 'code'] as const;
  const SCHEMAS: Record<(typeof ACTIONS)[number], { safeParse(v: unknown): { success: boolean } }> = {
    visit: api.visitInput,
    submit: api.submitInput,
    mine: api.mineInput,
    list: api.listInput,
    summary: api.summaryInput,
    reply: api.replyInput,
    held: api.heldInput,
    publish: api.decideInput,
    reject: api.decideInput,
    report: api.reportInput,
    trends: api.trendsInput,
    code: api.codeInput,
  };
  const openids = fc.constantFrom<string | null>(null, ...Object.values(DEMO), OUT_OFFICIAL, 'fuzz-resident');
  // Mostly valid values, so the fuzzing reaches the service and the store, not only the schema.
  const stationIds = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(HEAD_STATION, OUT_STATION, CLOSED_STATION, REVIEW_STATION, 'st-999999999-999') },
    { weight: 1, arbitrary: fc.constantFrom('ST-BAD', '', 'st-360731100-000-too-long-for-a-scene-and-the-schema', '__proto__') },
  );
  const star = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.constantFrom(1.5, Number.MAX_SAFE_INTEGER, '5', null, true)) });
  const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', '   ', '好'.repeat(301), 'RISKY-TEST', 'REVIEW-TEST', 'CHECKER-ERROR', '\u0000\uD800', '<script>'));
  const scene = fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[a-z0-9-]{3,18}\.[0-9a-z][A-Za-z0-9_-]{12}$/));
  const id = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{6,20}$/), fc.string({ maxLength: 70 }));
  const cursor = fc.oneof(fc.constantFrom('0.abc', 'zz.zz', '1.1', 'a'.repeat(41)), fc.string({ maxLength: 12 }));
  /** Absent three times out of four. */
  const opt = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a });
  const plausible: Record<(typeof ACTIONS)[number], fc.Arbitrary<unknown>> = {
    visit: fc.record({ scene: fc.oneof(scene, fc.constant('__GOOD_SCENE__')) }, { requiredKeys: [] }),
    submit: fc.record(
      {
        stationId: stationIds,
        scores: fc.oneof(
          { weight: 4, arbitrary: fc.record({ attitude: star, pricing: star, cleanliness: star, efficiency: star }) },
          { weight: 1, arbitrary: fc.record({ attitude: star, pricing: star, cleanliness: star, efficiency: star }, { requiredKeys: [] }) },
        ),
        comment: opt(text),
        visitToken: opt(fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^\d{13}\.[0-9a-z][A-Za-z0-9_-]{43}$/), fc.constant('x'.repeat(201)))),
      },
      { requiredKeys: [] },
    ),
    mine: fc.record({ cursor: opt(cursor), limit: opt(fc.integer({ min: -1, max: 60 })) }, { requiredKeys: [] }),
    list: fc.record({ stationId: stationIds, cursor: opt(cursor), limit: opt(fc.integer({ min: -1, max: 60 })) }, { requiredKeys: [] }),
    summary: fc.record({ stationId: stationIds }, { requiredKeys: [] }),
    reply: fc.record({ id: fc.oneof(id, fc.constant('__PUBLISHED_ID__')), text }, { requiredKeys: [] }),
    held: fc.record({ cursor: opt(cursor), limit: opt(fc.integer({ min: -1, max: 60 })) }, { requiredKeys: [] }),
    publish: fc.record({ id: fc.oneof(id, fc.constant('__HELD_ID__')), version: fc.oneof(fc.integer({ min: -1, max: 5 }), fc.constant(1.5)) }, { requiredKeys: [] }),
    reject: fc.record({ id: fc.oneof(id, fc.constant('__HELD_ID__')), version: fc.oneof(fc.integer({ min: -1, max: 5 }), fc.constant(1.5)) }, { requiredKeys: [] }),
    report: fc.record({ stationId: stationIds, kind: fc.constantFrom('induced_praise', 'harassment', 'induced_praise', 'harassment', 'other', ''), text: opt(text) }, { requiredKeys: [] }),
    trends: fc.record({ days: opt(fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constant(7.5))) }, { requiredKeys: [] }),
    code: fc.record({ stationId: stationIds }, { requiredKeys: [] }),
  };
  const junk = fc.oneof(
    fc.constantFrom(null, 0, 'x', [], true, JSON.parse('{"__proto__":{"x":1}}'), { constructor: 'x' }),
    fc.dictionary(fc.constantFrom('stationId', 'scene', 'id', 'text', 'scores', 'extra', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  );

  test('never INTERNAL; invalid input is VALIDATION_ERROR naming a field in Chinese', async () => {
    t.clock.set(NOW);
    // Real records for the placeholders: a good scene, a published and a held rating.
    const goodScene = (await codeFor(HEAD_STATION)).scene;
    const published = (await list(HEAD_STATION)).items[0].id;
    const held = (await t.ok<ListPage>('ratings', 'held', { limit: 50 }, DEMO.province)).items[0].id;
    const real = (data: unknown): unknown => {
      if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
      // A Map, not an object: generated strings such as "valueOf" must not hit Object.prototype.
      const swap = new Map([
        ['__GOOD_SCENE__', goodScene],
        ['__PUBLISHED_ID__', published],
        ['__HELD_ID__', held],
      ]);
      return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? (swap.get(v) ?? v) : v]));
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ACTIONS).chain((action) => fc.tuple(fc.constant(action), fc.oneof({ weight: 3, arbitrary: plausible[action] }, { weight: 1, arbitrary: junk }))),
        openids,
        fc.oneof(
          { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/) },
          { weight: 1, arbitrary: fc.constantFrom(undefined, 'short', 'bad id!') },
        ),
        async ([action, generated], openid, requestId) => {
          const data = real(generated);
          const r = await t.call('ratings', action, data, openid, requestId);
          expect(r.body).toEqual(JSON.parse(JSON.stringify(r.body)));
          if (r.body.ok) return;
          const e = r.body.error;
          expect(ERROR_CODES).toContain(e.code);
          expect(e.code).not.toBe('INTERNAL');
          expect(r.status).toBe(HTTP_STATUS[e.code]);
          expect(e.message).toMatch(HAN);
          const requestIdBad = requestId !== undefined && !/^[A-Za-z0-9_-]{8,64}$/.test(requestId);
          if (!SCHEMAS[action].safeParse(data ?? {}).success || requestIdBad) {
            expect(e.code).toBe('VALIDATION_ERROR');
          }
          if (e.code === 'VALIDATION_ERROR') {
            expect(Object.keys(e.fields ?? {}).length).toBeGreaterThan(0);
            for (const m of Object.values(e.fields ?? {})) expect(m).toMatch(HAN);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
