import { cleanText } from '@/lib/sites/text';
import { parseProfileUrl } from '@/lib/sites/urls';
import type { LineProblem } from './problems';
import { safeJsonParse } from './safe-json';

// X's own archive (Settings > Your account > Download an archive of your data) is a folder of JavaScript
// files, each `window.YTD.<name>.part0 = [ ... ]`. Only data/tweets.js names other people: a reply or an
// @mention carries the other account's screen name and display name. The files about follows, followers
// and direct messages identify people by number only, which is no profile Rapport can open, so they are
// refused with that reason. A reply is a public comment on their post, a mention is a mention; both are
// the user reaching out. Retweets are left out: they amplify, they do not start a dialogue.

export interface XArchiveInteraction {
  /** Stable across re-imports: the tweet and the person it names. */
  id: string;
  at: number;
  kind: 'comment' | 'mention';
  /** The user's own tweet, as plain text. */
  text: string | null;
  url: string;
}

export interface XArchiveContact {
  /** The screen name, lower-cased: X's identity key in Rapport. */
  handle: string;
  /** The display name on the newest tweet that named them. */
  name: string;
  interactions: XArchiveInteraction[];
}

export interface XArchiveResult {
  contacts: XArchiveContact[];
  problems: LineProblem[];
  /** Why nothing can be read at all; null when the file is a tweets file. */
  refused: string | null;
}

export const X_ARCHIVE_MAX_CHARS = 50 * 1024 * 1024;
const MAX_TWEETS = 200_000;
const TEXT_MAX = 500;
const PREFIX = /^\s*window\.YTD\.([A-Za-z0-9_]+)\.part\d+\s*=\s*/;
/** X launched in 2006; a date before that, or in the future, is not a tweet's. */
const EARLIEST = Date.UTC(2006, 0, 1);

/** Whether the text is one of the archive's `window.YTD.…` files. */
export function looksLikeXArchive(text: string): boolean {
  return PREFIX.test(text.replace(/^\uFEFF/, '').slice(0, 200));
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const DIGITS = /^\d{1,25}$/;

/** X escapes &, < and > in tweet text; nothing else. */
const decodeEntities = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Parses data/tweets.js (or tweet.js in older archives). Never throws. */
export function parseXArchive(text: string, now: number): XArchiveResult {
  const none = (refused: string): XArchiveResult => ({ contacts: [], problems: [], refused });
  if (typeof text !== 'string') return none('not text');
  if (text.length > X_ARCHIVE_MAX_CHARS) {
    return none(`the file is larger than ${X_ARCHIVE_MAX_CHARS / 1024 / 1024} MB`);
  }
  const body = text.replace(/^\uFEFF/, '');
  const prefix = PREFIX.exec(body);
  if (!prefix)
    return none('this is not a file of X’s archive (it should start with "window.YTD.tweets.part0 =")');
  const file = prefix[1] ?? '';
  if (file !== 'tweets' && file !== 'tweet') {
    return none(
      `this is X’s ${file}.js, which names people by number only; choose data/tweets.js, where the people you replied to and mentioned are named`,
    );
  }
  const parsed = safeJsonParse(body.slice(prefix[0].length).replace(/;\s*$/, ''), {
    maxChars: X_ARCHIVE_MAX_CHARS,
    maxDepth: 32,
    maxStringChars: 100_000,
  });
  if (!parsed.ok) return none(parsed.errors.join('; '));
  if (!Array.isArray(parsed.value)) return none('the tweets are not a list');

  const problems: LineProblem[] = [];
  const byHandle = new Map<string, XArchiveContact & { newest: number }>();
  const items = parsed.value.slice(0, MAX_TWEETS);
  items.forEach((item, index) => {
    const where = `tweet ${index + 1}`;
    // Archives since 2019 wrap each tweet as { "tweet": {...} }; older ones list the tweets themselves.
    const tweet = isObject(item) && isObject(item.tweet) ? item.tweet : item;
    if (!isObject(tweet)) {
      problems.push({ line: 0, reason: `${where}: not a tweet` });
      return;
    }
    const id = str(tweet.id_str) ?? str(tweet.id);
    if (id === null || !DIGITS.test(id)) {
      problems.push({ line: 0, reason: `${where}: id_str is missing or not a number` });
      return;
    }
    const fullText = str(tweet.full_text) ?? str(tweet.text) ?? '';
    if (/^RT @/.test(fullText)) return;
    const entities = isObject(tweet.entities) ? tweet.entities : null;
    const mentions = Array.isArray(entities?.user_mentions) ? entities.user_mentions : [];
    if (mentions.length === 0) return;
    const at = Date.parse(str(tweet.created_at) ?? '');
    if (!Number.isFinite(at) || at < EARLIEST || at > now + 86_400_000) {
      problems.push({ line: 0, reason: `${where} (${id}): created_at is not a date` });
      return;
    }
    const replyTo = str(tweet.in_reply_to_user_id_str);
    const plain = cleanText(decodeEntities(fullText), TEXT_MAX);
    const seen = new Set<string>();
    for (const mention of mentions) {
      const screenName = isObject(mention) ? str(mention.screen_name) : null;
      const ref = screenName ? parseProfileUrl(`https://x.com/${screenName}`) : null;
      if (ref === null || ref.network !== 'x') {
        problems.push({
          line: 0,
          reason: `${where} (${id}): "${String(screenName).slice(0, 50)}" is not an X screen name; left out`,
        });
        continue;
      }
      if (seen.has(ref.id)) continue;
      seen.add(ref.id);
      const name = cleanText(isObject(mention) ? str(mention.name) : null, 200) ?? ref.id;
      const contact = byHandle.get(ref.id) ?? { handle: ref.id, name, interactions: [], newest: at };
      if (at >= contact.newest) {
        contact.newest = at;
        contact.name = name;
      }
      contact.interactions.push({
        id: `x-tweet-${id}-${ref.id}`,
        at,
        kind: replyTo !== null && isObject(mention) && mention.id_str === replyTo ? 'comment' : 'mention',
        text: plain,
        url: `https://x.com/i/web/status/${id}`,
      });
      byHandle.set(ref.id, contact);
    }
  });
  if (parsed.value.length > MAX_TWEETS) {
    problems.push({ line: 0, reason: `only the first ${MAX_TWEETS} tweets were read` });
  }
  const contacts = [...byHandle.values()].map(({ newest: _newest, ...contact }) => contact);
  return { contacts, problems, refused: null };
}
