/** Small act() helpers shared by the page and component tests. */
import { act, fireEvent } from '@testing-library/react';

/** Lets mocked API answers settle inside act(). */
export const flush = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });

/** Lets the Taro web components (stencil) render their inner inputs before values change. */
export const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 30)));

/** Types into the input with this id, as Taro's onInput sees it. */
export const type = (container: HTMLElement, id: string, value: string) =>
  act(() => {
    (container.querySelector(`#${id}`) as Element).dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });

/** Types into the field with this id and lets what it sets off run (an async act). */
export const enter = (root: ParentNode, id: string, value: string) =>
  act(async () => {
    (root.querySelector(`#${id}`) as Element).dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });

/** Clicks the element with this id and lets the calls it makes answer (an async act). */
export const press = (root: ParentNode, id: string) =>
  act(async () => {
    fireEvent.click(root.querySelector(`#${id}`) as Element);
  });
