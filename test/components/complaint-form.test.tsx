/**
 * The complaint form: validation in plain words, at most 3 photos (a 4th refused with a
 * message), the draft kept on the phone and restored, and a retry after a lost answer that
 * reuses the same request id (the server then cannot file twice).
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ComplaintForm from '@/components/complaint/ComplaintForm';
import NewComplaintPage from '@/pages/complaint/new/index';
import { LIMIT_MESSAGE } from '@/components/complaint/PhotoPicker';
import { typeInto } from './act-helpers';
import { extraTaro, fail, flush, freshScreen, mockUpload, offline, pickedJpegs, serve, type Handler } from './feedback-support';
import { complaintView } from './fixtures';
import { routerParams, storage } from './taro-mock';

const STATION = { id: 'st-ydgj-01', name: '江西电商扶贫工程贡江镇服务站' };
const DRAFT_KEY = `zdt.complaintDraft.${STATION.id}`;

/** jsdom has no scrolling: record what the form brings into view (the element and how). */
const scrolled = jest.fn();
beforeEach(() => {
  freshScreen('demo-resident-1');
  scrolled.mockReset();
  Element.prototype.scrollIntoView = function (this: Element, opts?: boolean | ScrollIntoViewOptions) {
    scrolled(this.id, opts);
  };
});

const lastScrolled = () => scrolled.mock.calls[scrolled.mock.calls.length - 1]?.[0];

function renderForm(onSubmitted = jest.fn(), more: { onOpenMine?: () => void; onOpenComplaint?: (id: string) => void } = {}) {
  const view = render(<ComplaintForm stationId={STATION.id} stationName={STATION.name} onSubmitted={onSubmitted} {...more} />);
  const $ = (sel: string) => view.container.querySelector(sel);
  return { ...view, $, onSubmitted };
}

const baseHandlers = (submit: Handler): Record<string, Handler> => ({
  'complaints.similar': () => [],
  'complaints.submit': submit,
});

function fillValid($: (s: string) => Element | null) {
  fireEvent.click($('#category-overcharge')!);
  typeInto($('#complaint-description')!, '寄快递收了15元，墙上写5元。');
}

test('validation: category and description required, at least 5 characters, phone checked — nothing is sent', async () => {
  const sent = serve(baseHandlers(() => complaintView()));
  const { $ } = renderForm();

  fireEvent.click($('#complaint-submit')!);
  expect($('#error-category')!.textContent).toBe('请选择投诉类型');
  expect($('#error-description')!.textContent).toBe('请写一写发生了什么');
  // The notice names the first problem, and that problem's red text is brought into view.
  expect($('#complaint-submit-error')!.textContent).toContain('还有没填好的地方：请选择投诉类型');
  expect(lastScrolled()).toBe('error-category');
  expect(scrolled).toHaveBeenLastCalledWith('error-category', expect.objectContaining({ block: 'center' }));

  fireEvent.click($('#category-attitude')!);
  expect($('#error-category')).toBeNull();
  typeInto($('#complaint-description')!, '态度差');
  expect($('#description-counter')!.textContent).toBe('3/2000');
  typeInto($('#complaint-phone')!, '12345');
  fireEvent.click($('#complaint-submit')!);
  expect($('#error-description')!.textContent).toBe('请至少写 5 个字，说清楚发生了什么');
  expect($('#error-phone')!.textContent).toContain('电话号码不对');
  expect(lastScrolled()).toBe('error-description');

  // Only the last field wrong (far down the form): that is where the form goes.
  typeInto($('#complaint-description')!, '态度很差，还骂人。');
  fireEvent.click($('#complaint-submit')!);
  expect($('#error-description')).toBeNull();
  expect(lastScrolled()).toBe('error-phone');

  await act(flush);
  expect(sent.filter((s) => s.action === 'submit')).toHaveLength(0);
});

