/**
 * Rating benchmarks (part of `npm run bench`): one station with 10,000 published ratings in
 * SQLite (plus 20,000 on other stations), then `ratings.summary` and `ratings.list` p50/p95
 * through the local server over HTTP. Baselines measured in the same run, on the same data:
 *  - a full scan of the ratings table (what any unindexed read costs);
 *  - computing the station's score from its ratings on every request (what the stored aggregate
 *    row saves `summary`).
 * `list` is measured on the first page (the station page) and on a deep page (offset 5,000).
 * Run alone: `npx tsx scripts/bench-ratings.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { submitInput } from '../core/rating/change';
import type { Rating } from '../core/rating/model';
import { WINDOW_MS } from '../core/rating/rules';
import { encodeCursor } from '../core/shared/cursor';
import { createLocalApp } from '../server/app';

const STATION_RATINGS = Number(process.env.BENCH_RATINGS ?? 10_000);
const OTHER_RATINGS = Number(process.env.BENCH_OTHER_RATINGS ?? 20_000);
const SAMPLES = Number(process.env.BENCH_RATING_SAMPLES ?? 400);
const STATION = 'st-360731100-000';

function p(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((q / 100) * sorted.length))];
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function time<T>(n: number, fn: (i: number) => Promise<T> | T): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: p(samples, 50), p95: p(samples, 95) };
}

export async function benchRatings() {
  const dir = mkdtempSync(join(tmpdir(), 'zdt-bench-ratings-'));
  const app = await createLocalApp({ dbFile: join(dir, 'db.sqlite'), keyFile: join(dir, 'keys.txt'), uploadsDir: join(dir, 'up'), demo: true });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/ratings`;

  // Load: 10,000 people rate the station over a year; the other ratings spread over ~200 stations.
  const stations = (await app.stores.stations.search({ regionCode: '36', statuses: ['active', 'certified'], offset: 0, limit: 200 })).items;
  const target = stations.find((s) => s.id === STATION) ?? stations[0];
  const others = stations.filter((s) => s.id !== target.id);
  const random = rng(7);
  const now = Date.now();
  const t0 = Date.now();
  app.db.exec('BEGIN');
  const total = STATION_RATINGS + OTHER_RATINGS;
  for (let i = 0; i < total; i++) {
    const s = i < STATION_RATINGS ? target : others[i % others.length];
    const star = () => 1 + Math.floor(random() * 5);
    const createdAt = new Date(now - Math.floor(random() * 365 * 86_400_000)).toISOString();
    const r: Rating = {
      id: `bench-${i.toString(36).padStart(6, '0')}`,
      stationId: s.id,
      stationName: s.name,
      operatorName: s.operator.name,
      regionCodes: s.regionPath.map((x) => x.code),
      raterOpenid: `bench-rater-${i}`,
      scores: { attitude: star(), pricing: star(), cleanliness: star(), efficiency: star() },
      comment: random() < 0.4 ? '服务不错，价格公道，下次还来。'.slice(0, 4 + Math.floor(random() * 12)) : '',
      visitVerified: random() < 0.3,
      status: 'published',
      holdReasons: [],
      createdAt,
      replaces: null,
      reply: random() < 0.1 ? { text: '谢谢您的评价。', at: createdAt } : null,
      version: 1,
    };
    await app.stores.ratings.submit(submitInput(r, `bench:${i}`, new Date(Date.parse(createdAt) - WINDOW_MS).toISOString()));
  }
  app.db.exec('COMMIT');
  const loadS = (Date.now() - t0) / 1000;
  const stationCount = app.db.prepare("SELECT count(*) FROM ratings WHERE station_id = ? AND status = 'published'").pluck().get(target.id) as number;
  const tableCount = app.db.prepare('SELECT count(*) FROM ratings').pluck().get() as number;

  const call = async (action: string, data: Record<string, unknown>) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': 'demo-resident-1' }, body: JSON.stringify({ action, data }) });
    const body = (await res.json()) as { ok: boolean; data?: { count?: number; items?: unknown[] } };
    if (!body.ok) throw new Error(`ratings.${action} failed`);
    return body.data!;
  };

  const summaryOnce = await call('summary', { stationId: target.id });
  if (summaryOnce.count !== stationCount) throw new Error(`summary count ${summaryOnce.count} ≠ ${stationCount} published`);
  for (let i = 0; i < 30; i++) await call(i % 2 ? 'summary' : 'list', { stationId: target.id }); // warm-up

  const summary = await time(SAMPLES, () => call('summary', { stationId: target.id }));
  const listFirst = await time(SAMPLES, () => call('list', { stationId: target.id }));
  const deep = encodeCursor(5000, `list:${target.id}`);
  const listDeep = await time(SAMPLES, () => call('list', { stationId: target.id, cursor: deep }));

  // Baselines on the same data.
  const scanStmt = app.db.prepare('SELECT doc FROM ratings').pluck();
  const fullScan = await time(15, () => scanStmt.all());
  const naiveStmt = app.db.prepare(
    `SELECT count(*), sum(json_extract(doc, '$.scores.attitude')), sum(json_extract(doc, '$.scores.pricing')), sum(json_extract(doc, '$.scores.cleanliness')),
       sum(json_extract(doc, '$.scores.efficiency')), sum(json_extract(doc, '$.visitVerified')) FROM ratings WHERE station_id = ? AND status = 'published'`,
  );
  const computedScore = await time(50, () => naiveStmt.raw().get(target.id));

  await app.close();
  rmSync(dir, { recursive: true, force: true });

  const out = {
    ratings: { station: target.id, stationPublished: stationCount, table: tableCount, loadSeconds: loadS },
    summary: { p50ms: summary.p50, p95ms: summary.p95 },
    listFirstPage: { p50ms: listFirst.p50, p95ms: listFirst.p95 },
    listOffset5000: { p50ms: listDeep.p50, p95ms: listDeep.p95 },
    baseline: {
      fullScanP50ms: fullScan.p50,
      computeScoreFromRatingsP50ms: computedScore.p50,
      fullScanOverSummaryP95: fullScan.p50 / summary.p95,
      fullScanOverListP95: fullScan.p50 / listFirst.p95,
    },
  };
  console.info(`\n== ratings on one station with ${stationCount} published ratings (${tableCount} in the table; loaded in ${loadS.toFixed(1)} s), over HTTP ==`);
  console.info(`summary               p50 ${summary.p50.toFixed(2)} ms  p95 ${summary.p95.toFixed(2)} ms`);
  console.info(`list (first page)     p50 ${listFirst.p50.toFixed(2)} ms  p95 ${listFirst.p95.toFixed(2)} ms`);
  console.info(`list (offset 5,000)   p50 ${listDeep.p50.toFixed(2)} ms  p95 ${listDeep.p95.toFixed(2)} ms`);
  console.info(
    `baseline: a full scan of the ratings table takes ${fullScan.p50.toFixed(1)} ms (${out.baseline.fullScanOverSummaryP95.toFixed(1)}× the summary p95, ${out.baseline.fullScanOverListP95.toFixed(1)}× the list p95); ` +
      `computing the score from the station's ratings instead of the aggregate row takes ${computedScore.p50.toFixed(1)} ms in SQLite alone`,
  );
  return out;
}

if (require.main === module) {
  benchRatings().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
