/**
 * Forms bring their first problem into view (issue 9 item 20): after a local check or a server
 * refusal naming fields, the first red field in page order is scrolled to — not the last one, and
 * nothing moves for an error that names no field.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import NewRatingPage from '@/pages/rating/new/index';
import NoticePage from '@/packages/apply/notice/index';
import { typeInto } from './act-helpers';
import { fail, flush, freshScreen, serve } from './feedback-support';
import { routerParams } from './taro-mock';

/** jsdom has no scrolling: record which element each scroll brings into view. */
const scrolled: Element[] = [];
beforeEach(() => {
  freshScreen('demo-resident-1');
  scrolled.length = 0;
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
});

const runningNotice = {
  id: 'nt-1',
  title: '贡江镇服务站站长拟任用公示',
  running: true,
  status: 'running',
  startsOn: '2026-12-01',
  endsOn: '2026-12-08',
  outcomeLabel: null,
  facts: [{ label: '姓名', value: '王某' }],
  body: '现予公示。',
  objectionChannel: '于都县商务局 0797-1234567',
};

test('rating form: the missing dimension is scrolled to', async () => {
  routerParams.current = { stationId: 'st-ydgj-01', name: encodeURIComponent('贡江镇服务站') };
  serve({});
  const { container } = render(<NewRatingPage />);
  const $ = (s: string) => container.querySelector(s);
  for (const dim of ['attitude', 'pricing', 'cleanliness']) fireEvent.click($(`#rating-star-${dim}-4`)!);
  fireEvent.click($('#rating-submit')!);
  await act(flush);
  expect(scrolled.map((e) => e.id)).toEqual(['rating-error-efficiency']);
});

/** The running notice (nt-1) with its objection form: `$` queries the page, `submit` is the form's button. */
async function openNotice() {
  routerParams.current = { id: 'nt-1' };
  const { container } = render(<NoticePage />);
  const $ = (s: string) => container.querySelector(s);
  await waitFor(() => expect($('#notice-detail')).not.toBeNull());
  return { $, submit: $('#objection-submit')! };
}

test('objection form: local checks scroll to the first field in page order', async () => {
  const sent = serve({ 'notices.get': () => runningNotice });
  const { $, submit } = await openNotice();

  // Name and text fine, phone wrong: the phone field, not the top of the form.
  typeInto($('#objection-name')!, '李四');
  typeInto($('#objection-text')!, '该人员长期不在本村居住，不符合条件，有村委证明。');
  fireEvent.click(submit);
  await act(flush);
  expect(scrolled).toHaveLength(1);
  expect(scrolled[0]!.className).toContain('sp-field--error');
  expect(scrolled[0]!.textContent).toContain('手机号');

  // Everything empty: the first field (姓名) wins over the ones below it.
  typeInto($('#objection-name')!, '');
  fireEvent.click(submit);
  await act(flush);
  expect(scrolled[1]!.textContent).toContain('真实姓名');
  expect(sent.filter((s) => s.action === 'object')).toHaveLength(0);
});

test('objection form: a server refusal naming a field scrolls to it; one naming none does not scroll', async () => {
  let answer = fail('VALIDATION_ERROR', '请检查填写的内容', { 'data.text': '请写清异议的事实和理由' });
  serve({ 'notices.get': () => runningNotice, 'notices.object': () => answer });
  const { $, submit } = await openNotice();
  typeInto($('#objection-name')!, '李四');
  typeInto($('#objection-phone')!, '13812345678');
  typeInto($('#objection-text')!, '该人员长期不在本村居住，不符合条件，有村委证明。');
  fireEvent.click(submit);
  await waitFor(() => expect(scrolled).toHaveLength(1));
  expect(scrolled[0]!.textContent).toContain('异议内容');

  answer = fail('UNAVAILABLE', '网络不太好，请稍后再试');
  fireEvent.click(submit);
  await act(async () => {
    await flush();
    await flush();
  });
  expect(scrolled).toHaveLength(1);
});
