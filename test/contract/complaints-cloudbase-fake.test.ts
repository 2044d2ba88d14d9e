/**
 * The complaint storage contract against the CloudBase adapter over the SDK test double, once per
 * SDK flavour; then what the adapter stores and asks for, and the double's transaction, update
 * and aggregation semantics.
 */
import { historyDocId, requestDocId } from '../../adapters/cloudbase/complaints';
import { storesOver, type StoresOf } from '../../adapters/cloudbase/sdk';
import { complaints, outbox } from '../../adapters/cloudbase/stores';
import { AppError } from '../../core/shared/errors';
import { at, createInput, CS, historyEntry, makeComplaint, nextVersion, OPERATOR_B, outboxMessage, OWNERS } from '../support/complaint-fixtures';
import { AGGREGATE_DEFAULT_LIMIT, createFakeCloudbase, FakeCloudbase, type SdkFlavour } from '../support/fake-cloudbase';
import { onFakeCloudbase } from '../support/store-runners';
import { describeComplaintStoreContract } from './complaints.contract';

const COMPLAINT_STORES = { complaints, outbox };
type ComplaintStores = StoresOf<typeof COMPLAINT_STORES>;

function stores(fake: FakeCloudbase, prefix = ''): ComplaintStores {
  return storesOver(fake.db, COMPLAINT_STORES, { sdk: fake.flavour, prefix });
}

for (const [name, open] of onFakeCloudbase((fake) => ({
  ...stores(fake, 't_'),
  // Write 1 of create/apply is the complaint; write 2 its first history entry.
  failMidTransaction: () => fake.failTransactionWrite(2),
}))) {
  describeComplaintStoreContract(name, open);
}

async function created(s: ComplaintStores, id = 'k1') {
  const c = makeComplaint(id, { assignee: null });
  await s.complaints.create(createInput(c, `${OWNERS.o1}:req-${id}`, { outbox: [outboxMessage(c, `m-${id}`, at(1))] }));
  return c;
}

