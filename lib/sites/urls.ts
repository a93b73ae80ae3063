import {
  facebookProfileUrl,
  isFacebookUrl,
  parseFacebookPostAuthorUrl,
  parseFacebookProfileUrl,
} from './facebook/url';
import {
  isLinkedInUrl,
  linkedInProfileUrl,
  parseLinkedInPostAuthorUrl,
  parseLinkedInProfileUrl,
} from './linkedin/url';
import type { LinkTarget, Network, ProfileRef } from './types';

export type { LinkTarget, Network, ProfileRef } from './types';

import { isXUrl, parseXPostAuthorUrl, parseXProfileUrl, xProfileUrl } from './x/url';

/**
 * The URL half of lib/sites: pure, no DOM. The background imports this module rather than the index, so
 * the page readers and their selectors stay out of the worker's bundle.
 */
interface UrlModule {
  isSite(url: string): boolean;
  parseProfile(url: string): ProfileRef | null;
  parsePostAuthor(url: string): ProfileRef | null;
  profileUrl(id: string): string;
}

const urlModules: Record<Network, UrlModule> = {
  linkedin: {
    isSite: isLinkedInUrl,
    parseProfile: parseLinkedInProfileUrl,
    parsePostAuthor: parseLinkedInPostAuthorUrl,
    profileUrl: linkedInProfileUrl,
  },
  facebook: {
    isSite: isFacebookUrl,
    parseProfile: parseFacebookProfileUrl,
    parsePostAuthor: parseFacebookPostAuthorUrl,
    profileUrl: facebookProfileUrl,
  },
  x: {
    isSite: isXUrl,
    parseProfile: parseXProfileUrl,
    parsePostAuthor: parseXPostAuthorUrl,
    profileUrl: xProfileUrl,
  },
};

const NETWORKS: readonly Network[] = ['linkedin', 'facebook', 'x'];

/** Which of the three sites a URL is on (exact host or subdomain), or null. */
export function networkOfUrl(url: string): Network | null {
  return NETWORKS.find((n) => urlModules[n].isSite(url)) ?? null;
}

/** The person a profile page URL shows, or null when the URL is not a profile page. Pure. */
export function parseProfileUrl(url: string): ProfileRef | null {
  const network = networkOfUrl(url);
  return network ? urlModules[network].parseProfile(url) : null;
}

/** The author of a post, when the post's URL names it unambiguously (X /<handle>/status/<id>). */
export function parsePostAuthorUrl(url: string): ProfileRef | null {
  const network = networkOfUrl(url);
  return network ? urlModules[network].parsePostAuthor(url) : null;
}

/** The person a link leads to: its profile, else the author of the post it opens. */
export function parseLinkTarget(url: string): LinkTarget | null {
  const profile = parseProfileUrl(url);
  if (profile) return { ref: profile, via: 'profile' };
  const author = parsePostAuthorUrl(url);
  return author ? { ref: author, via: 'post' } : null;
}

export function canonicalProfileUrl(ref: ProfileRef): string {
  return urlModules[ref.network].profileUrl(ref.id);
}
