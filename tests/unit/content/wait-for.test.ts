// @vitest-environment happy-dom

import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@/lib/content/wait-for';

// A page load's parser adds nodes in hundreds of batches: while the document is loading, the profile is
// looked for at most once per interval, and once more when parsing ends; afterwards, at every change.

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

  it('checks every batch once the document is parsed (an in-app navigation)', async () => {
    parsing(false);
    const { found, checks } = waitForFound(40);
    for (let batch = 0; batch < 5; batch++) {
      document.body.append(document.createElement('div'));
      await pause(1);
    }
    expect(checks()).toBe(6);
    const element = document.createElement('p');
    element.id = 'found';
    document.body.append(element);
    expect(await found).toBe(element);
  });
});
