import { lazyPattern } from '../lazy-pattern';
import type { ProfileRef } from '../types';
import { hostOf, isHostOrSubdomain, parseHttpUrl, pathSegments } from '../url-utils';

/** Any linkedin.com host: www., country (de., uk.), m. (mobile). e.g. https://de.linkedin.com/in/jane-doe */
export function isLinkedInUrl(url: string): boolean {
  const parsed = parseHttpUrl(url);
  return parsed !== null && isHostOrSubdomain(hostOf(parsed), 'linkedin.com');
}

// Internal member ids, e.g. /in/ACoAAA0F7XEB2QTb85ndHh9ocVhy77BFAeJ_jbA (links in "People you may know");
// they are case-sensitive base64url, unlike vanity names.
const MEMBER_ID = /^AC[a-zA-Z]AA[A-Za-z0-9_-]{10,}$/;

// Vanity names are 3-100 letters, digits and hyphens, but older and localized ones also hold other scripts
// (/in/%E6%9D%8E%E5%9B%9B -> 李四), underscores or dots; we accept 2-100 of those and nothing else.
// Built on first use (lazy-pattern.ts): most pages of the site never check a vanity name.
const vanity = lazyPattern(String.raw`^[\p{L}\p{M}\p{N}_.-]{2,100}$`, 'u');
// The same test for the ASCII names most people have: building and first running the Unicode pattern
// took about 2 ms of a profile page load's script (issue #9), this one a few microseconds.
const ASCII_VANITY = /^[A-Za-z0-9_.-]{2,100}$/;
const isVanity = (slug: string) => ASCII_VANITY.test(slug) || vanity().test(slug);

// Not people: /in/me/ redirects to the logged-in viewer's own profile, whoever that is.
const RESERVED_SLUGS = new Set(['me', 'edit', 'unavailable']);

export function isLinkedInMemberId(id: string): boolean {
  return MEMBER_ID.test(id);
}

/** Normalize a /in/<slug> value to the canonical id, or null when it cannot be one. */
export function linkedInIdFromSlug(slug: string): string | null {
  if (MEMBER_ID.test(slug)) return slug;
  if (!isVanity(slug)) return null;
  const id = slug.toLowerCase();
  if (RESERVED_SLUGS.has(id) || /^[-_.]+$/.test(id)) return null;
  return id;
}

export function parseLinkedInProfileUrl(url: string): ProfileRef | null {
  const parsed = parseHttpUrl(url);
  if (!parsed || !isHostOrSubdomain(hostOf(parsed), 'linkedin.com')) return null;
  const segments = pathSegments(parsed);
  if (!segments) return null;
  // https://www.linkedin.com/mwlite/in/jane-doe (the old "LinkedIn Lite" mobile web) is the same profile.
  const rest = segments[0]?.toLowerCase() === 'mwlite' ? segments.slice(1) : segments;
  // https://www.linkedin.com/in/jane-doe/, .../in/jane-doe/details/experience/, .../in/jane-doe/overlay/contact-info/,
  // https://de.linkedin.com/in/jane-doe?originalSubdomain=de: everything after the slug is a view of the same person.
  // Old public URLs https://www.linkedin.com/pub/jane-doe/1a/2b/3c are not parsed: the server redirects them to an
  // /in/ vanity we cannot derive offline, and the page they land on is parsed instead.
  // /company/, /school/, /groups/, /jobs/, /feed/, /search/, /messaging/, /posts/ ... are not people.
  if (rest[0]?.toLowerCase() !== 'in' || rest[1] === undefined) return null;
  const id = linkedInIdFromSlug(rest[1]);
  return id === null ? null : { network: 'linkedin', id };
}

/**
 * LinkedIn post URLs never name the author unambiguously: /posts/<slug>_<title>-activity-<n>-<x> uses a person's
 * vanity or a company's slug in the same place, and /feed/update/urn:li:activity:<n>/ has no author at all.
 */
export function parseLinkedInPostAuthorUrl(_url: string): ProfileRef | null {
  return null;
}

export function linkedInProfileUrl(id: string): string {
  return `https://www.linkedin.com/in/${encodeURIComponent(id)}/`;
}
