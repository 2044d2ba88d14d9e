/**
 * `npm run deploy:check`: what a deploy following docs/cloudbase.md needs, verified statically on the
 * built bundles (dist/cloudfunctions, from `npm run build:functions`) and the repository's deploy files.
 *
 * - every function folder has index.js exporting `main`, a package.json (`main`, wx-server-sdk) and a
 *   config.json whose `permissions.openapi` lists every `cloud.openapi.*` the bundle calls, with
 *   `runtime` (Node ≥ 16, what the bundles target) and `timeout` (≥ the function's need) matching
 *   cloudbaserc.json; the scheduler's triggers match too;
 * - every environment variable a bundle reads (`ZDT_*`) is documented for that function;
 * - every mini-program page a bundle links to (subscribe messages, codes) is registered in app.json;
 * - every collection the CloudBase adapters touch is in adapters/cloudbase/indexes.json, in the
 *   security rules (cloudbase/database-rules.json) and in docs/cloudbase.md.
 *
 * Exits 1 with one line per problem. `--build` builds the bundles first.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CLOUD_RUN_BUDGET_MS } from '../cloudfunctions/scheduler/handler';
import { COMPLAINT_DETAIL_PAGE, OFFICIAL_CASE_PAGE } from '../core/notify/subscribe';
import { STATION_PAGE } from '../core/rating/service';
import { SIGN_IN_PAGE as TRAINING_SIGN_IN_PAGE } from '../core/assessment/service';
import { appPages, pagePath } from './app-pages';

const ROOT = resolve(__dirname, '..');

/** Minimum timeout (s) per function; others need DEFAULT_MIN_TIMEOUT (the platform default is 3 s). */
export const DEFAULT_MIN_TIMEOUT = 10;
export const MIN_TIMEOUT: Record<string, number> = {
  // The run starts no new work after the budget; the rest of the timeout is the margin for the last step.
  scheduler: CLOUD_RUN_BUDGET_MS / 1000 + 15,
};
/** The bundles target Node 16 (scripts/build-functions.ts). */
const MIN_NODE_MAJOR = 16;

export interface DeployCheckOptions {
  root?: string;
  /** Built functions (default <root>/dist/cloudfunctions). */
  functionsDir?: string;
  /** Registered pages (default: dist/weapp/app.json, else src/app.config.ts of root). */
  pages?: string[];
  /** Collection names the adapters touch (default: every export named *COLLECTIONS of adapters/cloudbase). */
  collections?: string[];
}

interface FnConfig {
  permissions?: { openapi?: unknown };
  triggers?: { name: string; type: string; config: string }[];
  timeout?: unknown;
  runtime?: unknown;
}
interface RcFunction {
  name: string;
  timeout?: number;
  runtime?: string;
  triggers?: { name: string; type: string; config: string }[];
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Collection names from the CloudBase adapters' exported name maps. */
export function adapterCollections(root = ROOT): string[] {
  const dir = join(root, 'adapters', 'cloudbase');
  const names = new Set<string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(dir, f)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(mod)) {
      if (/COLLECTIONS$/.test(key) && value && typeof value === 'object') for (const v of Object.values(value)) if (typeof v === 'string') names.add(v);
    }
  }
  return [...names].sort();
}

