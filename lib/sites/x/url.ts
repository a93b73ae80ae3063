import type { ProfileRef } from '../types';
import { hostOf, parseHttpUrl, pathSegments } from '../url-utils';

// https://x.com/jane, https://www.x.com/jane, https://twitter.com/jane, https://mobile.twitter.com/jane.
// Other subdomains (help.x.com, developer.x.com, api.twitter.com, pic.twitter.com) are not profile hosts,
// nor is t.co (a redirector whose target is unknown offline).
const PROFILE_HOSTS = new Set([
  'x.com',
  'www.x.com',
  'mobile.x.com',
  'twitter.com',
  'www.twitter.com',
  'mobile.twitter.com',
  'm.twitter.com',
]);

/** Any host of the site, for networkOfUrl: x.com, twitter.com and their subdomains. */
export function isXUrl(url: string): boolean {
  const parsed = parseHttpUrl(url);
  if (!parsed) return false;
  const host = hostOf(parsed);
  return ['x.com', 'twitter.com'].some((d) => host === d || host.endsWith(`.${d}`));
}

const SCREEN_NAME = /^[A-Za-z0-9_]{1,15}$/;

// First path segments that are X's own routes, not screen names (X does not let users register them).
// e.g. https://x.com/home, /explore, /i/bookmarks, /settings/account, /search?q=a, /compose/post, /intent/follow
const RESERVED = new Set([
  'about',
  'account',
  'bookmarks',
  'communities',
  'compose',
  'connect_people',
  'display',
  'download',
  'en',
  'explore',
  'follower_requests',
  'flow',
  'hashtag',
  'help',
  'home',
  'i',
  'intent',
  'jobs',
  'keyboard_shortcut',
  'keyboard_shortcuts',
  'lists',
  'login',
  'logout',
  'messages',
  'notifications',
  'oauth',
  'onboarding',
  'personalization',
  'premium',
  'premium_sign_up',
  'privacy',
  'rules',
  'search',
  'search_advanced',
  'sessions',
  'settings',
  'share',
  'signin',
  'signup',
  'topics',
  'tos',
  'who_to_follow',
  'your_twitter_data',
]);

// Tabs and overlays of a profile: https://x.com/jane/with_replies, /jane/media, /jane/followers, /jane/photo ...
const PROFILE_TABS = new Set([
  'with_replies',
  'media',
  'likes',
  'highlights',
  'articles',
  'superfollows',
  'creator-subscriptions',
  'affiliates',
  'verified_followers',
  'followers',
  'followers_you_follow',
  'following',
  'lists',
  'photo',
  'header_photo',
]);

// A single post and its sub-pages: /jane/status/1234, /jane/status/1234/photo/1, /jane/statuses/1234 (old form).
const POST_SEGMENTS = new Set(['status', 'statuses']);

/** Path segments of an X URL, honouring the old hash-bang form https://twitter.com/#!/jane. */
function xSegments(url: string): string[] | null {
  const parsed = parseHttpUrl(url);
  if (!parsed || !PROFILE_HOSTS.has(hostOf(parsed))) return null;
  const segments = pathSegments(parsed);
  if (!segments) return null;
  if (segments.length === 0 && parsed.hash.startsWith('#!/')) {
    const inner = parseHttpUrl(`https://x.com/${parsed.hash.slice(3)}`);
    return inner ? pathSegments(inner) : null;
  }
  return segments;
}

function screenName(segment: string | undefined): string | null {
  if (segment === undefined || !SCREEN_NAME.test(segment)) return null;
  const id = segment.toLowerCase();
  return RESERVED.has(id) ? null : id;
}

export function parseXProfileUrl(url: string): ProfileRef | null {
  const segments = xSegments(url);
  if (!segments || segments.length > 2) return null;
  const id = screenName(segments[0]);
  if (id === null) return null;
  if (segments.length === 2 && !PROFILE_TABS.has((segments[1] ?? '').toLowerCase())) return null;
  return { network: 'x', id };
}

/** https://x.com/jane/status/1234567890 -> jane. /i/web/status/123 has no author in the URL: null. */
export function parseXPostAuthorUrl(url: string): ProfileRef | null {
  const segments = xSegments(url);
  if (!segments || segments.length < 3) return null;
  if (!POST_SEGMENTS.has((segments[1] ?? '').toLowerCase()) || !/^\d{1,25}$/.test(segments[2] ?? ''))
    return null;
  const id = screenName(segments[0]);
  return id === null ? null : { network: 'x', id };
}

/** Screen name claimed by "(@handle)" in a title: "Jane Doe (@jane) / X", "Jane Doe (@jane) on X". */
export function handleInTitle(title: string): { name: string; id: string } | null {
  const m = /^(.*)\(@([A-Za-z0-9_]{1,15})\)\s*(?:\/|on)\s*(?:X|Twitter)\s*$/s.exec(title);
  if (!m) return null;
  return { name: m[1] ?? '', id: (m[2] ?? '').toLowerCase() };
}

export function xProfileUrl(id: string): string {
  return `https://x.com/${encodeURIComponent(id)}`;
}
