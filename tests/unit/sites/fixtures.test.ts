// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseProfileUrl, profileDomMatches, readProfile } from '../../../lib/sites';
import { fixturePages, readFixture } from '../../fixtures';
import { parseHtml } from './helpers';

const load = (file: string): Document => parseHtml(readFixture(file));
const profiles = fixturePages.filter((p) => p.expected !== null);

describe('hand-written fixture pages', () => {
  it('cover a profile, a second person and a non-profile page per network', () => {
    for (const network of ['linkedin', 'facebook', 'x'] as const) {
      const pages = fixturePages.filter((p) => p.network === network);
      expect(pages.filter((p) => p.expected).length).toBeGreaterThanOrEqual(2);
      expect(pages.filter((p) => !p.expected).length).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(fixturePages)('$file at $url', ({ network, file, url, expected }) => {
    const snapshot = readProfile(load(file), url);
    if (expected === null) {
      expect(snapshot).toBeNull();
      return;
    }
    expect(snapshot).toMatchObject({ network, id: expected.id, name: expected.name });
    expect(profileDomMatches(load(file), { network, id: expected.id })).toBe('match');
  });

  it.each(fixturePages)('$file is a full, static, self-contained document', ({ file }) => {
    const html = readFixture(file);
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toMatch(/<style>/);
    // No executable scripts (JSON-LD data blocks are fine) and nothing loaded from elsewhere.
    for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag).toContain('application/ld+json');
    expect(html).not.toMatch(/\s(?:src|xlink:href)="(?:https?:)?\/\//);
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
  });

  it.each(profiles)(
    '$file: another person at the URL (DOM not yet swapped) is a mismatch',
    ({ network, file }) => {
      // Each profile page is checked against the other person of its network.
      const other = profiles.find((p) => p.network === network && p.file !== file);
      expect(other).toBeDefined();
      if (!other) return;
      const doc = load(file);
      const otherRef = parseProfileUrl(other.url);
      expect(otherRef).not.toBeNull();
      if (!otherRef) return;
      expect(profileDomMatches(doc, otherRef)).toBe('mismatch');
      expect(readProfile(doc, other.url)).toEqual({
        ...otherRef,
        url: expect.any(String),
        name: null,
        headline: null,
        avatarUrl: null,
      });
    },
  );

  it.each(profiles)('$file: the viewer is never read as the owner', ({ network, file }) => {
    const viewerUrl = {
      linkedin: 'https://www.linkedin.com/in/viewer-person/',
      x: 'https://x.com/viewer_person',
      facebook: 'https://www.facebook.com/viewer.person',
    }[network];
    const doc = load(file);
    const snapshot = readProfile(doc, viewerUrl);
    expect(snapshot?.name).toBeNull();
  });

  it('reads the headline, bio and intro line of Jane Doe on every network', () => {
    expect(
      readProfile(load('linkedin/profile-jane-doe.html'), 'https://www.linkedin.com/in/jane-doe/')?.headline,
    ).toBe('Engineering Manager at Acme');
    expect(readProfile(load('x/profile-janedoe.html'), 'https://x.com/JaneDoe')?.headline).toBe(
      'Engineering Manager at Acme. Payments, teams, bikes.',
    );
    expect(
      readProfile(load('facebook/profile-jane-doe.html'), 'https://www.facebook.com/jane.doe')?.headline,
    ).toBe('Engineering Manager at Acme · Berlin');
    expect(
      readProfile(
        load('facebook/profile-rahul-mehta.html'),
        'https://www.facebook.com/profile.php?id=100012345678901',
      )?.headline,
    ).toBe('Product Designer at Globex');
  });

  it('fixture avatars are data: placeholders, so avatarUrl stays null', () => {
    for (const page of profiles) {
      expect(readProfile(load(page.file), page.url)?.avatarUrl).toBeNull();
    }
  });

  it('non-profile pages name nobody even when read as a profile URL', () => {
    expect(profileDomMatches(load('x/home.html'), { network: 'x', id: 'janedoe' })).not.toBe('match');
    expect(readProfile(load('x/home.html'), 'https://x.com/janedoe')?.name).toBeNull();
    expect(readProfile(load('linkedin/feed.html'), 'https://www.linkedin.com/in/jane-doe/')?.name).toBeNull();
    expect(readProfile(load('facebook/home.html'), 'https://www.facebook.com/jane.doe')?.name).toBeNull();
    expect(readProfile(load('x/post-janedoe.html'), 'https://x.com/janedoe')?.name).toBeNull();
  });
});
