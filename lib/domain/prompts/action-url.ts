// Where to act on a prompt. Only pages where the user still has to press a button: a profile, or X's post
// intent, which pre-fills a post and waits. Nothing here posts or sends by itself.
// LinkedIn's messaging compose page takes a member id (an opaque URN), not the public handle Rapport knows,
// and Facebook has no documented message link for numeric ids, so both open the profile, where the Message
// button is.

import { compareText } from './text';
import type { Network, Prompt, PromptIdentity, PromptPerson } from './types';

const HOSTS: Record<Network, readonly string[]> = {
  linkedin: ['linkedin.com', 'www.linkedin.com'],
  facebook: ['facebook.com', 'www.facebook.com', 'm.facebook.com'],
  x: ['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
};

/** X handles: letters, digits and underscores, at most 15 characters. */
const X_HANDLE = /^[A-Za-z0-9_]{1,15}$/;

/** The stored profile URL when it is https on the network's own site; otherwise one built from the handle. */
export function profileUrl(identity: PromptIdentity): string | null {
  if (URL.canParse(identity.url)) {
    const url = new URL(identity.url);
    if (url.protocol === 'https:' && HOSTS[identity.network].includes(url.hostname.toLowerCase())) {
      return url.href;
    }
  }
  const handle = identity.handle.trim().replace(/^@/, '');
  if (handle === '') return null;
  const path = encodeURIComponent(handle);
  if (identity.network === 'linkedin') return `https://www.linkedin.com/in/${path}/`;
  if (identity.network === 'x') return `https://x.com/${path}`;
  return `https://www.facebook.com/${path}`;
}

/**
 * The action page for `person` on the prompt's network, or null when the prompt has no network or the
 * person has no identity there. Recognising a success on X is public by design, so it opens a post intent
 * that mentions them; every other prompt is a private conversation and opens the profile.
 */
export function actionUrl(prompt: Prompt, person: PromptPerson): string | null {
  if (prompt.network === null) return null;
  const identity = person.identities
    .filter((i) => i.network === prompt.network)
    .sort((a, b) => compareText(a.handle, b.handle))[0];
  if (identity === undefined) return null;
  const handle = identity.handle.trim().replace(/^@/, '');
  if (prompt.kind === 'acknowledge-success' && prompt.network === 'x' && X_HANDLE.test(handle)) {
    return `https://x.com/intent/post?text=${encodeURIComponent(`@${handle} ${prompt.draft}`)}`;
  }
  return profileUrl(identity);
}
