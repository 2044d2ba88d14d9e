/**
 * Bundle each cloud function for upload: `npx tsx scripts/build-functions.ts [name…]`.
 *
 * For every folder of cloudfunctions/ with an index.ts: one minified CommonJS file for Node 16
 * (the oldest runtime the cloud offers), wx-server-sdk left out (the cloud installs it from the
 * generated package.json), plus the function's config.json. Output: dist/cloudfunctions/<name>/.
 */
import { build, transform, type BuildOptions as EsbuildOptions, type Plugin } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as zodMini from 'zod/mini';

const ROOT = resolve(__dirname, '..');
const SOURCE_DIR = join(ROOT, 'cloudfunctions');

/**
 * zod/mini exposes one namespace object (`z`), and core/shared/zod.ts re-exports it whole, so
 * esbuild keeps every member, including ~260 KB of translated error messages (`z.locales`).
 * zod/mini configures no locale by default and our messages are our own Chinese ones, so the
 * locale modules are replaced by an empty one. (The bundle test runs validation through the bundle.)
 */
const dropZodLocales: Plugin = {
  name: 'drop-zod-locales',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** The module through which the core imports zod (`import * as z from 'zod/mini'; export { z };`). */
const ZOD_MODULE = join(ROOT, 'core', 'shared', 'zod.ts');
const ZOD_NAMESPACE_IMPORT = "import * as z from 'zod/mini';";

/**
 * The members of `z` a bundle uses at run time, found in its own sources after types are erased
 * (so `z.infer<…>` or `z.core.$ZodIssue` in a type do not count). Null when some file uses `z` other
 * than as `z.member` (passed as a value, aliased…): then the namespace must stay whole.
 */
async function zodMembersUsed(inputs: string[]): Promise<Set<string> | null> {
  const used = new Set<string>();
  for (const file of inputs) {
    if (!/\.ts$/.test(file) || file.includes('node_modules')) continue;
    const path = resolve(ROOT, file);
    const { code } = await transform(readFileSync(path, 'utf8'), { loader: 'ts', format: 'esm' });
    let importsZ = path === ZOD_MODULE;
    for (const m of code.matchAll(/\bimport\s*(\*\s*as\s*[\w$]+|\{[^}]*\})\s*from\s*["']([^"']+)["']/g)) {
      if (!m[2].startsWith('.') || resolve(dirname(path), m[2]).replace(/(\.ts)?$/, '.ts') !== ZOD_MODULE) continue;
      if (m[1].startsWith('*') || /\bz\s+as\b/.test(m[1])) return null; // the namespace under another name
      if (/(?<![\w$])z(?![\w$])/.test(m[1])) importsZ = true;
    }
    if (!importsZ) continue;
    for (const m of code.matchAll(/(?<![\w$.])z\.([A-Za-z_$][\w$]*)/g)) used.add(m[1]);
    const body = code.replace(/\b(import|export)\s*(\*\s*as\s*[\w$]+|\{[^}]*\})\s*(from\s*["'][^"']*["'])?\s*;?/g, '');
    if (/(?<![\w$.])z\b(?!\s*[.:])/.test(body)) return null;
  }
  return used;
}

/**
 * core/shared/zod.ts re-exports the whole zod/mini namespace, which esbuild cannot tree-shake: each
 * bundle carried all of zod 4 (~167 KB with JSON Schema and the compiler). In the bundles that module
 * imports, by name, only the members the bundle's sources use and packs them into a plain `z`.
 */
function pruneZod(members: Set<string>): Plugin {
  return {
    name: 'prune-zod',
    setup(b) {
      b.onLoad({ filter: /[\\/]core[\\/]shared[\\/]zod\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(ZOD_NAMESPACE_IMPORT)) {
          return { contents: source, loader: 'ts', warnings: [{ text: `${ZOD_NAMESPACE_IMPORT} not found in core/shared/zod.ts: zod is bundled whole` }] };
        }
        const runtime = new Set(Object.keys(zodMini));
        const names = [...members].filter((m) => runtime.has(m)).sort();
        const imports = names.map((n) => `${n} as z_${n}`).join(', ');
        const object = names.map((n) => `${n}: z_${n}`).join(', ');
        return { contents: source.replace(ZOD_NAMESPACE_IMPORT, `import { ${imports} } from 'zod/mini';\nconst z = { ${object} };`), loader: 'ts' };
      });
    },
  };
}

export interface BuildOptions {
  /** Where the function folders go. Default: dist/cloudfunctions. */
  outDir?: string;
  /** Build only these functions. Default: all. */
  only?: string[];
  /** Print one line per function. Default: true. */
  log?: boolean;
}

