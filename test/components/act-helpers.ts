/** Small act() helpers shared by the page and component tests. */
import { act, fireEvent, render } from '@testing-library/react';
import type { ReactElement } from 'react';

/** Lets mocked API answers settle inside act(). */
export const flush = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });

/** Lets the Taro web components (stencil) render their inner inputs before values change. */
export const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 30)));

/** Types into this input element, as Taro's onInput sees it. */
export const typeInto = (el: Element, value: string) =>
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });

/** Types into the input with this id, as Taro's onInput sees it. */
export const type = (container: HTMLElement, id: string, value: string) => typeInto(container.querySelector(`#${id}`) as Element, value);

/** Types each value into the input with that id, in order. */
export function fillIn(container: HTMLElement, values: Record<string, string>): void {
  for (const [id, value] of Object.entries(values)) type(container, id, value);
}

/** Renders `ui` and lets its first API answers settle. */
export async function renderSettled(ui: ReactElement) {
  const r = render(ui);
  await flush();
  return r;
}

/** Clicks the element with this id, then lets the API answers settle. */
export async function clickSettled(container: HTMLElement, id: string): Promise<void> {
  fireEvent.click(container.querySelector(`#${id}`) as Element);
  await flush();
}

/** Types into the field with this id and lets what it sets off run (an async act). */
export const enter = (root: ParentNode, id: string, value: string) =>
  act(async () => {
    (root.querySelector(`#${id}`) as Element).dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });

/** Clicks the button that opens a panel, then lets the panel's Taro inputs render. */
export async function openPanel(root: ParentNode, button: string): Promise<void> {
  fireEvent.click(root.querySelector(`#${button}`) as Element);
  await settle();
}

/** Types `value` into the field `field`, then presses `button` (each in an async act). */
export async function submitWith(root: ParentNode, field: string, value: string, button: string): Promise<void> {
  await enter(root, field, value);
  await press(root, button);
}

/** Clicks the element with this id and lets the calls it makes answer (an async act). */
export const press = (root: ParentNode, id: string) =>
  act(async () => {
    fireEvent.click(root.querySelector(`#${id}`) as Element);
  });