test('server field errors land under their fields', async () => {
  serve(baseHandlers(() => fail('CONTENT_REJECTED', '投诉内容含有不当信息，请修改后再提交', { description: '含有不当信息' })));
  const { $ } = renderForm();
  fillValid($);
  fireEvent.click($('#complaint-submit')!);
  await waitFor(() => expect($('#complaint-submit-error')).not.toBeNull());
  expect($('#complaint-submit-error')!.textContent).toContain('投诉内容含有不当信息');
  expect($('#error-description')!.textContent).toBe('含有不当信息');
  expect(lastScrolled()).toBe('error-description');
  expect($('#btn-retry-submit')).toBeNull();
});

test('photos: up to 3 upload; a 4th is refused with a clear message and the picker is not opened', async () => {
  serve(baseHandlers(() => complaintView()));
  const upload = mockUpload();
  extraTaro.chooseImage.mockResolvedValueOnce(pickedJpegs(2, 1)).mockResolvedValueOnce(pickedJpegs(1, 3));
  const { $ } = renderForm();

  await act(async () => {
    fireEvent.click($('#photo-add')!);
  });
  await waitFor(() => expect($('#photo-1')).not.toBeNull());
  expect(extraTaro.chooseImage.mock.calls[0][0]).toMatchObject({ count: 3, sizeType: ['compressed'] });
  // The upload is the raw image with the demo identity.
  const [url, init] = upload.mock.calls[0] as unknown as [string, { method: string; headers: Record<string, string>; body: Blob }];
  expect(url).toBe('/api/upload');
  expect(init.method).toBe('POST');
  expect(init.headers['X-WX-OPENID']).toBe('demo-resident-1');
  expect(init.body).toBeInstanceOf(Blob);

  await act(async () => {
    fireEvent.click($('#photo-add')!);
  });
  await waitFor(() => expect($('#photo-2')).not.toBeNull());
  expect(extraTaro.chooseImage.mock.calls[1][0]).toMatchObject({ count: 1 });

  // The 4th: refused in words, nothing opened.
  await act(async () => {
    fireEvent.click($('#photo-add')!);
  });
  expect($('#photo-limit')!.textContent).toBe(LIMIT_MESSAGE);
  expect(extraTaro.chooseImage).toHaveBeenCalledTimes(2);
  expect($('#photo-add')!.textContent).toContain('已满 3 张');

  // Removing one frees a slot; the draft keeps the uploaded ids.
  fireEvent.click($('#photo-remove-0')!);
  expect($('#photo-2')).toBeNull();
  const draft = storage.get(DRAFT_KEY) as { photos: { id: string }[] };
  expect(draft.photos.map((p) => p.id)).toEqual(['upl-test-photo-0002', 'upl-test-photo-0003']);
});

test('photos: picking more than the free slots keeps the first ones and says how many were left out', async () => {
  serve(baseHandlers(() => complaintView()));
  mockUpload();
  extraTaro.chooseImage.mockResolvedValueOnce(pickedJpegs(5));
  const { $ } = renderForm();
  await act(async () => {
    fireEvent.click($('#photo-add')!);
  });
  await waitFor(() => expect($('#photo-2')).not.toBeNull());
  expect($('#photo-3')).toBeNull();
  expect($('#photo-limit')!.textContent).toBe('最多只能放 3 张照片，多选的 2 张没有加上。');
});

test('photos: a failed upload says so and can be retried; replace swaps one photo', async () => {
  serve(baseHandlers(() => complaintView()));
  mockUpload((n) => (n === 1 ? 'offline' : { status: 200, body: { ok: true, data: { id: `upl-test-photo-r${n}xxxxxx` } } }));
  extraTaro.chooseImage.mockResolvedValueOnce(pickedJpegs(1)).mockResolvedValueOnce(pickedJpegs(1, 9));
  const { $, container } = renderForm();
  await act(async () => {
    fireEvent.click($('#photo-add')!);
  });
  await waitFor(() => expect(container.textContent).toContain('没传上去'));
  await act(async () => {
    fireEvent.click(screen.getByText('重试'));
  });
  await waitFor(() => expect($('#photo-0')).not.toBeNull());
  await act(async () => {
    fireEvent.click($('#photo-replace-0')!);
  });
  await waitFor(() => expect((storage.get(DRAFT_KEY) as { photos: { id: string }[] }).photos[0].id).toBe('upl-test-photo-r3xxxxxx'));
  expect($('#photo-1')).toBeNull();
});

