/**
 * The storage contract of StationEditRepository (core/station/edits.ts): one suite every adapter
 * (SQLite, CloudBase through the fake SDK) must pass as is.
 */
import type { StationEdit, StationEditRepository } from '../../core/station/edits';
import { expectCode } from './expect';
import { useStore, type StoreLifecycle } from '../support/store-hooks';

export interface StationEditStoreHandle extends StoreLifecycle {
  edits: StationEditRepository;
}

const YUDU = ['36', '3607', '360731', '360731100'];
const RUIJIN = ['36', '3607', '360781'];

function edit(id: string, over: Partial<StationEdit> = {}): StationEdit {
  return {
    id,
    stationId: 'st-shuitou',
    stationName: '水头村服务点',
    regionCodes: YUDU,
    kind: 'proposal',
    status: 'pending',
    createdBy: 'o-head-0001',
    createdAt: `2026-05-13T02:0${id.slice(-1)}:00.000Z`,
    version: 1,
    ...over,
  };
}

export function describeStationEditStoreContract(name: string, make: () => Promise<StationEditStoreHandle>): void {
  describe(`${name}: station edit store contract`, () => {
    let h: StationEditStoreHandle;
    useStore(make, (opened) => (h = opened));

    test('insert and get the whole record; a missing id answers null', async () => {
      const e = edit('e-1', { closure: { reason: '家中有事', from: '2026-05-13', until: '2026-05-15' }, kind: 'closure' });
      await h.edits.insert(e);
      expect(await h.edits.get('e-1')).toEqual(e);
      expect(await h.edits.get('e-none')).toBeNull();
      // A proposal's photo checks (file id → trace id) are kept with it.
      const p = edit('e-p', { photoChecks: [{ fileId: 'upl-front-0000001', traceId: 'trace-1' }, { fileId: 'cloud://env.b/complaint-photos/x.jpg', traceId: 'trace-2' }] });
      await h.edits.insert(p);
      expect(await h.edits.get('e-p')).toEqual(p);
    });

    test('update replaces the record when the version matches; CONFLICT when it moved on', async () => {
      await h.edits.insert(edit('e-1'));
      const next = { ...edit('e-1'), status: 'approved' as const, decidedBy: 'o-county', decidedAt: '2026-05-14T00:00:00.000Z', version: 2 };
      await h.edits.update(next, 1);
      expect(await h.edits.get('e-1')).toEqual(next);
      await expectCode(h.edits.update({ ...next, status: 'returned', version: 3 }, 1), 'CONFLICT');
      expect((await h.edits.get('e-1'))?.status).toBe('approved');
    });

    test('update replaces the whole record: a field the new version drops is gone', async () => {
      const first = edit('e-2', { report: { topic: 'hours', text: '周日不开门' }, comment: '请补充照片', photoChecks: [{ fileId: 'f1', traceId: 't1' }] });
      await h.edits.insert(first);
      const { comment: _dropped, ...rest } = first;
      const next: StationEdit = { ...rest, report: { topic: 'other', text: '已核实' }, photoChecks: [], version: 2 };
      await h.edits.update(next, 1);
      expect(await h.edits.get('e-2')).toEqual(next);
    });

    test('list filters by station, status, kind and region; orders oldest or newest; pages', async () => {
      await h.edits.insert(edit('e-1'));
      await h.edits.insert(edit('e-2', { kind: 'report', report: { topic: 'hours', text: '下午根本不开门' }, createdBy: 'o-villager' }));
      await h.edits.insert(edit('e-3', { stationId: 'st-ruijin', regionCodes: RUIJIN, kind: 'reminder', createdBy: 'system' }));
      await h.edits.insert(edit('e-4', { status: 'approved', version: 2 }));

      const ids = (p: { items: StationEdit[] }) => p.items.map((e) => e.id);
      expect(ids(await h.edits.list({ statuses: ['pending'], order: 'oldest', offset: 0, limit: 10 }))).toEqual(['e-1', 'e-2', 'e-3']);
      expect(ids(await h.edits.list({ statuses: ['pending'], order: 'newest', offset: 0, limit: 10 }))).toEqual(['e-3', 'e-2', 'e-1']);
      expect(ids(await h.edits.list({ regionCodes: ['360731'], order: 'oldest', offset: 0, limit: 10 }))).toEqual(['e-1', 'e-2', 'e-4']);
      expect(ids(await h.edits.list({ regionCodes: ['360781', '360700'], order: 'oldest', offset: 0, limit: 10 }))).toEqual(['e-3']);
      expect(ids(await h.edits.list({ stationIds: ['st-shuitou'], kinds: ['proposal'], order: 'oldest', offset: 0, limit: 10 }))).toEqual(['e-1', 'e-4']);
      expect(ids(await h.edits.list({ stationIds: ['st-shuitou'], kinds: ['proposal'], statuses: ['pending'], order: 'oldest', offset: 0, limit: 10 }))).toEqual(['e-1']);
      expect((await h.edits.list({ regionCodes: [], order: 'oldest', offset: 0, limit: 10 })).items).toEqual([]);

      const first = await h.edits.list({ regionCodes: ['36'], order: 'oldest', offset: 0, limit: 2 });
      expect(ids(first)).toEqual(['e-1', 'e-2']);
      expect(first.hasMore).toBe(true);
      const second = await h.edits.list({ regionCodes: ['36'], order: 'oldest', offset: 2, limit: 2 });
      expect(ids(second)).toEqual(['e-3', 'e-4']);
      expect(second.hasMore).toBe(false);
    });

    test('an unreachable store answers UNAVAILABLE', async () => {
      await h.breakStore();
      await expectCode(h.edits.get('e-1'), 'UNAVAILABLE');
    });
  });
}
