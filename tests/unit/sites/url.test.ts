import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalProfileUrl,
  type Network,
  networkLabels,
  networkOfUrl,
  parseLinkTarget,
  parsePostAuthorUrl,
  parseProfileUrl,
} from '../../../lib/sites';
import { linkedInIdFromSlug } from '../../../lib/sites/linkedin/url';
import { postAuthorCases, urlCases } from './url-cases';

describe('parseProfileUrl', () => {
  it('has a table of at least 150 cases', () => {
    expect(urlCases.length).toBeGreaterThanOrEqual(150);
  });

  it.each(urlCases)('$url', ({ url, expected }) => {
    expect(parseProfileUrl(url)).toEqual(expected);
  });

  it('round-trips every profile through its canonical URL', () => {
    for (const { expected } of urlCases) {
      if (expected) expect(parseProfileUrl(canonicalProfileUrl(expected))).toEqual(expected);
    }
  });

  it('never throws and only returns well-formed refs, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })),
        (url) => {
          const ref = parseProfileUrl(url);
          if (ref !== null) {
            expect(['linkedin', 'facebook', 'x']).toContain(ref.network);
            expect(ref.id.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds the same profile on every site host and path decoration', () => {
    const hosts = ['x.com', 'www.x.com', 'twitter.com', 'mobile.twitter.com'];
    const tabs = ['', '/', '/media', '/with_replies', '/likes', '/followers', '/following'];
    fc.assert(
      fc.property(
        fc
          .stringMatching(/^[A-Za-z0-9_]{4,15}$/)
          .filter((h) => !['home', 'i', 'tos', 'help', 'lists'].includes(h)),
        fc.constantFrom(...hosts),
        fc.constantFrom(...tabs),
        (handle, host, tab) => {
          const ref = parseProfileUrl(`https://${host}/${handle}${tab}?s=20`);
          // Reserved routes are fine to miss; a parsed profile must always be the lower-cased handle.
          if (ref) expect(ref).toEqual({ network: 'x', id: handle.toLowerCase() });
        },
      ),
    );
  });
});

describe('parseProfileUrl: same person, different spellings', () => {
  it('Facebook usernames ignore dots and case; LinkedIn vanity names ignore case and sub-pages', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9]{5,20}$/),
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.constantFrom('www', 'm', 'web', 'mbasic'),
        (name, dots, host) => {
          let spelled = name;
          for (const at of dots) {
            const i = 1 + (at % (spelled.length - 1));
            if (spelled[i - 1] !== '.' && spelled[i] !== '.')
              spelled = `${spelled.slice(0, i)}.${spelled.slice(i)}`;
          }
          const ref = parseProfileUrl(`https://${host}.facebook.com/${spelled.toUpperCase()}`);
          if (ref) expect(ref).toEqual({ network: 'facebook', id: name });
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9-]{2,40}[a-z0-9]$/),
        fc.constantFrom('', 'details/experience/', 'recent-activity/all/', 'overlay/contact-info/'),
        (slug, tail) => {
          const ref = parseProfileUrl(`https://uk.linkedin.com/in/${slug.toUpperCase()}/${tail}?trk=x#y`);
          expect(ref).toEqual({ network: 'linkedin', id: slug });
          if (ref) expect(parseProfileUrl(canonicalProfileUrl(ref))).toEqual(ref);
        },
      ),
    );
  });
});

describe('canonicalProfileUrl', () => {
  it.each([
    [{ network: 'linkedin', id: 'jane-doe' }, 'https://www.linkedin.com/in/jane-doe/'],
    [{ network: 'linkedin', id: '李四' }, 'https://www.linkedin.com/in/%E6%9D%8E%E5%9B%9B/'],
    [{ network: 'x', id: 'janedoe' }, 'https://x.com/janedoe'],
    [{ network: 'facebook', id: 'janedoe' }, 'https://www.facebook.com/janedoe'],
    [
      { network: 'facebook', id: '100012345678901' },
      'https://www.facebook.com/profile.php?id=100012345678901',
    ],
  ] as const)('%o -> %s', (ref, url) => {
    expect(canonicalProfileUrl(ref)).toBe(url);
  });
});

