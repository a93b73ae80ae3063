// @vitest-environment happy-dom

import { afterEach, describe, expect, it, vi } from 'vitest';
import { FRAME_CHECK_FALLBACK_MS, waitFor } from '@/lib/content/wait-for';

// A page load's parser adds nodes in hundreds of batches: while the document is loading, the profile is
// looked for at most once per interval, and once more when parsing ends; afterwards, once a frame.

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const parsing = (loading: boolean) =>
  vi.spyOn(document, 'readyState', 'get').mockReturnValue(loading ? 'loading' : 'complete');

afterEach(() => {
  document.body.replaceChildren();
});

/** Starts waiting for an element `#found`, counting the checks. */
function waitForFound(whileParsingEveryMs: number | undefined) {
  let checks = 0;
  const found = waitFor(
    document.body,
    () => {
      checks++;
      return document.getElementById('found');
    },
    { timeoutMs: 5_000, signal: new AbortController().signal, whileParsingEveryMs },
  );
  return { found, checks: () => checks };
}

describe('waitFor while the document is being parsed', () => {
  it('checks at most once per interval however many batches arrive, and finds what came', async () => {
    parsing(true);
    const { found, checks } = waitForFound(40);
    expect(checks()).toBe(1);
    for (let batch = 0; batch < 20; batch++) {
      document.body.append(document.createElement('div'));
      await pause(2);
    }
    const element = document.createElement('p');
    element.id = 'found';
    document.body.append(element);
    expect(await found).toBe(element);
    // 20 batches over about 40 ms or more: a check per interval, not one per batch.
    expect(checks()).toBeLessThan(8);
  });

  it('checks at once when parsing ends', async () => {
    const loading = parsing(true);
    const { found, checks } = waitForFound(10_000);
    const element = document.createElement('p');
    element.id = 'found';
    document.body.append(element);
    await pause(20);
    expect(checks()).toBe(1);
    loading.mockReturnValue('interactive');
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(await found).toBe(element);
  });

  it('once parsed (an in-app navigation), checks each frame, not inside the task that changed the DOM', async () => {
    parsing(false);
    const { found, checks } = waitForFound(40);
    for (let frame = 0; frame < 3; frame++) {
      // One task of the page: several changes, and the microtasks after it (a MutationObserver's callback).
      for (let batch = 0; batch < 4; batch++) document.body.append(document.createElement('div'));
      await Promise.resolve();
      expect(checks()).toBe(1 + frame);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await pause(0);
      expect(checks()).toBe(2 + frame);
    }
    const element = document.createElement('p');
    element.id = 'found';
    document.body.append(element);
    expect(await found).toBe(element);
    expect(checks()).toBe(5);
  });

  it('checks after FRAME_CHECK_FALLBACK_MS when no frame comes (a tab in the background)', async () => {
    parsing(false);
    const noFrames = vi.spyOn(window, 'requestAnimationFrame').mockReturnValue(1);
    try {
      const { found, checks } = waitForFound(undefined);
      const element = document.createElement('p');
      element.id = 'found';
      document.body.append(element);
      await pause(FRAME_CHECK_FALLBACK_MS / 2);
      expect(checks()).toBe(1);
      expect(await found).toBe(element);
      expect(checks()).toBe(2);
      expect(noFrames).toHaveBeenCalledTimes(1);
    } finally {
      noFrames.mockRestore();
    }
  });
});
