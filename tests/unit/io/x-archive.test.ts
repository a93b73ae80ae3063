import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeXArchive, parseXArchive } from '@/lib/io/x-archive';

const TWEETS = readFileSync(resolve(import.meta.dirname, '../../fixtures/io/x-tweets.js'), 'utf8');
const NOW = Date.UTC(2026, 10, 27);

describe("X's archive: data/tweets.js", () => {
  it('names everyone the user replied to or mentioned, with one interaction per tweet', () => {
    const result = parseXArchive(TWEETS, NOW);
    expect(result.refused).toBeNull();
    expect(result.contacts).toEqual([
      {
        handle: 'janedoe',
        // The display name on the newest tweet that named her.
        name: 'Jane D.',
        interactions: [
          {
            id: 'x-tweet-1729000000000000001-janedoe',
            at: Date.UTC(2026, 10, 20, 9),
            kind: 'comment',
            text: '@JaneDoe Congratulations on the launch & the new team!',
            url: 'https://x.com/i/web/status/1729000000000000001',
          },
          {
            id: 'x-tweet-1729000000000000002-janedoe',
            at: Date.UTC(2026, 10, 21, 12, 30),
            kind: 'mention',
            text: 'Great panel on hiring with @rahulmehta and @janedoe today',
            url: 'https://x.com/i/web/status/1729000000000000002',
          },
        ],
      },
      {
        handle: 'rahulmehta',
        name: 'Rahul Mehta',
        interactions: [
          expect.objectContaining({ id: 'x-tweet-1729000000000000002-rahulmehta', kind: 'mention' }),
        ],
      },
    ]);
  });

  it('leaves out retweets and the user’s own threads, and says which tweets it could not use', () => {
    const { contacts, problems } = parseXArchive(TWEETS, NOW);
    expect(contacts.map((c) => c.handle)).not.toContain('bigaccount');
    expect(contacts.map((c) => c.handle)).not.toContain('me_myself');
    expect(problems.map((p) => p.reason)).toEqual([
      'tweet 5 (1729000000000000005): "home" is not an X screen name; left out',
      'tweet 6 (1729000000000000006): created_at is not a date',
    ]);
  });

  it('reads the older archive form, a list of tweets without the wrapper', () => {
    const older = `window.YTD.tweet.part0 = [${JSON.stringify({
      id_str: '1',
      created_at: 'Wed Oct 10 20:19:24 +0000 2018',
      full_text: '@Someone_Else hi',
      in_reply_to_user_id_str: '9',
      entities: { user_mentions: [{ screen_name: 'Someone_Else', name: 'Someone', id_str: '9' }] },
    })}]`;
    const { contacts } = parseXArchive(older, NOW);
    expect(contacts).toEqual([
      expect.objectContaining({
        handle: 'someone_else',
        interactions: [expect.objectContaining({ kind: 'comment', at: Date.UTC(2018, 9, 10, 20, 19, 24) })],
      }),
    ]);
  });

  it.each([
    ['not text at all', 'hello world', /not a file of X’s archive/],
    [
      'the follows file, which names people by number',
      'window.YTD.following.part0 = [ { "following" : { "accountId" : "12" } } ]',
      /following\.js, which names people by number only; choose data\/tweets\.js/,
    ],
    ['a truncated file', TWEETS.slice(0, 400), /truncated|end|line/i],
    ['a __proto__ key', 'window.YTD.tweets.part0 = [ { "__proto__" : { "polluted" : true } } ]', /__proto__/],
    [
      'deep nesting',
      `window.YTD.tweets.part0 = ${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      /nest|deep|depth/i,
    ],
    ['an object instead of a list', 'window.YTD.tweets.part0 = { "tweet" : {} }', /not a list/],
  ])('refuses %s, saying why', (_, text, reason) => {
    const result = parseXArchive(text, NOW);
    expect(result.contacts).toEqual([]);
    expect(result.refused).toMatch(reason);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('recognises any file of the archive by its first line', () => {
    expect(looksLikeXArchive(TWEETS)).toBe(true);
    expect(looksLikeXArchive('\uFEFFwindow.YTD.direct_messages.part0 = []')).toBe(true);
    expect(looksLikeXArchive('{"format": "rapport-backup"}')).toBe(false);
  });
});