describe('cloudbase complaint adapter details', () => {
  test('stores the record with the fields queries need, history under deterministic ids, the request key hashed', async () => {
    const fake = createFakeCloudbase();
    const s = stores(fake);
    const c = await created(s);
    const next = nextVersion(c, at(30), { status: 'assigned', assignee: { kind: 'operator', operatorName: OPERATOR_B }, dueAt: at(900), escalationLevel: 1 });
    await s.complaints.apply({ next, expectedVersion: 1, history: [historyEntry(c, 'assign', 'assigned', at(30))], outbox: [] });

    const [doc] = fake.dump('complaints');
    expect(doc).toEqual({
      _id: 'k1',
      complaint: next,
      version: 2,
      historySeq: 2,
      trackingNo: c.trackingNo,
      owner: OWNERS.o1,
      stationId: CS.shuitou.stationId,
      stationName: CS.shuitou.stationName,
      regionCodes: CS.shuitou.regionCodes,
      assignedOperator: OPERATOR_B,
      status: 'assigned',
      category: 'overcharge',
      submittedAt: c.submittedAt,
      dueAt: at(900),
      dueKey: at(900),
      actionKey: at(900),
      escalationLevel: 1,
      replied: false,
      replyOnTime: null,
      finalEvaluation: null,
      // Hand-off facets of the statistics (issue 11 §2).
      supervised: false,
      declined: false,
      extended: false,
      purged: false,
      phoneLast4: null,
    });
    expect(fake.dump('complaint_history').map((d) => d._id)).toEqual([historyDocId('k1', 1), historyDocId('k1', 2)]);
    expect(historyDocId('k1', 2)).toBe('k1-000002');
    const [req] = fake.dump('complaint_requests');
    expect(req).toEqual({ _id: requestDocId(`${OWNERS.o1}:req-k1`), complaintId: 'k1', at: c.submittedAt, bodyHash: null });
    expect(req._id).toMatch(/^rk_[0-9a-f]{64}$/);
    expect(JSON.stringify(req)).not.toContain(OWNERS.o1);
    expect(fake.dump('outbox')).toEqual([{ _id: 'm-k1', openid: OWNERS.o1, event: 'complaint_accepted', complaintId: 'k1', payload: expect.any(Object), createdAt: at(1), sentAt: null, attempts: 0, lastError: null }]);
  });

  test('a complaint without a deadline sorts last through its dueKey', async () => {
    const fake = createFakeCloudbase();
    const s = stores(fake);
    const c = makeComplaint('k1', { status: 'closed', dueAt: null });
    await s.complaints.create(createInput(c, 'k'));
    expect(fake.dump('complaints')[0]).toMatchObject({ dueAt: null, dueKey: '~', actionKey: '~' });
  });

  test('create and apply are one transaction each; a stale version rolls back', async () => {
    const fake = createFakeCloudbase();
    const s = stores(fake);
    const c = await created(s);
    const ops = () => fake.log.map((e) => e.op);
    expect(ops()).toEqual(['tx.start', 'tx.get', 'tx.add', 'tx.add', 'tx.add', 'tx.add', 'tx.commit']);
    fake.log.length = 0;
    await expect(s.complaints.apply({ next: nextVersion(c, at(5), { status: 'accepted' }), expectedVersion: 7, history: [], outbox: [] })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(ops()).toEqual(['tx.start', 'tx.get', 'tx.rollback']);
  });

  test('a failure at any write of create leaves no document behind', async () => {
    for (let n = 1; n <= 4; n++) {
      const fake = createFakeCloudbase();
      const s = stores(fake);
      fake.failTransactionWrite(n);
      await expect(created(s)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      for (const name of ['complaints', 'complaint_history', 'complaint_requests', 'outbox']) expect(fake.dump(name)).toEqual([]);
    }
  });

  test('a server error at any write of apply (node-sdk answers { code }) leaves the complaint as it was', async () => {
    for (const flavour of ['wx-server-sdk', 'node-sdk'] as SdkFlavour[]) {
      for (let n = 1; n <= 3; n++) {
        const fake = createFakeCloudbase({ flavour });
        const s = stores(fake);
        const c = await created(s);
        const before = ['complaints', 'complaint_history', 'outbox'].map((name) => fake.dump(name));
        const change = { next: nextVersion(c, at(5), { status: 'accepted' }), expectedVersion: 1, history: [historyEntry(c, 'accept', 'accepted', at(5))], outbox: [outboxMessage(c, 'm-2', at(5))] };
        fake.failTransactionWrite(n);
        const err = await s.complaints.apply(change).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('UNAVAILABLE');
        expect(['complaints', 'complaint_history', 'outbox'].map((name) => fake.dump(name))).toEqual(before);
      }
      // A request failing before the transaction starts is UNAVAILABLE too.
      const fake = createFakeCloudbase({ flavour });
      const s = stores(fake);
      const c = await created(s);
      fake.failNext(1);
      await expect(s.complaints.apply({ next: nextVersion(c, at(5), { status: 'accepted' }), expectedVersion: 1, history: [], outbox: [] })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    }
  });

  test('never asks for more than 100 documents at once; stats is four aggregations and no reads', async () => {
    const fake = createFakeCloudbase();
    const s = stores(fake);
    for (let i = 0; i < 130; i++) {
      const c = makeComplaint(`b${String(i).padStart(3, '0')}`, { submittedAt: at(i) });
      await s.complaints.create(createInput(c, `k${i}`));
    }
    fake.log.length = 0;
    const page = await s.complaints.list({ order: 'newest', offset: 3, limit: 120 });
    expect(page.items).toHaveLength(120);
    expect(page.hasMore).toBe(true);
    const gets = fake.log.filter((e) => e.op === 'get');
    expect(gets.map((g) => [g.skip, g.limit])).toEqual([
      [3, 100],
      [103, 21],
    ]);
    fake.log.length = 0;
    expect((await s.complaints.stats({ since: at(0) })).total).toBe(130);
    expect(fake.log.map((e) => e.op)).toEqual(['aggregate', 'aggregate', 'aggregate', 'aggregate']);
  });

  test('an empty scope, station or status list answers without asking the database', async () => {
    const fake = createFakeCloudbase();
    const s = stores(fake);
    await s.complaints.list({ regionCodes: [], assignedOperators: [], order: 'due', offset: 0, limit: 10 });
    await s.complaints.list({ stationIds: [], order: 'due', offset: 0, limit: 10 });
    await s.complaints.stats({ regionCodes: [], since: at(0) });
    expect(fake.log).toEqual([]);
  });

  test('wx-server-sdk: a concurrent write conflict on apply is CONFLICT; on addSupporter it is retried', async () => {
    const fake = createFakeCloudbase({ flavour: 'wx-server-sdk' });
    const s = stores(fake);
    const c = await created(s);
    const results = await Promise.allSettled([
      s.complaints.addSupporter('k1', OWNERS.o2, at(5)),
      s.complaints.apply({ next: nextVersion(c, at(5), { status: 'accepted' }), expectedVersion: 1, history: [], outbox: [] }),
      s.complaints.addSupporter('k1', OWNERS.o3, at(5)),
    ]);
    const supporters = [results[0], results[2]];
    for (const r of supporters) expect(r).toEqual({ status: 'fulfilled', value: true });
    const stored = await s.complaints.get('k1');
    expect(stored?.supporters).toBe(2);
    if (results[1].status === 'rejected') expect(results[1].reason).toMatchObject({ code: 'CONFLICT' });
    else expect(stored?.status).toBe('accepted');
  });
});

describe('fake-cloudbase transactions, updates and aggregation', () => {
  type Tx = Parameters<Parameters<FakeCloudbase['db']['runTransaction']>[0]>[0];

  async function seeded(flavour: SdkFlavour = 'wx-server-sdk') {
    const fake = createFakeCloudbase({ flavour, collections: { items: [], other: [] } });
    const wrap = (data: Record<string, unknown>) => (flavour === 'wx-server-sdk' ? { data } : data);
    await fake.db.collection('items').doc('a').set(wrap({ n: 1, tags: { x: 1, y: 2 } }));
    await fake.db.collection('items').doc('b').set(wrap({ n: 2, tags: { x: 3 } }));
    return { fake, wrap };
  }

  test('all or nothing: writes apply when the callback resolves, none when it throws', async () => {
    const { fake, wrap } = await seeded();
    const result = await fake.db.runTransaction(async (tx: Tx) => {
      await tx.collection('items').doc('a').update(wrap({ n: 10 }));
      await tx.collection('other').add(wrap({ _id: 'o1', ref: 'a' }));
      // Inside, the transaction sees its own writes; outside, nobody does yet.
      expect(await tx.collection('items').doc('a').get()).toMatchObject({ data: { n: 10 } });
      expect(fake.dump('items').find((d) => d._id === 'a')).toMatchObject({ n: 1 });
      return 'done';
    });
    expect(result).toBe('done');
    expect(fake.dump('items').find((d) => d._id === 'a')).toMatchObject({ n: 10 });
    expect(fake.dump('other')).toEqual([{ _id: 'o1', ref: 'a' }]);

    await expect(
      fake.db.runTransaction(async (tx: Tx) => {
        await tx.collection('items').doc('b').remove();
        await tx.collection('other').doc('o2').set(wrap({ x: 1 }));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(fake.dump('items').map((d) => d._id)).toEqual(['a', 'b']);
    expect(fake.dump('other')).toHaveLength(1);
  });

  test('rollback(reason) discards the writes and rejects with the reason', async () => {
    const { fake, wrap } = await seeded();
    const reason = { why: 'version moved' };
    const err = await fake.db
      .runTransaction(async (tx: Tx) => {
        await tx.collection('items').doc('a').set(wrap({ n: 99 }));
        await tx.rollback(reason);
      })
      .catch((e: unknown) => e);
    expect(err).toBe(reason);
    expect(fake.dump('items').find((d) => d._id === 'a')).toMatchObject({ n: 1 });
  });

  test('only single-document operations are allowed inside', async () => {
    const { fake } = await seeded();
    await fake.db.runTransaction(async (tx: Tx) => {
      const items = tx.collection('items') as unknown as Record<string, () => unknown>;
      for (const op of ['where', 'orderBy', 'limit', 'skip', 'get', 'count', 'aggregate', 'update', 'remove', 'field']) {
        expect(() => items[op]()).toThrow(/not allowed in a transaction/);
      }
      expect(() => tx.commit()).toThrow(/commit/);
    });
  });

  test('a missing document inside: wx-server-sdk rejects (throwOnNotFound), node-sdk answers null', async () => {
    const wx = (await seeded('wx-server-sdk')).fake;
    await wx.db.runTransaction(async (tx: Tx) => {
      await expect(tx.collection('items').doc('zzz').get()).rejects.toThrow(/does not exist/);
    });
    const node = (await seeded('node-sdk')).fake;
    await node.db.runTransaction(async (tx: Tx) => {
      expect(await tx.collection('items').doc('zzz').get()).toMatchObject({ data: null });
      expect(await tx.collection('items').doc('a').get()).toMatchObject({ data: { _id: 'a', n: 1 } });
    });
  });

  test('add with an existing _id fails instead of overwriting; set replaces', async () => {
    const { fake, wrap } = await seeded();
    await expect(fake.db.collection('items').add(wrap({ _id: 'a', n: 5 }))).rejects.toThrow(/duplicate key/);
    await expect(
      fake.db.runTransaction(async (tx: Tx) => {
        await tx.collection('items').add(wrap({ _id: 'b', n: 5 }));
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(fake.dump('items').find((d) => d._id === 'b')).toEqual({ _id: 'b', n: 2, tags: { x: 3 } });
  });

  test('first writer wins: a document written by an open transaction, or changed since it began, conflicts', async () => {
    const { fake, wrap } = await seeded('wx-server-sdk');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = fake.db.runTransaction(async (tx: Tx) => {
      await tx.collection('items').doc('a').update(wrap({ n: 11 }));
      await gate;
    });
    await new Promise((r) => setTimeout(r, 5));
    const second = fake.db.runTransaction(async (tx: Tx) => {
      await tx.collection('items').doc('a').update(wrap({ n: 12 }));
    });
    // What the real wx-server-sdk throws for the server's conflict answer (sdk-errors.test.ts).
    await expect(second).rejects.toMatchObject({ errCode: -501001, errMsg: expect.stringContaining('[ResourceUnavailable.TransactionConflict]') });
    release();
    await first;
    expect(fake.dump('items').find((d) => d._id === 'a')).toMatchObject({ n: 11 });

    // A write outside any transaction after it began makes its commit fail (node-sdk: retried).
    const node = (await seeded('node-sdk')).fake;
    let attempts = 0;
    await node.db.runTransaction(async (tx: Tx) => {
      attempts++;
      await tx.collection('items').doc('a').update({ n: 20 + attempts });
      if (attempts === 1) await node.db.collection('items').doc('a').update({ n: 0 });
    });
    expect(attempts).toBe(2);
    expect(node.dump('items').find((d) => d._id === 'a')).toMatchObject({ n: 22 });
  });

  test('failTransactionWrite(n) fails the n-th write of the next transaction only', async () => {
    const { fake, wrap } = await seeded();
    fake.failTransactionWrite(2);
    const writes = async (tx: Tx) => {
      await tx.collection('other').add(wrap({ _id: 'x1' }));
      await tx.collection('other').add(wrap({ _id: 'x2' }));
      await tx.collection('other').add(wrap({ _id: 'x3' }));
    };
    await expect(fake.db.runTransaction(writes)).rejects.toThrow(/write 2 of the transaction/);
    expect(fake.dump('other')).toEqual([]);
    await fake.db.runTransaction(writes);
    expect(fake.dump('other').map((d) => d._id)).toEqual(['x1', 'x2', 'x3']);
  });

  test('update: nested objects set only the fields they name, _.inc adds, where().update counts', async () => {
    const { fake, wrap } = await seeded();
    const _ = fake.db.command;
    await fake.db.collection('items').doc('a').update(wrap({ tags: { y: 5, z: 6 }, n: _.inc(2) }));
    expect(fake.dump('items').find((d) => d._id === 'a')).toEqual({ _id: 'a', n: 3, tags: { x: 1, y: 5, z: 6 } });
    const res = await fake.db.collection('items').where({ n: _.gte(2) }).update(wrap({ flag: true }));
    expect(res).toMatchObject({ stats: { updated: 2 } });
    expect(await fake.db.collection('items').where({ n: 1000 }).update(wrap({ flag: false }))).toMatchObject({ stats: { updated: 0 } });
    expect(() => fake.db.collection('items').doc('a').update(wrap({ _id: 'x' }))).toThrow(/_id/);
    expect(() => fake.db.collection('items').where({ n: _.inc(1) })).toThrow(/operator/);
    expect(() => fake.db.collection('items').doc('a').set(wrap({ n: _.inc(1) }))).toThrow(/command/);
  });

  test('aggregate: match, group with $.sum / $.first, sort, limit; 20 results without a limit stage', async () => {
    const fake = createFakeCloudbase({ collections: { items: [] } });
    for (let i = 0; i < 30; i++) await fake.db.collection('items').doc(`d${i}`).set({ data: { g: `g${String(i).padStart(2, '0')}`, k: i % 3, name: `n${i}`, v: i } });
    const $ = fake.db.command.aggregate;
    const items = fake.db.collection('items');
    const all = (await items.aggregate().group({ _id: '$g', c: $.sum(1) }).end()) as { list: unknown[] };
    expect(all.list).toHaveLength(AGGREGATE_DEFAULT_LIMIT);
    const byK = (await items
      .aggregate()
      .match({ v: fake.db.command.lt(9) })
      .group({ _id: { k: '$k' }, count: $.sum(1), total: $.sum('$v'), first: $.first('$name') })
      .sort({ total: -1 })
      .limit(100)
      .end()) as { list: unknown[] };
    expect(byK.list).toEqual([
      { _id: { k: 2 }, count: 3, total: 15, first: 'n2' },
      { _id: { k: 1 }, count: 3, total: 12, first: 'n1' },
      { _id: { k: 0 }, count: 3, total: 9, first: 'n0' },
    ]);
    expect(() => (items.aggregate() as unknown as Record<string, () => unknown>).lookup()).toThrow(/not supported/);
    expect(() => ($ as unknown as Record<string, () => unknown>).avg()).toThrow(/not supported/);
    expect(() => items.aggregate().group({ count: $.sum(1) })).toThrow(/_id/);
    const node = createFakeCloudbase({ flavour: 'node-sdk', collections: { items: [] } });
    await node.db.collection('items').doc('a').set({ g: 'x' });
    expect(await node.db.collection('items').aggregate().group({ _id: '$g', c: node.db.command.aggregate.sum(1) }).end()).toMatchObject({ data: [{ _id: 'x', c: 1 }] });
  });
});