describe('parsePostAuthorUrl', () => {
  it.each(postAuthorCases)('$url', ({ url, expected }) => {
    expect(parsePostAuthorUrl(url)).toEqual(expected);
  });
});

describe('parseLinkTarget', () => {
  it('prefers the profile, then the post author', () => {
    expect(parseLinkTarget('https://x.com/JaneDoe/media')).toEqual({
      ref: { network: 'x', id: 'janedoe' },
      via: 'profile',
    });
    expect(parseLinkTarget('https://x.com/JaneDoe/status/1')).toEqual({
      ref: { network: 'x', id: 'janedoe' },
      via: 'post',
    });
    expect(parseLinkTarget('https://www.facebook.com/jane.doe/posts/pfbid0abc')).toEqual({
      ref: { network: 'facebook', id: 'janedoe' },
      via: 'post',
    });
    expect(parseLinkTarget('https://www.linkedin.com/in/jane-doe/')?.via).toBe('profile');
    expect(parseLinkTarget('https://x.com/home')).toBeNull();
    expect(parseLinkTarget('https://example.com/')).toBeNull();
  });
});

describe('networkOfUrl', () => {
  it.each([
    ['https://www.linkedin.com/feed/', 'linkedin'],
    ['https://de.linkedin.com/company/acme', 'linkedin'],
    ['https://linkedin.com/', 'linkedin'],
    ['https://x.com/home', 'x'],
    ['https://twitter.com/', 'x'],
    ['https://help.x.com/en', 'x'],
    ['https://www.facebook.com/groups/1', 'facebook'],
    ['https://m.facebook.com/', 'facebook'],
    ['https://fb.com/jane.doe', 'facebook'],
    ['https://linkedin.com.evil.example/', null],
    ['https://evil-linkedin.com/', null],
    ['https://notx.com/', null],
    ['https://x.com.evil.example/', null],
    ['https://facebook.com.evil.example/', null],
    ['https://x.com@evil.example/', null],
    ['javascript:alert(1)', null],
    ['ftp://x.com/', null],
    ['data:text/html,x', null],
    ['garbage', null],
    ['', null],
  ] as const)('%s -> %s', (url, network) => {
    expect(networkOfUrl(url)).toBe(network);
  });
});

describe('networkLabels', () => {
  it('labels every network', () => {
    const expected: Record<Network, string> = { linkedin: 'LinkedIn', facebook: 'Facebook', x: 'X' };
    expect(networkLabels).toEqual(expected);
  });
});

// linkedInIdFromSlug tries a plain ASCII pattern before its Unicode one: the same answer for any slug.
describe('LinkedIn vanity names', () => {
  const reference = (slug: string): string | null => {
    if (/^AC[a-zA-Z]AA[A-Za-z0-9_-]{10,}$/.test(slug)) return slug;
    if (!/^[\p{L}\p{M}\p{N}_.-]{2,100}$/u.test(slug)) return null;
    const id = slug.toLowerCase();
    return ['me', 'edit', 'unavailable'].includes(id) || /^[-_.]+$/.test(id) ? null : id;
  };
  const slugs = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_.-]{0,102}$/),
    // The length limits, 2 and 100.
    fc.tuple(fc.integer({ min: 0, max: 103 }), fc.constantFrom('a', '李')).map(([n, c]) => c.repeat(n)),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc
      .array(fc.constantFrom('a', 'Z', '9', '-', '_', '.', '李', 'é', '\u0301', ' ', '/', '%'), {
        maxLength: 104,
      })
      .map((chars) => chars.join('')),
  );

  it('are the names the Unicode pattern accepts', () => {
    fc.assert(
      fc.property(slugs, (slug) => {
        expect(linkedInIdFromSlug(slug)).toBe(reference(slug));
      }),
      { seed: 3, numRuns: 3_000 },
    );
  });
});
