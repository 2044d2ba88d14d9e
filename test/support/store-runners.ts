/**
 * How a store contract suite (test/contract/*.contract.ts) is run against each backend: SQLite in
 * memory, and CloudBase over the SDK test double once per SDK flavour. Each returns the `open`
 * function a `describe…Contract(name, open)` takes; the handle's `breakStore` makes the backend
 * unreachable.
 */
import { openDatabase } from '../../adapters/sqlite/db';
import { createFakeCloudbase, type FakeCloudbase, type SdkFlavour } from './fake-cloudbase';

type SqliteDb = ReturnType<typeof openDatabase>;

/** The two SDKs the CloudBase adapter runs on: wx-server-sdk in a deployed function, @cloudbase/node-sdk in scripts. */
export const SDK_FLAVOURS: readonly SdkFlavour[] = ['wx-server-sdk', 'node-sdk'];

/** `stores` over a fresh in-memory SQLite database. Outage = the connection closed; dispose closes it. */
export function onSqlite<S, A extends unknown[] = []>(stores: (db: SqliteDb, ...args: A) => S) {
  return async (...args: A) => {
    const db = openDatabase(':memory:');
    return {
      ...stores(db, ...args),
      breakStore: () => void db.close(),
      dispose: () => void (db.open && db.close()),
    };
  };
}

/** Adapter options for the double of `onFakeCloudbase`: its flavour, collections prefixed `t_`. */
export interface FakeOptions {
  sdk: SdkFlavour;
  prefix: string;
}

/**
 * One `[name, open]` per SDK flavour: `stores` over a fresh SDK double (collections prefixed
 * `t_`), named `cloudbase over fake <flavour>`. Outage = the double down.
 */
export function onFakeCloudbase<S, A extends unknown[] = []>(stores: (fake: FakeCloudbase, options: FakeOptions, ...args: A) => S | Promise<S>) {
  return SDK_FLAVOURS.map((flavour) => {
    const open = async (...args: A) => {
      const fake = createFakeCloudbase({ flavour, prefix: 't_' });
      return { ...(await stores(fake, { sdk: flavour, prefix: 't_' }, ...args)), breakStore: () => fake.setDown(true) };
    };
    return [`cloudbase over fake ${flavour}`, open] as const;
  });
}

/** How a single-repository suite makes its repository on each backend: the SQLite adapter's and the CloudBase adapter's factory. */
type OnSqlite<R> = (db: SqliteDb) => R;
type OnCloudbase<R> = (db: never, options: FakeOptions & { backoff: () => Promise<void> }) => R;

/**
 * `[name, open]` for one repository on SQLite and on the double in each flavour (retrying without a
 * pause), for a suite written as `describe.each`: `open` answers `{ repo, breakStore, … }`.
 */
export function onEachRepo<R>(sqlite: OnSqlite<R>, cloudbase: OnCloudbase<R>) {
  return [
    ['sqlite', onSqlite((db) => ({ repo: sqlite(db) }))] as const,
    ...onFakeCloudbase((fake, options) => ({ repo: cloudbase(fake.db as never, { ...options, backoff: async () => undefined }) })),
  ];
}

/**
 * A suite that needs only the repository, once per backend of `onEachRepo`, titled `<title>: <backend>`:
 * `describeEachRepo('media checks', createSqliteX, createCloudbaseX, (make) => { test(…, async () => { const s = await make(); … }) })`.
 */
export function describeEachRepo<R>(title: string, sqlite: OnSqlite<R>, cloudbase: OnCloudbase<R>, suite: (make: () => Promise<R>) => void): void {
  describe.each(onEachRepo(sqlite, cloudbase))(`${title}: %s`, (_name, open) => suite(async () => (await open()).repo));
}
