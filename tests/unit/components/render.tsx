import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';

/** Renders into a fresh container attached to the document; returns it and a cleanup. */
export function mount(node: ComponentChild) {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => {
    render(node, container);
  });
  return {
    container,
    unmount: () => {
      act(() => render(null, container));
      container.remove();
    },
  };
}

export function button(container: Element, name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find(
    (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === name,
  );
  if (!found) throw new Error(`No button "${name}"`);
  return found;
}

export function labelled(container: Element, text: string): HTMLInputElement | HTMLTextAreaElement {
  const label = [...container.querySelectorAll('label')].find((one) => one.textContent?.trim() === text);
  const id = label?.getAttribute('for');
  const field = id ? container.ownerDocument.getElementById(id) : null;
  if (!field) throw new Error(`No field labelled "${text}"`);
  return field as HTMLInputElement;
}

export async function click(element: HTMLElement) {
  await act(async () => {
    element.click();
  });
}

export async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}
