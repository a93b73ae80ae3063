import { facebookDomMatches, readFacebook } from './facebook/read';
import {
  facebookProfileUrl,
  isFacebookUrl,
  parseFacebookPostAuthorUrl,
  parseFacebookProfileUrl,
} from './facebook/url';
import { linkedInDomMatches, readLinkedIn } from './linkedin/read';
import {
  isLinkedInUrl,
  linkedInProfileUrl,
  parseLinkedInPostAuthorUrl,
  parseLinkedInProfileUrl,
} from './linkedin/url';
import type { DomMatch, LinkTarget, Network, ProfileRef, ProfileSnapshot } from './types';
import { readX, xDomMatches } from './x/read';
import { isXUrl, parseXPostAuthorUrl, parseXProfileUrl, xProfileUrl } from './x/url';

export { cleanText, safeHttpUrl } from './text';
export type { DomMatch, LinkTarget, Network, ProfileRef, ProfileSnapshot } from './types';
export { networkLabels } from './types';

interface SiteModule {
  isSite(url: string): boolean;
  parseProfile(url: string): ProfileRef | null;
  parsePostAuthor(url: string): ProfileRef | null;
  profileUrl(id: string): string;
  domMatches(doc: Document, ref: ProfileRef): DomMatch;
  read(doc: Document, ref: ProfileRef, verdict: DomMatch): ProfileSnapshot;
}

const sites: Record<Network, SiteModule> = {
  linkedin: {
    isSite: isLinkedInUrl,
    parseProfile: parseLinkedInProfileUrl,
    parsePostAuthor: parseLinkedInPostAuthorUrl,
    profileUrl: linkedInProfileUrl,
    domMatches: linkedInDomMatches,
    read: readLinkedIn,
  },
  facebook: {
    isSite: isFacebookUrl,
    parseProfile: parseFacebookProfileUrl,
    parsePostAuthor: parseFacebookPostAuthorUrl,
    profileUrl: facebookProfileUrl,
    domMatches: facebookDomMatches,
    read: readFacebook,
  },
  x: {
    isSite: isXUrl,
    parseProfile: parseXProfileUrl,
    parsePostAuthor: parseXPostAuthorUrl,
    profileUrl: xProfileUrl,
    domMatches: xDomMatches,
    read: readX,
  },
};

const NETWORKS: readonly Network[] = ['linkedin', 'facebook', 'x'];

/** Which of the three sites a URL is on (exact host or subdomain), or null. */
export function networkOfUrl(url: string): Network | null {
  return NETWORKS.find((n) => sites[n].isSite(url)) ?? null;
}

/** The person a profile page URL shows, or null when the URL is not a profile page. Pure. */
export function parseProfileUrl(url: string): ProfileRef | null {
  const network = networkOfUrl(url);
  return network ? sites[network].parseProfile(url) : null;
}

/** The author of a post, when the post's URL names it unambiguously (X /<handle>/status/<id>). */
export function parsePostAuthorUrl(url: string): ProfileRef | null {
  const network = networkOfUrl(url);
  return network ? sites[network].parsePostAuthor(url) : null;
}

/** The person a link leads to: its profile, else the author of the post it opens. */
export function parseLinkTarget(url: string): LinkTarget | null {
  const profile = parseProfileUrl(url);
  if (profile) return { ref: profile, via: 'profile' };
  const author = parsePostAuthorUrl(url);
  return author ? { ref: author, via: 'post' } : null;
}

export function canonicalProfileUrl(ref: ProfileRef): string {
  return sites[ref.network].profileUrl(ref.id);
}

/** Whether the profile rendered in `doc` is the one `ref` names; 'unknown' when the DOM has no owner evidence. */
export function profileDomMatches(doc: Document, ref: ProfileRef): DomMatch {
  try {
    return sites[ref.network].domMatches(doc, ref);
  } catch {
    return 'unknown';
  }
}

/**
 * Snapshot of the profile at `url` as `doc` shows it; null when `url` is not a profile page. The identity comes
 * from the URL only; when the DOM shows someone else (in-app navigation in flight), every DOM field is null.
 * Never throws.
 */
export function readProfile(doc: Document, url: string): ProfileSnapshot | null {
  let ref: ProfileRef | null;
  try {
    ref = parseProfileUrl(url);
  } catch {
    return null;
  }
  if (!ref) return null;
  const empty: ProfileSnapshot = {
    ...ref,
    url: canonicalProfileUrl(ref),
    name: null,
    headline: null,
    avatarUrl: null,
  };
  try {
    const verdict = sites[ref.network].domMatches(doc, ref);
    if (verdict === 'mismatch') return empty;
    return sites[ref.network].read(doc, ref, verdict);
  } catch {
    return empty;
  }
}
