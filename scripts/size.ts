/**
 * `npm run size`: the weapp main package and each subpackage against WeChat's 2 MB limit and our
 * 1 MB goal for the main package, and each cloud function bundle (without wx-server-sdk) against
 * its 200 KB goal. Builds what is missing first. Writes .cache/size.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { bin, root, run } from './run-util';

const KB = 1024;
const WEAPP = join(root, 'dist', 'weapp');
const FUNCTIONS = join(root, 'dist', 'cloudfunctions');
const LIMIT_WECHAT = 2 * 1024 * KB;
const GOAL_MAIN = 1024 * KB;
const GOAL_FUNCTION = 200 * KB;

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const bytes = (list: string[]) => list.reduce((n, f) => n + statSync(f).size, 0);
const fmt = (n: number) => `${(n / KB).toFixed(1)} KB`;
const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(0)}%`;

if (!existsSync(join(WEAPP, 'app.json'))) run('Taro weapp build', bin('taro'), ['build', '--type', 'weapp'], { env: { NODE_ENV: 'production' } });
if (!existsSync(FUNCTIONS)) run('Cloud function bundles', bin('tsx'), ['scripts/build-functions.ts']);

const app = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
const all = files(WEAPP).filter((f) => !f.endsWith('.map'));
const inSub = (f: string) => subRoots.find((r) => relative(WEAPP, f).startsWith(`${r}/`));
const main = all.filter((f) => !inSub(f));

const report = {
  weapp: {
    main: { bytes: bytes(main), goal: GOAL_MAIN, limit: LIMIT_WECHAT },
    subpackages: subRoots.map((r) => ({ root: r, bytes: bytes(all.filter((f) => inSub(f) === r)), limit: LIMIT_WECHAT })),
    largest: main
      .map((f) => ({ file: relative(WEAPP, f), bytes: statSync(f).size }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 6),
  },
  functions: readdirSync(FUNCTIONS)
    .filter((d) => existsSync(join(FUNCTIONS, d, 'index.js')))
    .map((d) => {
      const code = readFileSync(join(FUNCTIONS, d, 'index.js'));
      return { name: d, bytes: code.length, gzip: gzipSync(code).length, goal: GOAL_FUNCTION };
    }),
};

console.info('\n== weapp (dist/weapp) ==');
console.info(`main package   ${fmt(report.weapp.main.bytes).padStart(10)}  ${pct(report.weapp.main.bytes, GOAL_MAIN)} of the 1 MB goal, ${pct(report.weapp.main.bytes, LIMIT_WECHAT)} of WeChat's 2 MB`);
for (const s of report.weapp.subpackages) console.info(`sub ${s.root.padEnd(11)}${fmt(s.bytes).padStart(10)}  ${pct(s.bytes, LIMIT_WECHAT)} of 2 MB`);
console.info('largest files: ' + report.weapp.largest.map((l) => `${l.file} ${fmt(l.bytes)}`).join(', '));
console.info('\n== cloud functions (minified, without wx-server-sdk) ==');
for (const f of report.functions) console.info(`${f.name.padEnd(12)} ${fmt(f.bytes).padStart(10)}  gzip ${fmt(f.gzip).padStart(9)}  ${pct(f.bytes, GOAL_FUNCTION)} of the 200 KB goal`);

mkdirSync(join(root, '.cache'), { recursive: true });
writeFileSync(join(root, '.cache', 'size.json'), JSON.stringify(report, null, 2));
const over = [report.weapp.main.bytes > GOAL_MAIN, ...report.weapp.subpackages.map((s) => s.bytes > LIMIT_WECHAT), ...report.functions.map((f) => f.bytes > GOAL_FUNCTION)].some(Boolean);
console.info(over ? '\nSome budgets are exceeded (see above).' : '\nAll within budget.');
