import type { DomMatch, Network, ProfileRef, ProfileSnapshot } from './types';

/**
 * One network's half of lib/sites: its URLs and its page. A content script imports only its own site, so
 * the other two networks' parsers and readers are not in its bundle (less script to evaluate on every
 * page of the site; see the page-cost bench).
 */
export interface Site {
  network: Network;
  isSite(url: string): boolean;
  parseProfile(url: string): ProfileRef | null;
  profileUrl(id: string): string;
  /** Whether the profile rendered in `doc` is the one `ref` names; 'unknown' without owner evidence. */
  domMatches(doc: Document, ref: ProfileRef): DomMatch;
  read(doc: Document, ref: ProfileRef, verdict: DomMatch): ProfileSnapshot;
}

/** `site.domMatches`, never throwing: a page that breaks the reader is 'unknown', not an error. */
export function siteDomMatches(site: Site, doc: Document, ref: ProfileRef): DomMatch {
  try {
    return site.domMatches(doc, ref);
  } catch {
    return 'unknown';
  }
}

/**
 * Snapshot of the profile at `url` as `doc` shows it; null when `url` is not a profile page of `site`. The
 * identity comes from the URL only; when the DOM shows someone else (in-app navigation in flight), every
 * DOM field is null. Never throws. `verdict`: siteDomMatches for this document and URL, when the caller
 * has just worked it out (the in-app navigation guard, once a frame): it is not worked out again.
 */
export function readSiteProfile(
  site: Site,
  doc: Document,
  url: string,
  verdict?: DomMatch,
): ProfileSnapshot | null {
  let ref: ProfileRef | null;
  try {
    ref = site.isSite(url) ? site.parseProfile(url) : null;
  } catch {
    return null;
  }
  if (!ref) return null;
  const empty: ProfileSnapshot = {
    ...ref,
    url: site.profileUrl(ref.id),
    name: null,
    headline: null,
    avatarUrl: null,
  };
  try {
    const known = verdict ?? site.domMatches(doc, ref);
    if (known === 'mismatch') return empty;
    return site.read(doc, ref, known);
  } catch {
    return empty;
  }
}
