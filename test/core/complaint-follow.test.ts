/**
 * Followers of a case (issue 9 item 9): who is told what, when a follower may evaluate, and how a
 * retried or second evaluation is answered (core/complaint/follow.ts).
 */
import { distinctFollowers, followerCanEvaluate, followerEvaluationRefusal, notifyFollowers } from '../../core/complaint/follow';
import { buildSubscribeMessage, localTemplates } from '../../core/notify/subscribe';
import type { Follow } from '../../core/ports';

const follow = (openid: string, via: Follow['via'], since = '2026-03-02T01:00:00.000Z'): Follow => ({ caseId: 'main-1', openid, via, complaintId: via === 'merged' ? `own-${openid}` : null, since });
const reply = { text: '已核实，已退还多收的费用。', at: '2026-03-03T01:00:00.000Z', byRole: 'county_official' };

describe('distinctFollowers', () => {
  test('one entry per person, merged before supporter; the complainant is never their own follower', () => {
    const out = distinctFollowers([follow('a', 'supporter'), follow('b', 'supporter'), follow('a', 'merged'), follow('owner', 'supporter')], 'owner');
    expect(out.map((f) => [f.openid, f.via])).toEqual([
      ['a', 'merged'],
      ['b', 'supporter'],
    ]);
  });
});

describe('notifyFollowers', () => {
  const message = { openid: 'owner', event: 'complaint_replied' as const, complaintId: 'main-1', payload: { trackingNo: 'TS260302ABCDEF', station: '水头村服务站', status: '已答复，请评价', category: '乱收费' } };

  test('each message to the complainant is copied to each follower, about the same case', () => {
    const out = notifyFollowers([message], { complainantOpenid: 'owner' }, [follow('a', 'supporter'), follow('b', 'merged'), follow('a', 'merged')]);
    expect(out.map((m) => m.openid)).toEqual(['owner', 'a', 'b']);
    for (const m of out) expect(m).toMatchObject({ event: 'complaint_replied', complaintId: 'main-1', payload: message.payload });
    // Copies do not share the payload object with the original.
    expect(out[1].payload).not.toBe(message.payload);
  });

  test('a follower copy builds a valid subscribe message that opens the case page', () => {
    const [, copy] = notifyFollowers([message], { complainantOpenid: 'owner' }, [follow('a', 'supporter')]);
    const payload = buildSubscribeMessage({ ...copy, id: 'm1', createdAt: '2026-03-03T01:00:00.000Z', sentAt: null, attempts: 0, lastError: null }, localTemplates());
    expect(payload).toMatchObject({ touser: 'a', page: 'pages/complaint/detail/index?id=main-1' });
  });

  test('nothing to copy when nobody follows or no message goes to the complainant', () => {
    expect(notifyFollowers([message], { complainantOpenid: 'owner' }, [])).toEqual([message]);
    expect(notifyFollowers([], { complainantOpenid: 'owner' }, [follow('a', 'supporter')])).toEqual([]);
    const toOther = { ...message, openid: 'someone' };
    expect(notifyFollowers([toOther], { complainantOpenid: 'owner' }, [follow('a', 'supporter')])).toEqual([toOther]);
  });
});

describe('follower evaluation', () => {
  test('possible once the case has a result: answered, or closed after the answer', () => {
    expect(followerCanEvaluate({ status: 'replied', reply, evaluation: null }, false)).toBe(true);
    expect(followerCanEvaluate({ status: 'closed', reply, evaluation: 'satisfied' }, false)).toBe(true);
    expect(followerCanEvaluate({ status: 'closed', reply, evaluation: 'none' }, false)).toBe(true);
    for (const status of ['submitted', 'accepted', 'assigned', 'refused', 'withdrawn', 'merged'] as const) {
      expect(followerCanEvaluate({ status, reply: null, evaluation: null }, false)).toBe(false);
    }
    expect(followerCanEvaluate({ status: 'replied', reply, evaluation: null }, true)).toBe(false);
  });

  test('a retry with the same evaluation is accepted; a different second one or one before the answer is a conflict', () => {
    const replied = { status: 'replied' as const, reply, evaluation: null };
    const e = { evaluation: 'satisfied' as const, comment: '退了钱' };
    expect(followerEvaluationRefusal(replied, null, e)).toBeNull();
    expect(followerEvaluationRefusal(replied, e, { ...e })).toBeNull();
    expect(followerEvaluationRefusal(replied, e, { evaluation: 'unsatisfied', comment: '退了钱' })).toMatchObject({ code: 'CONFLICT', message: '您已经评价过这件投诉的处理结果' });
    expect(followerEvaluationRefusal(replied, e, { evaluation: 'satisfied', comment: null })).toMatchObject({ code: 'CONFLICT' });
    expect(followerEvaluationRefusal({ status: 'accepted', reply: null, evaluation: null }, null, e)).toMatchObject({ code: 'CONFLICT', message: '这件投诉还没有处理结果，答复后再评价' });
  });
});
