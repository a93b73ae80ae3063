import { lazy } from '../../domain/lazy';
import {
  canonicalHref,
  eachMatch,
  elementText,
  imageOf,
  isObject,
  type JsonObject,
  jsonLdImage,
  jsonLdObjects,
  metaContent,
  queryFirst,
  stringField,
  textOf,
  typeIs,
} from '../dom';
import { claimFromUrl, verdictFromClaims } from '../evidence';
import { cleanText, safeHttpUrl } from '../text';
import type { DomMatch, OwnerClaim, ProfileRef, ProfileSnapshot } from '../types';
import {
  avatarContainerPrefix,
  avatarImageSelectors,
  bioSelectors,
  primaryColumnSelectors,
  userNameSelectors,
} from './selectors';
import { handleInTitle, isXUrl, parseXProfileUrl, xProfileUrl } from './url';

const HANDLE_TEXT = /^@([A-Za-z0-9_]{1,15})$/;

function primaryColumn(doc: Document): Element | Document {
  return queryFirst(doc, primaryColumnSelectors) ?? doc;
}

interface Header {
  block: Element;
  handleEl: Element | null;
  handle: string | null;
  shown: string | null;
}

/**
 * The last header read, and an observer of its block: while the observer has seen nothing, the block is
 * as it was read. One per script, which reads one page.
 */
const kept: { header: Header | null; observer: MutationObserver | null; changed: boolean } = {
  header: null,
  observer: null,
  changed: false,
};

/**
 * The owner's header (headerOf the first UserName block), read again only when that block is another one
 * or changed. The in-app guard asks once a frame while the page changes, and reading a header tests the
 * text of every leaf of its block: on a page whose feed changes every frame, that was the largest part of
 * X's script per frame (issue #9). What headerOf gives depends on nothing but the block's own subtree
 * (elementText reads the DOM, not styles), so an observer of that subtree says exactly when the last
 * answer stops holding.
 */
export function header(doc: Document): Header | null {
  const block = queryFirst(primaryColumn(doc), userNameSelectors);
  if (!block) return null;
  if (kept.header?.block === block && !kept.changed && kept.observer?.takeRecords().length === 0) {
    return kept.header;
  }
  const read = headerOf(block);
  keepHeader(read);
  return read;
}

