/**
 * Issue 9 item 11: every text with a minimum counts visible characters (z.trim() keeps
 * zero-width ones), and a call-back phone is a mobile or a landline, never a hotline.
 */
import * as complaint from '../../core/complaint/api';
import * as recruitment from '../../core/recruitment/api';
import { grantInput } from '../../core/account/service';
import { CALLBACK_PHONE, visibleLength } from '../../core/shared/limits';
import { text, z } from '../../core/shared/zod';

const ZW = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

describe('visibleLength', () => {
  test.each([
    ['', 0],
    ['水头村', 3],
    ['\u200b'.repeat(6), 0],
    [ZW.join(''), 0],
    [' \t\n\u3000\u00a0', 0],
    ['\u202e\u202d\u200e\u200f', 0],
    ['\ufe0f\u3164\u2800', 0],
    ['\udb40\udc41\udb40\udc42', 0], // tag characters
    ['一\u200b二\u200d三', 3],
    ['👍👍', 2],
    ['a b', 2],
  ])('%j → %i', (s, n) => expect(visibleLength(s)).toBe(n));
});

describe('text(): the one helper for texts with a minimum', () => {
  const one = text(10, '说明');
  const five = text(10, '描述', { min: 5 });
  const fails = (schema: z.ZodMiniType, value: string) => {
    const r = schema.safeParse(value);
    return r.success ? null : r.error.issues.map((i) => i.message);
  };

  test('invisible characters are not text', () => {
    expect(fails(one, '\u200b')).toEqual(['请填写说明']);
    expect(fails(one, '   ')).toEqual(['请填写说明']);
    expect(fails(one, '说')).toBeNull();
    expect(fails(five, '\u200b'.repeat(6))).toEqual(['描述至少 5 个字']);
    expect(fails(five, `一二${'\u200b'.repeat(4)}三四`)).toEqual(['描述至少 5 个字']);
    expect(fails(five, '一二三四五')).toBeNull();
    expect(fails(five, '一二')).toEqual(['描述至少 5 个字']);
    expect(fails(five, 'x'.repeat(11))).toEqual(['描述最多 10 个字']);
  });

  test('the text is kept as written (trimmed), joiners inside an emoji included', () => {
    expect(one.parse('  👨\u200d👩\u200d👧 ')).toBe('👨\u200d👩\u200d👧');
  });
});

describe('schemas with a minimum refuse invisible text', () => {
  const id = 'cmp-000001';
  const invisible = '\u200b'.repeat(12);
  const fieldOf = (schema: z.ZodMiniType, data: unknown) => {
    const r = schema.safeParse(data);
    return r.success ? null : r.error.issues.map((i) => i.path.join('.'));
  };

  test.each([
    ['a complaint description of six zero-width characters', complaint.submitInput, { stationId: 'st-abc', category: 'attitude', description: '\u200b'.repeat(6) }, 'description'],
    ['a refusal explanation of one', complaint.refuseInput, { id, version: 1, reason: 'duplicate', text: '\u200b' }, 'text'],
    ['a reply', complaint.replyInput, { id, version: 1, text: invisible }, 'text'],
    ['an extension reason', complaint.extendInput, { id, version: 1, workdays: 2, reason: invisible }, 'reason'],
    ['a note', complaint.noteInput, { id, text: invisible }, 'text'],
    ['an objection', recruitment.objectInput, { noticeId: id, realName: '张三', phone: '13812341234', text: `异议${invisible}内容` }, 'text'],
    ['a reveal reason', recruitment.revealInput, { applicationId: id, field: 'phone', reason: invisible }, 'reason'],
    ['an operator name', grantInput, { openid: 'o-abcdef', role: 'operator_staff', scope: { kind: 'operator', operatorName: '\u200b\u200b' } }, 'scope.operatorName'],
  ])('%s', (_name, schema, data, field) => {
    expect(fieldOf(schema, data)).toEqual([field]);
  });

  test('the refusal reason code check does not hide the text check', () => {
    expect(complaint.refuseInput.safeParse({ id, version: 1, reason: 'duplicate', text: '重复投诉' }).success).toBe(true);
  });
});

describe('call-back phone: mobile or landline only', () => {
  test.each(['13812341234', '19912345678', '0797-6221234', '07976221234', '010-62212345', '021-62212345', '0791-86221234'])('accepts %s', (phone) => {
    expect(CALLBACK_PHONE.test(phone)).toBe(true);
    expect(complaint.submitInput.safeParse({ stationId: 'st-abc', category: 'attitude', description: '多收了钱没给票', phone }).success).toBe(true);
  });
  test.each(['12345', '12315', '400-123-4567', '4001234567', '400-1234567', '800-123-4567', '95588', '110', '1381234123', '0797-1234567', '12345678901'])('refuses %s', (phone) => {
    expect(CALLBACK_PHONE.test(phone)).toBe(false);
    const r = complaint.submitInput.safeParse({ stationId: 'st-abc', category: 'attitude', description: '多收了钱没给票', phone });
    expect(r.success ? null : r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['phone', '电话号码不对：手机 11 位，座机请带区号']]);
  });
});
