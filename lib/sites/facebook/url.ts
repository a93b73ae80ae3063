import type { ProfileRef } from '../types';
import { hostOf, isHostOrSubdomain, parseHttpUrl, pathSegments } from '../url-utils';

/** Any facebook.com host (or fb.com, which redirects there), for networkOfUrl. */
export function isFacebookUrl(url: string): boolean {
  const parsed = parseHttpUrl(url);
  if (!parsed) return false;
  const host = hostOf(parsed);
  return isHostOrSubdomain(host, 'facebook.com') || host === 'fb.com' || host === 'www.fb.com';
}

// Hosts that serve the same profiles: https://www.facebook.com/jane.doe, https://m.facebook.com/jane.doe,
// https://web.facebook.com/..., https://mbasic.facebook.com/..., https://touch.facebook.com/...,
// https://fb.com/jane.doe (redirects), and locale mirrors like https://de-de.facebook.com/jane.doe (hreflang).
// Not: business.facebook.com, developers.facebook.com, l.facebook.com (link shim) and other tools.
const PROFILE_HOSTS = new Set([
  'facebook.com',
  'www.facebook.com',
  'm.facebook.com',
  'web.facebook.com',
  'mbasic.facebook.com',
  'touch.facebook.com',
  'mobile.facebook.com',
  'fb.com',
  'www.fb.com',
]);
const LOCALE_HOST = /^[a-z]{2}-[a-z]{2}\.facebook\.com$/;

function isProfileHost(url: URL): boolean {
  const host = hostOf(url);
  return PROFILE_HOSTS.has(host) || LOCALE_HOST.test(host);
}

// First path segments that are Facebook's own routes, not usernames.
// e.g. https://www.facebook.com/groups/123, /watch/?v=1, /marketplace/item/1, /events/1, /gaming/x, /login/,
// /hashtag/news, /photo/?fbid=1, /reel/1, /stories/1, /friends/requests, /pages/Name/123 (old page URLs) ...
const RESERVED = new Set([
  'about',
  'account',
  'ads',
  'adsmanager',
  'bookmarks',
  'business',
  'careers',
  'checkpoint',
  'comment',
  'commerce',
  'community',
  'composer',
  'dialog',
  'directory',
  'events',
  'facebook',
  'feeds',
  'find-friends',
  'friends',
  'fundraisers',
  'gaming',
  'games',
  'groups',
  'hashtag',
  'help',
  'home',
  'jobs',
  'latest',
  'legal',
  'live',
  'login',
  'logout',
  'marketplace',
  'me',
  'media',
  'memories',
  'messages',
  'messenger',
  'mobile',
  'notes',
  'notifications',
  'offers',
  'onthisday',
  'page',
  'pages',
  'payments',
  'people',
  'permalink',
  'pg',
  'photo',
  'photos',
  'places',
  'plugins',
  'policies',
  'policy',
  'privacy',
  'profile',
  'public',
  'r',
  'recover',
  'reel',
  'reels',
  'reg',
  'saved',
  'search',
  'settings',
  'share',
  'sharer',
  'stories',
  'story',
  'support',
  'terms',
  'video',
  'videos',
  'watch',
  'weather',
]);

// Tabs of a profile: https://www.facebook.com/jane.doe/about, /jane.doe/friends, /jane.doe/photos ...
const PROFILE_TABS = new Set([
  'about',
  'about_overview',
  'about_work_and_education',
  'about_places',
  'about_contact_and_basic_info',
  'about_family_and_relationships',
  'about_details',
  'about_life_events',
  'friends',
  'friends_all',
  'friends_mutual',
  'friends_recent',
  'friends_likes',
  'followers',
  'following',
  'photos',
  'photos_by',
  'photos_of',
  'photos_albums',
  'videos',
  'videos_by',
  'reels_tab',
  'map',
  'sports',
  'music',
  'movies',
  'tv',
  'books',
  'likes',
  'events',
  'reviews',
  'reviews_given',
  'groups',
  'mentions',
  'community',
  'checkins',
  'directory_personal_details',
]);

// Usernames are letters, digits and dots (a few old page names also hold hyphens), 5+ characters for new
// ones; older ones are shorter (https://www.facebook.com/zuck), so any length from 2 is accepted.
const USERNAME = /^[A-Za-z0-9.-]{2,80}$/;
const NUMERIC_ID = /^\d{1,20}$/;

