// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileDomMatches } from '@/lib/sites';
import { claimFromUrl, OwnerLinks, verdictFromClaims } from '@/lib/sites/evidence';
import { facebookProfileUrl, isFacebookUrl, parseFacebookProfileUrl } from '@/lib/sites/facebook/url';
import type { ProfileRef } from '@/lib/sites/types';
import { readFixture } from '../../fixtures';
import { countWalks, parseHtml } from './helpers';

// Facebook's owner links: which of them count depends on their ancestors, so a link can stop being one
// without changing itself.
const SELECTORS = ['[data-pagelet="ProfileTabs"] a[href]', '[role="tablist"] a[role="tab"][href]'];
const claim = (raw: string | null, base: string) =>
  claimFromUrl(raw, base, parseFacebookProfileUrl, isFacebookUrl);
const jane: ProfileRef = { network: 'facebook', id: 'janedoe' };
const rahul: ProfileRef = { network: 'facebook', id: 'rahulmehta' };
const HREFS = ['/jane.doe/about', '/jane.doe', '/rahul.mehta/friends', '/groups/123', 'https://example.com/'];

function page(): Document {
  return parseHtml(`
    <div role="main" id="main">
      <div data-pagelet="ProfileTabs" id="pagelet"><div role="tablist" id="tabs">
        <a role="tab" href="/jane.doe/about">About</a><a role="tab" href="/jane.doe/friends">Friends</a>
      </div></div>
      <div id="timeline"></div>
    </div>
    <div id="outside"><div role="tablist" id="other-tabs"></div></div>`);
}

/** The verdict on the body tier as the guard asks it: the remembered link first, else the walk. */
function remembered(links: OwnerLinks, scope: Element, ref: ProfileRef) {
  if (links.stillName(scope, ref)) return 'match';
  return verdictFromClaims(ref, [() => links.claims(scope, ref, facebookProfileUrl(ref.id))]);
}

/** The same verdict with nothing remembered: a walk of every owner link. */
function walked(scope: Element, ref: ProfileRef) {
  const fresh = new OwnerLinks(SELECTORS, claim);
  return verdictFromClaims(ref, [() => fresh.claims(scope, ref, facebookProfileUrl(ref.id))]);
}

type Change =
  | { kind: 'href'; at: number; href: string }
  | { kind: 'remove'; at: number }
  | { kind: 'add'; where: 'tabs' | 'pagelet' | 'timeline' | 'outside'; href: string }
  | { kind: 'move out'; at: number }
  | { kind: 'toggle tablist role' }
  | { kind: 'toggle tab role'; at: number };

const changes: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('href' as const), at: fc.nat(9), href: fc.constantFrom(...HREFS) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(9) }),
  fc.record({
    kind: fc.constant('add' as const),
    where: fc.constantFrom('tabs' as const, 'pagelet' as const, 'timeline' as const, 'outside' as const),
    href: fc.constantFrom(...HREFS),
  }),
  fc.record({ kind: fc.constant('move out' as const), at: fc.nat(9) }),
  fc.record({ kind: fc.constant('toggle tablist role' as const) }),
  fc.record({ kind: fc.constant('toggle tab role' as const), at: fc.nat(9) }),
);

function apply(doc: Document, change: Change): void {
  const links = Array.from(doc.querySelectorAll('a'));
  const link = 'at' in change ? links[change.at % Math.max(1, links.length)] : undefined;
  const byId = (id: string) => doc.getElementById(id) as HTMLElement;
  switch (change.kind) {
    case 'href':
      link?.setAttribute('href', change.href);
      break;
    case 'remove':
      link?.remove();
      break;
    case 'add': {
      const added = doc.createElement('a');
      added.setAttribute('role', 'tab');
      added.setAttribute('href', change.href);
      byId(change.where).append(added);
      break;
    }
    case 'move out':
      // Into another tab list, outside the profile's column: still an owner link, but not in scope.
      if (link) byId('other-tabs').append(link);
      break;
    case 'toggle tablist role': {
      const tabs = byId('tabs');
      if (tabs.hasAttribute('role')) tabs.removeAttribute('role');
      else tabs.setAttribute('role', 'tablist');
      break;
    }
    case 'toggle tab role':
      if (link?.hasAttribute('role')) link.removeAttribute('role');
      else link?.setAttribute('role', 'tab');
      break;
  }
}

