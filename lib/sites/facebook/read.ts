import { lazy } from '../../domain/lazy';
import {
  canonicalHref,
  elementText,
  imageOf,
  metaContent,
  queryFirst,
  stripTitleCounter,
  textOf,
} from '../dom';
import { claimFromUrl, OwnerLinks, verdictFromClaims } from '../evidence';
import { cleanText, safeHttpUrl } from '../text';
import type { DomMatch, OwnerClaim, ProfileRef, ProfileSnapshot } from '../types';
import { introFromPageData } from './intro-data';
import {
  avatarSelectors,
  introTileSelectors,
  mainSelectors,
  nameSelectors,
  ownerLinkSelectors,
} from './selectors';
import {
  facebookIdFromAppLink,
  facebookProfileUrl,
  isFacebookNumericId,
  isFacebookUrl,
  parseFacebookProfileUrl,
} from './url';

const claim = (raw: string | null, base: string): OwnerClaim | null =>
  claimFromUrl(raw, base, parseFacebookProfileUrl, isFacebookUrl);

function mainColumn(doc: Document): Element | null {
  return queryFirst(doc, mainSelectors);
}

/** The profile's tabs, read inside the main column. */
const ownerLinks = new OwnerLinks(ownerLinkSelectors, claim);

function headClaims(doc: Document, base: string): OwnerClaim[] {
  const appId = facebookIdFromAppLink(metaContent(doc, 'al:android:url') ?? metaContent(doc, 'al:ios:url'));
  const claims: (OwnerClaim | null)[] = [
    claim(canonicalHref(doc), base),
    claim(metaContent(doc, 'og:url'), base),
    appId ? { network: 'facebook', id: appId } : null,
  ];
  return claims.filter((c): c is OwnerClaim => c !== null);
}

// A username and a numeric id can name the same profile; neither says anything about the other.
const comparable = (a: ProfileRef, b: ProfileRef): boolean =>
  isFacebookNumericId(a.id) === isFacebookNumericId(b.id);

export function facebookDomMatches(doc: Document, ref: ProfileRef): DomMatch {
  const main = mainColumn(doc);
  if (main !== null && ownerLinks.stillName(main, ref)) return 'match';
  const base = facebookProfileUrl(ref.id);
  return verdictFromClaims(
    ref,
    [() => (main ? ownerLinks.claims(main, ref, base) : []), () => headClaims(doc, base)],
    comparable,
  );
}

/** "Jane Doe | Facebook", "(2) Jane Doe | Facebook" -> "Jane Doe". */
function nameFromTitle(title: string | null): string | null {
  const m = title ? /^(.*?)\s*\|\s*Facebook\s*$/.exec(stripTitleCounter(title)) : null;
  return cleanText(m?.[1]);
}

/** Built once: a profile is read again on every frame while its details fill in. */
const INTRO_TILE = introTileSelectors.join(', ');
const INTRO_TILE_HEADING = introTileSelectors.map((tile) => `${tile} h2`).join(', ');

/**
 * The line under "Intro" (a person's bio, a Page's tagline): the first text after the Intro tile's
 * heading. The heading is found by its English text, or in any UI language as the heading of the first
 * tile of the left column when that heading is not a link: the Intro tile's is plain text, while the
 * tiles that come first when a profile has no intro (Photos, Friends) have a heading that links to them.
 */
function introLine(main: Element | null): string | null {
  if (!main) return null;
  const heading =
    Array.from(main.querySelectorAll('h2')).find((h) => elementText(h) === 'Intro') ?? firstTileHeading(main);
  // Never past the tile, when the heading is in one: what follows it is another tile's.
  const tile = heading?.closest(INTRO_TILE) ?? null;
  let box: Element | null = heading ?? null;
  for (let depth = 0; box && depth < 10; depth += 1) {
    box = box.parentElement;
    if (!box || (tile && !tile.contains(box))) break;
    for (const span of Array.from(box.querySelectorAll('span[dir="auto"]'))) {
      if (heading?.contains(span) || !(heading && heading.compareDocumentPosition(span) & 4)) continue;
      const text = elementText(span);
      if (text) return text;
    }
  }
  return null;
}

/** The first tile's heading, unless it links somewhere (see introLine). */
function firstTileHeading(main: Element): Element | null {
  const heading = main.querySelector(INTRO_TILE_HEADING);
  return heading && !heading.querySelector('a, [role="link"]') ? heading : null;
}

/**
 * In another UI language the "Intro" heading differs; the page's embedded data does not. That data, and
 * the head, describe the profile the page was loaded at, so both must name this one: the navigation's own
 * URL (in a browser; a parsed document has none) and the numeric id in the head's app link, which the bio's
 * owner must carry.
 */
function introFromFirstLoad(doc: Document, ref: ProfileRef, claims: OwnerClaim[]): string | null {
  const loaded = doc.defaultView?.performance?.getEntriesByType?.('navigation')[0]?.name;
  if (loaded && parseFacebookProfileUrl(loaded)?.id !== ref.id) return null;
  const owner = claims.find((c): c is ProfileRef => c !== 'not-profile' && isFacebookNumericId(c.id));
  return owner ? introFromPageData(doc, owner.id) : null;
}

export function readFacebook(doc: Document, ref: ProfileRef, verdict: DomMatch): ProfileSnapshot {
  const url = facebookProfileUrl(ref.id);
  // The column's <h1>, intro and avatar have no owner hook of their own: they are read only when owner evidence
  // (tab links, canonical, app links) names this profile, never on 'unknown' (a feed or group also has an <h1>).
  const main = verdict === 'match' ? mainColumn(doc) : null;
  // The head's claims, read only for a detail the column leaves missing: the late details are read once a
  // frame while a timeline grows, and the head is walked each time.
  const fromHead = lazy(() => {
    const claims = headClaims(doc, url);
    return { claims, trusted: claims.some((c) => c !== 'not-profile' && c.id === ref.id) };
  });
  const name =
    (main ? textOf(main, nameSelectors) : null) ??
    (fromHead().trusted ? cleanText(metaContent(doc, 'og:title')) : null) ??
    (verdict === 'match' || fromHead().trusted ? nameFromTitle(doc.title) : null);
  const headline =
    introLine(main) ?? (main && fromHead().trusted ? introFromFirstLoad(doc, ref, fromHead().claims) : null);
  const avatarUrl =
    (main ? imageOf(main, avatarSelectors, url) : null) ??
    (fromHead().trusted ? safeHttpUrl(metaContent(doc, 'og:image')) : null);
  return { network: 'facebook', id: ref.id, url, name, headline, avatarUrl };
}
