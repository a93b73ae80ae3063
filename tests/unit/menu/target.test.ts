import { describe, expect, it } from 'vitest';
import { resolveMenuTarget, SELECTION_MAX_LENGTH, selectionText, sourceUrlOf } from '@/lib/menu/target';

describe('who a "Log interaction" click is about', () => {
  it.each([
    // A link to a profile wins, from any site, over the page's own profile.
    [
      'a LinkedIn profile link on a blog',
      { linkUrl: 'https://de.linkedin.com/in/Jane-Doe/', pageUrl: 'https://blog.example/post' },
      'link-profile',
      'linkedin:jane-doe',
    ],
    [
      'an X profile link on a LinkedIn profile',
      { linkUrl: 'https://twitter.com/RahulMehta', pageUrl: 'https://www.linkedin.com/in/jane-doe/' },
      'link-profile',
      'x:rahulmehta',
    ],
    [
      'a Facebook profile link in a mail',
      { linkUrl: 'https://m.facebook.com/profile.php?id=1000123', pageUrl: 'https://mail.example/inbox' },
      'link-profile',
      'facebook:1000123',
    ],
    // A post link: its author, known from the URL.
    [
      'an X post link',
      { linkUrl: 'https://x.com/JaneDoe/status/1234567890', pageUrl: 'https://news.example/' },
      'link-post',
      'x:janedoe',
    ],
    // No person in the link: the page's profile.
    [
      'a non-profile link on a profile page',
      {
        linkUrl: 'https://www.linkedin.com/company/acme/',
        pageUrl: 'https://www.linkedin.com/in/jane-doe/details/experience/',
      },
      'page',
      'linkedin:jane-doe',
    ],
    [
      'a selection on an X profile',
      { pageUrl: 'https://x.com/janedoe/with_replies', selectionText: 'Congrats!' },
      'page',
      'x:janedoe',
    ],
    [
      'a javascript: link on a profile page',
      { linkUrl: 'javascript:alert(1)', pageUrl: 'https://www.facebook.com/jane.doe' },
      'page',
      'facebook:janedoe',
    ],
  ])('%s', (_label, click, via, key) => {
    const target = resolveMenuTarget(click);
    expect(target.via).toBe(via);
    expect(target.ref && `${target.ref.network}:${target.ref.id}`).toBe(key);
  });

  it.each([
    [
      'a selection on a news site',
      { pageUrl: 'https://news.example/story', selectionText: 'Jane was promoted' },
    ],
    ['the LinkedIn feed', { pageUrl: 'https://www.linkedin.com/feed/' }],
    [
      'a look-alike host',
      { linkUrl: 'https://linkedin.com.evil.example/in/jane', pageUrl: 'https://evil.example/' },
    ],
    ['nothing at all', {}],
  ])('nobody on %s: the chooser asks', (_label, click) => {
    expect(resolveMenuTarget(click)).toEqual({ via: 'none', ref: null });
  });
});

describe('the selected text', () => {
  it('keeps the words and drops layout whitespace', () => {
    expect(selectionText('  Congrats on\n\n the   launch!  ')).toEqual({
      text: 'Congrats on the launch!',
      truncated: false,
    });
    expect(selectionText(undefined)).toEqual({ text: null, truncated: false });
    expect(selectionText(' \n ')).toEqual({ text: null, truncated: false });
  });

  it('is capped, and says so', () => {
    const long = 'word '.repeat(1_000);
    const result = selectionText(long);
    expect(result.truncated).toBe(true);
    expect(result.text?.length).toBe(SELECTION_MAX_LENGTH);
    expect(result.text?.endsWith('…')).toBe(true);
  });

  it('keeps markup as plain text', () => {
    expect(selectionText('<img src=x onerror=alert(1)>')?.text).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('the source URL', () => {
  it('is the link, else the page, and only a web URL', () => {
    expect(sourceUrlOf({ linkUrl: 'https://x.com/a/status/1', pageUrl: 'https://x.com/home' })).toBe(
      'https://x.com/a/status/1',
    );
    expect(sourceUrlOf({ pageUrl: 'https://mail.example/inbox' })).toBe('https://mail.example/inbox');
    expect(sourceUrlOf({ pageUrl: 'chrome-extension://abc/popup.html' })).toBeNull();
    expect(sourceUrlOf({ linkUrl: 'javascript:alert(1)' })).toBeNull();
  });
});