describe('OwnerLinks: the remembered owner link', () => {
  // happy-dom 21 keeps an element's matches() answer after one of its ancestors' attributes changed (a
  // browser does not); these tests answer it from a query of the whole document, which happy-dom gets right.
  const matches = Element.prototype.matches;
  beforeAll(() => {
    Element.prototype.matches = function (this: Element, selector: string) {
      return Array.from(this.ownerDocument.querySelectorAll(selector)).includes(this);
    };
  });
  afterAll(() => {
    Element.prototype.matches = matches;
  });

  it('gives the verdict a walk of every owner link gives, through any change to the page', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(changes, fc.boolean(), fc.boolean()), { maxLength: 40 }), (steps) => {
        const doc = page();
        const links = new OwnerLinks(SELECTORS, claim);
        for (const [change, askJane, swapPagelet] of steps) {
          apply(doc, change);
          // The site's app may also drop the whole pagelet and put the tabs straight under the column.
          if (swapPagelet) {
            const pagelet = doc.getElementById('pagelet');
            if (pagelet?.hasAttribute('data-pagelet')) pagelet.removeAttribute('data-pagelet');
            else pagelet?.setAttribute('data-pagelet', 'ProfileTabs');
          }
          const ref = askJane ? jane : rahul;
          const main = doc.getElementById('main') as Element;
          expect(remembered(links, main, ref)).toBe(walked(main, ref));
        }
      }),
      { seed: 9, numRuns: 300 },
    );
  });

  it('does not walk the page again while the link that named the profile is still there', () => {
    const doc = page();
    const main = doc.getElementById('main') as Element;
    const links = new OwnerLinks(SELECTORS, claim);
    const counter = countWalks(main);
    expect(remembered(links, main, jane)).toBe('match');
    const afterFirst = counter.walks;
    expect(afterFirst).toBeGreaterThan(0);
    doc.getElementById('timeline')?.append(doc.createElement('article'));
    expect(remembered(links, main, jane)).toBe('match');
    expect(counter.walks).toBe(afterFirst);
    // Rahul's tabs swapped in: the walk again, which finds nobody naming Jane.
    for (const link of Array.from(doc.querySelectorAll('a'))) link.setAttribute('href', '/rahul.mehta');
    expect(remembered(links, main, jane)).toBe('mismatch');
    expect(counter.walks).toBeGreaterThan(afterFirst);
  });

  it("keeps the sites' verdicts on their fixture pages, asked twice", () => {
    const linkedIn = parseHtml(readFixture('linkedin/profile-jane-doe.html'));
    const facebook = parseHtml(readFixture('facebook/profile-jane-doe.html'));
    // [page, its owner, the slug in its links, another profile and its slug]
    for (const [doc, owner, slug, other, otherSlug] of [
      [
        linkedIn,
        { network: 'linkedin', id: 'jane-doe' },
        'jane-doe',
        { network: 'linkedin', id: 'sam-lee' },
        'sam-lee',
      ],
      [facebook, jane, 'jane.doe', { network: 'facebook', id: 'samlee' }, 'sam.lee'],
    ] as const) {
      expect(profileDomMatches(doc, owner)).toBe('match');
      expect(profileDomMatches(doc, owner)).toBe('match');
      expect(profileDomMatches(doc, other)).toBe('mismatch');
      // The next profile's DOM swapped in: the link that named the owner is gone.
      for (const link of Array.from(doc.querySelectorAll('a[href]'))) {
        const href = link.getAttribute('href') ?? '';
        link.setAttribute('href', href.replace(slug, otherSlug));
      }
      expect(profileDomMatches(doc, owner)).toBe('mismatch');
      expect(profileDomMatches(doc, other)).toBe('match');
    }
  });
});
