/**
 * The desk (issue 11 §1): at ≥ 1024 px the queue is a table with search, keyboard navigation, a
 * side pane and batch actions; below (and without matchMedia, as in the mini-program) the phone
 * list is unchanged.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import QueuePage from '@/packages/official/queue/index';
import { complaintsAdmin, type ComplaintListItem } from '@/services/complaints-admin';
import { openPanel, settle } from './act-helpers';
import { complaintListItem } from './fixtures';
import { resetTaroAnd } from './taro-mock';

// Taro's web components render slowly on a busy machine.
jest.setTimeout(30_000);

jest.mock('@/services/complaints-admin', () => ({
  complaintsAdmin: { queue: jest.fn(), detail: jest.fn(), accept: jest.fn(), batchAccept: jest.fn(), batchAssign: jest.fn() },
}));
const api = complaintsAdmin as unknown as Record<string, jest.Mock>;

function row(n: number, over: Partial<ComplaintListItem> = {}): ComplaintListItem {
  return complaintListItem({
    id: `cmp00000${n}`,
    trackingNo: `TS261009AAAA0${n}`,
    submittedAt: '2026-10-09T02:00:00Z',
    dueAt: '2099-10-14T16:00:00Z',
    version: 1,
    assigneeLabel: null,
    ...over,
  });
}

/** A window `width` px wide as matchMedia sees it. */
function windowWidth(width: number | null) {
  if (width === null) {
    delete (window as { matchMedia?: unknown }).matchMedia;
    return;
  }
  window.matchMedia = ((query: string) => {
    const min = Number(/min-width:\s*(\d+)px/.exec(query)?.[1] ?? 0);
    return { matches: width >= min, media: query, addEventListener: () => undefined, removeEventListener: () => undefined } as unknown as MediaQueryList;
  }) as typeof window.matchMedia;
}

const key = (k: string) => act(() => void fireEvent.keyDown(document.body, { key: k }));

beforeEach(() => {
  resetTaroAnd(api);
  api.queue.mockResolvedValue({ items: [row(1), row(2, { escalationLevel: 1, assigneeLabel: '运营单位：于都县电商', status: 'assigned', statusLabel: '已转办', awaitingReceipt: true, supervisionDueOn: '2026-10-20' }), row(3)], nextCursor: null, calendarWarning: null });
  api.detail.mockImplementation(({ id }: { id: string }) => new Promise(() => void id));
});
afterEach(() => windowWidth(null));

test('a phone-sized window and no matchMedia (weapp) keep the phone list', async () => {
  for (const w of [null, 390, 1023]) {
    windowWidth(w);
    const { container, unmount } = render(<QueuePage />);
    await settle();
    expect(container.querySelector('#queue-list')).not.toBeNull();
    expect(container.querySelector('#queue-item-cmp000001')).not.toBeNull();
    expect(container.querySelector('.desk')).toBeNull();
    unmount();
  }
});

test('at 1024 px: a table with the columns, days left and escalation; the search goes to the server', async () => {
  windowWidth(1024);
  const { container } = render(<QueuePage />);
  await settle();
  expect(container.querySelector('#queue-list')).toBeNull();
  const head = container.querySelector('.desk__row--head')!.textContent;
  expect(head).toBe('投诉编号站点类型状态期限督办承办');
  const second = container.querySelector('#desk-row-cmp000002')!.textContent!;
  expect(second).toContain('TS261009AAAA02');
  expect(second).toContain('已转办');
  expect(second).toContain('市级督办');
  expect(second).toContain('运营单位：于都县电商');
  // Hand-offs show in the row: not yet 签收, a 督办 waiting for the county's answer.
  expect(second).toContain('已转办·待签收');
  expect(container.querySelector('#desk-esc-cmp000002')!.textContent).toBe('市级督办·待答复');
  expect(container.querySelector('#desk-due-cmp000001')!.textContent).toMatch(/^还剩 \d+ 个工作日$/);

  const input = container.querySelector('#desk-search')!;
  await act(async () => {
    input.dispatchEvent(new CustomEvent('input', { detail: { value: '4321' } }));
  });
  await openPanel(container, 'desk-search-submit');
  expect(api.queue).toHaveBeenLastCalledWith(expect.objectContaining({ q: '4321', limit: 50 }));
  expect(container.querySelector('#desk-selected')!.textContent).toBe('共 3 件 · 电话后4位 4321');

  // A word that means nothing is not sent; the official is told what the box takes.
  const calls = api.queue.mock.calls.length;
  await act(async () => {
    input.dispatchEvent(new CustomEvent('input', { detail: { value: '12' } }));
  });
  await openPanel(container, 'desk-search-submit');
  expect(api.queue.mock.calls.length).toBe(calls);
  expect(container.querySelector('#desk-result')!.textContent).toContain('电话后 4 位');
});

