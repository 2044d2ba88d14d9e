/** Shared by the `npm run bench` scripts: percentiles, timing loops and the load generator process. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from './run-util';

/** Deterministic PRNG so two runs ask the same questions. */
export { mulberry32 } from '../seed/complaints';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export interface Timing {
  p50: number;
  p95: number;
  mean: number;
  n: number;
  /** CPU time of this process per call (user + system): less disturbed than wall time by other processes' load. */
  cpuP50?: number;
  cpuP95?: number;
}

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, n: sorted.length };
}

/** Milliseconds (wall and CPU) of each of n awaited calls. */
export async function timeEach(n: number, fn: (i: number) => unknown): Promise<Timing> {
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const cpuSorted = cpu.sort((a, b) => a - b);
  return { ...summarise(samples), cpuP50: percentile(cpuSorted, 50), cpuP95: percentile(cpuSorted, 95) };
}

export interface LoadJob {
  url: string;
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
  bodies?: string[];
  submit?: { stationId: string; openid: string };
}

export interface LoadResult {
  reqPerSec: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  non2xx: number;
  sent: number;
  acknowledged: string[];
}

/** Run autocannon in its own process (scripts/bench-load.ts) against a server of this one. */
export function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'bench-load.ts'), JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() as string) as LoadResult);
      } catch (err) {
        reject(err);
      }
    });
  });
}

/** Start a server of scripts/bench-server.ts in its own process; `stop` ends it. */
export function startServer(job: import('./bench-server').ServerJob): Promise<{ url: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'bench-server.ts'), JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (!out.includes('\n')) return;
      child.stdout.off('data', onData);
      const stop = () => new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
      try {
        resolve({ url: (JSON.parse(line) as { url: string }).url, stop });
      } catch (err) {
        reject(err);
      }
    };
    child.stdout.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code} before listening`)));
  });
}
