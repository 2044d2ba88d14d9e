/**
 * Each cloud entry builds only the stores its handler needs (adapters/cloudbase/stores.ts is a
 * catalogue, cloudfunctions/_shared/cloud.ts `cloudStores`), and lets tsc check them against the
 * handler's deps with `satisfies StoresFor<…>`: without it an optional store could be left out
 * silently. tsc itself proves the check (npx tsc); this test keeps every entry under it.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', 'cloudfunctions');
const entries = readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'index.ts')));

test.each(entries)('%s: composes named stores, checked against its handler', (fn) => {
  const source = readFileSync(join(ROOT, fn, 'index.ts'), 'utf8');
  const calls = source.split('cloudStores(').slice(1);
  expect(calls.length).toBeGreaterThan(0);
  for (const call of calls) {
    // The factories object of this call ends at its `satisfies StoresFor<…>`.
    expect(call).toMatch(/^[^;]*\}\s*satisfies StoresFor<typeof \w+>/);
  }
  expect(source).not.toMatch(/cloudStores\(\w+\)/);
});
