// @vitest-environment happy-dom

import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor, watchDom } from '@/lib/content/wait-for';

// A page load's parser adds nodes in hundreds of batches: while the document is loading, the profile is
// looked for at most once per interval, and once more when parsing ends; afterwards, right after each
// task that changed the page, never inside it.

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

  it('once the document is parsed (an in-app navigation), checks each change right after its task', async () => {
    parsing(false);
    const { found, checks } = waitForFound(40);
    expect(checks()).toBe(1);
    document.body.append(document.createElement('div'));
    await pause(5);
    expect(checks()).toBe(2);
    // One task of the page adds several batches: nothing is checked inside it, even once its
    // MutationObserver callbacks have run, and the next task looks at all of them once.
    for (let batch = 0; batch < 5; batch++) document.body.append(document.createElement('div'));
    const element = document.createElement('p');
    element.id = 'found';
    document.body.append(element);
    await Promise.resolve();
    await Promise.resolve();
    expect(checks()).toBe(2);
    expect(await found).toBe(element);
    expect(checks()).toBe(3);
  });
});

describe('watchDom', () => {
  it('looks once per frame of changes, in a task after the frame rather than in its callbacks', async () => {
    const stop = new AbortController();
    let calls = 0;
    watchDom(document.body, stop.signal, () => calls++);
    for (let batch = 0; batch < 5; batch++) document.body.append(document.createElement('div'));
    // The observer's callback asks for the frame; a frame asked for after it runs after it.
    await Promise.resolve();
    await new Promise((done) => requestAnimationFrame(done));
    expect(calls).toBe(0);
    await pause(5);
    expect(calls).toBe(1);
    stop.abort();
    document.body.append(document.createElement('div'));
    await pause(40);
    expect(calls).toBe(1);
  });
});
