/**
 * The changes core plans for the stores (ratings, notices, recruitment, complaint indexes): pure
 * functions, checked here without any store. The contract suites check that stores persist them.
 */
import { complaintIndex, countFacet, emptyStats, keepStoreCounted, statsFacet, topStations } from '../../core/complaint/store';
import { appointmentChange, closedNotice, type Notice } from '../../core/notice/model';
import { replyChange, reviewChange, submitChange } from '../../core/rating/change';
import type { Rating } from '../../core/rating/model';
import { applicationPurge, selectionChange, type Application, type Post } from '../../core/recruitment/model';
import { AppError } from '../../core/shared/errors';
import { makeComplaint } from '../support/complaint-fixtures';

const T = '2026-09-01T00:00:00.000Z';
const rating = (p: Partial<Rating> = {}): Rating => ({
  id: 'r2',
  stationId: 'st-a',
  stationName: '甲站',
  operatorName: '运营甲',
  regionCodes: ['36'],
  raterOpenid: 'u1',
  scores: { attitude: 5, pricing: 4, cleanliness: 3, efficiency: 2 },
  comment: '',
  visitVerified: true,
  status: 'published',
  holdReasons: [],
  createdAt: T,
  replaces: null,
  reply: null,
  version: 1,
  ...p,
});

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.code : 'other';
  }
  return null;
};

describe('RatingChange', () => {
  const earlier = rating({ id: 'r1', createdAt: '2026-08-20T00:00:00.000Z', scores: { attitude: 1, pricing: 1, cleanliness: 1, efficiency: 1 }, visitVerified: false });

  test('a published rating inside the window is replaced and leaves the aggregate; the new one enters it', () => {
    const c = submitChange(rating(), earlier, '2026-08-02T00:00:00.000Z');
    expect(c.next.replaces).toBe('r1');
    expect(c.replaced).toEqual({ next: { ...earlier, status: 'replaced', version: 2 }, expectedVersion: 1 });
    expect(c.aggregate).toEqual({ count: 0, sums: { attitude: 4, pricing: 3, cleanliness: 2, efficiency: 1 }, visitVerified: 1 });
    expect(c).toMatchObject({ expectedVersion: null, at: T });
  });

  test('outside the window, or rejected, the earlier rating stays; a held new one moves nothing', () => {
    expect(submitChange(rating(), earlier, '2026-08-21T00:00:00.000Z').replaced).toBeNull();
    expect(submitChange(rating(), { ...earlier, status: 'rejected' }, '2026-08-02T00:00:00.000Z').replaced).toBeNull();
    const held = submitChange(rating({ status: 'held' }), { ...earlier, status: 'held' }, '2026-08-02T00:00:00.000Z');
    expect(held.replaced?.next.status).toBe('replaced');
    expect(held.aggregate).toBeNull();
  });

  test('review: only a held rating at the expected version; publishing enters the aggregate', () => {
    const h = rating({ status: 'held', version: 3 });
    expect(reviewChange(h, 3, 'published', T).aggregate?.count).toBe(1);
    expect(reviewChange(h, 3, 'rejected', T)).toMatchObject({ next: { status: 'rejected', version: 4 }, expectedVersion: 3, aggregate: null });
    expect(code(() => reviewChange(h, 2, 'published', T))).toBe('CONFLICT');
    expect(code(() => reviewChange(rating(), 1, 'published', T))).toBe('CONFLICT');
    expect(code(() => reviewChange(null, 1, 'published', T))).toBe('NOT_FOUND');
  });

  test('one reply per rating', () => {
    const first = replyChange(rating(), '谢谢', T);
    expect(first).toMatchObject({ next: { reply: { text: '谢谢', at: T }, version: 2 }, expectedVersion: 1 });
    expect(code(() => replyChange(first.next, '再谢', T))).toBe('CONFLICT');
  });
});

