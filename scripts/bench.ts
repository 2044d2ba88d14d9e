/**
 * `npm run bench [-- --json FILE]`: measured, not asserted. Figures are reported as ratios against
 * baselines measured in the same run, on this machine:
 *  1. nearby, the whole `stations` handler (validation, store, the page a villager sees) at
 *     2.4k / 24k / 240k stations (seed/province.ts; 240k is a synthetic 10× denser province)
 *     against a full scan that presents the same page; "open now" at every third hour of a day.
 *  2. Local-server throughput for `stations.nearby` vs a bare Node http server answering a fixed
 *     body of the same size; autocannon runs in its own process (scripts/bench-load.ts).
 *  3. CloudBase: documents and calls per nearby page, counted on the contract suite's SDK double.
 *  4. Complaints: `submit` throughput with a zero-loss check, `queue` p95 over 10k and 100k
 *     complaints in a county (scripts/bench-complaints.ts).
 *  5. Ratings: `summary` and `list` p95 on a station with 10,000 ratings (scripts/bench-ratings.ts).
 *  6. The register: importing a province-size .xlsx (~24k rows) locally, rows/s (scripts/bench-import.ts).
 * Results go to .cache/bench/results.json (and FILE with --json). The station databases are
 * built once into .cache/bench/ (keyed by the generator and schema sources) and reused.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pinyinOf } from '../adapters/pinyin';
import { randomIds } from '../adapters/platform/crypto';
import { localContentSecurity } from '../adapters/platform/local';
import { createSqliteUnlistedRepository } from '../adapters/sqlite/unlisted';
import { createSqliteStationEditRepository } from '../adapters/sqlite/station-edits';
import { createCloudbaseStationRepository } from '../adapters/cloudbase/stations';
import { openDatabase, type Db } from '../adapters/sqlite/db';
import { createSqliteRateLimitStore } from '../adapters/sqlite/rate-limits';
import { createSqliteRegionRepository, createSqliteStationRepository } from '../adapters/sqlite/stations';
import { createStationsHandler } from '../cloudfunctions/stations/handler';
import { distanceMeters } from '../core/shared/geo';
import type { Station } from '../core/station/model';
import { toSummary } from '../core/station/present';
import { createDirectory } from '../core/station/service';
import { LISTED_STATUSES } from '../core/station/vocabulary';
import { provinceStations } from '../seed/province';
import { createFakeCloudbase } from '../test/support/fake-cloudbase';
import { benchComplaints } from './bench-complaints';
import { benchImport } from './bench-import';
import { benchRatings } from './bench-ratings';
import { mulberry32, runLoad, startServer, timeEach, type LoadResult, type Timing } from './bench-util';
import { root } from './run-util';

const QUERIES = Number(process.env.BENCH_QUERIES ?? 1000);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const THROUGHPUT_ROUNDS = 3;
const CACHE = join(root, '.cache', 'bench');
/** Wednesday 2026-05-13 10:00 in Shanghai: an ordinary working morning. */
const MORNING = new Date('2026-05-13T02:00:00.000Z');

interface Tier {
  name: string;
  /** Every n-th station of the province (1 = all). */
  every: number;
  villagesEach: number;
  scanQueries: number;
}
const TIERS: Tier[] = [
  { name: '2.4k', every: 10, villagesEach: 1, scanQueries: 100 },
  { name: '24k', every: 1, villagesEach: 1, scanQueries: 60 },
  { name: '240k', every: 1, villagesEach: 10, scanQueries: 10 },
];

/** Bump when what the station repository writes changes (columns, side tables): rebuilds the cached databases. */
const DB_FORMAT = 1;