/** `cloud.openapi.<ns>.<method>` calls in a bundle (property chains survive minification). */
export function openapiCalls(code: string): string[] {
  return [...new Set([...code.matchAll(/\.openapi\.([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => `${m[1]}.${m[2]}`))].sort();
}

/** Page paths a bundle links to: string literals starting with pages/ or packages/. */
export function pageLiterals(code: string): string[] {
  return [...new Set([...code.matchAll(/["'`]\/?((?:pages|packages)\/[\w-]+(?:\/[\w-]+)*)(?:\?[^"'`]*)?["'`]/g)].map((m) => m[1]))].sort();
}

/** Environment variables (ZDT_*) a bundle reads. */
export function envVariables(code: string): string[] {
  return [...new Set([...code.matchAll(/\b(ZDT_[A-Z0-9_]+)\b/g)].map((m) => m[1]))].sort();
}

/** Rows of the docs' environment table: variable → the functions named in its row. */
function documentedEnv(docs: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of docs.split('\n')) {
    const m = /^\|\s*`(ZDT_[A-Z0-9_]+)`\s*\|([^|]*)\|/.exec(line);
    if (m) rows.set(m[1], m[2]);
  }
  return rows;
}

function loadMain(file: string): unknown {
  // The entries load wx-server-sdk lazily (first call), so requiring the bundle needs no SDK.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(file) as { main?: unknown }).main;
}

export function deployCheck(options: DeployCheckOptions = {}): string[] {
  const root = options.root ?? ROOT;
  const fnDir = options.functionsDir ?? join(root, 'dist', 'cloudfunctions');
  const problems: string[] = [];
  const sources = readdirSync(join(root, 'cloudfunctions')).filter((n) => existsSync(join(root, 'cloudfunctions', n, 'index.ts'))).sort();
  const rc = readJson<{ functions?: RcFunction[] }>(join(root, 'cloudbaserc.json'));
  const docs = readFileSync(join(root, 'docs', 'cloudbase.md'), 'utf8');
  const env = documentedEnv(docs);
  const pages = new Set(options.pages ?? appPages(root).pages);

  if (!existsSync(fnDir)) return [`${fnDir}: no built functions (run npm run build:functions)`];
  for (const name of sources) {
    const dir = join(fnDir, name);
    const at = (what: string) => `${name}: ${what}`;
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      problems.push(at('not built'));
      continue;
    }
    // index.js and main
    const index = join(dir, 'index.js');
    const code = existsSync(index) ? readFileSync(index, 'utf8') : '';
    if (!code) problems.push(at('index.js missing'));
    else {
      try {
        if (typeof loadMain(index) !== 'function') problems.push(at('index.js does not export main'));
      } catch (err) {
        problems.push(at(`index.js does not load (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`));
      }
    }
    // package.json
    const pkgFile = join(dir, 'package.json');
    if (!existsSync(pkgFile)) problems.push(at('package.json missing'));
    else {
      const pkg = readJson<{ main?: string; dependencies?: Record<string, string> }>(pkgFile);
      if (pkg.main !== 'index.js') problems.push(at('package.json main is not index.js'));
      if (!pkg.dependencies?.['wx-server-sdk']) problems.push(at('package.json lacks the wx-server-sdk dependency'));
    }
    // config.json: permissions, runtime, timeout
    const cfgFile = join(dir, 'config.json');
    const cfg: FnConfig | null = existsSync(cfgFile) ? readJson<FnConfig>(cfgFile) : null;
    if (!cfg) problems.push(at('config.json missing'));
    const declared = Array.isArray(cfg?.permissions?.openapi) ? (cfg!.permissions!.openapi as string[]) : [];
    for (const api of openapiCalls(code)) if (!declared.includes(api)) problems.push(at(`calls openapi ${api} but config.json permissions.openapi does not list it`));
    const rcFn = rc.functions?.find((f) => f.name === name);
    if (!rcFn) problems.push(at('missing from cloudbaserc.json'));
    const minTimeout = MIN_TIMEOUT[name] ?? DEFAULT_MIN_TIMEOUT;
    const timeout = cfg?.timeout;
    if (typeof timeout !== 'number') problems.push(at('config.json has no timeout (the platform default of 3 s is too short)'));
    else {
      if (timeout < minTimeout || timeout > 60) problems.push(at(`timeout ${timeout} s: needs ${minTimeout}–60 s`));
      if (rcFn && rcFn.timeout !== timeout) problems.push(at(`timeout differs: config.json ${timeout}, cloudbaserc.json ${rcFn.timeout}`));
    }
    const runtime = cfg?.runtime;
    const major = typeof runtime === 'string' ? Number(/^Nodejs(\d+)\.\d+$/.exec(runtime)?.[1]) : NaN;
    if (!(major >= MIN_NODE_MAJOR)) problems.push(at(`config.json runtime must be Nodejs${MIN_NODE_MAJOR}.13 or newer (got ${String(runtime)})`));
    else if (rcFn && rcFn.runtime !== runtime) problems.push(at(`runtime differs: config.json ${String(runtime)}, cloudbaserc.json ${rcFn.runtime}`));
    if (JSON.stringify(cfg?.triggers ?? []) !== JSON.stringify(rcFn?.triggers ?? [])) problems.push(at('triggers differ between config.json and cloudbaserc.json'));
    // documented environment
    for (const v of envVariables(code)) {
      const row = env.get(v);
      if (!row) problems.push(at(`reads ${v}, which docs/cloudbase.md does not document`));
      else if (!row.includes(`\`${name}\``) && !/every function/.test(row)) problems.push(at(`reads ${v}, but docs/cloudbase.md does not list ${name} for it`));
    }
    // linked pages
    for (const p of pageLiterals(code)) if (!pages.has(p)) problems.push(at(`links to page ${p}, which app.json does not register`));
  }
  for (const p of [COMPLAINT_DETAIL_PAGE, OFFICIAL_CASE_PAGE, STATION_PAGE, TRAINING_SIGN_IN_PAGE]) if (!pages.has(pagePath(p))) problems.push(`page ${p} (messages, codes) is not registered in app.json`);

  // collections
  const indexes = readJson<{ collections: Record<string, unknown> }>(join(root, 'adapters', 'cloudbase', 'indexes.json')).collections;
  const rules = readJson<{ collections: Record<string, unknown> }>(join(root, 'cloudbase', 'database-rules.json')).collections;
  for (const c of options.collections ?? adapterCollections(root)) {
    if (!(c in indexes)) problems.push(`collection ${c}: missing from adapters/cloudbase/indexes.json`);
    if (!(c in rules)) problems.push(`collection ${c}: missing from cloudbase/database-rules.json`);
    if (!docs.includes(`\`${c}\``)) problems.push(`collection ${c}: missing from docs/cloudbase.md`);
  }
  return problems;
}

if (require.main === module) {
  (async () => {
    if (process.argv.includes('--build')) {
      const { buildFunctions } = await import('./build-functions');
      await buildFunctions();
    }
    const problems = deployCheck();
    for (const p of problems) console.error(`deploy:check ${p}`);
    console.info(problems.length ? `deploy:check: ${problems.length} problem(s)` : 'deploy:check: ok');
    process.exit(problems.length ? 1 : 0);
  })().catch((err: unknown) => {
    console.error(`deploy:check failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
