/**
 * The storage contract against a real CloudBase environment through @cloudbase/node-sdk.
 * Runs only with TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY set: without
 * credentials the SDK's first database call raises an unhandled rejection that kills Node 20, so
 * the SDK is not even loaded then.
 *
 * It uses collections `<prefix>stations` and `<prefix>regions` (prefix: TCB_TEST_PREFIX, default
 * `zdt_contract_`, never a production name), empties them before each store and after the run.
 * They must exist with the indexes of adapters/cloudbase/indexes.json (geoNear needs the geo index,
 * which the SDK cannot create): see docs/cloudbase.md, "Contract tests against a real environment".
 *
 * The complaint contract uses `<prefix>complaints`, `<prefix>complaint_history`, … (created here when
 * missing; the indexes only make it faster). It has no fault injection against a real environment,
 * so the mid-transaction failure tests are skipped there; transactions, conflicts and aggregation
 * run for real.
 */
import { ADMIN_COLLECTIONS } from '../../adapters/cloudbase/admin';
import { COMPLAINT_COLLECTIONS } from '../../adapters/cloudbase/complaints';
import { apiKeys, audit, calendars, complaints, outbox, roles } from '../../adapters/cloudbase/stores';
import { pinyinOf } from '../../adapters/pinyin';
import { storesOver, type CbDb as CbDatabase } from '../../adapters/cloudbase/sdk';
import { COLLECTIONS, createCloudbaseRegionRepository, createCloudbaseStationRepository } from '../../adapters/cloudbase/stations';
import { describeAdminStoreContract } from './admin.contract';
import { describeComplaintStoreContract } from './complaints.contract';
import { describeStationStoreContract } from './stations.contract';

const env = process.env.TCB_ENV;
const secretId = process.env.TENCENTCLOUD_SECRETID;
const secretKey = process.env.TENCENTCLOUD_SECRETKEY;
const creds = env && secretId && secretKey ? { env, secretId, secretKey } : null;
const prefix = process.env.TCB_TEST_PREFIX || 'zdt_contract_';

if (!creds) {
  // Reported as skipped, not passed: nothing ran against a real environment.
  test.skip('cloudbase (real): needs TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (not set)', () => undefined);
} else {
  type NodeSdkDb = CbDatabase & { createCollection(name: string): Promise<unknown> };
  let db: NodeSdkDb | null = null;

  function database(): NodeSdkDb {
    if (!db) {
      // Loaded only here, with credentials present.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const tcb = require('@cloudbase/node-sdk') as { init(o: Record<string, string>): { database(): unknown } };
      db = tcb.init(creds as Record<string, string>).database() as NodeSdkDb;
    }
    return db;
  }

  const names = Object.values(COLLECTIONS).map((n) => prefix + n);
  const complaintNames = [...Object.values(COMPLAINT_COLLECTIONS), ...Object.values(ADMIN_COLLECTIONS)].map((n) => prefix + n);

  async function emptyCollections(d: NodeSdkDb, list: string[] = names): Promise<void> {
    const _ = d.command as unknown as { exists(v: boolean): unknown };
    for (const name of list) {
      const res = (await (d.collection(name).where({ _id: _.exists(true) }) as unknown as { remove(): Promise<unknown> }).remove()) as { code?: string; message?: string };
      if (res?.code) throw new Error(`cannot empty ${name}: ${res.code} ${res.message ?? ''} (create it with its indexes first, see docs/cloudbase.md)`);
    }
  }

  describeStationStoreContract(
    `cloudbase (real env ${creds.env}, prefix ${prefix})`,
    async () => {
      const real = database();
      for (const name of names) await real.createCollection(name).catch(() => undefined); // already there: fine
      await emptyCollections(real);
      let broken = false;
      // Outage stand-in: the same repositories, pointed at collections that do not exist.
      const switchable = {
        command: real.command,
        Geo: real.Geo,
        RegExp: (o: { regexp: string; options?: string }) => real.RegExp(o),
        collection: (name: string) => real.collection(broken ? `${name}_missing_${Date.now()}` : name),
      } as unknown as CbDatabase;
      return {
        stations: createCloudbaseStationRepository(switchable, { prefix, sdk: 'node-sdk', pinyin: pinyinOf }),
        regions: createCloudbaseRegionRepository(switchable, { prefix, sdk: 'node-sdk' }),
        breakStore: () => {
          broken = true;
        },
        dispose: () => emptyCollections(real),
      };
    },
    { timeoutMs: 60_000 },
  );

  /** The complaint and admin collections emptied, and a database that can be switched to an outage. */
  async function outageSwitch(): Promise<{ db: CbDatabase; breakStore: () => void; dispose: () => Promise<void> }> {
    const real = database();
    for (const name of complaintNames) await real.createCollection(name).catch(() => undefined);
    await emptyCollections(real, complaintNames);
    let broken = false;
    // Outage stand-in: once broken, every request rejects (query builders chain on, requests fail).
    const outage = () => Promise.reject(new Error('simulated outage (contract test)'));
    const requests = new Set(['get', 'count', 'update', 'remove', 'set', 'add', 'end']);
    const dead: unknown = new Proxy(() => undefined, {
      get: (_target, prop) => (prop === 'then' ? undefined : typeof prop === 'string' && requests.has(prop) ? outage : () => dead),
    });
    type Tx = { collection(name: string): unknown };
    const realTx = real as unknown as { runTransaction(cb: (tx: Tx) => Promise<unknown>, times?: number): Promise<unknown> };
    const db = {
      command: real.command,
      collection: (name: string) => (broken ? dead : real.collection(name)),
      runTransaction: (cb: (tx: Tx) => Promise<unknown>, times?: number) => (broken ? outage() : realTx.runTransaction(cb, times)),
    } as unknown as CbDatabase;
    return {
      db,
      breakStore: () => {
        broken = true;
      },
      dispose: () => emptyCollections(real, complaintNames),
    };
  }

  describeComplaintStoreContract(
    `cloudbase (real env ${creds.env}, prefix ${prefix})`,
    async () => {
      const { db: switchable, ...rest } = await outageSwitch();
      return { ...storesOver(switchable, { complaints, outbox }, { prefix, sdk: 'node-sdk' }), ...rest };
    },
    { timeoutMs: 60_000 },
  );

  describeAdminStoreContract(
    `cloudbase (real env ${creds.env}, prefix ${prefix})`,
    async () => {
      const { db: switchable, ...rest } = await outageSwitch();
      return { ...storesOver(switchable, { roles, audit, calendars, apiKeys }, { prefix, sdk: 'node-sdk' }), ...rest };
    },
    { timeoutMs: 60_000 },
  );
}
