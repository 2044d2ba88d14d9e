/**
 * `npm test`: lint, type-check, build the weapp and the function bundles, then every jest layer
 * (core twice: under UTC and a non-Chinese time zone). Ends with "N passed, N failed".
 * The browser layer is `npm run test:e2e`.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin, ensureResultsDir, resultsDir, run, totals } from './run-util';

const steps: { label: string; ok: boolean }[] = [];
const step = (label: string, ok: boolean) => steps.push({ label, ok });

ensureResultsDir();
const unit = join(resultsDir, 'unit.json');
const coreNy = join(resultsDir, 'core-new-york.json');
rmSync(unit, { force: true });
rmSync(coreNy, { force: true });

step('eslint', run('ESLint', bin('eslint'), ['.']));
step('tsc', run('TypeScript (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']));
step('weapp build', run('Taro weapp build', bin('taro'), ['build', '--type', 'weapp'], { env: { NODE_ENV: 'production' } }));
step('functions build', run('Cloud function bundles (esbuild)', bin('tsx'), ['scripts/build-functions.ts']));
step('jest', run('Jest: core, contract, server, components, weapp (TZ=UTC)', bin('jest'), ['--json', `--outputFile=${unit}`, '--maxWorkers=2', '--selectProjects', 'core', 'contract', 'server', 'components', 'weapp'], { env: { TZ: 'UTC' } }));
step('jest core NY', run('Jest: core again under TZ=America/New_York', bin('jest'), ['--json', `--outputFile=${coreNy}`, '--selectProjects', 'core'], { env: { TZ: 'America/New_York' } }));

const t = totals([unit, coreNy]);
const failedSteps = steps.filter((s) => !s.ok).map((s) => s.label);
console.info(`\nSteps failed: ${failedSteps.length ? failedSteps.join(', ') : 'none'}${t.missing.length ? `; no results from ${t.missing.join(', ')}` : ''}`);
console.info(`${t.passed} passed, ${t.failed + failedSteps.filter((s) => !s.startsWith('jest')).length} failed`);
process.exit(failedSteps.length || t.failed || t.missing.length ? 1 : 0);
