/** The shared hooks and kit: useAction (confirm, one tap, CONFLICT, a failed check), useRefreshOnShow, Button, ListFooter, Timeline, formats. */
import { act, fireEvent, render } from '@testing-library/react';
import Taro, { useDidShow } from '@tarojs/taro';
import { useAction, type ActionOptions } from '@/hooks/useAction';
import { useRefreshOnShow } from '@/hooks/useRefreshOnShow';
import { ApiError } from '@/services/transport';
import Button from '@/ui/Button';
import ListFooter from '@/ui/ListFooter';
import Timeline from '@/ui/Timeline';
import { formatDay, percent, statusTone } from '@/ui/format';
import { resetTaro } from './taro-mock';

const modal = Taro.showModal as unknown as jest.Mock;
const flush = () => act(async () => undefined);

beforeEach(() => resetTaro());

function ActionProbe({ fn, opts }: { fn: (n: number) => Promise<string>; opts: ActionOptions<[number], string> }) {
  const a = useAction(fn, opts);
  return (
    <div>
      <button id='go' onClick={() => void a.run(7)}>go</button>
      <button id='fail' onClick={() => a.fail('请先选择')}>fail</button>
      <span id='busy'>{a.busy ? `busy ${a.pending?.[0]}` : 'idle'}</span>
      <span id='error'>{a.error?.message ?? ''}</span>
    </div>
  );
}

