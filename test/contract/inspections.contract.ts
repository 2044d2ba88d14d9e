/** The storage contract of VisitRepository (core/inspection/model.ts): SQLite and CloudBase pass it as is. */
import type { Visit, VisitRepository } from '../../core/inspection/model';
import { expectCode } from './expect';
import { useStore, type StoreLifecycle } from '../support/store-hooks';

export interface VisitStoreHandle extends StoreLifecycle {
  visits: VisitRepository;
}

const GONGJIANG = [
  { code: '36', name: '江西省' },
  { code: '3607', name: '赣州市' },
  { code: '360731', name: '于都县' },
  { code: '360731100', name: '贡江镇' },
];
const JGS = [
  { code: '36', name: '江西省' },
  { code: '3608', name: '吉安市' },
  { code: '360881', name: '井冈山市' },
];

function visit(id: string, over: Partial<Visit> = {}): Visit {
  return { id, stationId: 'st-gongjiang', stationName: '贡江镇服务站', regionPath: GONGJIANG, operatorName: '于都运营中心', kind: 'guidance', visitedOn: '2026-11-03', createdBy: 'o-op', createdAt: '2026-11-03T02:00:00.000Z', version: 1, ...over };
}

export function describeVisitStoreContract(name: string, make: () => Promise<VisitStoreHandle>): void {
  describe(`${name}: visit store contract`, () => {
    let h: VisitStoreHandle;
    useStore(make, (opened) => (h = opened));

    test('insert and get the whole record; update with the version; CONFLICT when it moved on', async () => {
      const v = visit('v-1', { kind: 'inspection', items: [{ item: 'pricing', ok: false, note: '鸡蛋没有标价' }], score: 0, location: { lat: 25.95, lng: 115.41, distanceM: 12 } });
      await h.visits.insert(v);
      expect(await h.visits.get('v-1')).toEqual(v);
      // Photos with their content checks come back whole.
      const withPhotos = visit('v-photos', { photos: ['upl-visit-000001', 'cloud://env/visits/p2.jpg'], photoChecks: [{ fileId: 'upl-visit-000001', traceId: 't-1' }, { fileId: 'cloud://env/visits/p2.jpg', traceId: 't-2' }] });
      await h.visits.insert(withPhotos);
      expect(await h.visits.get('v-photos')).toEqual(withPhotos);
      expect(await h.visits.get('v-none')).toBeNull();
      const next = { ...v, rectificationId: 'r-1', version: 2 };
      await h.visits.update(next, 1);
      expect(await h.visits.get('v-1')).toEqual(next);
      await expectCode(h.visits.update({ ...next, version: 3 }, 1), 'CONFLICT');
    });

    test('list filters by station, operator, kind, region and dates; orders by visit date; pages', async () => {
      await h.visits.insert(visit('v-1', { visitedOn: '2026-10-02' }));
      await h.visits.insert(visit('v-2', { visitedOn: '2026-11-20', kind: 'training' }));
      await h.visits.insert(visit('v-3', { visitedOn: '2026-11-05', stationId: 'st-jgs', regionPath: JGS, operatorName: '井冈山运营中心' }));
      await h.visits.insert(visit('v-4', { visitedOn: '2025-12-30', kind: 'inspection' }));
      const ids = (p: { items: Visit[] }) => p.items.map((v) => v.id);
      const q = { order: 'oldest' as const, offset: 0, limit: 10 };
      expect(ids(await h.visits.list(q))).toEqual(['v-4', 'v-1', 'v-3', 'v-2']);
      expect(ids(await h.visits.list({ ...q, order: 'newest' }))).toEqual(['v-2', 'v-3', 'v-1', 'v-4']);
      expect(ids(await h.visits.list({ ...q, stationIds: ['st-gongjiang'], from: '2026-01-01' }))).toEqual(['v-1', 'v-2']);
      expect(ids(await h.visits.list({ ...q, operatorNames: ['井冈山运营中心'] }))).toEqual(['v-3']);
      expect(ids(await h.visits.list({ ...q, kinds: ['training', 'inspection'] }))).toEqual(['v-4', 'v-2']);
      expect(ids(await h.visits.list({ ...q, regionCodes: ['360731'], from: '2026-10-01', to: '2026-10-31' }))).toEqual(['v-1']);
      expect(ids(await h.visits.list({ ...q, regionCodes: ['36'], limit: 3 }))).toEqual(['v-4', 'v-1', 'v-3']);
      expect((await h.visits.list({ ...q, regionCodes: ['36'], limit: 3 })).hasMore).toBe(true);
      expect((await h.visits.list({ ...q, stationIds: [] })).items).toEqual([]);
    });

    test('an unreachable store answers UNAVAILABLE', async () => {
      await h.breakStore();
      await expectCode(h.visits.get('v-1'), 'UNAVAILABLE');
    });
  });
}
