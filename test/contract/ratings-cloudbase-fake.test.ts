/**
 * The rating storage contract against the CloudBase adapter over the SDK test double, once per SDK
 * flavour; then what the adapter stores, that a failed write inside a submit leaves nothing
 * half-written, and that transactions touch documents by `_id` only.
 */
import { createCloudbaseRatingRepository, ratingAccountDocId, ratingRequestDocId } from '../../adapters/cloudbase/ratings';
import { replyChange, reviewChange, submitInput } from '../../core/rating/change';
import type { Rating } from '../../core/rating/model';
import { AppError } from '../../core/shared/errors';
import { createFakeCloudbase, FakeCloudbase, type SdkFlavour } from '../support/fake-cloudbase';
import { onFakeCloudbase } from '../support/store-runners';
import { describeRatingStoreContract, rating as contractRating } from './ratings.contract';

const quickBackoff = () => new Promise<void>((r) => setTimeout(r, Math.floor(Math.random() * 3)));

function store(fake: FakeCloudbase, prefix = '') {
  return createCloudbaseRatingRepository(fake.db, { sdk: fake.flavour, prefix, backoff: quickBackoff });
}

for (const [name, open] of onFakeCloudbase((fake) => ({ ratings: store(fake, 't_') }))) describeRatingStoreContract(name, open, { concurrency: 20 });

const at = (h: number) => new Date(Date.parse('2026-09-01T00:00:00.000Z') + h * 3_600_000).toISOString();
/** A rating as the contract builds it, with this file's id, time and a verified visit with a comment. */
const rating = (id: string, p: Partial<Rating> = {}): Rating =>
  contractRating({ id, regionCodes: ['36', '3607', '360731'], comment: '好', visitVerified: true, createdAt: at(0), ...p });
const windowStart = (r: Rating) => new Date(Date.parse(r.createdAt) - 30 * 86_400_000).toISOString();

describe('cloudbase rating adapter details', () => {
  test('stores the record with the fields queries need; aggregate, account pointer and request key by _id', async () => {
    const fake = createFakeCloudbase();
    const s = store(fake);
    const r1 = rating('r1');
    await s.submit(submitInput(r1, 'u1:req-1', windowStart(r1)));
    const r2 = rating('r2', { createdAt: at(1), scores: { attitude: 1, pricing: 1, cleanliness: 1, efficiency: 1 }, visitVerified: false });
    await s.submit(submitInput(r2, 'u1:req-2', windowStart(r2)));

    const docs = fake.dump('ratings');
    expect(docs.find((d) => d._id === 'r2')).toEqual({
      _id: 'r2',
      rating: { ...r2, replaces: 'r1' },
      stationId: 'st-a',
      stationName: '甲站',
      rater: 'u1',
      status: 'published',
      version: 1,
      createdAt: at(1),
      regionCodes: ['36', '3607', '360731'],
      raterFirstSeen: at(0),
      scoreSum: 4,
    });
    expect(docs.find((d) => d._id === 'r1')).toMatchObject({ status: 'replaced', version: 2, rating: { status: 'replaced', version: 2 } });
    expect(fake.dump('rating_aggregates')).toEqual([
      { _id: 'st-a', count: 1, sums: { attitude: 1, pricing: 1, cleanliness: 1, efficiency: 1 }, visitVerified: 0, updatedAt: at(1) },
    ]);
    expect(fake.dump('rating_accounts')).toEqual([{ _id: ratingAccountDocId('u1'), firstSeen: at(0), current: { 'st-a': 'r2' } }]);
    const requests = fake.dump('rating_requests');
    expect(requests.map((d) => d._id).sort()).toEqual([ratingRequestDocId('u1:req-1'), ratingRequestDocId('u1:req-2')].sort());
    // No openid in a document id.
    for (const d of [...requests, ...fake.dump('rating_accounts')]) expect(d._id).not.toContain('u1');
  });

  // A replacing submit writes five documents: the replaced rating, the new one, the aggregate, the account pointer, the request key.
  test.each([1, 2, 3, 4, 5])('a failure at write %i of a replacing submit leaves nothing half-written; the retry succeeds', async (n) => {
    for (const flavour of ['wx-server-sdk', 'node-sdk'] as SdkFlavour[]) {
      const fake = createFakeCloudbase({ flavour });
      const s = store(fake);
      const r1 = rating('r1');
      await s.submit(submitInput(r1, 'k1', windowStart(r1)));
      const before = JSON.stringify(['ratings', 'rating_aggregates', 'rating_accounts', 'rating_requests'].map((c) => fake.dump(c)));
      const r2 = rating('r2', { createdAt: at(1), scores: { attitude: 2, pricing: 2, cleanliness: 2, efficiency: 2 } });
      fake.failTransactionWrite(n);
      const err = await s.submit(submitInput(r2, 'k2', windowStart(r2))).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('UNAVAILABLE');
      expect(JSON.stringify(['ratings', 'rating_aggregates', 'rating_accounts', 'rating_requests'].map((c) => fake.dump(c)))).toBe(before);
      const ok = await s.submit(submitInput(r2, 'k2', windowStart(r2)));
      expect(ok).toMatchObject({ created: true, replaced: { id: 'r1', status: 'replaced' } });
      expect(await s.aggregate('st-a')).toMatchObject({ count: 1, sums: { attitude: 2, pricing: 2, cleanliness: 2, efficiency: 2 } });
    }
  });

  test('inside transactions only single documents by _id (the double refuses anything else)', async () => {
    const fake = createFakeCloudbase();
    const s = store(fake);
    const h = rating('h1', { status: 'held', holdReasons: ['burst'] });
    await s.submit(submitInput(h, 'k1', windowStart(h)));
    await s.change('h1', (cur) => reviewChange(cur, 1, 'published', at(2)));
    await s.change('h1', (cur) => replyChange(cur, '谢谢', at(3)));
    const txOps = fake.log.filter((e) => e.op.startsWith('tx.'));
    expect(txOps.length).toBeGreaterThan(0);
    expect(new Set(txOps.map((e) => e.op))).toEqual(new Set(['tx.start', 'tx.get', 'tx.add', 'tx.set', 'tx.commit']));
  });

  test('never asks for more than 100 documents at once', async () => {
    const fake = createFakeCloudbase();
    const s = store(fake);
    for (let i = 0; i < 130; i++) {
      const r = rating(`r${i}`, { raterOpenid: `u${i}`, createdAt: at(i) });
      await s.submit(submitInput(r, `k${i}`, windowStart(r)));
    }
    const page = await s.listPublished('st-a', 10, 120);
    expect(page.items).toHaveLength(120);
    expect(page.hasMore).toBe(false);
    for (const g of fake.log.filter((e) => e.op === 'get')) expect(g.limit).toBeLessThanOrEqual(100);
  });
});
