/** Small act() helpers shared by the officials' page tests. */
import { act } from '@testing-library/react';

/** Lets mocked API answers settle inside act(). */
export const flush = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });

/** Types into the input with this id, as Taro's onInput sees it. */
export const type = (container: HTMLElement, id: string, value: string) =>
  act(() => {
    (container.querySelector(`#${id}`) as Element).dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