describe('NoticeChange and ApplicationChange', () => {
  const post = { id: 'p1', status: 'notice', noticeId: 'n1', stationId: 'st-a', selectedApplicationId: 'a1', qualifyingScore: 60, rubric: [{ criterion: '经验', weight: 100 }], version: 4, updatedAt: T } as unknown as Post;
  const app = (p: Partial<Application>) => ({ id: 'a1', postId: 'p1', applicantOpenid: 'o-a1', name: '谢春生', status: 'selected', scores: [], version: 2, updatedAt: T, ...p }) as unknown as Application;
  const notice = { id: 'n1', status: 'open', outcome: null, version: 1 } as unknown as Notice;

  test('approved appoints: application, post, and the station head', () => {
    const c = appointmentChange({ id: 'n1', outcome: 'approved' }, app({}), post, '2026-10-01T00:00:00.000Z');
    expect(c?.application).toMatchObject({ next: { status: 'appointed', version: 3 }, expectedVersion: 2 });
    expect(c?.post).toMatchObject({ next: { status: 'appointed', version: 5 }, expectedVersion: 4 });
    expect(c?.head).toEqual({ stationId: 'st-a', openid: 'o-a1', name: '谢春生' });
  });

  test('stopped returns the post to review; a notice that is not the post’s own decides nothing', () => {
    const c = appointmentChange({ id: 'n1', outcome: 'stopped' }, app({}), post, T);
    expect(c).toMatchObject({ application: { next: { status: 'stopped' } }, post: { next: { status: 'reviewing', noticeId: null, selectedApplicationId: null } }, head: null });
    expect(appointmentChange({ id: 'n0', outcome: 'approved' }, app({}), post, T)).toBeNull();
    // Already applied: nothing left to write but the head (bootstrap is idempotent).
    const again = appointmentChange({ id: 'n1', outcome: 'approved' }, app({ status: 'appointed' }), { ...post, status: 'appointed' } as Post, T);
    expect(again).toMatchObject({ application: null, post: null });
  });

  test('closing a notice', () => {
    expect(closedNotice(notice, 'suspended', T)).toEqual({ next: { ...notice, status: 'closed', outcome: 'suspended', closedAt: T, version: 2 }, expectedVersion: 1 });
  });

  test('selection: chosen selected, qualified to the reserve, the rest unsuccessful; unchanged ones not written', () => {
    const scored = (id: string, points: number, status = 'submitted') => app({ id, status: status as Application['status'], scores: [{ reviewerOpenid: 'r', byCriterion: { 经验: points }, at: T }] });
    const c = selectionChange({ ...post, status: 'reviewing' } as Post, 'a1', [scored('a1', 90), scored('a2', 70), scored('a3', 40), scored('a4', 65, 'reserve')], T);
    expect(c.applications.map((w) => [w.next.id, w.next.status])).toEqual([
      ['a1', 'selected'],
      ['a2', 'reserve'],
      ['a3', 'unsuccessful'],
    ]);
    expect(c.post).toMatchObject({ next: { selectedApplicationId: 'a1', version: 5 }, expectedVersion: 4 });
  });

  test('the purge keeps nothing that identifies the person', () => {
    expect(applicationPurge(T)).toEqual({ idCipher: null, phoneCipher: null, idMasked: '已清除', phoneMasked: '已清除', skills: '', productExperience: '', statement: '', purgedAt: T });
  });
});

describe('complaint index and stats facets', () => {
  test('index fields come from the record', () => {
    const c = makeComplaint('c1', { assignee: { kind: 'operator', operatorName: '运营甲' }, regionCodes: ['36', '36', '3607'], purgedAt: T });
    expect(complaintIndex(c)).toMatchObject({ owner: c.complainantOpenid, assignedOperator: '运营甲', regionCodes: ['36', '3607'], purged: true, replied: false, finalEvaluation: null });
  });

  test('facets add up; the stored supporters survive an apply', () => {
    const stats = emptyStats();
    countFacet(stats, statsFacet({ status: 'closed', hasReply: true, replyOnTime: true, evaluation: 'satisfied' }), 2);
    countFacet(stats, statsFacet({ status: 'accepted', hasReply: false, replyOnTime: false, evaluation: 'unsatisfied' }), 1);
    expect(stats).toMatchObject({ replied: 3, repliedOnTime: 2, evaluations: { satisfied: 2 } });
    expect(topStations([{ stationId: 'b', count: 1 }, { stationId: 'a', count: 1 }, { stationId: 'c', count: 5 }]).map((s) => s.stationId)).toEqual(['c', 'a', 'b']);
    expect(keepStoreCounted(makeComplaint('c1', { supporters: 0 }), { supporters: 7 }).supporters).toBe(7);
  });
});
