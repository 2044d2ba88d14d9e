/**
 * The rating form: all four dimensions required (each named when missing), the comment
 * counter, what is sent (scores, comment, visit token, request id), and the replaced / held
 * messages after submitting.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import NewRatingPage from '@/pages/rating/new/index';
import { saveVisit } from '@/store/visit';
import { fail, freshScreen, offline, ratingView, serve } from './feedback-support';
import { routerParams, storage } from './taro-mock';

const STATION_ID = 'st-ydgj-01';

beforeEach(() => {
  freshScreen('demo-resident-1');
  routerParams.current = { stationId: STATION_ID, name: encodeURIComponent('江西电商扶贫工程贡江镇服务站') };
});

function open() {
  const view = render(<NewRatingPage />);
  return { ...view, $: (s: string) => view.container.querySelector(s) };
}

const star = ($: (s: string) => Element | null, dim: string, n: number) => fireEvent.click($(`#rating-star-${dim}-${n}`)!);

test('every dimension has 5 labelled star buttons; the choice shows in words', () => {
  serve({});
  const { $ } = open();
  for (const dim of ['attitude', 'pricing', 'cleanliness', 'efficiency']) {
    for (let n = 1; n <= 5; n++) expect($(`#rating-star-${dim}-${n}`)).not.toBeNull();
  }
  expect($('#rating-dim-attitude')!.textContent).toContain('服务态度');
  expect($('#rating-dim-pricing')!.textContent).toContain('明码标价/收费合理');
  star($, 'attitude', 4);
  expect($('#rating-word-attitude')!.textContent).toBe('4 星 · 满意');
  expect($('#rating-star-attitude-4')!.className).toContain('star--on');
  expect($('#rating-star-attitude-5')!.className).not.toContain('star--on');
  expect($('#rating-station')!.textContent).toBe('江西电商扶贫工程贡江镇服务站');
});

test('all four dimensions are required: the missing ones are named and nothing is sent', async () => {
  const sent = serve({ 'ratings.submit': () => ({ rating: ratingView(), replacedMessage: null, heldMessage: null }) });
  const { $ } = open();
  star($, 'attitude', 5);
  star($, 'pricing', 4);
  star($, 'cleanliness', 4);
  fireEvent.click($('#rating-submit')!);
  expect($('#rating-error-efficiency')!.textContent).toBe('请给“办事效率”打星');
  expect($('#rating-error-attitude')).toBeNull();
  expect($('#rating-submit-error')!.textContent).toContain('还有 1 项没打星');
  expect(sent).toHaveLength(0);

  star($, 'efficiency', 3);
  expect($('#rating-error-efficiency')).toBeNull();
  await act(async () => {
    fireEvent.click($('#rating-submit')!);
  });
  await waitFor(() => expect($('#rating-done')).not.toBeNull());
  expect(sent[0]).toMatchObject({ fn: 'ratings', action: 'submit', data: { stationId: STATION_ID, scores: { attitude: 5, pricing: 4, cleanliness: 4, efficiency: 3 } } });
  expect(sent[0].data).not.toHaveProperty('visitToken');
  expect(sent[0].requestId).toMatch(/^[A-Za-z0-9]{20}$/);
});

test('comment counter counts up to 300', () => {
  serve({});
  const { $ } = open();
  expect($('#rating-comment-counter')!.textContent).toBe('0/300');
  act(() => {
    $('#rating-comment')!.dispatchEvent(new CustomEvent('input', { detail: { value: '服务很好，收费清楚' } }));
  });
  expect($('#rating-comment-counter')!.textContent).toBe('9/300');
  act(() => {
    $('#rating-comment')!.dispatchEvent(new CustomEvent('input', { detail: { value: '好'.repeat(301) } }));
  });
  expect($('#rating-comment-counter')!.textContent).toBe('301/300');
  expect($('#rating-comment-counter')!.className).toContain('counter--over');
});

test('到店评价: the stored visit token is sent; replaced and held messages are shown', async () => {
  saveVisit({ stationId: STATION_ID, stationName: '贡江镇服务站', token: '1999999999999.kAbcdefghijklmnopqrstuv', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
  routerParams.current = { ...routerParams.current, visit: '1' };
  const sent = serve({
    'ratings.submit': () => ({
      rating: ratingView({ visitVerified: true, status: 'held', statusLabel: '审核中' }),
      replacedMessage: '您 30 天内评价过这个站点，这次的评价已替换上次的评价',
      heldMessage: '评价已提交，审核通过后公开',
    }),
  });
  const { $ } = open();
  expect($('#rating-visit')!.textContent).toBe('到店评价');
  for (const dim of ['attitude', 'pricing', 'cleanliness', 'efficiency']) star($, dim, 5);
  act(() => {
    $('#rating-comment')!.dispatchEvent(new CustomEvent('input', { detail: { value: '  很好  ' } }));
  });
  await act(async () => {
    fireEvent.click($('#rating-submit')!);
  });
  await waitFor(() => expect($('#rating-done')).not.toBeNull());
  expect(sent[0].data).toMatchObject({ visitToken: '1999999999999.kAbcdefghijklmnopqrstuv', comment: '很好' });
  expect($('#rating-replaced')!.textContent).toContain('已替换上次的评价');
  expect($('#rating-held')!.textContent).toBe('评价已提交，审核通过后公开');
});

test('an expired visit token: says so, and the rating can still be sent without it', async () => {
  routerParams.current = { ...routerParams.current, visit: '1' };
  saveVisit({ stationId: STATION_ID, stationName: 'x', token: 'tok-old', expiresAt: new Date(Date.now() - 1000).toISOString() });
  serve({});
  const { $ } = open();
  expect($('#rating-visit')).toBeNull();
  expect($('#rating-visit-lost')!.textContent).toContain('已过期');
  expect(storage.has(`zdt.visit.${STATION_ID}`)).toBe(false);
});

test('the server refusing the token clears it; a lost answer is retried with the same request id', async () => {
  saveVisit({ stationId: STATION_ID, stationName: 'x', token: '1999999999999.kAbcdefghijklmnopqrstuv', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
  let call = 0;
  const sent = serve({
    'ratings.submit': () => {
      call += 1;
      if (call === 1) return fail('VALIDATION_ERROR', '到店凭证已过期或无效，请重新扫描站点二维码', { visitToken: '凭证无效' });
      if (call === 2) return offline();
      return { rating: ratingView(), replacedMessage: null, heldMessage: null };
    },
  });
  const { $ } = open();
  for (const dim of ['attitude', 'pricing', 'cleanliness', 'efficiency']) star($, dim, 4);
  await act(async () => {
    fireEvent.click($('#rating-submit')!);
  });
  await waitFor(() => expect($('#rating-visit-lost')).not.toBeNull());
  expect(storage.has(`zdt.visit.${STATION_ID}`)).toBe(false);
  await act(async () => {
    fireEvent.click($('#rating-submit')!);
  });
  await waitFor(() => expect($('#rating-submit-error')!.textContent).toContain('网络不太好'));
  expect(sent[1].data).not.toHaveProperty('visitToken');
  await act(async () => {
    fireEvent.click($('#rating-submit')!);
  });
  await waitFor(() => expect($('#rating-done')).not.toBeNull());
  expect(sent[2].requestId).toBe(sent[1].requestId);
  expect(sent[1].requestId).not.toBe(sent[0].requestId);
});
