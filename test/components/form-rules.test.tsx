/**
 * The app's forms check what the server checks, with the same rules: limits and the call-back
 * phone come from zod-free core modules (core/*\/limits.ts) that both sides import, so nothing is
 * mirrored. This checks the form's own checks against the server schema at the edges.
 */
import { evaluateInput, submitInput } from '@core/complaint/api';
import { MAX_EVALUATION_COMMENT, MIN_DESCRIPTION } from '@core/complaint/limits';
import { validateDraft } from '@/components/complaint/ComplaintForm';

const base = { stationId: 'st-ydgj-01', category: 'attitude' as const };
const ZW = '\u200b';

test('description: the form and the server agree, counting visible characters', () => {
  const cases = ['一二三四', '一二三四五', '  一二三四  ', 'x'.repeat(2000), 'x'.repeat(2001), ZW.repeat(6), `一二${ZW.repeat(4)}三四`, `一二三四五${ZW}`, '\u3000'.repeat(6), '\ufeff'.repeat(8)];
  for (const description of cases) {
    const client = !validateDraft({ ...base, description, phone: '' }).description;
    expect([description, client]).toEqual([description, submitInput.safeParse({ ...base, description }).success]);
  }
  expect(MIN_DESCRIPTION).toBe(5);
});

test('call-back phone: the form and the server take mobile and landline numbers only', () => {
  const accepted = ['13812341234', '0797-6221234', '07976221234', '010-62212345', '02162212345'];
  const refused = ['12345', '12315', '400-123-4567', '4001234567', '1381234123', '95588', '0797-1234567', '110'];
  for (const phone of [...accepted, ...refused]) {
    const client = !validateDraft({ ...base, description: '足够长的描述', phone }).phone;
    const server = submitInput.safeParse({ ...base, description: '足够长的描述', phone }).success;
    expect([phone, client, server]).toEqual([phone, accepted.includes(phone), accepted.includes(phone)]);
  }
});

test('evaluation comment limit', () => {
  expect(evaluateInput.safeParse({ id: 'cmp-0001', version: 1, evaluation: 'satisfied', comment: 'x'.repeat(MAX_EVALUATION_COMMENT) }).success).toBe(true);
  expect(evaluateInput.safeParse({ id: 'cmp-0001', version: 1, evaluation: 'satisfied', comment: 'x'.repeat(MAX_EVALUATION_COMMENT + 1) }).success).toBe(false);
});
