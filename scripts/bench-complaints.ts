/**
 * Complaint benchmarks (part of `npm run bench`):
 *  1. `complaints.submit` throughput through the local server with autocannon (in its own
 *     process, scripts/bench-load.ts), each request a new requestId, then a loss check: every
 *     acknowledged complaint is in the database, no duplicates. Baseline: the bare Node http
 *     server measured in the same run.
 *  2. `complaints.queue` p95 for a county official over 10,000 and then 100,000 complaints in
 *     the county on SQLite, against a full scan of the complaints table in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalApp } from '../server/app';
import { limitsFrom } from '../core/shared/rate-limit';
import { writeGenerated } from '../server/seed';
import { generateComplaints } from '../seed/complaints';
import { percentile as p, runLoad } from './bench-util';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const QUEUE_TIERS = (process.env.BENCH_COMPLAINTS ?? '10000,100000').split(',').map(Number);


export async function benchComplaints(bareReqPerSec: number) {
  const dir = mkdtempSync(join(tmpdir(), 'zdt-bench-'));
  // The queue samples are one official's 320 calls in a few seconds: above that action's limit by design.
  const limits = limitsFrom('complaints.queue=100000/60');
  const app = await createLocalApp({ dbFile: join(dir, 'db.sqlite'), keyFile: join(dir, 'keys.txt'), uploadsDir: join(dir, 'up'), demo: true, platform: { limits } });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/complaints`;

  // 1. submit throughput with zero loss
  const result = await runLoad({ url, seconds: DURATION_S, connections: 10, submit: { stationId: 'st-360731100-000', openid: 'demo-resident-1' } });
  const acknowledged = new Set(result.acknowledged);
  const sent = result.sent;
  const stored = app.db.prepare("SELECT count(*) FROM complaints WHERE station_id = 'st-360731100-000'").pluck().get() as number;
  const distinctKeys = app.db.prepare('SELECT count(DISTINCT request_key) FROM complaint_requests').pluck().get() as number;
  const missing = [...acknowledged].filter((id) => !app.db.prepare('SELECT 1 FROM complaints WHERE id = ?').get(id)).length;

  // 2. queue over 10,000 then 100,000 complaints in one county (于都县, the demo official's)
  const stations = (await app.stores.stations.search({ regionCode: '360731', statuses: ['active', 'certified', 'rectification'], offset: 0, limit: 400 })).items;
  const call = async (data: Record<string, unknown>, retry = true): Promise<{ ok: boolean }> => {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': 'demo-county-official-1' }, body: JSON.stringify({ action: 'queue', data }) });
      return (await res.json()) as { ok: boolean };
    } catch (err) {
      // A kept-alive connection the server closed while the loop was busy writing complaints: once more.
      if (retry) return call(data, false);
      throw err;
    }
  };
  const filters: Record<string, unknown>[] = [{}, { overdue: true }, { status: 'submitted' }, { category: 'overcharge' }, { escalated: true }, { status: 'replied' }];
  const scan = app.db.prepare('SELECT doc FROM complaints').pluck();
  const queue: { complaints: number; loadSeconds: number; p50ms: number; p95ms: number; fullScanP50ms: number; fullScanOverQueueP95: number }[] = [];
  // One generated set, written in steps: the first 10,000, then the rest up to 100,000.
  const generated = generateComplaints({ stations, n: Math.max(...QUEUE_TIERS), now: new Date(), days: 365, residentOpenids: ['bench-r1', 'bench-r2', 'bench-r3'], officialOpenid: 'demo-county-official-1', seed: 3 });
  let written = 0;
  for (const tier of QUEUE_TIERS) {
    const t0 = Date.now();
    app.db.exec('BEGIN');
    for (const g of generated.slice(written, tier)) await writeGenerated(app.stores, g);
    app.db.exec('COMMIT');
    written = tier;
    const loadS = (Date.now() - t0) / 1000;
    const total = app.db.prepare('SELECT count(*) FROM complaints').pluck().get() as number;
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) await call(filters[i % filters.length]); // warm-up
    for (let i = 0; i < 300; i++) {
      const t = process.hrtime.bigint();
      const r = await call(filters[i % filters.length]);
      samples.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (!r.ok) throw new Error('queue failed');
    }
    samples.sort((a, b) => a - b);
    const scanSamples: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = process.hrtime.bigint();
      scan.all();
      scanSamples.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    scanSamples.sort((a, b) => a - b);
    queue.push({ complaints: total, loadSeconds: loadS, p50ms: p(samples, 50), p95ms: p(samples, 95), fullScanP50ms: p(scanSamples, 50), fullScanOverQueueP95: p(scanSamples, 50) / p(samples, 95) });
  }

  await app.close();
  rmSync(dir, { recursive: true, force: true });

  const out = {
    submit: {
      reqPerSec: result.reqPerSec,
      ratioToBare: result.reqPerSec / bareReqPerSec,
      sent,
      acknowledged: acknowledged.size,
      storedForStation: stored,
      distinctRequestKeys: distinctKeys,
      missingAcknowledged: missing,
      non2xx: result.non2xx,
      errors: result.errors,
      // Requests still in flight when autocannon stops may be stored without being acknowledged,
      // so "stored ≥ acknowledged" is expected; loss is an acknowledged complaint that is missing,
      // duplication is more complaints than distinct request ids.
      zeroLoss: missing === 0 && stored >= acknowledged.size && stored === distinctKeys,
    },
    queue,
  };
  console.info('\n== complaints.submit through the local server ==');
  console.info(`${out.submit.reqPerSec.toFixed(0)} req/s (${out.submit.ratioToBare.toFixed(2)}× the bare server); acknowledged ${out.submit.acknowledged}, stored ${out.submit.storedForStation}, missing ${missing}, distinct request ids ${distinctKeys}, non-2xx ${result.non2xx} → ${out.submit.zeroLoss ? 'zero loss, no duplicates' : 'LOSS OR DUPLICATES'}`);
  for (const q of queue) {
    console.info(`\n== complaints.queue over ${q.complaints} complaints (county official, 6 filter mixes, over HTTP) ==`);
    console.info(`p50 ${q.p50ms.toFixed(2)} ms  p95 ${q.p95ms.toFixed(2)} ms; a full scan of the table takes ${q.fullScanP50ms.toFixed(1)} ms (${q.fullScanOverQueueP95.toFixed(1)}× the queue p95)`);
  }
  return out;
}
