/**
 * Writes the API reference, docs/api/openapi.json, from the routers the local server runs
 * (server/openapi.ts). Run after changing an action or a schema: `npm run gen:openapi`.
 * test/server/openapi.test.ts fails while the committed file is stale.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalApp } from '../server/app';
import { openApiText } from '../server/openapi';
import { root } from './run-util';

export const OPENAPI_FILE = join(root, 'docs', 'api', 'openapi.json');

async function main(): Promise<void> {
  // The app's own wiring (so the document lists exactly what it serves), on a throwaway database.
  const dir = await mkdtemp(join(tmpdir(), 'zdt-openapi-'));
  const app = await createLocalApp({ dbFile: ':memory:', keyFile: join(dir, 'keys.txt'), uploadsDir: join(dir, 'uploads') });
  try {
    await writeFile(OPENAPI_FILE, openApiText(app.functions));
    console.info(`wrote ${OPENAPI_FILE}`);
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
