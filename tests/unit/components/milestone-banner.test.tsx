// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { headlineChange, MilestoneBanner } from '@/components/MilestoneBanner';
import { button, click, mount } from './render';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const changed = [
  { headline: 'Engineer at A', seenAt: 1_000 },
  { headline: 'Director at B', seenAt: 2_000 },
];

function banner(props: Partial<Parameters<typeof MilestoneBanner>[0]> = {}) {
  const onCongratulate = vi.fn(async () => {});
  const onDismiss = vi.fn();
  const mounted = mount(
    <MilestoneBanner
      history={changed}
      dismissedHeadline={null}
      lastCongratulatedAt={null}
      onCongratulate={onCongratulate}
      onDismiss={onDismiss}
      {...props}
    />,
  );
  cleanup = mounted.unmount;
  return { ...mounted, onCongratulate, onDismiss };
}

describe('MilestoneBanner', () => {
  it('appears when the newest headline differs from the previous one', () => {
    const { container } = banner();
    expect(container.textContent).toContain('Now Director at B, was Engineer at A: acknowledge it?');
  });

  it('does not appear without a change', () => {
    expect(headlineChange([])).toBeNull();
    expect(headlineChange([{ headline: 'Engineer at A', seenAt: 1 }])).toBeNull();
    const { container } = banner({ history: [{ headline: 'Engineer at A', seenAt: 1 }] });
    expect(container.querySelector('.milestone')).toBeNull();
  });

  it('does not appear once dismissed for that headline, or congratulated since', () => {
    expect(banner({ dismissedHeadline: 'Director at B' }).container.querySelector('.milestone')).toBeNull();
    cleanup?.();
    expect(banner({ lastCongratulatedAt: 2_500 }).container.querySelector('.milestone')).toBeNull();
    cleanup?.();
    // An older dismissal or congratulation does not hide a newer change.
    expect(
      banner({ dismissedHeadline: 'Engineer at A', lastCongratulatedAt: 1_500 }).container.querySelector(
        '.milestone',
      ),
    ).not.toBeNull();
  });

  it('logs a congratulation or dismisses', async () => {
    const { container, onCongratulate, onDismiss } = banner();
    await click(button(container, 'Log congratulation'));
    expect(onCongratulate).toHaveBeenCalledTimes(1);
    await click(button(container, 'Dismiss'));
    expect(onDismiss).toHaveBeenCalledWith('Director at B');
  });

  it('renders page text as text', () => {
    const { container } = banner({
      history: [
        { headline: 'a', seenAt: 1 },
        { headline: '<img src=x onerror=alert(1)>', seenAt: 2 },
      ],
    });
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
