/**
 * One content-security policy per scene (issue 9.4): the table decides, for every verdict and for a
 * failing checker, and numbers typed into public text are masked.
 */
import { CONTENT_POLICY, contentOutcome, maskContacts, screenText, type ContentScene } from '../../core/content/policy';
import type { ContentSecurity, ContentVerdict } from '../../core/ports';
import { AppError } from '../../core/shared/errors';

const checker = (v: ContentVerdict | 'error'): ContentSecurity & { seen: unknown[] } => {
  const seen: unknown[] = [];
  return {
    seen,
    async checkText(text, ctx) {
      seen.push({ text, ...ctx });
      if (v === 'error') throw new Error('checker down');
      return v;
    },
  };
};

describe('the policy table', () => {
  test('public text never publishes unchecked: a comment is held, a reply refused', () => {
    for (const scene of Object.keys(CONTENT_POLICY) as ContentScene[]) {
      const p = CONTENT_POLICY[scene];
      expect(p.risky).toBe('reject');
      if (p.audience === 'public') {
        expect(p.error).not.toBe('accept');
        expect(p.review).not.toBe('accept');
        expect(p.maskContacts).toBe(true);
      }
    }
    expect(contentOutcome('rating_comment', 'error')).toBe('hold');
    expect(contentOutcome('rating_reply', 'error')).toBe('reject');
    expect(contentOutcome('complaint', 'error')).toBe('hold');
    expect(contentOutcome('complaint', 'review')).toBe('hold');
  });

  test('applications and objections (read only by officials, rights with a deadline) are accepted when the checker fails', () => {
    expect(contentOutcome('application', 'error')).toBe('accept');
    expect(contentOutcome('objection', 'error')).toBe('accept');
    expect(contentOutcome('objection', 'risky')).toBe('reject');
  });

  test.each([
    ['complaint', 'pass', { outcome: 'accept', reason: null }],
    ['complaint', 'review', { outcome: 'hold', reason: 'content_review' }],
    ['complaint', 'error', { outcome: 'hold', reason: 'content_error' }],
    ['rating_comment', 'error', { outcome: 'hold', reason: 'content_error' }],
    ['objection', 'error', { outcome: 'accept', reason: null }],
    ['application', 'review', { outcome: 'accept', reason: null }],
  ] as const)('screenText %s / %s', async (scene, verdict, expected) => {
    const c = checker(verdict);
    await expect(screenText(c, scene, '正常的内容', 'o1')).resolves.toMatchObject(expected);
    expect(c.seen).toEqual([{ text: '正常的内容', openid: 'o1', scene: CONTENT_POLICY[scene].checkerScene }]);
  });

  test('refusals say what to do, on the right field', async () => {
    await expect(screenText(checker('risky'), 'rating_comment', 'x', 'o1')).rejects.toMatchObject({ code: 'CONTENT_REJECTED', fields: { comment: expect.any(String) } });
    await expect(screenText(checker('review'), 'rating_reply', 'x', 'o1')).rejects.toMatchObject({ code: 'CONTENT_REJECTED', fields: { text: expect.any(String) } });
    const down = screenText(checker('error'), 'rating_reply', 'x', 'o1');
    await expect(down).rejects.toBeInstanceOf(AppError);
    await expect(down).rejects.toMatchObject({ code: 'UNAVAILABLE', message: '暂时无法检查回复内容，请稍后再提交' });
  });

  test('public text comes back masked; officials-only text as written', async () => {
    expect((await screenText(checker('pass'), 'rating_comment', '站长王某电话13812345678', 'o1')).text).toBe('站长王某电话138****5678');
    expect((await screenText(checker('pass'), 'objection', '电话13812345678', 'o1')).text).toBe('电话13812345678');
  });
});

describe('maskContacts', () => {
  test.each([
    ['站长王某电话13812345678', '站长王某电话138****5678'],
    ['打138 1234 5678或139-8765-4321', '打138****5678或139****4321'],
    ['全角１３８１２３４５６７８', '全角１３８****５６７８'],
    ['身份证360731199001011234', '身份证360731********1234'],
    ['身份证36073119900101123x。', '身份证360731********123x。'],
    ['订单号2026120412345678901不是手机', '订单号2026120412345678901不是手机'],
    ['12345和0797-6221234不是手机', '12345和0797-6221234不是手机'],
    ['服务很好，收费2元', '服务很好，收费2元'],
  ])('%s', (input, expected) => {
    expect(maskContacts(input)).toBe(expected);
  });
});
