/**
 * What the real SDKs throw, captured from the real stack (wx-server-sdk → @cloudbase/node-sdk →
 * @cloudbase/database) with only its HTTP layer scripted: node-sdk's `extraRequest` (every
 * database request goes through it) answers from a script instead of the network. The server's
 * answers are the script; everything the SDKs make of them is theirs. Then:
 * - the test double (test/support/fake-cloudbase.ts) must throw exactly the same in the same
 *   situation, per SDK flavour;
 * - the adapter kit (adapters/cloudbase/sdk.ts) must classify them: a transaction conflict is a
 *   lost race (retried, or CONFLICT for a versioned write), a duplicate `_id` too, a server
 *   failure is neither.
 *
 * TOOLCHAIN: a database call without credentials makes node-sdk reject a promise nobody awaits,
 * which kills Node 20. Fake credentials and the SCF environment variables keep it (and the
 * metadata-server lookup) away; no real socket is opened (http/https.request fail the test) and
 * unhandled rejections are collected and must be none.
 */
import http from 'node:http';
import https from 'node:https';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isRace, isTxConflict } from '../../adapters/cloudbase/sdk';
import { createFakeCloudbase, FAKE_FAILURE_MESSAGE, TRANSACTION_CONFLICT, TRANSACTION_CONFLICT_MESSAGE, type SdkFlavour } from '../support/fake-cloudbase';

type Answer = Record<string, unknown>;
type AnyDb = {
  collection(name: string): {
    where(c: unknown): { limit(n: number): { get(): Promise<unknown> } };
    add(arg: unknown): Promise<unknown>;
    doc(id: string): { update(arg: unknown): Promise<unknown> };
  };
  runTransaction(cb: (tx: { collection(n: string): { doc(id: string): { update(arg: unknown): Promise<unknown> } } }) => Promise<unknown>, times?: number): Promise<unknown>;
};

const ENV: Record<string, string> = {
  TENCENTCLOUD_RUNENV: 'SCF',
  TCB_ENV: 'zdt-test',
  SCF_NAMESPACE: 'zdt-test',
  TENCENTCLOUD_SECRETID: 'AKIDfakefakefake',
  TENCENTCLOUD_SECRETKEY: 'fake-secret',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  SILENCE: 'true',
};

/** The scripted server: answers in order; every request's action is recorded. */
const server = { answers: [] as Answer[], actions: [] as string[] };
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const savedEnv: Record<string, string | undefined> = {};
let real: Record<SdkFlavour, AnyDb>;

/** node-sdk's request module: the copy wx-server-sdk loads and the top-level one. */
function requestModules(): { extraRequest: unknown }[] {
  const nested = join(dirname(require.resolve('wx-server-sdk')), 'node_modules/@cloudbase/node-sdk/dist/utils/request.js');
  const paths = [require.resolve('@cloudbase/node-sdk/dist/utils/request.js'), ...(existsSync(nested) ? [nested] : [])];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return paths.map((p) => require(p) as { extraRequest: unknown });
}

