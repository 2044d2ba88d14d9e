/**
 * `npm run test:e2e`: build the H5 app when stale, then drive it in headless Chromium
 * (jest.e2e.config.js). Results: .cache/results/e2e.json; screenshots: .cache/e2e/.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildH5, h5IsStale } from '../server/h5-build';
import { bin, ensureResultsDir, resultsDir, root, run, totals } from './run-util';

ensureResultsDir();
const out = join(resultsDir, 'e2e.json');
rmSync(out, { force: true });
const h5 = join(root, 'dist', 'h5');
const built = !h5IsStale(root, h5) || buildH5(root);
if (!built) console.error('H5 build failed');
const ok = built && run('Jest: e2e (headless Chromium)', bin('jest'), ['-c', 'jest.e2e.config.js', '--json', `--outputFile=${out}`]);
const t = totals([out]);
console.info(`${t.passed} passed, ${t.failed + (built ? 0 : 1)} failed`);
process.exit(ok && !t.failed && !t.missing.length ? 0 : 1);
