// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.linkedin.com/in/jane-doe/"}

import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { spacedReads, withLateDetails } from '@/lib/content/late-details';
import { startContentRuntime } from '@/lib/content/runtime';
import type { ProfileSnapshot } from '@/lib/sites';
import { linkedInSite } from '@/lib/sites/linkedin/site';
import { readFixture } from '../../fixtures';

// Pages show the name before the rest of the profile: a page still being parsed (the headline comes after
// a slow script), or a site's app rendering the top card in parts. What appears after the name is still
// reported, for a bounded time, and only for the profile it belongs to.

const JANE: ProfileSnapshot = {
  network: 'linkedin',
  id: 'jane-doe',
  url: 'https://www.linkedin.com/in/jane-doe/',
  name: 'Jane Doe',
  headline: null,
  avatarUrl: null,
};

describe('withLateDetails', () => {
  it('adds a headline or photo that the first read lacked', () => {
    const later = {
      ...JANE,
      headline: 'Engineering Manager at Acme',
      avatarUrl: 'https://media.licdn.com/a.jpg',
    };
    expect(withLateDetails(JANE, later)).toEqual(later);
    expect(withLateDetails(JANE, { ...JANE, headline: 'CTO' })).toEqual({ ...JANE, headline: 'CTO' });
  });

  it('keeps what was sent: a later read that lacks it, or says something else, changes nothing', () => {
    const sent = { ...JANE, headline: 'Engineering Manager at Acme' };
    expect(withLateDetails(sent, { ...JANE })).toBe(sent);
    expect(withLateDetails(sent, { ...sent, headline: 'Something mid-render' })).toBe(sent);
    expect(withLateDetails(sent, null)).toBe(sent);
  });

  it("never takes another profile's details", () => {
    expect(withLateDetails(JANE, { ...JANE, id: 'rahul-mehta', headline: 'Designer' })).toBe(JANE);
    expect(withLateDetails(JANE, { ...JANE, network: 'x', headline: 'Designer' })).toBe(JANE);
  });
});

describe('spacedReads', () => {
  it('reads at once, then after gaps that double up to the longest', () => {
    const reads = spacedReads(100, 800);
    expect(reads.wait(1_000)).toBe(0);
    expect(reads.wait(1_040)).toBe(60);
    expect(reads.wait(1_100)).toBe(0);
    expect(reads.wait(1_250)).toBe(50);
    expect(reads.wait(1_300)).toBe(0);
    expect(reads.wait(1_700)).toBe(0);
    expect(reads.wait(2_499)).toBe(1);
    expect(reads.wait(2_500)).toBe(0);
    expect(reads.wait(3_300)).toBe(0);
  });

  it('for any calls, lets a read through exactly when its gap has passed, and says how long is left', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000 }), { maxLength: 60 }), (steps) => {
        const reads = spacedReads(100, 800);
        let now = 0;
        let next = Number.NEGATIVE_INFINITY;
        let gap = 100;
        for (const step of steps) {
          now += step;
          const wait = reads.wait(now);
          if (now >= next) {
            expect(wait).toBe(0);
            next = now + gap;
            gap = Math.min(gap * 2, 800);
          } else expect(wait).toBe(next - now);
        }
      }),
    );
  });
});

/** Jane's top card with the headline and photo taken out, to be put back as a slow page would. */
function janeWithout(): { headline: Element; photo: Element; put: (element: Element) => void } {
  document.documentElement.innerHTML = readFixture('linkedin/profile-jane-doe.html')
    .replace(/^[\s\S]*?<html[^>]*>/, '')
    .replace(/<\/html>\s*$/, '');
  const headline = document.querySelector('.ph5 .text-body-medium') as Element;
  const photo = document.querySelector('.pv-top-card-profile-picture__image--show') as Element;
  const card = headline.parentElement as Element;
  headline.remove();
  photo.remove();
  // A real photo URL: the fixture's data: placeholder stands for a private photo, which is no avatar.
  photo.setAttribute('src', 'https://media.licdn.com/dms/image/jane.jpg');
  return { headline, photo, put: (element) => card.append(element) };
}

describe('the content runtime, when details appear after the name', () => {
  let stop: AbortController;
  let reports: ProfileSnapshot[];
  beforeEach(() => {
    stop = new AbortController();
    reports = [];
    reads = 0;
  });
  afterEach(() => stop.abort());

  let reads: number;
  const start = () =>
    startContentRuntime({
      // Counts the reads of the page, to show how often late details are looked for.
      site: {
        ...linkedInSite,
        read: (...args) => {
          reads += 1;
          return linkedInSite.read(...args);
        },
      },
      signal: stop.signal,
      sidebarUrl: 'about:blank',
      report: async (snapshot) => {
        if (snapshot) reports.push(snapshot);
      },
      displayMode: 'panel',
      watchDisplayMode: () => undefined,
      layout: { collapsed: false, side: 'right' },
      watchLayout: () => undefined,
    });

  it('reports the headline and then the photo as each shows up', async () => {
    const { headline, photo, put } = janeWithout();
    start();
    await vi.waitFor(() => expect(reports.at(-1)).toMatchObject({ name: 'Jane Doe', headline: null }));
    put(headline);
    await vi.waitFor(() =>
      expect(reports.at(-1)).toMatchObject({ headline: 'Engineering Manager at Acme', avatarUrl: null }),
    );
    put(photo);
    await vi.waitFor(() =>
      expect(reports.at(-1)).toMatchObject({
        headline: 'Engineering Manager at Acme',
        avatarUrl: 'https://media.licdn.com/dms/image/jane.jpg',
      }),
    );
    expect(reports.map((one) => `${one.id} ${one.name}`)).toEqual(Array(3).fill('jane-doe Jane Doe'));
  });

  it('does not read the page on every frame of a feed that keeps changing', async () => {
    janeWithout();
    start();
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    const before = reads;
    const feed = document.body.appendChild(document.createElement('section'));
    // 30 changes, each in a frame of its own, over at least 600 ms: once a frame would be 30 reads.
    for (let post = 0; post < 30; post++) {
      feed.append(document.createElement('article'));
      await new Promise((done) => requestAnimationFrame(done));
      await new Promise((done) => setTimeout(done, 20));
    }
    // Gaps of 100, 200 and 400 ms from the first change: a read at about 0, 100, 300 and 700 ms.
    expect(reads - before).toBeGreaterThanOrEqual(2);
    expect(reads - before).toBeLessThanOrEqual(5);
    expect(reports).toHaveLength(1);
  });

  it('reads a detail that appeared during a gap when the gap ends, though the page then rests', async () => {
    const { headline, put } = janeWithout();
    start();
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    const before = reads;
    // A change that is read at once and starts the first gap...
    document.body.append(document.createElement('div'));
    await vi.waitFor(() => expect(reads).toBe(before + 1));
    // ...then the headline, inside that gap, and nothing after it.
    put(headline);
    await new Promise((done) => requestAnimationFrame(done));
    expect(reports).toHaveLength(1);
    await vi.waitFor(() => expect(reports.at(-1)).toMatchObject({ headline: 'Engineering Manager at Acme' }));
    expect(reads).toBe(before + 2);
  });

  it('stops looking once the window has passed and the page has loaded', async () => {
    const { headline, put } = janeWithout();
    start();
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    const later = performance.now() + 60_000;
    vi.spyOn(performance, 'now').mockReturnValue(later);
    put(headline);
    // Let several frames pass: a report would have been sent within one.
    for (let frame = 0; frame < 5; frame++) await new Promise((done) => requestAnimationFrame(done));
    expect(reports).toHaveLength(1);
  });
});