beforeAll(() => {
  for (const [k, v] of Object.entries(ENV)) {
    savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
  process.on('unhandledRejection', onUnhandled);
  const noNetwork = () => {
    throw new Error('sdk-errors.test: the SDK tried to open a real connection');
  };
  jest.spyOn(http, 'request').mockImplementation(noNetwork);
  jest.spyOn(https, 'request').mockImplementation(noNetwork);
  jest.spyOn(http, 'get').mockImplementation(noNetwork);
  jest.spyOn(https, 'get').mockImplementation(noNetwork);
  for (const m of requestModules()) {
    m.extraRequest = async (opts: { body: { action: string } }) => {
      server.actions.push(opts.body.action);
      const body = server.answers.shift();
      if (!body) throw new Error(`sdk-errors.test: no scripted answer for ${opts.body.action}`);
      return { statusCode: 200, body };
    };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as { init(o: unknown): void; database(): unknown };
  cloud.init({ env: ENV.TCB_ENV });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tcb = require('@cloudbase/node-sdk') as { init(o: unknown): { database(): unknown } };
  const app = tcb.init({ env: ENV.TCB_ENV, secretId: ENV.TENCENTCLOUD_SECRETID, secretKey: ENV.TENCENTCLOUD_SECRETKEY });
  real = { 'wx-server-sdk': cloud.database() as AnyDb, 'node-sdk': app.database() as AnyDb };
});

afterAll(async () => {
  // Give stray promises a turn to surface before checking.
  await new Promise((r) => setTimeout(r, 20));
  process.off('unhandledRejection', onUnhandled);
  jest.restoreAllMocks();
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

afterEach(() => {
  expect(server.answers).toEqual([]); // every scripted answer was asked for
  expect(unhandled).toEqual([]);
  server.actions.length = 0;
});

/** What a caller can observe of a rejection: its own fields, message and name. */
function shape(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { thrown: err };
  return { ...(err as unknown as Record<string, unknown>), message: err.message, name: err.name };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    (v) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(v)}`);
    },
    (e: unknown) => e,
  );
}

const wrap = (flavour: SdkFlavour, data: Answer) => (flavour === 'wx-server-sdk' ? { data } : data);
const ok = { requestId: 'fake' };
const started = { transactionId: 'tx-1', requestId: 'fake' };
const conflictAnswer = { code: TRANSACTION_CONFLICT, message: TRANSACTION_CONFLICT_MESSAGE, requestId: 'fake' };

describe.each(['wx-server-sdk', 'node-sdk'] as SdkFlavour[])('%s: real SDK errors, and the double throws the same', (flavour) => {
  test('a failed request outside a transaction', async () => {
    server.answers.push({ code: 'DATABASE_REQUEST_FAILED', message: FAKE_FAILURE_MESSAGE, requestId: 'fake' });
    const captured = await rejection(real[flavour].collection('items').where({ n: 1 }).limit(1).get());
    expect(server.actions).toEqual(['database.getDocument']);

    const fake = createFakeCloudbase({ flavour, collections: { items: [] } });
    fake.failNext(1);
    const doubled = await rejection(fake.db.collection('items').where({ n: 1 }).limit(1).get());
    expect(shape(doubled)).toEqual(shape(captured));
    expect(isRace(captured)).toBe(false);
  });

  test('a duplicate _id on add', async () => {
    const message = 'E11000 duplicate key error collection: items dup key: { _id: "a" }';
    server.answers.push({ code: 'DATABASE_DUPLICATE_WRITE', message, requestId: 'fake' });
    const captured = await rejection(real[flavour].collection('items').add(wrap(flavour, { _id: 'a', n: 1 })));

    const fake = createFakeCloudbase({ flavour, collections: { items: [] } });
    await fake.db.collection('items').add(wrap(flavour, { _id: 'a', n: 0 }));
    const doubled = await rejection(fake.db.collection('items').add(wrap(flavour, { _id: 'a', n: 1 })));
    expect(shape(doubled)).toEqual(shape(captured));
    expect(isRace(captured)).toBe(true);
    expect(isTxConflict(captured)).toBe(false);
  });

  test('a write conflict inside a transaction (another transaction wrote the document)', async () => {
    server.answers.push(started, conflictAnswer, ok);
    const captured = await rejection(real[flavour].runTransaction((tx) => tx.collection('items').doc('a').update(wrap(flavour, { n: 2 })), 0));
    // The SDK rolls the transaction back before rejecting.
    expect(server.actions).toEqual(['database.startTransaction', 'database.modifyDocument', 'database.abortTransaction']);
    if (flavour === 'wx-server-sdk') expect(captured).toMatchObject({ errCode: -501001, errMsg: expect.stringContaining('[ResourceUnavailable.TransactionConflict]') });
    else expect(captured).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });

    const fake = createFakeCloudbase({ flavour, collections: { items: [] } });
    await fake.db.collection('items').doc('a').set(wrap(flavour, { n: 0 }));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = fake.db.runTransaction(async (tx) => {
      await tx.collection('items').doc('a').update(wrap(flavour, { n: 1 }));
      await gate;
    });
    await new Promise((r) => setTimeout(r, 5));
    const doubled = await rejection(fake.db.runTransaction((tx) => tx.collection('items').doc('a').update(wrap(flavour, { n: 2 })), 0));
    release();
    await first;
    expect(shape(doubled)).toEqual(shape(captured));
    expect(isTxConflict(captured)).toBe(true);
    expect(isRace(captured)).toBe(true);
  });

  test('a conflict at commit (the document changed since the transaction began)', async () => {
    server.answers.push(started, { requestId: 'fake', data: '{}' }, conflictAnswer, ok);
    const captured = await rejection(real[flavour].runTransaction((tx) => tx.collection('items').doc('a').update(wrap(flavour, { n: 2 })), 0));
    expect(server.actions).toEqual(['database.startTransaction', 'database.modifyDocument', 'database.commitTransaction', 'database.abortTransaction']);
    // Both flavours: the commit is node-sdk's own request, so its TcbError reaches the caller as is.
    expect(captured).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });

    const fake = createFakeCloudbase({ flavour, collections: { items: [] } });
    await fake.db.collection('items').doc('a').set(wrap(flavour, { n: 0 }));
    const doubled = await rejection(
      fake.db.runTransaction(async (tx) => {
        await tx.collection('items').doc('a').update(wrap(flavour, { n: 2 }));
        await fake.db.collection('items').doc('a').update(wrap(flavour, { n: 9 }));
      }, 0),
    );
    expect(shape(doubled)).toEqual(shape(captured));
    expect(isTxConflict(captured)).toBe(true);
  });
});
