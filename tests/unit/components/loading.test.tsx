// @vitest-environment happy-dom

import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Loading, SLOW_AFTER_MS } from '@/components/popup/Loading';
import { mount } from './render';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  vi.useRealTimers();
});

describe('the popup while it loads', () => {
  it('says "Loading…", and why when the wait lasts', () => {
    vi.useFakeTimers();
    const { container, unmount } = mount(<Loading />);
    cleanup = unmount;
    expect(container.textContent).toBe('Loading…');
    act(() => {
      vi.advanceTimersByTime(SLOW_AFTER_MS - 1);
    });
    expect(container.textContent).toBe('Loading…');
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(container.textContent).toContain('going through everyone you know once');
    expect(container.querySelector('[role="status"]')).not.toBeNull();
  });
});
