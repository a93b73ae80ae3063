// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.linkedin.com/feed/"}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForProfile } from '@/lib/content/watch';
import { parseLinkedInProfileUrl } from '@/lib/sites/linkedin/url';

// The watcher runs on the sites' pages that are not profiles (Chrome): it says nothing until an in-app
// navigation reaches a profile, then asks once for the whole content script and, once that runs, stops.

let navigate: () => void = () => undefined;
const goTo = (path: string) => {
  history.pushState({}, '', path);
  navigate();
};
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  // Without the Navigation API, the fallback watcher emits (as WXT's does).
  vi.stubGlobal('navigation', undefined);
  history.replaceState({}, '', '/feed/');
});
afterEach(() => vi.unstubAllGlobals());

/**
 * Starts a watcher whose worker gives `answer(n)` to its n-th request to run the whole script (yes, by
 * default); returns the URLs it asked for and how often it marked a press.
 */
function watch(answer: (count: number) => Promise<boolean> = async () => true) {
  const asked: string[] = [];
  let marked = 0;
  watchForProfile({
    parseProfile: parseLinkedInProfileUrl,
    startReader: (url) => {
      asked.push(url);
      return answer(asked.length);
    },
    markIntent: () => {
      marked++;
    },
    fallbackNavigation: (emit) => (navigate = emit),
  });
  return { asked, marked: () => marked };
}

describe('the watcher', () => {
  it('asks for nothing on pages that are not profiles', async () => {
    const { asked } = watch();
    goTo('/mynetwork/');
    goTo('/jobs/view/123/');
    await settled();
    expect(asked).toEqual([]);
  });

  it('asks for the whole script once a navigation reaches a profile, then stops listening', async () => {
    const { asked } = watch();
    goTo('/in/jane-doe/');
    await settled();
    goTo('/feed/');
    goTo('/in/rahul-mehta/');
    await settled();
    expect(asked).toEqual(['https://www.linkedin.com/in/jane-doe/']);
  });

  it('asks on the first URL when the page loaded at a profile the manifest left to it', async () => {
    history.replaceState({}, '', '/in/jane-doe/');
    const { asked } = watch();
    await settled();
    expect(asked).toEqual(['https://www.linkedin.com/in/jane-doe/']);
  });

  it('keeps listening when the worker could not run the script, and asks again at the next profile', async () => {
    const answers = [Promise.reject(new Error('worker gone')), Promise.resolve(false), Promise.resolve(true)];
    for (const answer of answers) answer.catch(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { asked } = watch(async (count) => (await answers[count - 1]) ?? false);
    goTo('/in/jane-doe/');
    await settled();
    goTo('/in/rahul-mehta/');
    await settled();
    goTo('/in/ada-lovelace/');
    await settled();
    goTo('/in/grace-hopper/');
    await settled();
    expect(asked).toEqual([
      'https://www.linkedin.com/in/jane-doe/',
      'https://www.linkedin.com/in/rahul-mehta/',
      'https://www.linkedin.com/in/ada-lovelace/',
    ]);
  });
});

describe('a press on a link to a profile', () => {
  it("is not taken from an event the page made up (the page cannot start Rapport's script)", async () => {
    const link = document.createElement('a');
    link.href = '/in/jane-doe/';
    document.body.append(link);
    const { asked, marked } = watch();
    link.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0 }));
    await settled();
    expect(asked).toEqual([]);
    expect(marked()).toBe(0);
    link.remove();
  });
});