test('draft: every change is kept on the phone and restored when the form opens again', async () => {
  serve(baseHandlers(() => complaintView()));
  const first = renderForm();
  fillValid(first.$);
  fireEvent.click(first.$('#complaint-share-identity')!);
  typeInto(first.$('#complaint-phone')!, '13812341234');
  const saved = storage.get(DRAFT_KEY) as { category: string; description: string; shareIdentity: boolean; phone: string; requestId: string };
  expect(saved).toMatchObject({ category: 'overcharge', description: '寄快递收了15元，墙上写5元。', shareIdentity: true, phone: '13812341234' });
  first.unmount();

  const again = renderForm();
  expect(again.$('#draft-restored')!.textContent).toContain('已恢复您上次没写完的内容');
  expect(again.$('#category-overcharge')!.className).toContain('chip--on');
  expect((again.$('#complaint-description') as HTMLTextAreaElement & { value: string }).value).toBe('寄快递收了15元，墙上写5元。');
  expect(again.$('#complaint-share-identity')!.textContent).toContain('开');
  expect(again.$('#complaint-privacy')!.textContent).toContain('您已允许');

  // 清空重写 starts over with a new request id.
  fireEvent.click(again.$('#btn-clear-draft')!);
  expect(storage.has(DRAFT_KEY)).toBe(false);
  expect(again.$('#category-overcharge')!.className).not.toContain('chip--on');
});

test('share identity is off by default and the privacy notice says who sees what', () => {
  serve(baseHandlers(() => complaintView()));
  const { $ } = renderForm();
  expect($('#complaint-share-identity')!.textContent).toContain('关');
  const notice = $('#complaint-privacy')!.textContent!;
  expect(notice).toContain('看不到您是谁');
  expect(notice).toContain('拍摄地点');
  expect(notice).toContain('保存');
});

test('a lost answer: may have arrived, one action kept in view, each try numbered — and the SAME request id, also after coming back', async () => {
  const ids: string[] = [];
  let answers = 0;
  const sent = serve(
    baseHandlers((_data, requestId) => {
      ids.push(requestId!);
      answers += 1;
      return answers <= 2 ? offline() : complaintView();
    }),
  );
  const openMine = jest.fn();
  const first = renderForm(jest.fn(), { onOpenMine: openMine });
  fillValid(first.$);
  fireEvent.click(first.$('#complaint-submit')!);
  expect(first.$('#complaint-submit')!.textContent).toBe('正在提交…');
  await waitFor(() => expect(first.$('#complaint-submit-error')).not.toBeNull());
  const notice = () => first.$('#complaint-submit-error')!.textContent!;
  // Not stated as a failure: it may have been stored.
  expect(notice()).toContain('可能已经提交成功');
  expect(notice()).toContain('不会重复投诉');
  expect(notice()).not.toContain('还没有提交成功');
  // One action: the submit button itself (no second 重试 button), the notice right above it, both in view.
  expect(first.$('#btn-retry-submit')).toBeNull();
  expect(first.$('#complaint-submit')!.textContent).toBe('再提交一次');
  expect(first.$('#complaint-submit-area')!.contains(first.$('#complaint-submit-error'))).toBe(true);
  expect(scrolled).toHaveBeenLastCalledWith('complaint-submit-area', expect.objectContaining({ block: 'nearest' }));
  // …and a way to check.
  fireEvent.click(first.$('#btn-failure-mine')!);
  expect(openMine).toHaveBeenCalled();
  const kept = storage.get(DRAFT_KEY) as { requestId: string; sentAt: string | null };
  expect(kept.requestId).toBe(ids[0]);
  expect(kept.sentAt).not.toBeNull();
  const firstTitle = first.$('#complaint-failure-title')!.textContent;

  // The second try is visibly a try, and its failure visibly a new one.
  fireEvent.click(first.$('#complaint-submit')!);
  expect(first.$('#complaint-submit')!.textContent).toBe('正在第 2 次提交…');
  await waitFor(() => expect(first.$('#complaint-submit-error')!.getAttribute('data-tries')).toBe('2'));
  expect(first.$('#complaint-failure-title')!.textContent).toContain('第 2 次没收到回复');
  expect(first.$('#complaint-failure-title')!.textContent).not.toBe(firstTitle);
  expect(ids).toHaveLength(2);
  first.unmount();

  // Back later: the restored draft says the same thing in its title and body, and submits with the same id.
  const again = renderForm();
  const restored = again.$('#draft-restored')!.textContent!;
  expect(restored).toContain('上次提交时网络断了');
  expect(restored).toContain('可能已经提交成功');
  expect(restored).not.toContain('没提交');
  expect(again.$('#btn-clear-draft')).toBeNull();
  fireEvent.click(again.$('#complaint-submit')!);
  await waitFor(() => expect(again.onSubmitted).toHaveBeenCalled());
  expect(new Set(ids)).toEqual(new Set([ids[0]]));
  expect(ids).toHaveLength(3);
  expect(storage.has(DRAFT_KEY)).toBe(false);

  const body = sent.filter((s) => s.action === 'submit').pop()!;
  expect(body.data).toEqual({ stationId: STATION.id, category: 'overcharge', description: '寄快递收了15元，墙上写5元。', shareIdentity: false });
});

