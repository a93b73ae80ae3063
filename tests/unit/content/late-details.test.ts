// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.linkedin.com/in/jane-doe/"}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withLateDetails } from '@/lib/content/late-details';
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
  });
  afterEach(() => stop.abort());

  const start = () =>
    startContentRuntime({
      site: linkedInSite,
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
