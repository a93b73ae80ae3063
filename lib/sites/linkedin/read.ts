import { lazy } from '../../domain/lazy';
import {
  canonicalHref,
  closestOf,
  elementText,
  imageOf,
  isObject,
  jsonLdImage,
  jsonLdObjects,
  metaContent,
  queryFirst,
  stringField,
  stripTitleCounter,
  textOf,
  typeIs,
} from '../dom';
import { claimFromUrl, OwnerLinks, verdictFromClaims } from '../evidence';
import { cleanText, safeHttpUrl } from '../text';
import type { DomMatch, OwnerClaim, ProfileRef, ProfileSnapshot } from '../types';
import {
  avatarSelectors,
  genericNameSelectors,
  headlineSelectors,
  ownerLinkSelectors,
  personNameSelectors,
  topCardSelectors,
} from './selectors';
import { isLinkedInMemberId, isLinkedInUrl, linkedInProfileUrl, parseLinkedInProfileUrl } from './url';

const claim = (raw: string | null, base: string): OwnerClaim | null =>
  claimFromUrl(raw, base, parseLinkedInProfileUrl, isLinkedInUrl);

/** The Person object of the page's JSON-LD (logged-out public profiles), with its URL claim. */
function jsonLdPerson(doc: Document): { person: Record<string, unknown>; url: string | null } | null {
  for (const obj of jsonLdObjects(doc)) {
    const person = typeIs(obj, 'Person') ? obj : isObject(obj.mainEntity) ? obj.mainEntity : null;
    if (person && typeIs(person, 'Person')) return { person, url: stringField(person, 'url') };
  }
  return null;
}

/** Read on the whole page (selectors.ts says why). */
const ownerLinks = new OwnerLinks(ownerLinkSelectors, claim);

function headClaims(doc: Document, base: string): OwnerClaim[] {
  const raws = [canonicalHref(doc), metaContent(doc, 'og:url'), jsonLdPerson(doc)?.url ?? null];
  return raws.map((raw) => claim(raw, base)).filter((c): c is OwnerClaim => c !== null);
}

// Vanity names and internal member ids (ACoAA...) name the same people in two unrelated spaces.
const comparable = (a: ProfileRef, b: ProfileRef): boolean =>
  isLinkedInMemberId(a.id) === isLinkedInMemberId(b.id);

export function linkedInDomMatches(doc: Document, ref: ProfileRef): DomMatch {
  if (ownerLinks.stillName(doc, ref)) return 'match';
  const base = linkedInProfileUrl(ref.id);
  return verdictFromClaims(
    ref,
    [() => ownerLinks.claims(doc, ref, base), () => headClaims(doc, base)],
    comparable,
  );
}

/** Head metadata describes `ref` itself (so og:title etc. are not left over from another page). */
function headDescribes(doc: Document, ref: ProfileRef, base: string): boolean {
  return headClaims(doc, base).some((c) => c !== 'not-profile' && c.id === ref.id);
}

/** "Jane Doe | LinkedIn", "(3) Jane Doe | LinkedIn", og:title "Jane Doe - Acme | LinkedIn" -> "Jane Doe". */
function nameFromTitle(title: string | null): string | null {
  if (!title) return null;
  const m = /^(.*?)\s*(?:[|\u2013\u2014-]\s*)?LinkedIn\s*$/.exec(stripTitleCounter(title));
  const head = m?.[1]?.split(/\s[|\u2013\u2014-]\s/)[0];
  return cleanText(head);
}

export function readLinkedIn(doc: Document, ref: ProfileRef, verdict: DomMatch): ProfileSnapshot {
  const url = linkedInProfileUrl(ref.id);
  const nameEl =
    queryFirst(doc, personNameSelectors) ??
    (verdict === 'match' ? queryFirst(doc, genericNameSelectors) : null);
  // The top card holds the headline and photo; without a name element it is only searched for on a 'match'.
  const main = doc.querySelector('main') ?? doc;
  const card = nameEl ? (closestOf(nameEl, topCardSelectors) ?? main) : verdict === 'match' ? main : null;
  // The head (canonical link, og tags, JSON-LD), read only for a detail the top card leaves missing: the
  // late details are read once a frame while a timeline grows, and JSON-LD is a walk of the whole page.
  const fromHead = lazy(() => {
    const trusted = headDescribes(doc, ref, url);
    return { trusted, person: trusted ? (jsonLdPerson(doc)?.person ?? null) : null };
  });

  const name =
    elementText(nameEl) ??
    cleanText(stringField(fromHead().person, 'name')) ??
    (fromHead().trusted ? nameFromTitle(metaContent(doc, 'og:title')) : null) ??
    (verdict === 'match' ? nameFromTitle(doc.title) : null);
  const headline =
    (card ? textOf(card, headlineSelectors) : null) ??
    cleanText(stringField(fromHead().person, 'jobTitle')) ??
    null;
  const avatarUrl =
    (card ? imageOf(card, avatarSelectors, url) : null) ??
    safeHttpUrl(jsonLdImage(fromHead().person)) ??
    null;
  return { network: 'linkedin', id: ref.id, url, name, headline, avatarUrl };
}