function keepHeader(read: Header): void {
  if (typeof MutationObserver !== 'function') return;
  if (kept.header?.block !== read.block) {
    kept.observer?.disconnect();
    kept.observer = new MutationObserver(() => {
      kept.changed = true;
    });
    kept.observer.observe(read.block, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  }
  kept.observer?.takeRecords();
  kept.changed = false;
  kept.header = read;
}

/**
 * A UserName block's owner: the element showing exactly "@handle". When several elements do (a display
 * name can itself be "@someone"), the handle is the last one: it follows the name.
 */
export function headerOf(block: Element): Header {
  let handleEl: Element | null = null;
  let handle: string | null = null;
  let shown: string | null = null;
  // The real block has ~20 elements; the cap bounds the work on a hostile page.
  for (const el of Array.from(block.querySelectorAll('*')).slice(0, 300)) {
    if (el.firstElementChild !== null) continue;
    const m = HANDLE_TEXT.exec(elementText(el) ?? '');
    if (m) {
      handleEl = el;
      shown = m[1] ?? '';
      handle = shown.toLowerCase();
    }
  }
  // Leaf-less markup (tests, future layouts): the last "@handle" token of the block's text.
  if (!handleEl) {
    const all = [...(elementText(block) ?? '').matchAll(/(?:^|\s)@([A-Za-z0-9_]{1,15})(?=\s|$)/g)];
    const last = all[all.length - 1];
    handle = last ? (last[1] ?? '').toLowerCase() : null;
  }
  return { block, handleEl, handle, shown };
}

function profileSchema(doc: Document): JsonObject | null {
  for (const obj of jsonLdObjects(doc)) {
    if (typeIs(obj, 'ProfilePage') && isObject(obj.mainEntity)) return obj.mainEntity;
  }
  return null;
}

function schemaHandle(person: JsonObject | null): string | null {
  const additional = stringField(person, 'additionalName');
  if (additional && /^@?[A-Za-z0-9_]{1,15}$/.test(additional))
    return additional.replace(/^@/, '').toLowerCase();
  const url = stringField(person, 'url');
  return url ? (parseXProfileUrl(url)?.id ?? null) : null;
}

/** twitter://user?screen_name=Jane (al:ios:url, al:android:url). */
function appLinkHandle(raw: string | null): string | null {
  const m = raw
    ? /^twitter:\/\/user\?(?:.*&)?screen_name=([A-Za-z0-9_]{1,15})(?:&|$)/i.exec(raw.trim())
    : null;
  return m?.[1]?.toLowerCase() ?? null;
}

const refClaim = (id: string | null): OwnerClaim | null => (id ? { network: 'x', id } : null);

function headClaims(doc: Document, base: string): OwnerClaim[] {
  const claims = [
    refClaim(schemaHandle(profileSchema(doc))),
    claimFromUrl(canonicalHref(doc), base, parseXProfileUrl, isXUrl),
    claimFromUrl(metaContent(doc, 'og:url'), base, parseXProfileUrl, isXUrl),
    refClaim(appLinkHandle(metaContent(doc, 'al:ios:url') ?? metaContent(doc, 'al:android:url'))),
    refClaim(handleInTitle(doc.title)?.id ?? null),
    refClaim(handleInTitle(metaContent(doc, 'og:title') ?? '')?.id ?? null),
  ];
  return claims.filter((c): c is OwnerClaim => c !== null);
}

export function xDomMatches(doc: Document, ref: ProfileRef): DomMatch {
  const h = header(doc);
  const body = refClaim(h?.handle ?? null);
  return verdictFromClaims(ref, [() => (body ? [body] : []), () => headClaims(doc, xProfileUrl(ref.id))]);
}

function headerName(h: ReturnType<typeof header>): string | null {
  if (!h) return null;
  for (const el of Array.from(h.block.querySelectorAll('[dir]'))) {
    if (h.handleEl && (el === h.handleEl || el.contains(h.handleEl))) continue;
    const text = elementText(el);
    if (text) return text;
  }
  return null;
}

/**
 * The owner's avatar, by its container's test id, "UserAvatar-Container-<handle>" in the handle's own case.
 * With the handle as the header shows it (`shown`, in that case), the browser finds the owner's containers
 * itself, from the first (the header's, above the timeline) on only as far as needed. Without it, or when
 * no test id is in that case, every avatar container (one per timeline post, found by a native prefix
 * match) is compared in script: once a frame while a photo was missing, that was most of reading an X
 * profile (issue #9).
 */
function avatar(doc: Document, ref: ProfileRef, base: string, shown: string | null): string | null {
  // A shown handle is letters, digits and underscores (HANDLE_TEXT): nothing to escape in the selector.
  if (shown !== null && shown.toLowerCase() === ref.id) {
    let found = false;
    for (const container of eachMatch(primaryColumn(doc), [
      `[data-testid="${avatarContainerPrefix}${shown}"]`,
    ])) {
      found = true;
      const url = imageOf(container, avatarImageSelectors, base);
      if (url) return url;
    }
    // None in that case: the comparison below, whatever case the test id is in.
    if (found) return null;
  }
  const wanted = `${avatarContainerPrefix}${ref.id}`.toLowerCase();
  const containers = primaryColumn(doc).querySelectorAll(`[data-testid^="${avatarContainerPrefix}"]`);
  for (const container of Array.from(containers)) {
    if ((container.getAttribute('data-testid') ?? '').toLowerCase() !== wanted) continue;
    const url = imageOf(container, avatarImageSelectors, base);
    if (url) return url;
  }
  return null;
}

/** Only real profile images: the default og:image of X pages is a site logo, not the person. */
function profileImage(raw: string | null): string | null {
  const url = safeHttpUrl(raw);
  return url && /^https:\/\/pbs\.twimg\.com\/profile_images\//.test(url) ? url : null;
}

/**
 * What the page's head says about `ref`: its JSON-LD person, a title naming the handle, an og:url of the
 * profile. Read only when the profile's header leaves a detail missing: the late details are read once a
 * frame while a timeline grows, and JSON-LD is a walk of the whole page (the rest, of the head) (issue #9).
 */
function headOf(doc: Document, ref: ProfileRef) {
  const schema = profileSchema(doc);
  const ogUrl = metaContent(doc, 'og:url');
  return {
    person: schemaHandle(schema) === ref.id ? schema : null,
    titled: [doc.title, metaContent(doc, 'og:title') ?? ''].map(handleInTitle).find((t) => t?.id === ref.id),
    ogDescribes: ogUrl !== null && parseXProfileUrl(ogUrl)?.id === ref.id,
  };
}

export function readX(doc: Document, ref: ProfileRef, _verdict: DomMatch): ProfileSnapshot {
  const url = xProfileUrl(ref.id);
  const h = header(doc);
  const headerIsOwner = h !== null && h.handle === ref.id;
  const fromHead = lazy(() => headOf(doc, ref));

  const name =
    (headerIsOwner ? headerName(h) : null) ??
    cleanText(stringField(fromHead().person, 'name')) ??
    cleanText(fromHead().titled?.name);
  const headline =
    (headerIsOwner ? textOf(primaryColumn(doc), bioSelectors) : null) ??
    cleanText(stringField(fromHead().person, 'description')) ??
    (fromHead().ogDescribes ? cleanText(metaContent(doc, 'og:description')) : null);
  const avatarUrl = avatar(doc, ref, url, headerIsOwner ? h.shown : null) ?? avatarFromHead(doc, fromHead);
  return { network: 'x', id: ref.id, url, name, headline, avatarUrl };
}

function avatarFromHead(doc: Document, fromHead: () => ReturnType<typeof headOf>): string | null {
  const { person, titled, ogDescribes } = fromHead();
  return (
    profileImage(jsonLdImage(person)) ??
    (ogDescribes || titled ? profileImage(metaContent(doc, 'og:image')) : null)
  );
}