/** Build a tier's database once; reused while the generator, schema and adapter are unchanged. */
async function tierDatabase(tier: Tier): Promise<{ db: Db; file: string }> {
  const key = createHash('sha256').update(`format ${DB_FORMAT}`);
  // Not the schema: opening the file applies any newer migration.
  for (const f of ['seed/province.ts', 'seed/demo.ts']) key.update(readFileSync(join(root, f)));
  const file = join(CACHE, `stations-${tier.name}-${key.digest('hex').slice(0, 12)}.sqlite`);
  if (!existsSync(file)) {
    console.info(`Building the ${tier.name} station database (once; cached in .cache/bench/)…`);
    const t = Date.now();
    const tmp = `${file}.tmp`;
    rmSync(tmp, { force: true });
    const db = openDatabase(tmp);
    const stations = provinceStations(1, undefined, tier.villagesEach).filter((_, i) => i % tier.every === 0);
    // Pinyin only feeds text search, which the bench does not time; skipping it saves minutes at 240k.
    const repo = createSqliteStationRepository(db, () => ({ initials: '', full: '' }));
    await repo.upsertMany(stations);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    renameSync(tmp, file);
    console.info(`  ${stations.length} stations in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  const db = openDatabase(file);
  db.pragma('cache_size = -1000000');
  db.pragma('mmap_size = 2000000000');
  return { db, file };
}

/** Query points: near a random station (±2.5 km), deterministic. */
function pointsOf(db: Db, n: number, seed: number): { lat: number; lng: number }[] {
  const rand = mulberry32(seed);
  const max = db.prepare('SELECT max(rid) FROM stations').pluck().get() as number;
  const at = db.prepare('SELECT lat, lng FROM stations WHERE rid >= ? LIMIT 1');
  return Array.from({ length: n }, () => {
    const s = at.get(1 + Math.floor(rand() * max)) as { lat: number; lng: number };
    return { lat: s.lat + (rand() - 0.5) * 0.05, lng: s.lng + (rand() - 0.5) * 0.05 };
  });
}

/** The baseline: every listed station's coordinates, exact distance, sort, then the page as the handler presents it. */
function fullScan(db: Db) {
  const rows = db.prepare(`SELECT rid, id, lat, lng FROM stations WHERE status IN (${LISTED_STATUSES.map(() => '?').join(',')})`).raw();
  return (p: { lat: number; lng: number }, now: Date) => {
    const hits: { rid: number; id: string; d: number }[] = [];
    for (const [rid, id, lat, lng] of rows.all(...LISTED_STATUSES) as [number, string, number, number][]) {
      const d = distanceMeters(p, { lat, lng });
      if (d <= 20_000) hits.push({ rid, id, d });
    }
    hits.sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
    const page = hits.slice(0, 20);
    const docs = new Map(
      (db.prepare(`SELECT rid, doc FROM stations WHERE rid IN (${page.map(() => '?').join(',') || 'NULL'})`).raw().all(...page.map((h) => h.rid)) as [number, string][]).map(
        ([rid, doc]) => [rid, JSON.parse(doc) as Station],
      ),
    );
    return JSON.stringify(page.map((h) => toSummary(docs.get(h.rid) as Station, now, h.d)));
  };
}

function handlerOf(db: Db, clock: { now: () => Date }) {
  // Anonymous callers (a villager looking for a station) are not counted by the rate limits.
  const handler = createStationsHandler({ stations: createSqliteStationRepository(db, pinyinOf), regions: createSqliteRegionRepository(db), rateLimits: createSqliteRateLimitStore(db), edits: createSqliteStationEditRepository(db), unlisted: createSqliteUnlistedRepository(db), uploads: { claim: async (id: string) => id }, content: localContentSecurity(), ids: randomIds, clock });
  return async (data: Record<string, unknown>) => {
    const res = await handler({ action: 'nearby', data }, { openid: null });
    if (!res.ok) throw new Error(`nearby failed: ${JSON.stringify(res)}`);
    // Serialised as the server would send it: part of what a villager waits for.
    return JSON.stringify(res);
  };
}

interface TierResult {
  stations: number;
  handler: Timing;
  fullScan: Timing;
  speedupP95: number;
  openNow?: { hour: number; p95: number; plainP95: number; ratio: number; cpuRatio: number }[];
}

async function benchTier(tier: Tier, withOpenNow: boolean): Promise<{ result: TierResult; db: Db; file: string }> {
  const { db, file } = await tierDatabase(tier);
  const stations = db.prepare('SELECT count(*) FROM stations').pluck().get() as number;
  let now = MORNING;
  const nearby = handlerOf(db, { now: () => now });
  const points = pointsOf(db, QUERIES, 42);
  const scan = fullScan(db);
  for (let i = 0; i < 200; i++) await nearby(points[i % points.length]); // warm-up
  for (let i = 0; i < 5; i++) scan(points[i], now);
  const handler = await timeEach(QUERIES, (i) => nearby(points[i]));
  const full = await timeEach(tier.scanQueries, (i) => scan(points[i], now));
  const result: TierResult = { stations, handler, fullScan: full, speedupP95: full.p95 / handler.p95 };
  if (withOpenNow) {
    result.openNow = [];
    const n = Math.min(QUERIES, 400);
    for (let hour = 0; hour < 24; hour += 3) {
      now = new Date(Date.UTC(2026, 4, 12, 16 + hour)); // Wednesday 2026-05-13, hour:00 in Shanghai
      // Both kinds warmed on the same points, so the ratio is the cost of the hours test, not of
      // parsing stations the plain query (timed above on these points) already had in the cache.
      for (let i = 0; i < n; i++) await nearby({ ...points[i], openNow: true });
      const plain = await timeEach(n, (i) => nearby(points[i]));
      const open = await timeEach(n, (i) => nearby({ ...points[i], openNow: true }));
      result.openNow.push({ hour, p95: open.p95, plainP95: plain.p95, ratio: open.p95 / plain.p95, cpuRatio: (open.cpuP95 as number) / (plain.cpuP95 as number) });
    }
    now = MORNING;
  }
  return { result, db, file };
}

/** Documents and calls per nearby page of 20 on CloudBase, counted on the SDK double (2.4k stations). */
async function benchCloudbase(db: Db) {
  const stations = (db.prepare('SELECT doc FROM stations').pluck().all() as string[]).map((d) => JSON.parse(d) as Station);
  const fake = createFakeCloudbase();
  const repo = () => createCloudbaseStationRepository(fake.db as never, { sdk: fake.flavour, pinyin: () => ({ initials: '', full: '' }) });
  await repo().upsertMany(stations);
  let now = MORNING;
  const directory = createDirectory({ stations: repo(), regions: { children: async () => [], get: async () => null, upsertMany: async () => {} }, clock: { now: () => now } });
  const centre = stations.find((s) => s.level === 'county')?.location as { lat: number; lng: number };
  const count = async (run: () => Promise<{ nextCursor: string | null }>) => {
    const before = fake.log.length;
    const page = await run();
    const gets = fake.log.slice(before).filter((e) => e.op === 'get');
    return {
      calls: gets.length,
      stationDocs: gets.filter((g) => !g.fields || g.fields.includes('station')).reduce((n, g) => n + (g.returned ?? 0), 0),
      lightDocs: gets.filter((g) => g.fields && !g.fields.includes('station')).reduce((n, g) => n + (g.returned ?? 0), 0),
      skips: gets.filter((g) => g.skip !== undefined).length,
      cursor: page.nextCursor,
    };
  };
  const cold = await count(() => directory.nearby({ ...centre }));
  const warm = await count(() => directory.nearby({ ...centre }));
  const page2 = await count(() => directory.nearby({ ...centre, cursor: cold.cursor as string }));
  now = new Date('2026-05-12T19:00:00.000Z'); // 03:00 in Shanghai: nothing open
  const night = await count(() => directory.nearby({ ...centre, openNow: true }));
  return { stations: stations.length, cold, warm, page2, openNowAt3am: night };
}

async function main(): Promise<void> {
  const jsonAt = process.argv.indexOf('--json');
  const jsonFile = jsonAt > 0 ? resolve(process.argv[jsonAt + 1] ?? 'bench.json') : null;
  mkdirSync(CACHE, { recursive: true });
  const started = Date.now();
  const load = loadavg()[0];

  const tiers: Record<string, TierResult> = {};
  const tierFiles: Record<string, string> = {};
  let db24: Db | null = null;
  let db2k: Db | null = null;
  for (const tier of TIERS) {
    const { result, db, file } = await benchTier(tier, tier.name === '24k');
    tiers[tier.name] = result;
    tierFiles[tier.name] = file;
    console.info(`nearby ${tier.name}: ${result.stations} stations, handler p95 ${result.handler.p95.toFixed(2)} ms, full scan p95 ${result.fullScan.p95.toFixed(1)} ms`);
    if (tier.name === '24k') db24 = db;
    else if (tier.name === '2.4k') db2k = db;
    else db.close();
  }

  // Throughput through the real local server (24k stations) vs a bare http server, same bodies;
  // each server alone in its own process, the load generator in a third.
  const dbServer = db24 as Db;
  const bodies = pointsOf(dbServer, 200, 7).map((p) => JSON.stringify({ action: 'nearby', data: { lat: p.lat, lng: p.lng } }));
  dbServer.close();
  const local = await startServer({ kind: 'local', db: tierFiles['24k'] });
  const sample = await (await fetch(`${local.url}/api/stations`, { method: 'POST', body: bodies[0], headers: { 'content-type': 'application/json' } })).text();
  const bare = await startServer({ kind: 'bare', body: sample });
  // A fresh process compiles its hot paths (and the local server fills its caches) in the first
  // seconds: a short unmeasured run on each first, so both are compared warm.
  await runLoad({ url: `${bare.url}/`, bodies, seconds: 2, connections: 10 });
  await runLoad({ url: `${local.url}/api/stations`, bodies, seconds: 2, connections: 10 });
  // Alternating rounds, and the round with the median ratio: other load on a shared machine moves
  // both servers' figures, a single pair of runs can land on either side of a burst.
  const rounds: { bare: LoadResult; local: LoadResult; ratio: number }[] = [];
  for (let r = 0; r < THROUGHPUT_ROUNDS; r++) {
    const b = await runLoad({ url: `${bare.url}/`, bodies, seconds: DURATION_S, connections: 10 });
    const l = await runLoad({ url: `${local.url}/api/stations`, bodies, seconds: DURATION_S, connections: 10 });
    rounds.push({ bare: b, local: l, ratio: l.reqPerSec / b.reqPerSec });
  }
  await bare.stop();
  await local.stop();
  const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)];
  const bareResult = median.bare;
  const localResult = median.local;

  const cloudbase = await benchCloudbase(db2k as Db);
  (db2k as Db).close();

  const complaints = await benchComplaints(bareResult.reqPerSec);
  const ratings = await benchRatings();
  const registerImport = await benchImport();

  const t24 = tiers['24k'];
  const t240 = tiers['240k'];
  const worst = (t24.openNow ?? []).reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const q100 = complaints.queue[complaints.queue.length - 1];
  const headline = {
    nearby_p95_ms_2k: tiers['2.4k'].handler.p95,
    nearby_p95_ms_24k: t24.handler.p95,
    nearby_p95_ms_240k: t240.handler.p95,
    nearby_p50_ms_24k: t24.handler.p50,
    nearby_p50_ms_240k: t240.handler.p50,
    nearby_cpu_p95_ms_24k: t24.handler.cpuP95,
    nearby_cpu_p95_ms_240k: t240.handler.cpuP95,
    nearby_vs_scan_24k: t24.speedupP95,
    nearby_vs_scan_240k: t240.speedupP95,
    server_vs_bare: localResult.reqPerSec / bareResult.reqPerSec,
    server_req_per_s: localResult.reqPerSec,
    bare_req_per_s: bareResult.reqPerSec,
    server_p99_ms: localResult.p99ms,
    queue_p95_ms_10k: complaints.queue[0].p95ms,
    queue_p95_ms_100k: q100.p95ms,
    queue_vs_scan: q100.fullScanOverQueueP95,
    open_now_vs_plain: worst.ratio,
    open_now_worst_hour: worst.hour,
    open_now_vs_plain_cpu: Math.max(...(t24.openNow ?? []).map((o) => o.cpuRatio)),
    queue_p50_ms_100k: q100.p50ms,
    cloudbase_docs_read_per_page: cloudbase.cold.stationDocs,
    cloudbase_docs_read_per_page_warm: cloudbase.warm.stationDocs,
    cloudbase_light_docs_per_page: cloudbase.cold.lightDocs,
    cloudbase_calls_per_page: cloudbase.cold.calls,
    cloudbase_skips: cloudbase.cold.skips + cloudbase.page2.skips + cloudbase.openNowAt3am.skips,
    cloudbase_open_now_calls_at_3am: cloudbase.openNowAt3am.calls,
    complaints_submit_vs_bare: complaints.submit.ratioToBare,
    register_import_rows_per_s: registerImport.firstImport.rowsPerSecond,
    register_reimport_rows_per_s: registerImport.reimport.rowsPerSecond,
    bench_seconds: (Date.now() - started) / 1000,
  };
  const results = {
    headline,
    machine: { cores: cpus().length, model: cpus()[0]?.model, node: process.version, loadavgAtStart: load, loadavgAtEnd: loadavg()[0] },
    nearby: tiers,
    throughput: { durationS: DURATION_S, rounds: rounds.map((r) => ({ bare: r.bare.reqPerSec, local: r.local.reqPerSec, ratio: r.ratio })), responseBytes: Buffer.byteLength(sample), bareNode: { ...bareResult, acknowledged: undefined }, localServerNearby: { ...localResult, acknowledged: undefined } },
    cloudbase,
    complaints,
    ratings,
    registerImport,
  };
  writeFileSync(join(CACHE, 'results.json'), JSON.stringify(results, null, 2));
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify(headline, null, 2));

  const f = (n: number, d = 2) => n.toFixed(d);
  console.info('\n== nearby growth: whole handler (validation, store, page) vs full scan, p50 / p95 ms ==');
  console.info('stations   handler p50   handler p95   (CPU p95)   scan p50   scan p95   × at p95');
  for (const [name, t] of Object.entries(tiers)) {
    console.info(
      `${name.padEnd(6)} ${String(t.stations).padStart(7)}   ${f(t.handler.p50).padStart(8)}   ${f(t.handler.p95).padStart(11)}   ${f(t.handler.cpuP95 as number).padStart(9)}   ${f(t.fullScan.p50, 1).padStart(8)}   ${f(t.fullScan.p95, 1).padStart(8)}   ${f(t.speedupP95, 1).padStart(7)}×`,
    );
  }
  console.info('goals: p95 ≤ 2 ms at 24k, ≤ 5 ms at 240k, ≥ 50× a full scan at 240k');
  console.info('\n== open now vs plain (24k), p95 ms by Shanghai hour ==');
  for (const o of t24.openNow ?? []) console.info(`${String(o.hour).padStart(2, '0')}:00  open now ${f(o.p95)}  plain ${f(o.plainP95)}  ${f(o.ratio)}× (CPU time ${f(o.cpuRatio)}×)`);
  console.info(`worst ${f(worst.ratio)}× at ${worst.hour}:00 (goal ≤ 2×)`);
  console.info('\n== local server throughput, stations.nearby (24k) ==');
  console.info(`bare Node http  ${bareResult.reqPerSec.toFixed(0)} req/s`);
  console.info(`local server    ${localResult.reqPerSec.toFixed(0)} req/s  (p99 ${localResult.p99ms} ms, errors ${localResult.errors}, non-2xx ${localResult.non2xx})`);
  console.info(`ratio to bare: ${f(headline.server_vs_bare)}× (median of ${rounds.map((r) => f(r.ratio)).join(' / ')}; goal ≥ 0.25×, p99 ≤ 20 ms)`);
  console.info(`\n== CloudBase nearby on the SDK double (${cloudbase.stations} stations) ==`);
  console.info(`page of 20, cold: ${cloudbase.cold.calls} calls, ${cloudbase.cold.stationDocs} station records + ${cloudbase.cold.lightDocs} location-only; warm: ${cloudbase.warm.stationDocs} records; page 2: ${cloudbase.page2.calls} calls; skip used ${headline.cloudbase_skips}×; open now at 03:00: ${cloudbase.openNowAt3am.calls} calls`);
  console.info(`\nload average at start ${load.toFixed(1)}, at end ${loadavg()[0].toFixed(1)} on ${cpus().length} cores; ${f(headline.bench_seconds, 0)} s in all`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
