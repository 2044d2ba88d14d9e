/**
 * The mini-program's registered pages, as app.json lists them: from the built dist/weapp/app.json
 * when it exists, else from src/app.config.ts (evaluated with Taro's `defineAppConfig` as identity).
 * Subscribe messages (41030) and mini-program codes may open only these.
 */
import { transformSync } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';

export const ROOT = resolve(__dirname, '..');

interface AppJson {
  pages?: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
}

function pagesOf(app: AppJson): string[] {
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [...(app.pages ?? []), ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/+$/, '')}/${p}`))];
}

export function appPagesFromConfig(file = join(ROOT, 'src', 'app.config.ts')): string[] {
  const { code } = transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs' });
  const module = { exports: {} as { default?: AppJson } };
  runInNewContext(code, { module, exports: module.exports, defineAppConfig: (c: AppJson) => c, process: { env: { TARO_ENV: 'weapp' } } });
  return pagesOf(module.exports.default ?? {});
}

export function appPagesFromJson(file: string): string[] {
  return pagesOf(JSON.parse(readFileSync(file, 'utf8')) as AppJson);
}

/** Built app.json when present (what is uploaded), else the source config. */
export function appPages(root = ROOT): { pages: string[]; source: string } {
  const built = join(root, 'dist', 'weapp', 'app.json');
  if (existsSync(built)) return { pages: appPagesFromJson(built), source: 'dist/weapp/app.json' };
  return { pages: appPagesFromConfig(join(root, 'src', 'app.config.ts')), source: 'src/app.config.ts' };
}

/** `pages/x/index?id=1` → `pages/x/index`; leading slash dropped. */
export function pagePath(page: string): string {
  return page.replace(/^\/+/, '').split('?')[0];
}
