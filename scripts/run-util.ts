/** Small helpers shared by the test, size and bench scripts. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(__dirname, '..');
export const resultsDir = join(root, '.cache', 'results');

export function run(label: string, cmd: string, args: string[], opts: SpawnSyncOptions = {}): boolean {
  const started = Date.now();
  console.info(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts, env: { ...process.env, ...(opts.env ?? {}) } });
  const ok = r.status === 0;
  console.info(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

export const bin = (name: string) => join(root, 'node_modules', '.bin', name);

export function ensureResultsDir(): void {
  mkdirSync(resultsDir, { recursive: true });
}

/** Totals of jest JSON result files (missing file = the run crashed before reporting). */
export function totals(files: string[]): { passed: number; failed: number; missing: string[] } {
  let passed = 0;
  let failed = 0;
  const missing: string[] = [];
  for (const f of files) {
    if (!existsSync(f)) {
      missing.push(f);
      continue;
    }
    const r = JSON.parse(readFileSync(f, 'utf8')) as { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites?: number };
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  }
  return { passed, failed, missing };
}
