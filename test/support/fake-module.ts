/**
 * For tests of built cloud-function bundles: make the bundle's `require(name)` (resolved from
 * `outDir/node_modules`) hand over `value`, through a global the stub module reads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function fakeModule(outDir: string, name: string, globalName: string, value: unknown): void {
  const dir = join(outDir, 'node_modules', ...name.split('/'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.js'), `module.exports = globalThis.${globalName};\n`);
  (globalThis as Record<string, unknown>)[globalName] = value;
}
