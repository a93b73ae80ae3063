// Where a prompt sends the user: a profile, or X's post intent for public recognition. Never a URL that
// posts or sends on its own.

import { describe, expect, it } from 'vitest';
import { actionUrl, networkOfUrl, type Prompt } from '../../../../lib/domain/prompts';
import { identity, NOW, person } from './fixtures';

const prompt = (overrides: Partial<Prompt>): Prompt => ({
  key: 'k',
  kind: 'reconnect',
  personIds: ['jane'],
  score: 20,
  reason: 'r',
  draft: 'Congratulations on the new role as Director at B & co, Jane!',
  network: 'linkedin',
  dueAt: NOW,
  ...overrides,
});

const jane = person('jane', {
  identities: [identity('linkedin', 'jane-roe'), identity('x', 'janeroe'), identity('facebook', 'jane.roe')],
});

describe('actionUrl', () => {
  it.each<[string, Partial<Prompt>, string | null]>([
    ['LinkedIn opens the profile', {}, 'https://www.linkedin.com/in/jane-roe/'],
    ['Facebook opens the profile', { network: 'facebook' }, 'https://www.facebook.com/jane.roe'],
    ['a private prompt on X opens the profile', { network: 'x' }, 'https://x.com/janeroe'],
    [
      'a success on X opens a post intent mentioning them',
      { network: 'x', kind: 'acknowledge-success' },
      `https://x.com/intent/post?text=${encodeURIComponent('@janeroe Congratulations on the new role as Director at B & co, Jane!')}`,
    ],
    ['no network: nowhere to go', { network: null }, null],
  ])('%s', (_, overrides, expected) => {
    expect(actionUrl(prompt(overrides), jane)).toBe(expected);
  });

  it('returns null when the person has no identity on the network', () => {
    expect(actionUrl(prompt({ network: 'x' }), person('ann'))).toBeNull();
  });

  it('never trusts a stored URL off the network or not https; builds one from the handle', () => {
    const spoofed = person('ann', {
      identities: [{ ...identity('linkedin', 'ann'), url: 'javascript:alert(1)' }],
    });
    expect(actionUrl(prompt({}), spoofed)).toBe('https://www.linkedin.com/in/ann/');
    const elsewhere = person('ann', {
      identities: [{ ...identity('linkedin', 'a/../b'), url: 'https://evil.example/in/ann' }],
    });
    expect(actionUrl(prompt({}), elsewhere)).toBe('https://www.linkedin.com/in/a%2F..%2Fb/');
  });

  it('encodes the draft so it cannot add query parameters', () => {
    const url =
      actionUrl(prompt({ network: 'x', kind: 'acknowledge-success', draft: 'a&b=c #x' }), jane) ?? '';
    expect(new URL(url).searchParams.get('text')).toBe('@janeroe a&b=c #x');
    expect([...new URL(url).searchParams.keys()]).toEqual(['text']);
  });
});

describe('networkOfUrl', () => {
  it.each([
    ['https://www.linkedin.com/posts/x', 'linkedin'],
    ['https://x.com/a/status/1', 'x'],
    ['https://twitter.com/a/status/1', 'x'],
    ['https://m.facebook.com/story', 'facebook'],
    ['https://notlinkedin.com/x', null],
    ['https://linkedin.com.evil.example/', null],
    ['not a url', null],
    [undefined, null],
  ])('%s -> %s', (url, expected) => {
    expect(networkOfUrl(url)).toBe(expected);
  });
});
