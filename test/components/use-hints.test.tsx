/** useHints: a form's own checks keep only the failed fields' hints and scroll only when one failed. */
import { act, renderHook } from '@testing-library/react';
import { useHints } from '@/hooks/useHints';
import { scrollToFirstError } from '@/utils/scrollIntoView';

jest.mock('@/utils/scrollIntoView', () => ({ scrollToFirstError: jest.fn() }));
const scroll = scrollToFirstError as jest.Mock;

beforeEach(() => scroll.mockClear());

test('failed checks become hints, passed ones do not, and the page scrolls to the first', () => {
  const { result } = renderHook(() => useHints());
  let passed = true;
  act(() => {
    passed = result.current.check({ name: '请填写姓名', phone: false, text: '请写清事实' });
  });
  expect(passed).toBe(false);
  expect(result.current.hint).toEqual({ name: '请填写姓名', text: '请写清事实' });
  expect(scroll).toHaveBeenCalledTimes(1);
});

test('all checks passing clears the old hints and does not scroll', () => {
  const { result } = renderHook(() => useHints());
  act(() => void result.current.check({ name: '请填写姓名' }));
  scroll.mockClear();
  let passed = false;
  act(() => {
    passed = result.current.check({ name: false });
  });
  expect(passed).toBe(true);
  expect(result.current.hint).toEqual({});
  expect(scroll).not.toHaveBeenCalled();
});