describe('useAction', () => {
  test('asks first, and does nothing when the user says 取消', async () => {
    modal.mockResolvedValueOnce({ confirm: false, cancel: true });
    const fn = jest.fn(() => Promise.resolve('ok'));
    const { container } = render(<ActionProbe fn={fn} opts={{ confirm: (n) => ({ title: '撤销角色', content: `撤销 ${n}？`, confirmText: '撤销' }) }} />);
    fireEvent.click(container.querySelector('#go')!);
    await flush();
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤销角色', content: '撤销 7？', confirmText: '撤销', cancelText: '取消' }));
    expect(fn).not.toHaveBeenCalled();
  });

  test('runs after 确定; a second tap while busy is ignored', async () => {
    let resolve!: (v: string) => void;
    const fn = jest.fn(() => new Promise<string>((r) => (resolve = r)));
    const onDone = jest.fn();
    const { container } = render(<ActionProbe fn={fn} opts={{ confirm: { title: 't', content: 'c' }, onDone }} />);
    fireEvent.click(container.querySelector('#go')!);
    await flush();
    fireEvent.click(container.querySelector('#go')!);
    await flush();
    expect(fn).toHaveBeenCalledTimes(1);
    expect(modal).toHaveBeenCalledTimes(1);
    expect(container.querySelector('#busy')!.textContent).toBe('busy 7');
    await act(async () => resolve('done'));
    expect(onDone).toHaveBeenCalledWith('done', 7);
    expect(container.querySelector('#busy')!.textContent).toBe('idle');
  });

  test('CONFLICT goes to onConflict; other errors are kept to show', async () => {
    const onConflict = jest.fn();
    const conflict = new ApiError('CONFLICT', '已被他人处理，请刷新');
    const { container, rerender } = render(<ActionProbe fn={() => Promise.reject(conflict)} opts={{ onConflict }} />);
    fireEvent.click(container.querySelector('#go')!);
    await flush();
    expect(onConflict).toHaveBeenCalledWith(conflict, 7);
    expect(container.querySelector('#error')!.textContent).toBe('');

    rerender(<ActionProbe fn={() => Promise.reject(new ApiError('FORBIDDEN', '没有权限'))} opts={{ onConflict }} />);
    fireEvent.click(container.querySelector('#go')!);
    await flush();
    expect(container.querySelector('#error')!.textContent).toBe('没有权限');
    expect(onConflict).toHaveBeenCalledTimes(1);
  });

  test('fail shows a local check as the error, not while a write runs; the next run clears it', async () => {
    let resolve!: (v: string) => void;
    const fn = jest.fn(() => new Promise<string>((r) => (resolve = r)));
    const { container } = render(<ActionProbe fn={fn} opts={{}} />);
    fireEvent.click(container.querySelector('#fail')!);
    expect(container.querySelector('#error')!.textContent).toBe('请先选择');
    fireEvent.click(container.querySelector('#go')!);
    await flush();
    expect(container.querySelector('#error')!.textContent).toBe('');
    fireEvent.click(container.querySelector('#fail')!);
    await flush();
    expect(container.querySelector('#error')!.textContent).toBe('');
    await act(async () => resolve('done'));
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

test('useRefreshOnShow skips the first show and refreshes on every return', () => {
  const refresh = jest.fn();
  function Page() {
    useRefreshOnShow(refresh);
    return null;
  }
  render(<Page />);
  const onShow = (useDidShow as jest.Mock).mock.calls.at(-1)![0] as () => void;
  onShow();
  expect(refresh).not.toHaveBeenCalled();
  onShow();
  onShow();
  expect(refresh).toHaveBeenCalledTimes(2);
});

test('Button: a role, a tab stop, a name and state; Enter and Space act; disabled does not', () => {
  const onClick = jest.fn();
  const { container, rerender } = render(
    <Button id='sw' role='switch' checked={false} label='长辈模式' onClick={onClick}>
      关
    </Button>,
  );
  const el = container.querySelector('#sw')!;
  expect(el.getAttribute('role')).toBe('switch');
  expect(el.getAttribute('tabindex')).toBe('0');
  expect(el.getAttribute('aria-checked')).toBe('false');
  expect(el.getAttribute('aria-label')).toBe('长辈模式');
  fireEvent.keyDown(el, { key: 'Enter' });
  fireEvent.keyDown(el, { key: ' ' });
  fireEvent.keyDown(el, { key: 'a' });
  expect(onClick).toHaveBeenCalledTimes(2);
  rerender(
    <Button id='sw' disabled onClick={onClick}>
      关
    </Button>,
  );
  expect(el.getAttribute('aria-disabled')).toBe('true');
  fireEvent.click(el);
  fireEvent.keyDown(el, { key: 'Enter' });
  expect(onClick).toHaveBeenCalledTimes(2);
});

test('ListFooter: 加载更多, 重新加载 after an error, the end only under a non-empty list', () => {
  const onMore = jest.fn();
  const err = new ApiError('UNAVAILABLE', '网络不好');
  const { container, rerender } = render(<ListFooter hasMore loadingMore={false} moreError={err} onMore={onMore} count={3} />);
  expect(container.textContent).toContain('网络不好');
  fireEvent.click(container.querySelector('#btn-load-more')!);
  expect(onMore).toHaveBeenCalledTimes(1);
  expect(container.querySelector('#btn-load-more')!.textContent).toBe('重新加载');
  rerender(<ListFooter hasMore loadingMore moreError={null} onMore={onMore} count={3} idPrefix='mine' />);
  fireEvent.click(container.querySelector('#mine-more')!);
  expect(onMore).toHaveBeenCalledTimes(1);
  rerender(<ListFooter hasMore={false} loadingMore={false} moreError={null} onMore={onMore} count={3} endText='共 3 件' idPrefix='mine' />);
  expect(container.querySelector('#mine-end')!.textContent).toBe('共 3 件');
  rerender(<ListFooter hasMore={false} loadingMore={false} moreError={null} onMore={onMore} count={0} />);
  expect(container.querySelector('#list-end')).toBeNull();
});

test('Timeline: officials see who acted and 内部 notes; the public answer has neither', () => {
  const items = [
    { at: '2025-06-03T02:00:00Z', action: 'submit', label: '提交', status: 'submitted' as const, note: null },
    { at: '2025-06-04T02:00:00Z', action: 'note', label: '备注', status: 'submitted' as const, note: '已电话联系', byRole: 'county_official', internal: true },
  ];
  const { container } = render(<Timeline items={items} />);
  expect(container.textContent).toContain('2025年6月3日 10:00');
  expect(container.textContent).toContain('县级');
  expect(container.querySelector('.timeline__item--internal')!.textContent).toContain('内部');
  const { container: empty } = render(<Timeline items={[]} emptyText='暂无记录' />);
  expect(empty.textContent).toBe('暂无记录');
});

test('one format for days, percentages and status colours', () => {
  expect(formatDay('2025-06-04')).toBe('2025年6月4日');
  expect(percent(0.873)).toBe('87%');
  expect(percent(null)).toBe('暂无');
  expect(statusTone('refused')).toBe('danger');
  expect(statusTone('closed')).toBe('muted');
});