test('a "not now" answer (rate limited) says nothing was filed this time, with the server’s words', async () => {
  serve(baseHandlers(() => fail('RATE_LIMITED', '提交太频繁了，请 10 分钟后再试')));
  const { $ } = renderForm(jest.fn(), { onOpenMine: jest.fn() });
  fillValid($);
  fireEvent.click($('#complaint-submit')!);
  await waitFor(() => expect($('#complaint-submit-error')).not.toBeNull());
  expect($('#complaint-submit-error')!.textContent).toContain('请 10 分钟后再试');
  expect($('#complaint-submit-error')!.textContent).toContain('这次没有提交');
  expect($('#complaint-submit-error')!.textContent).not.toContain('可能已经提交成功');
  expect($('#complaint-submit')!.textContent).toBe('再提交一次');
});

test('the villager’s own complaint under 已有人反映？ is shown as theirs, with its progress, not 我也遇到了', async () => {
  serve({
    'complaints.similar': () => [
      { id: 'cmp-mine-01', trackingNo: 'TS250604AB12CD', categoryLabel: '乱收费/未明码标价', statusLabel: '待受理', submittedOn: '2025-06-04', supporters: 0, mine: true },
    ],
  });
  const openComplaint = jest.fn();
  const { $ } = renderForm(jest.fn(), { onOpenComplaint: openComplaint });
  fireEvent.click($('#category-overcharge')!);
  await waitFor(() => expect($('#similar-cmp-mine-01')).not.toBeNull());
  expect($('#similar-reports')!.textContent).toContain('您已经反映过');
  expect($('#similar-reports')!.textContent).not.toContain('已有人反映？');
  expect($('#similar-cmp-mine-01')!.textContent).toContain('您的投诉');
  expect($('#btn-join-cmp-mine-01')).toBeNull();
  fireEvent.click($('#btn-open-cmp-mine-01')!);
  expect(openComplaint).toHaveBeenCalledWith('cmp-mine-01');
});

test('the 已有人反映 list shows open complaints of the same kind; 我也遇到了 joins one', async () => {
  const sent = serve({
    'complaints.similar': (d) =>
      d.category === 'overcharge' ? [{ id: 'cmp-similar-01', trackingNo: 'TS250601XY12ZZ', categoryLabel: '乱收费/未明码标价', statusLabel: '已受理', submittedOn: '2025-06-01', supporters: 2, mine: false }] : [],
    'complaints.join': () => ({ supporters: 3, added: true }),
  });
  const { $ } = renderForm();
  fireEvent.click($('#category-overcharge')!);
  await waitFor(() => expect($('#similar-cmp-similar-01')).not.toBeNull());
  expect($('#similar-reports')!.textContent).toContain('已有人反映？');
  expect($('#similar-cmp-similar-01')!.textContent).toContain('2 人也遇到了');
  fireEvent.click($('#btn-join-cmp-similar-01')!);
  await waitFor(() => expect($('#similar-cmp-similar-01')!.textContent).toContain('已记下'));
  expect(sent.find((s) => s.action === 'join')).toMatchObject({ data: { id: 'cmp-similar-01' } });
  expect(sent.find((s) => s.action === 'join')!.requestId).toMatch(/^[A-Za-z0-9]{20}$/);

  fireEvent.click($('#category-attitude')!);
  await waitFor(() => expect($('#similar-empty')).not.toBeNull());
});