function usernameId(segment: string): string | null {
  if (!USERNAME.test(segment) || segment.toLowerCase().endsWith('.php')) return null;
  // Facebook ignores dots and case: jane.doe, JaneDoe and janedoe are the same profile.
  const id = segment.toLowerCase().replace(/\./g, '');
  if (id.length < 2 || /^-|-$/.test(id) || RESERVED.has(id) || RESERVED.has(segment.toLowerCase()))
    return null;
  return NUMERIC_ID.test(id) ? null : id;
}

export function parseFacebookProfileUrl(url: string): ProfileRef | null {
  const parsed = parseHttpUrl(url);
  if (!parsed || !isProfileHost(parsed)) return null;
  const segments = pathSegments(parsed);
  if (!segments || segments.length === 0) return null;
  const [first = '', second, third] = segments;
  const lower = first.toLowerCase();
  // https://www.facebook.com/profile.php?id=100012345678901 (&sk=about is a tab of the same profile)
  if (lower === 'profile.php') {
    const id = parsed.searchParams.get('id') ?? '';
    return segments.length === 1 && NUMERIC_ID.test(id) ? { network: 'facebook', id } : null;
  }
  // https://www.facebook.com/people/Jane-Doe/100012345678901/ (profiles without a username)
  if (lower === 'people') {
    return segments.length === 3 && NUMERIC_ID.test(third ?? '')
      ? { network: 'facebook', id: third ?? '' }
      : null;
  }
  // https://www.facebook.com/profile/100012345678901
  if (lower === 'profile') {
    return segments.length === 2 && NUMERIC_ID.test(second ?? '')
      ? { network: 'facebook', id: second ?? '' }
      : null;
  }
  if (segments.length > 2) return null;
  if (second !== undefined && !PROFILE_TABS.has(second.toLowerCase())) return null;
  // https://www.facebook.com/100012345678901 (a bare numeric id redirects to the profile)
  if (NUMERIC_ID.test(first)) return { network: 'facebook', id: first };
  // https://www.facebook.com/jane.doe, https://m.facebook.com/jane.doe/about
  const id = usernameId(first);
  return id === null ? null : { network: 'facebook', id };
}

/**
 * The author of a post from its URL:
 * https://www.facebook.com/jane.doe/posts/pfbid02abc or /jane.doe/posts/123 -> janedoe,
 * https://www.facebook.com/jane.doe/videos/123 -> janedoe,
 * https://www.facebook.com/permalink.php?story_fbid=1&id=100012345678901 -> 100012345678901 (id is the author),
 * https://www.facebook.com/story.php?story_fbid=1&id=100012345678901 -> same.
 * Group posts (/groups/g/posts/1) carry the group, not the author: null.
 */
export function parseFacebookPostAuthorUrl(url: string): ProfileRef | null {
  const parsed = parseHttpUrl(url);
  if (!parsed || !isProfileHost(parsed)) return null;
  const segments = pathSegments(parsed);
  if (!segments || segments.length === 0) return null;
  const [first = '', second = '', third] = segments;
  const lower = first.toLowerCase();
  if (lower === 'permalink.php' || lower === 'story.php') {
    const id = parsed.searchParams.get('id') ?? '';
    const story = parsed.searchParams.get('story_fbid') ?? '';
    return segments.length === 1 && NUMERIC_ID.test(id) && story !== '' ? { network: 'facebook', id } : null;
  }
  if (segments.length < 3 || third === undefined || !/^[A-Za-z0-9_.:-]{1,120}$/.test(third)) return null;
  if (!['posts', 'videos'].includes(second.toLowerCase())) return null;
  if (NUMERIC_ID.test(first)) return { network: 'facebook', id: first };
  const id = usernameId(first);
  return id === null ? null : { network: 'facebook', id };
}

export function isFacebookNumericId(id: string): boolean {
  return NUMERIC_ID.test(id);
}

export function facebookProfileUrl(id: string): string {
  return NUMERIC_ID.test(id)
    ? `https://www.facebook.com/profile.php?id=${id}`
    : `https://www.facebook.com/${encodeURIComponent(id)}`;
}

/** Numeric profile id from an app link: fb://profile/100067935271247 (al:android:url / al:ios:url). */
export function facebookIdFromAppLink(raw: string | null): string | null {
  const m = raw ? /^fb:\/\/profile\/(\d{1,20})(?:[/?#]|$)/i.exec(raw.trim()) : null;
  return m?.[1] ?? null;
}
