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
 * a page's timeline grows, and head metadata (canonical link, meta tags, JSON-LD) is a walk of the whole
 * page each time, needed only on pages whose body names nobody (issue #9).
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
