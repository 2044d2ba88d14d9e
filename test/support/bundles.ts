/**
 * For tests of the deployed cloud-function bundles: build them into a temp dir for one describe
 * (or file), with faked modules next to them (as the cloud installs the real ones), environment
 * variables set, and console.info / console.error captured; all undone after.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFunctions } from '../../scripts/build-functions';
import type { FakeCloudbase } from './fake-cloudbase';
import { fakeModule } from './fake-module';

export interface BundleOptions {
  /** The functions to build. */
  only: string[];
  /** Module name → what the bundle's `require(name)` hands over (the fake wx-server-sdk…). */
  modules: Record<string, unknown>;
  /** process.env for the run; the previous values come back after. */
  env?: Record<string, string>;
  /** Runs after the build, before the bundles are loaded: seed the database double. */
  seed?: () => Promise<unknown>;
}

export interface BuiltBundles {
  /** The build directory: `<outDir>/<function>/index.js`, package.json, config.json. */
  outDir: string;
  /** Each bundle's size in bytes, by function name. */
  sizes: Record<string, number>;
  /** What the bundles wrote to console.info and console.error, a line each. */
  logged: string[];
  /** The source of a built bundle. */
  code(name: string): string;
  /** A function calling the bundle's `main` (usable once the bundles are built). */
  main<M extends (event: unknown, context: unknown) => Promise<unknown>>(name: string): M;
}

let fakes = 0;

/**
 * A fake wx-server-sdk whose database() is the double's and whose WeChat context reports
 * `openid()` (app `wx-test`); `extra` adds what else the bundle calls (openapi…).
 */
export function fakeWxServerSdk<E extends object = object>(fake: FakeCloudbase, openid: () => string, extra: E = {} as E) {
  return {
    DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
    init: jest.fn(),
    database: jest.fn(() => fake.db),
    getWXContext: jest.fn(() => ({ OPENID: openid(), APPID: 'wx-test' })),
    ...extra,
  };
}

/** Builds and loads the bundles in a beforeAll of the enclosing describe; removes them in its afterAll. */
export function useBuiltBundles(options: BundleOptions): BuiltBundles {
  const outDir = mkdtempSync(join(tmpdir(), 'zdt-bundles-'));
  const mains: Record<string, (event: unknown, context: unknown) => Promise<unknown>> = {};
  const saved: Record<string, string | undefined> = {};
  const globals: string[] = [];
  const built: BuiltBundles = {
    outDir,
    sizes: {},
    logged: [],
    code: (name) => readFileSync(join(outDir, name, 'index.js'), 'utf8'),
    main: <M>(name: string) => ((event: unknown, context: unknown) => mains[name](event, context)) as M,
  };

  beforeAll(async () => {
    for (const [k, v] of Object.entries(options.env ?? {})) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    const bundles = await buildFunctions({ outDir, only: options.only, log: false });
    for (const [name, value] of Object.entries(options.modules)) {
      const globalName = `__fakeModule${++fakes}`;
      globals.push(globalName);
      fakeModule(outDir, name, globalName, value);
    }
    await options.seed?.();
    jest.spyOn(console, 'info').mockImplementation((line: string) => void built.logged.push(line));
    jest.spyOn(console, 'error').mockImplementation((line: string) => void built.logged.push(line));
    for (const b of bundles) {
      built.sizes[b.name] = b.bytes;
      mains[b.name] = (require(join(b.dir, 'index.js')) as { main: (event: unknown, context: unknown) => Promise<unknown> }).main; // eslint-disable-line @typescript-eslint/no-require-imports
    }
  }, 90_000);

  afterAll(() => {
    jest.restoreAllMocks();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    for (const g of globals) delete (globalThis as Record<string, unknown>)[g];
    rmSync(outDir, { recursive: true, force: true });
  });

  return built;
}