test('page: success shows the tracking number (copyable) and deadlines; no subscribe request on H5', async () => {
  serve(baseHandlers(() => complaintView()));
  routerParams.current = { stationId: STATION.id, stationName: encodeURIComponent(STATION.name) };
  const { container } = render(<NewComplaintPage />);
  const $ = (s: string) => container.querySelector(s);
  expect($('#complaint-station')!.textContent).toBe(STATION.name);
  fillValid($);
  fireEvent.click($('#complaint-submit')!);
  await waitFor(() => expect($('#complaint-success')).not.toBeNull());
  expect($('#complaint-tracking-no')!.textContent).toBe('TS250604AB12CD');
  expect($('#complaint-status')!.textContent).toBe('待受理');
  expect($('#complaint-deadlines')!.textContent).toContain('2025年6月9日前受理');
  await act(async () => {
    fireEvent.click($('#btn-copy-tracking')!);
  });
  expect($('#btn-copy-tracking')!.textContent).toBe('已复制');
  expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'TS250604AB12CD' });
  expect(extraTaro.requestSubscribeMessage).not.toHaveBeenCalled();
  fireEvent.click($('#btn-open-complaint')!);
  expect(extraTaro.redirectTo).toHaveBeenCalledWith({ url: '/pages/complaint/detail/index?id=cmp-0001-abcdef' });
});

describe('weapp: subscribe messages on the submit tap', () => {
  const g = globalThis as unknown as { COMPLAINT_TEMPLATES?: Record<string, string> };
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    process.env.TARO_ENV = 'h5';
    delete g.COMPLAINT_TEMPLATES;
  });

  function weappServe(submit: Handler) {
    (Taro.cloud.callFunction as unknown as jest.Mock).mockImplementation(async ({ data }: { data: { action: string; data: Record<string, unknown>; requestId?: string } }) => {
      if (data.action === 'similar') return { result: { ok: true, data: [] } };
      return { result: { ok: true, data: await submit(data.data, data.requestId) } };
    });
  }

  test('asked for the updates that can come next (受理, 不予受理, 并单), and submission does not wait for the answer', async () => {
    g.COMPLAINT_TEMPLATES = { complaint_accepted: 'tpl-accepted', complaint_replied: 'tpl-replied', complaint_refused: 'tpl-refused', complaint_closed: 'tpl-closed' };
    extraTaro.requestSubscribeMessage.mockImplementation(() => new Promise(() => undefined)); // never answers
    const submit = jest.fn(() => complaintView());
    weappServe(submit);
    const { $, onSubmitted } = renderForm();
    fillValid($);
    fireEvent.click($('#complaint-submit')!);
    expect(extraTaro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tpl-accepted', 'tpl-refused', 'tpl-closed'] });
    await waitFor(() => expect(onSubmitted).toHaveBeenCalled());
  });

  test('no template ids → not asked; a refusal never blocks', async () => {
    const submit = jest.fn(() => complaintView());
    weappServe(submit);
    const { $, onSubmitted } = renderForm();
    fillValid($);
    fireEvent.click($('#complaint-submit')!);
    await waitFor(() => expect(onSubmitted).toHaveBeenCalled());
    expect(extraTaro.requestSubscribeMessage).not.toHaveBeenCalled();

    g.COMPLAINT_TEMPLATES = { complaint_accepted: 'tpl-accepted' };
    extraTaro.requestSubscribeMessage.mockImplementation(() => Promise.reject({ errMsg: 'requestSubscribeMessage:fail cancel' }));
    const second = renderForm();
    fillValid(second.$);
    fireEvent.click(second.$('#complaint-submit')!);
    await waitFor(() => expect(second.onSubmitted).toHaveBeenCalled());
  });
});
