import { queryAll } from './dom';
import type { DomMatch, OwnerClaim, ProfileRef } from './types';

/**
 * Decide whether the DOM shows `ref`, from tiers of owner claims ordered by how current they are: claims in
 * the rendered body (a handle under the name, top-card links) before head metadata (canonical, og:url), which
 * single-page apps may leave stale after in-app navigation. The first tier with a comparable claim decides:
 * any claim naming `ref` is a match, otherwise it is a mismatch.
 *
 * Claims that are not comparable with `ref` (a Facebook username against a numeric id, a LinkedIn vanity name
 * against an internal member id) only count when nothing comparable exists, and then as a mismatch: both sites
 * redirect to and link by the username/vanity form when a profile has one, so a DOM naming the other form is
 * almost always the previous page still on screen during in-app navigation.
 *
 * Each tier is read only when the ones before it did not decide: the in-app guard asks once a frame while
 * a page's timeline grows, and head metadata (canonical link, meta tags, JSON-LD) is a walk of the head,
 * and of the whole page for JSON-LD, each time, needed only on pages whose body names nobody (issue #9).
 */
export function verdictFromClaims(
  ref: ProfileRef,
  tiers: readonly (() => readonly OwnerClaim[])[],
  comparable: (a: ProfileRef, b: ProfileRef) => boolean = () => true,
): DomMatch {
  let incomparable = false;
  for (const readTier of tiers) {
    let decided = false;
    for (const claim of readTier()) {
      if (claim === 'not-profile') {
        decided = true;
        continue;
      }
      if (claim.network !== ref.network) continue;
      if (!comparable(claim, ref)) {
        incomparable = true;
        continue;
      }
      if (claim.id === ref.id) return 'match';
      decided = true;
    }
    if (decided) return 'mismatch';
  }
  return incomparable ? 'mismatch' : 'unknown';
}

/** A claim from a URL found in the DOM: a profile, 'not-profile' for another page of the site, else nothing. */
export function claimFromUrl(
  raw: string | null,
  base: string,
  parse: (url: string) => ProfileRef | null,
  isSite: (url: string) => boolean,
): OwnerClaim | null {
  if (!raw) return null;
  let absolute: string;
  try {
    absolute = new URL(raw, base).href;
  } catch {
    return null;
  }
  const ref = parse(absolute);
  if (ref) return ref;
  return isSite(absolute) ? 'not-profile' : null;
}

/**
 * A site's owner links (top-card links that point at the profile's owner), read as the body tier of
 * verdictFromClaims, remembering the last link that named the profile asked about. That tier makes the
 * page a match as soon as one claim names the profile; so while the same link is still under the same
 * scope, still one of these links, with the same href, the page is still a match, and the in-app guard,
 * which asks once a frame while a profile's timeline grows, answers without walking the whole page for
 * these links again (issue #9: those walks were the largest part of a profile page load's script).
 */
export class OwnerLinks {
  #named: { link: Element; href: string; network: string; id: string } | null = null;

  constructor(
    private readonly selectors: readonly string[],
    private readonly claimOf: (raw: string | null, base: string) => OwnerClaim | null,
  ) {}

  /** Whether the link that last named `ref` under `scope` still would, unchanged: the page is a match. */
  stillName(scope: Document | Element, ref: ProfileRef): boolean {
    const named = this.#named;
    if (named === null || named.network !== ref.network || named.id !== ref.id) return false;
    const { link } = named;
    return (
      link !== scope &&
      scope.contains(link) &&
      link.getAttribute('href') === named.href &&
      this.selectors.some((selector) => matches(link, selector))
    );
  }

  /** The profile claims of every owner link under `scope` (`base`: `ref`'s profile URL, for relative links). */
  claims(scope: Document | Element, ref: ProfileRef, base: string): OwnerClaim[] {
    const out: OwnerClaim[] = [];
    for (const link of queryAll(scope, this.selectors)) {
      const href = link.getAttribute('href');
      const claim = this.claimOf(href, base);
      // Only a profile counts: a tab such as "Reviews" may point at another page of the site.
      if (claim === null || claim === 'not-profile') continue;
      out.push(claim);
      if (href !== null && claim.network === ref.network && claim.id === ref.id) {
        this.#named = { link, href, network: ref.network, id: ref.id };
      }
    }
    return out;
  }
}

function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    // queryAll skips a selector the engine rejects; so does this.
    return false;
  }
}