test('keyboard: ↓ moves, Enter opens the case in the side pane, A accepts the row, Esc closes', async () => {
  windowWidth(1366);
  const { container } = render(<QueuePage />);
  await settle();
  expect(container.querySelector('#desk-row-cmp000001')!.className).toContain('desk__row--cursor');
  await key('ArrowDown');
  expect(container.querySelector('#desk-row-cmp000002')!.className).toContain('desk__row--cursor');
  await key('Enter');
  await settle();
  expect(api.detail).toHaveBeenCalledWith({ id: 'cmp000002' });
  expect(container.querySelector('#desk-pane #desk-case')).not.toBeNull();
  await key('Escape');
  expect(container.querySelector('#desk-pane-empty')).not.toBeNull();

  await key('ArrowDown');
  api.accept.mockResolvedValue({});
  await key('a');
  await settle();
  expect(api.accept).toHaveBeenCalledWith({ id: 'cmp000003', version: 1 });

  // O: 转办 the cursor row to the operator (confirmed, through the batch action).
  api.batchAssign.mockResolvedValue({ results: [{ id: 'cmp000003', trackingNo: 'TS261009AAAA03', ok: true, version: 2, statusLabel: '已转办' }], done: 1, failed: 0 });
  await key('o');
  await settle();
  expect(api.batchAssign).toHaveBeenCalledWith({ items: [{ id: 'cmp000003', version: 1 }], to: 'operator' });
  expect(container.querySelector('#desk-result')!.textContent).toContain('转办给运营单位：成功 1 件');
});

test('batch accept: the selected rows with their versions, per-case results shown', async () => {
  windowWidth(1366);
  const { container } = render(<QueuePage />);
  await settle();
  fireEvent.click(container.querySelector('#desk-check-cmp000001')!);
  await key('ArrowDown');
  await key('ArrowDown');
  await key(' ');
  await settle();
  expect(container.querySelector('#desk-selected')!.textContent).toBe('已选 2 件');
  api.batchAccept.mockResolvedValue({
    results: [
      { id: 'cmp000001', trackingNo: 'TS261009AAAA01', ok: true, version: 2, statusLabel: '已受理' },
      { id: 'cmp000003', trackingNo: null, ok: false, code: 'CONFLICT', message: '这件投诉刚被他人处理，请刷新后再试' },
    ],
    done: 1,
    failed: 1,
  });
  await openPanel(container, 'desk-batch-accept');
  expect(api.batchAccept).toHaveBeenCalledWith({ items: [{ id: 'cmp000001', version: 1 }, { id: 'cmp000003', version: 1 }] });
  const notice = container.querySelector('#desk-result')!.textContent!;
  expect(notice).toContain('受理：成功 1 件，未办 1 件');
  expect(notice).toContain('TS261009AAAA03：这件投诉刚被他人处理');
  await waitFor(() => expect(container.querySelector('#desk-selected')!.textContent).toBe('共 3 件'));
});
