import { cleanText, safeHttpUrl } from './text';

type Root = Document | Element;

/** First element matching any selector, trying them in order (newest markup first). Bad selectors are skipped. */
export function queryFirst(root: Root, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // An unsupported selector in one engine must not hide the others.
    }
  }
  return null;
}

export function queryAll(root: Root, selectors: readonly string[]): Element[] {
  const out: Element[] = [];
  for (const selector of selectors) {
    try {
      for (const el of Array.from(root.querySelectorAll(selector))) out.push(el);
    } catch {
      // As above.
    }
  }
  return out;
}

/**
 * The elements queryAll gives, in the same order, walking the page only as far as the caller reads: each
 * selector's first match is found alone (querySelector stops there), and the rest of its matches only if
 * the caller passes over it. Readers take the first usable match, which is usually a selector's first
 * (the profile's header comes before its timeline), and read again once a frame while the timeline grows.
 */
export function* eachMatch(root: Root, selectors: readonly string[]): Generator<Element> {
  for (const selector of selectors) {
    let first: Element | null;
    try {
      first = root.querySelector(selector);
    } catch {
      continue; // As in queryFirst.
    }
    if (first === null) continue;
    yield first;
    const all = root.querySelectorAll(selector);
    for (let index = 1; index < all.length; index++) yield all[index] as Element;
  }
}

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'TITLE']);

/**
 * Visible-ish text of an element: text nodes only, skipping script/style content (textContent would include
 * it) and keeping the alt text of inline emoji images, which is how X renders emoji inside names.
 */
export function elementText(el: Element | null): string | null {
  if (!el) return null;
  const parts: string[] = [];
  const walk = (node: Node, depth: number): void => {
    if (depth > 64 || parts.length > 2000) return;
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (SKIPPED_TAGS.has(element.tagName)) continue;
        if (element.tagName === 'IMG') {
          const src = element.getAttribute('src') ?? '';
          if (src.includes('/emoji/')) parts.push(element.getAttribute('alt') ?? '');
          continue;
        }
        walk(element, depth + 1);
      }
    }
  };
  walk(el, 0);
  return cleanText(parts.join(''));
}

export function textOf(root: Root, selectors: readonly string[]): string | null {
  for (const el of eachMatch(root, selectors)) {
    const text = elementText(el);
    if (text) return text;
  }
  return null;
}

/**
 * content of <meta property=key> or <meta name=key> in the document's <head>. Only there: that is where
 * pages put their metadata, and the body holds what the site's users wrote. And read only there, the
 * late details' reads of the head (once a frame while a profile's timeline grows) cost a walk of the head,
 * not of the whole page (issue #9).
 */
export function metaContent(doc: Document, key: string): string | null {
  // getElementsByTagName: the browser keeps that list between calls while the page does not change, and a
  // read of a profile asks for several keys (a selector per key walked the whole page each time).
  const metas = Array.from(doc.head?.getElementsByTagName('meta') ?? []);
  for (const attr of ['property', 'name']) {
    for (const el of metas) {
      if (el.getAttribute(attr) === key) {
        const content = el.getAttribute('content');
        if (content !== null && content.trim() !== '') return content;
      }
    }
  }
  return null;
}

/** The href of the head's first <link rel="canonical"> (the head only, as metaContent). */
export function canonicalHref(doc: Document): string | null {
  for (const el of Array.from(doc.head?.querySelectorAll('link[rel]') ?? [])) {
    const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) return el.getAttribute('href');
  }
  return null;
}

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in the page's JSON-LD blocks, flattening arrays and @graph. Malformed blocks are skipped. */
export function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const add = (value: unknown, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(value)) {
      for (const item of value) add(item, depth + 1);
    } else if (isObject(value)) {
      out.push(value);
      if (Array.isArray(value['@graph'])) add(value['@graph'], depth + 1);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const text = script.textContent ?? '';
    if (text.length > 500_000) continue;
    try {
      add(JSON.parse(text), 0);
    } catch {
      // Broken JSON-LD is common; it only means this hook is unavailable.
    }
  }
  return out;
}

export function typeIs(obj: JsonObject, type: string): boolean {
  const t = obj['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

export function stringField(obj: JsonObject | null | undefined, key: string): string | null {
  const value = obj?.[key];
  return typeof value === 'string' ? value : null;
}

/** A JSON-LD object's `image`: a URL, or an ImageObject's `contentUrl`. Unchecked: the caller vets it. */
export function jsonLdImage(obj: JsonObject | null | undefined): string | null {
  const image = obj?.image;
  return isObject(image) ? stringField(image, 'contentUrl') : typeof image === 'string' ? image : null;
}

/** An image URL from an <img> (src), an SVG <image> (href / xlink:href) or a CSS background-image. */
export function imageUrlOf(el: Element | null, base: string): string | null {
  if (!el) return null;
  const candidates = [
    el.getAttribute('src'),
    el.getAttribute('href'),
    el.getAttribute('xlink:href'),
    el.getAttributeNS?.('http://www.w3.org/1999/xlink', 'href') ?? null,
    cssBackgroundUrl(el.getAttribute('style')),
  ];
  for (const candidate of candidates) {
    const url = safeHttpUrl(candidate, base);
    if (url) return url;
  }
  return null;
}

function cssBackgroundUrl(style: string | null): string | null {
  if (!style) return null;
  const m = /background-image\s*:\s*url\(\s*(["']?)([^"')]+)\1\s*\)/i.exec(style);
  return m?.[2] ?? null;
}

export function imageOf(root: Root, selectors: readonly string[], base: string): string | null {
  for (const el of eachMatch(root, selectors)) {
    const url = imageUrlOf(el, base);
    if (url) return url;
  }
  return null;
}

/** Remove a notification counter such as "(3) " that the sites prefix to document.title. */
export function stripTitleCounter(title: string): string {
  return title.replace(/^\s*\(\d+\+?\)\s*/, '');
}

/** Nearest ancestor-or-self matching the first selector that matches at all. */
export function closestOf(el: Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      const found = el.closest(selector);
      if (found) return found;
    } catch {
      // Skip selectors the engine rejects.
    }
  }
  return null;
}
