/**
 * `npm run bench`: measured, not asserted. Figures are reported as ratios against a baseline
 * measured in the same run, on this machine:
 *  1. `nearby` on the full-province data set (≈24,000 stations): R*Tree query vs a full scan.
 *  2. Local-server throughput for `stations.nearby` (autocannon) vs a bare Node http server
 *     answering a fixed JSON body of the same size.
 *  3. Complaints: `submit` throughput with a zero-loss check, `queue` p95 over 100,000
 *     complaints (scripts/bench-complaints.ts).
 *  4. Ratings: `summary` and `list` p95 on a station with 10,000 ratings (scripts/bench-ratings.ts).
 * Results also go to .cache/bench/results.json.
 */
import autocannon from 'autocannon';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { openDatabase } from '../adapters/sqlite/db';
import type { NearbyQuery } from '../core/ports';
import { distanceMeters } from '../core/shared/geo';
import { LISTED_STATUSES } from '../core/station/vocabulary';
import { provinceStations } from '../seed/province';
import { createLocalFunctions, createLocalStores, localPlatform } from '../server/functions';
import { aesCipher } from '../adapters/platform/crypto';
import { randomBytes } from 'node:crypto';
import { createLocalServer } from '../server/http';
import { root } from './run-util';
import { benchComplaints } from './bench-complaints';
import { benchRatings } from './bench-ratings';

const QUERIES = Number(process.env.BENCH_QUERIES ?? 2000);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function timeEach(n: number, fn: (i: number) => void): { p50: number; p95: number; mean: number } {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    fn(i);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), mean: samples.reduce((a, b) => a + b, 0) / n };
}

/** Deterministic PRNG so two runs ask the same questions. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function cannon(url: string, body: string) {
  const r = await autocannon({ url, method: 'POST', body, headers: { 'content-type': 'application/json' }, connections: 10, duration: DURATION_S });
  return { reqPerSec: r.requests.average, p99ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function main(): Promise<void> {
  console.info('Generating the full-province data set…');
  const stations = provinceStations(1);
  const db = openDatabase(':memory:');
  const stores = createLocalStores(db);
  let t = Date.now();
  await stores.stations.upsertMany(stations);
  console.info(`Loaded ${stations.length} stations into SQLite in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const rand = mulberry32(42);
  const points = Array.from({ length: QUERIES }, () => {
    const s = stations[Math.floor(rand() * stations.length)];
    return { lat: s.location.lat + (rand() - 0.5) * 0.05, lng: s.location.lng + (rand() - 0.5) * 0.05 };
  });
  const query = (i: number): NearbyQuery => ({ ...points[i], radiusM: 20_000, statuses: LISTED_STATUSES, limit: 20 });

  // Warm up both paths, then measure.
  const fullScan = db.prepare(`SELECT rid, lat, lng FROM stations WHERE status IN (${LISTED_STATUSES.map(() => '?').join(',')})`).raw();
  const scan = (q: NearbyQuery) => {
    const rows = fullScan.all(...LISTED_STATUSES) as [number, number, number][];
    const hits: { rid: number; d: number }[] = [];
    for (const [rid, lat, lng] of rows) {
      const d = distanceMeters(q, { lat, lng });
      if (d <= q.radiusM) hits.push({ rid, d });
    }
    hits.sort((a, b) => a.d - b.d);
    const page = hits.slice(0, 20).map((h) => h.rid);
    db.prepare(`SELECT doc FROM stations WHERE rid IN (${page.map(() => '?').join(',') || 'NULL'})`).pluck().all(...page).map((d) => JSON.parse(d as string));
  };
  // The repository is async only by its port's signature; SQLite answers synchronously inside.
  const indexed = (i: number) => void stores.stations.nearby(query(i));
  for (let i = 0; i < 50; i++) {
    indexed(i);
    scan(query(i));
  }
  const idx = timeEach(QUERIES, indexed);
  const full = timeEach(Math.min(QUERIES, 300), (i) => scan(query(i)));

  // Throughput through the real local server vs a bare http server.
  const noFiles = { claim: async (id: string) => id, viewUrls: async (ids: string[]) => ids };
  const { functions } = createLocalFunctions(stores, localPlatform(aesCipher([{ id: 'k1', key: randomBytes(32) }]), noFiles));
  const local = createLocalServer({ functions });
  const localUrl = await listen(local);
  const body = JSON.stringify({ action: 'nearby', data: { lat: points[0].lat, lng: points[0].lng, radiusM: 20_000 } });
  const sample = await (await fetch(`${localUrl}/api/stations`, { method: 'POST', body, headers: { 'content-type': 'application/json' } })).text();
  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(sample);
    });
  });
  const bareUrl = await listen(bare);
  t = Date.now();
  const bareResult = await cannon(`${bareUrl}/`, body);
  const localResult = await cannon(`${localUrl}/api/stations`, body);
  local.close();
  bare.close();
  db.close();

  const complaints = await benchComplaints(bareResult.reqPerSec);
  const ratings = await benchRatings();
  const results = {
    complaints,
    ratings,
    machine: { cores: cpus().length, node: process.version },
    dataset: { stations: stations.length },
    nearby: {
      radiusM: 20_000,
      indexedMs: idx,
      fullScanMs: full,
      speedupP95: full.p95 / idx.p95,
      goal: 'p95 ≤ 5 ms and ≥ 20× full scan',
      meetsGoal: idx.p95 <= 5 && full.p95 / idx.p95 >= 20,
    },
    throughput: {
      durationS: DURATION_S,
      responseBytes: Buffer.byteLength(sample),
      bareNode: bareResult,
      localServerNearby: localResult,
      ratioToBare: localResult.reqPerSec / bareResult.reqPerSec,
    },
  };
  mkdirSync(join(root, '.cache', 'bench'), { recursive: true });
  writeFileSync(join(root, '.cache', 'bench', 'results.json'), JSON.stringify(results, null, 2));

  const f = (n: number) => n.toFixed(3);
  console.info('\n== nearby, full-province data set ==');
  console.info(`R*Tree   p50 ${f(idx.p50)} ms  p95 ${f(idx.p95)} ms`);
  console.info(`full scan p50 ${f(full.p50)} ms  p95 ${f(full.p95)} ms`);
  console.info(`speed-up at p95: ${results.nearby.speedupP95.toFixed(1)}×  (goal: p95 ≤ 5 ms and ≥ 20×) → ${results.nearby.meetsGoal ? 'met' : 'NOT met'}`);
  console.info('\n== local server throughput, stations.nearby ==');
  console.info(`bare Node http  ${bareResult.reqPerSec.toFixed(0)} req/s`);
  console.info(`local server    ${localResult.reqPerSec.toFixed(0)} req/s  (p99 ${localResult.p99ms} ms, errors ${localResult.errors}, non-2xx ${localResult.non2xx})`);
  console.info(`ratio to bare: ${results.throughput.ratioToBare.toFixed(2)}×`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