export interface BuiltFunction {
  name: string;
  dir: string;
  /** Size of index.js in bytes. */
  bytes: number;
}

/** Function folders: those of cloudfunctions/ with an index.ts. */
export function listFunctions(): string[] {
  return readdirSync(SOURCE_DIR)
    .filter((name) => statSync(join(SOURCE_DIR, name)).isDirectory() && existsSync(join(SOURCE_DIR, name, 'index.ts')))
    .sort();
}

/**
 * Large libraries a function needs but should not carry in its bundle: left out like wx-server-sdk and
 * installed by the cloud from the generated package.json (deploy with 云端安装依赖).
 */
export const CLOUD_INSTALLED: Record<string, string[]> = {
  register: ['exceljs', 'pinyin-pro'],
  // Approved edits and closures write whole stations (search tokens).
  upkeep: ['pinyin-pro'],
  // Custom-login tickets (adapters/platform/signin.ts): required at run time, installed by the cloud.
  auth: ['@cloudbase/node-sdk'],
  // Figures exports (complaints.unitFiguresExport).
  complaints: ['exceljs'],
  // Period report exports (reports.export).
  reports: ['exceljs'],
};

function rootDependency(name: string): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const version = pkg.dependencies?.[name];
  if (!version) throw new Error(`package.json has no ${name} dependency`);
  return version;
}

function wxServerSdkVersion(): string {
  return rootDependency('wx-server-sdk');
}

async function buildOne(name: string, dir: string, sdkVersion: string): Promise<BuiltFunction> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'index.js');
  const common: EsbuildOptions = {
    entryPoints: [join(SOURCE_DIR, name, 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    minify: true,
    legalComments: 'none',
    external: ['wx-server-sdk', ...(CLOUD_INSTALLED[name] ?? [])],
    logLevel: 'silent',
    absWorkingDir: ROOT,
  };
  // Pass 1 (in memory) lists the sources in the bundle; pass 2 writes it with zod pruned to what they use.
  const probe = await build({ ...common, write: false, outfile, metafile: true, plugins: [dropZodLocales] });
  const members = await zodMembersUsed(Object.keys(probe.metafile?.inputs ?? {}));
  if (!members) console.warn(`[${name}] warning: z is used other than as z.member; zod is bundled whole`);
  const result = await build({ ...common, outfile, plugins: members ? [dropZodLocales, pruneZod(members)] : [dropZodLocales] });
  // esbuild throws on errors; warnings (e.g. an unresolvable optional require) still matter.
  for (const w of result.warnings) console.warn(`[${name}] warning: ${w.text}${w.location ? ` (${w.location.file}:${w.location.line})` : ''}`);

  const dependencies = Object.fromEntries([['wx-server-sdk', sdkVersion], ...(CLOUD_INSTALLED[name] ?? []).map((d) => [d, rootDependency(d)])]);
  const pkg = { name, version: '1.0.0', private: true, main: 'index.js', dependencies };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  const config = join(SOURCE_DIR, name, 'config.json');
  if (existsSync(config)) copyFileSync(config, join(dir, 'config.json'));
  return { name, dir, bytes: statSync(outfile).size };
}

export async function buildFunctions(options: BuildOptions = {}): Promise<BuiltFunction[]> {
  const outRoot = resolve(options.outDir ?? join(ROOT, 'dist', 'cloudfunctions'));
  const log = options.log ?? true;
  const all = listFunctions();
  const unknown = (options.only ?? []).filter((n) => !all.includes(n));
  if (unknown.length) throw new Error(`no such function: ${unknown.join(', ')} (have: ${all.join(', ')})`);
  const names = options.only ?? all;
  const sdkVersion = wxServerSdkVersion();
  const built: BuiltFunction[] = [];

  const failures: string[] = [];
  for (const name of names) {
    let fn: BuiltFunction;
    try {
      fn = await buildOne(name, join(outRoot, name), sdkVersion);
    } catch (err) {
      // Keep going so one run reports every broken function; fail at the end.
      failures.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    built.push(fn);
    if (log) console.info(`${name.padEnd(16)} ${(fn.bytes / 1024).toFixed(1).padStart(7)} KB  ${relative(process.cwd(), join(fn.dir, 'index.js'))}`);
  }
  if (failures.length) throw new Error(`${failures.length} function(s) failed to build:\n${failures.join('\n')}`);
  return built;
}

if (require.main === module) {
  buildFunctions({ only: process.argv.length > 2 ? process.argv.slice(2) : undefined }).catch((err: unknown) => {
    console.error(`build-functions failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
