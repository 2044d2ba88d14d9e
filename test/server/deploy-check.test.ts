/**
 * `npm run deploy:check` (issue 9.5) on freshly built bundles passes, and on broken copies names each
 * thing a deploy following the docs would trip over.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFunctions } from '../../scripts/build-functions';
import { adapterCollections, deployCheck, envVariables, openapiCalls, pageLiterals } from '../../scripts/deploy-check';
import { appPagesFromConfig } from '../../scripts/app-pages';

jest.setTimeout(180_000);

const dirs: string[] = [];
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
let built = '';
const pages = appPagesFromConfig();

beforeAll(async () => {
  built = temp('zdt-deploy-');
  await buildFunctions({ outDir: built, log: false });
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('the repository as it is deploys: no problems', () => {
  expect(deployCheck({ functionsDir: built, pages })).toEqual([]);
});

test('the scan finds what the bundles use', () => {
  const scheduler = readFileSync(join(built, 'scheduler', 'index.js'), 'utf8');
  expect(openapiCalls(scheduler)).toContain('subscribeMessage.send');
  expect(envVariables(scheduler)).toEqual(expect.arrayContaining(['ZDT_SUBSCRIBE_TEMPLATES', 'ZDT_MINIPROGRAM_STATE']));
  expect(pageLiterals(scheduler)).toContain('pages/complaint/detail/index');
  expect(pageLiterals(readFileSync(join(built, 'ratings', 'index.js'), 'utf8'))).toContain('pages/station/index');
  expect(envVariables(readFileSync(join(built, 'notices', 'index.js'), 'utf8'))).toContain('ZDT_DATA_KEYS');
  expect(adapterCollections()).toEqual(expect.arrayContaining(['stations', 'complaints', 'outbox', 'posts', 'applications', 'application_requests', 'training_records', 'notices', 'objections']));
});

test('a broken copy fails, one line per problem', () => {
  const broken = temp('zdt-deploy-broken-');
  cpSync(built, broken, { recursive: true });
  const edit = (fn: string, change: (cfg: Record<string, unknown>) => void) => {
    const file = join(broken, fn, 'config.json');
    const cfg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    change(cfg);
    writeFileSync(file, JSON.stringify(cfg));
  };
  edit('scheduler', (c) => {
    c.permissions = { openapi: [] };
    c.timeout = 3;
  });
  edit('stations', (c) => {
    delete c.runtime;
  });
  unlinkSync(join(broken, 'complaints', 'package.json'));
  writeFileSync(join(broken, 'account', 'index.js'), 'exports.other = 1;');
  rmSync(join(broken, 'notices'), { recursive: true });
  // A message page the app does not register (the 41030 of issue 9.1).
  const scheduler = join(broken, 'scheduler', 'index.js');
  writeFileSync(scheduler, readFileSync(scheduler, 'utf8').replace(/pages\/complaint\/detail\/index/g, 'pages/complaint/detail'));

  const problems = deployCheck({ functionsDir: broken, pages, collections: [...adapterCollections(), 'ghost_collection'] });
  expect(problems).toEqual(
    expect.arrayContaining([
      'scheduler: calls openapi subscribeMessage.send but config.json permissions.openapi does not list it',
      'scheduler: timeout 3 s: needs 60–60 s',
      'scheduler: timeout differs: config.json 3, cloudbaserc.json 60',
      'scheduler: links to page pages/complaint/detail, which app.json does not register',
      expect.stringMatching(/^stations: config\.json runtime must be Nodejs16\.13 or newer/),
      'complaints: package.json missing',
      'account: index.js does not export main',
      'notices: not built',
      'collection ghost_collection: missing from adapters/cloudbase/indexes.json',
      'collection ghost_collection: missing from cloudbase/database-rules.json',
      'collection ghost_collection: missing from docs/cloudbase.md',
    ]),
  );
  // Pages: the registered list must hold the pages messages and codes open.
  expect(deployCheck({ functionsDir: built, pages: pages.filter((p) => p !== 'pages/station/index') })).toEqual(
    expect.arrayContaining(['ratings: links to page pages/station/index, which app.json does not register', 'page pages/station/index (messages, codes) is not registered in app.json']),
  );
});
