// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { LazyDetails } from '@/components/LazyDetails';
import { mount } from './render';

// The sidebar's full interaction form sits in a closed <details>: it is built when first opened, then kept.

let cleanup: () => void = () => undefined;
afterEach(() => cleanup());

function Typed() {
  const [text, setText] = useState('');
  return <input aria-label="Text" value={text} onInput={(event) => setText(event.currentTarget.value)} />;
}

function toggle(details: HTMLDetailsElement, open: boolean) {
  act(() => {
    details.open = open;
    details.dispatchEvent(new Event('toggle'));
  });
}

describe('LazyDetails', () => {
  it('builds nothing inside until opened, then keeps what was typed when closed and opened again', () => {
    const { container, unmount } = mount(
      <LazyDetails summary="Log with details…" summaryClass="toggle">
        <Typed />
      </LazyDetails>,
    );
    cleanup = unmount;
    const details = container.querySelector('details') as HTMLDetailsElement;
    expect(details.querySelector('summary')?.textContent).toBe('Log with details…');
    expect(details.querySelector('input')).toBeNull();
    toggle(details, true);
    const input = details.querySelector('input') as HTMLInputElement;
    expect(input).not.toBeNull();
    act(() => {
      input.value = 'Met at the meetup';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    toggle(details, false);
    toggle(details, true);
    expect((details.querySelector('input') as HTMLInputElement).value).toBe('Met at the meetup');
  });
});
