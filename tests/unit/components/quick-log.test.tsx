// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUICK_ACTIONS, QuickLog } from '@/components/QuickLog';
import { button, click, mount } from './render';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('QuickLog', () => {
  it.each([
    ['Congratulated', 'congratulation', 'linkedin'],
    ['Asked a question', 'question-asked', 'linkedin'],
    ['Answered', 'question-answered', 'linkedin'],
    ['Gave feedback', 'feedback-given', 'linkedin'],
    ['Thanked', 'message', 'linkedin'],
    ['Messaged', 'message', 'linkedin'],
    ['Met', 'meeting', 'in-person'],
  ])('"%s" logs a %s started by me on %s', async (label, kind, channel) => {
    const onLog = vi.fn(async () => {});
    const { container, unmount } = mount(<QuickLog channel="linkedin" onLog={onLog} />);
    cleanup = unmount;
    await click(button(container, label));
    expect(onLog).toHaveBeenCalledTimes(1);
    expect(onLog).toHaveBeenCalledWith(expect.objectContaining({ kind, direction: 'me', channel }));
    expect(container.textContent).toContain(`Logged: ${label.toLowerCase()}`);
  });

  it('uses the network of the profile shown', async () => {
    const onLog = vi.fn(async () => {});
    const { container, unmount } = mount(<QuickLog channel="x" onLog={onLog} />);
    cleanup = unmount;
    await click(button(container, 'Messaged'));
    expect(onLog).toHaveBeenCalledWith({ kind: 'message', direction: 'me', channel: 'x', text: null });
  });

  it('says what went wrong when the worker does not answer', async () => {
    const onLog = vi.fn(async () => {
      throw new Error("Rapport's background did not answer");
    });
    const { container, unmount } = mount(<QuickLog channel="facebook" onLog={onLog} />);
    cleanup = unmount;
    await click(button(container, 'Answered'));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('did not answer');
  });

  it('offers the seven common two-way actions', () => {
    expect(QUICK_ACTIONS.map((action) => action.label)).toEqual([
      'Congratulated',
      'Asked a question',
      'Answered',
      'Gave feedback',
      'Thanked',
      'Messaged',
      'Met',
    ]);
  });
});
