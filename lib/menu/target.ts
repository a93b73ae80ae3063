import { type ProfileRef, parseLinkTarget, parseProfileUrl } from '@/lib/sites/urls';

/** What the context menu was opened on (the fields of the browsers' OnClickData that matter here). */
export interface MenuClick {
  linkUrl?: string;
  pageUrl?: string;
  frameUrl?: string;
  selectionText?: string;
}

/**
 * Who a "Log interaction" click is about, in this order: a link to a profile (any of the three networks,
 * from any site); a link to a post whose author the URL names (X status links); the profile the page
 * shows; otherwise nobody, and the user picks in the chooser.
 */
export type MenuTarget =
  | { via: 'link-profile' | 'link-post' | 'page'; ref: ProfileRef }
  | { via: 'none'; ref: null };

export function resolveMenuTarget(click: MenuClick): MenuTarget {
  if (click.linkUrl) {
    const linked = parseLinkTarget(click.linkUrl);
    if (linked) return { via: linked.via === 'profile' ? 'link-profile' : 'link-post', ref: linked.ref };
  }
  const page = click.pageUrl ? parseProfileUrl(click.pageUrl) : null;
  if (page) return { via: 'page', ref: page };
  return { via: 'none', ref: null };
}

/** Selected text is kept as the interaction's text, as plain text, capped. */
export const SELECTION_MAX_LENGTH = 2_000;

export function selectionText(selection: string | undefined): { text: string | null; truncated: boolean } {
  // Collapse the whitespace a selection drags along (line breaks of the page's layout), keep the words.
  const text = (selection ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return { text: null, truncated: false };
  if (text.length <= SELECTION_MAX_LENGTH) return { text, truncated: false };
  return { text: `${text.slice(0, SELECTION_MAX_LENGTH - 1)}…`, truncated: true };
}

/** The page the interaction happened on, when it is a web page (never an extension or file URL). */
export function sourceUrlOf(click: MenuClick): string | null {
  const url = click.linkUrl ?? click.pageUrl ?? null;
  if (!url || !/^https?:\/\//i.test(url) || url.length > 2048) return null;
  return url;
}
