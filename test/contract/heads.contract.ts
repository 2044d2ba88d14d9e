/**
 * The storage contract of HeadsRepository (core/assessment/store.ts): training sessions found by
 * code hash only while unexpired, an operator's sessions newest first; one decision per station,
 * period and kind, listed by period and region. (The weights: the settings contract.)
 */
import type { AssessmentDecision } from '../../core/assessment/model';
import type { HeadsRepository } from '../../core/assessment/store';
import type { TrainingSession } from '../../core/assessment/training';
import { useStore, type StoreLifecycle } from '../support/store-hooks';

export interface HeadsHandle extends StoreLifecycle {
  heads: HeadsRepository;
}

const session = (id: string, over: Partial<TrainingSession> = {}): TrainingSession => ({
  id,
  codeHash: `hash-${id}`,
  operatorName: '于都运营',
  kind: 'annual',
  title: '电商直播培训',
  date: '2026-12-05',
  days: 1,
  createdBy: 'op-1',
  createdAt: '2026-12-05T01:00:00.000Z',
  expiresAt: '2026-12-05T03:00:00.000Z',
  ...over,
});

const decision = (stationId: string, period: string, kind: 'reward' | 'replace', regionCodes: string[]): AssessmentDecision => ({
  id: `${stationId}.${period}.${kind}`,
  stationId,
  stationName: `站 ${stationId}`,
  regionCodes,
  period,
  kind,
  headOpenid: 'head-1',
  headName: '张三',
  total: 91.5,
  note: '台账齐全',
  replacement: kind === 'replace' ? { mode: 'post', postId: 'post-1' } : null,
  decidedBy: 'county-1',
  decidedAt: '2026-12-05T02:00:00.000Z',
});

export function describeHeadsContract(name: string, open: () => Promise<HeadsHandle>): void {
  describe(`HeadsRepository contract: ${name}`, () => {
    let h: HeadsHandle;
    useStore(open, (opened) => (h = opened));

    test('a session is found by its code hash until it expires', async () => {
      const s = session('s1');
      await h.heads.insertSession(s);
      expect(await h.heads.sessionByCode('hash-s1', '2026-12-05T02:00:00.000Z')).toEqual(s);
      expect(await h.heads.sessionByCode('hash-s1', '2026-12-05T03:00:00.000Z')).toBeNull();
      expect(await h.heads.sessionByCode('hash-other', '2026-12-05T02:00:00.000Z')).toBeNull();
    });

    test('of two live sessions with one code, the newest answers; an operator sees only theirs, newest first', async () => {
      await h.heads.insertSession(session('s1'));
      await h.heads.insertSession(session('s2', { codeHash: 'hash-s1', createdAt: '2026-12-05T01:30:00.000Z' }));
      await h.heads.insertSession(session('s3', { operatorName: '井冈山运营', createdAt: '2026-12-05T01:40:00.000Z' }));
      expect((await h.heads.sessionByCode('hash-s1', '2026-12-05T02:00:00.000Z'))?.id).toBe('s2');
      expect((await h.heads.listSessions({ operatorName: '于都运营', limit: 10 })).map((s) => s.id)).toEqual(['s2', 's1']);
      expect((await h.heads.listSessions({ operatorName: '于都运营', limit: 1 })).map((s) => s.id)).toEqual(['s2']);
    });

    test('one decision per station, period and kind; listed by period and region', async () => {
      const d = decision('st-a', '2026Q4', 'reward', ['36', '3607', '360731']);
      await h.heads.insertDecision(d);
      await expect(h.heads.insertDecision({ ...d, note: '再来一次' })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await h.heads.getDecision(d.id)).toEqual(d);
      expect(await h.heads.getDecision('st-a.2026Q3.reward')).toBeNull();
      await h.heads.insertDecision(decision('st-a', '2026Q4', 'replace', ['36', '3607', '360731']));
      await h.heads.insertDecision(decision('st-b', '2026Q4', 'reward', ['36', '3608', '360881']));
      await h.heads.insertDecision(decision('st-c', '2026Q3', 'reward', ['36', '3607', '360731']));
      expect((await h.heads.listDecisions({ period: '2026Q4', regionCodes: ['360731'] })).map((x) => x.id)).toEqual(['st-a.2026Q4.replace', 'st-a.2026Q4.reward']);
      expect((await h.heads.listDecisions({ period: '2026Q4', regionCodes: ['36'] })).map((x) => x.stationId).sort()).toEqual(['st-a', 'st-a', 'st-b']);
      expect(await h.heads.listDecisions({ period: '2026Q4', regionCodes: [] })).toEqual([]);
    });
  });
}
