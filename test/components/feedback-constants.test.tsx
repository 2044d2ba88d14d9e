/** src/constants.ts mirrors complaint and rating limits from core (zod modules the app must not import). */
import { MAX_DESCRIPTION as CORE_MAX_DESCRIPTION, MAX_PHOTOS as CORE_MAX_PHOTOS, submitInput, evaluateInput } from '@core/complaint/api';
import { ACCEPT_WORKDAYS as CORE_ACCEPT, EVALUATION_DAYS as CORE_EVAL, REPLY_WORKDAYS as CORE_REPLY } from '@core/complaint/machine';
import { MAX_COMMENT } from '@core/rating/api';
import { VISIT_TOKEN_MS } from '@core/rating/rules';
import { MAX_PHOTO_BYTES as CORE_MAX_PHOTO_BYTES } from '@core/shared/image';
import {
  ACCEPT_WORKDAYS,
  EVALUATION_DAYS,
  MAX_DESCRIPTION,
  MAX_EVALUATION_COMMENT,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  MAX_RATING_COMMENT,
  MIN_DESCRIPTION,
  REPLY_WORKDAYS,
  VISIT_HOURS,
} from '@/constants';
import { validateDraft } from '@/components/complaint/ComplaintForm';

test('mirrored limits match the contract', () => {
  expect(MAX_DESCRIPTION).toBe(CORE_MAX_DESCRIPTION);
  expect(MAX_PHOTOS).toBe(CORE_MAX_PHOTOS);
  expect(MAX_RATING_COMMENT).toBe(MAX_COMMENT);
  expect(MAX_PHOTO_BYTES).toBe(CORE_MAX_PHOTO_BYTES);
  expect(ACCEPT_WORKDAYS).toBe(CORE_ACCEPT);
  expect(REPLY_WORKDAYS).toBe(CORE_REPLY);
  expect(EVALUATION_DAYS).toBe(CORE_EVAL);
  expect(VISIT_HOURS * 3_600_000).toBe(VISIT_TOKEN_MS);
});

test('the form’s own checks agree with the server schema at the edges', () => {
  const base = { stationId: 'st-ydgj-01', category: 'attitude' as const };
  for (const description of ['一二三四', '一二三四五', '  一二三四  ', 'x'.repeat(2000), 'x'.repeat(2001)]) {
    const client = !validateDraft({ ...base, description, phone: '' }).description;
    expect([description.length, client]).toEqual([description.length, submitInput.safeParse({ ...base, description }).success]);
  }
  expect(MIN_DESCRIPTION).toBe(5);
  for (const phone of ['13812341234', '0797-6221234', '07976221234', '12345', '1381234123']) {
    const client = !validateDraft({ ...base, description: '足够长的描述', phone }).phone;
    // The form takes call-back numbers only (no hotlines): never looser than the server.
    if (client) expect(submitInput.safeParse({ ...base, description: '足够长的描述', phone }).success).toBe(true);
  }
  expect(evaluateInput.safeParse({ id: 'cmp-0001', version: 1, evaluation: 'satisfied', comment: 'x'.repeat(MAX_EVALUATION_COMMENT) }).success).toBe(true);
  expect(evaluateInput.safeParse({ id: 'cmp-0001', version: 1, evaluation: 'satisfied', comment: 'x'.repeat(MAX_EVALUATION_COMMENT + 1) }).success).toBe(false);
});
