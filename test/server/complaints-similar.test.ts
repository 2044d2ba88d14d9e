/**
 * "已有人反映？" over HTTP: the caller's own open complaint comes back marked `mine` (the form shows
 * it as theirs, not as someone else's with 我也遇到了); for anyone else it is not.
 */
import type { SimilarItem } from '../../core/complaint/api';
import { DEMO, HEAD_STATION, rid, appForTests } from '../support/local-app';

const t = appForTests();

test('similar marks the caller’s own complaint, and only theirs', async () => {
  const own = await t.ok<{ id: string }>('complaints', 'submit', { stationId: HEAD_STATION, category: 'overcharge', description: '寄快递收了15元，墙上写5元。' }, DEMO.resident1, rid('similar'));
  const forOwner = await t.ok<SimilarItem[]>('complaints', 'similar', { stationId: HEAD_STATION, category: 'overcharge' }, DEMO.resident1);
  expect(forOwner.find((s) => s.id === own.id)).toEqual(expect.objectContaining({ mine: true }));
  const forOther = await t.ok<SimilarItem[]>('complaints', 'similar', { stationId: HEAD_STATION, category: 'overcharge' }, DEMO.resident2);
  expect(forOther.find((s) => s.id === own.id)).toEqual(expect.objectContaining({ mine: false }));
  // Nothing that identifies the complainant travels with it.
  expect(JSON.stringify(forOther)).not.toContain(DEMO.resident1);
});
