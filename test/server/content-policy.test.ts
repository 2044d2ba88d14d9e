/**
 * The content policy over HTTP (issue 9.4): a mobile number typed into a public rating comment is
 * published masked; a station head's reply is not published when the checker fails, and is masked.
 */
import type * as api from '../../core/rating/api';
import { DEMO, HEAD_STATION, rid, appForTests } from '../support/local-app';

jest.setTimeout(30_000);

const NOW = '2026-09-30T02:00:00.000Z';
const SCORES = { attitude: 2, pricing: 2, cleanliness: 3, efficiency: 2 };

const t = appForTests({ now: NOW });
beforeAll(async () => {
  // An established account: new accounts' ratings are held for other reasons.
  await t.app.stores.ratings.touchAccount(DEMO.resident2, '2025-01-01T00:00:00.000Z');
});

test('a rating comment with a phone number is published with the number masked; so is the head\'s reply', async () => {
  const r = await t.ok<{ rating: api.RatingView }>('ratings', 'submit', { stationId: HEAD_STATION, scores: SCORES, comment: '站长王某电话13812345678，收费不清楚' }, DEMO.resident2, rid('rate'));
  expect(r.rating.status).toBe('published');
  expect(r.rating.comment).toBe('站长王某电话138****5678，收费不清楚');
  const list = await t.ok<{ items: api.RatingView[] }>('ratings', 'list', { stationId: HEAD_STATION }, null);
  expect(JSON.stringify(list)).not.toContain('13812345678');

  const down = await t.call('ratings', 'reply', { id: r.rating.id, text: '请联系我 CHECKER-ERROR' }, DEMO.stationHead);
  expect(down.status).toBe(503);
  expect(down.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNAVAILABLE', message: '暂时无法检查回复内容，请稍后再提交' }) });
  const reply = await t.ok<api.RatingView>('ratings', 'reply', { id: r.rating.id, text: '已改正，有事请打13987654321' }, DEMO.stationHead);
  expect(reply.reply?.text).toBe('已改正，有事请打139****4321');
});
