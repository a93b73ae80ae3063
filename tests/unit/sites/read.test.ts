// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileDomMatches, readProfile } from '../../../lib/sites';
import { linkedInSite } from '../../../lib/sites/linkedin/site';
import { readSiteProfile, siteDomMatches } from '../../../lib/sites/site';
import { readFixture } from '../../fixtures';
import { countWalks, parseHtml } from './helpers';

const LI_JANE = 'https://www.linkedin.com/in/jane-doe/';
const X_JANE = 'https://x.com/janedoe';
const FB_JANE = 'https://www.facebook.com/jane.doe';

/** A fixture page with a change applied to its DOM. */
function fixture(file: string, change?: (doc: Document) => void): Document {
  const doc = parseHtml(readFixture(file));
  change?.(doc);
  return doc;
}

function setText(doc: Document, selector: string, text: string): void {
  const el = doc.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  el.textContent = text;
}

describe('readProfile: URL identity first', () => {
  it('returns null for non-profile URLs whatever the DOM shows', () => {
    const doc = fixture('linkedin/profile-jane-doe.html');
    expect(readProfile(doc, 'https://www.linkedin.com/feed/')).toBeNull();
    expect(readProfile(doc, 'https://example.com/in/jane-doe')).toBeNull();
    expect(readProfile(doc, 'not a url')).toBeNull();
  });

  it('an empty document gives the URL identity with null fields', () => {
    const empty = parseHtml('');
    for (const [url, id, network, canonical] of [
      [LI_JANE, 'jane-doe', 'linkedin', 'https://www.linkedin.com/in/jane-doe/'],
      ['https://twitter.com/JaneDoe/media', 'janedoe', 'x', 'https://x.com/janedoe'],
      [FB_JANE, 'janedoe', 'facebook', 'https://www.facebook.com/janedoe'],
    ] as const) {
      expect(readProfile(empty, url)).toEqual({
        network,
        id,
        url: canonical,
        name: null,
        headline: null,
        avatarUrl: null,
      });
      expect(profileDomMatches(empty, { network, id })).toBe('unknown');
    }
  });

  it('reads through profile tabs and sub-pages of the same person', () => {
    const doc = fixture('x/profile-janedoe.html');
    expect(readProfile(doc, 'https://x.com/JaneDoe/with_replies')?.name).toBe('Jane Doe');
    const li = fixture('linkedin/profile-jane-doe.html');
    expect(readProfile(li, 'https://de.linkedin.com/in/Jane-Doe/details/experience/?x=1')?.name).toBe(
      'Jane Doe',
    );
  });
});

describe('readProfile: mismatch during in-app navigation', () => {
  it('LinkedIn: the old top card (another /in/ link) nulls every DOM field', () => {
    const doc = fixture('linkedin/profile-jane-doe.html');
    const snapshot = readProfile(doc, 'https://www.linkedin.com/in/rahul-mehta/');
    expect(snapshot).toEqual({
      network: 'linkedin',
      id: 'rahul-mehta',
      url: 'https://www.linkedin.com/in/rahul-mehta/',
      name: null,
      headline: null,
      avatarUrl: null,
    });
  });

  it('LinkedIn: an internal member-id URL against a vanity top card is a mismatch (LinkedIn redirects to the vanity)', () => {
    const doc = fixture('linkedin/profile-jane-doe.html');
    expect(
      profileDomMatches(doc, { network: 'linkedin', id: 'ACoAAAEBbrgBjW348zRINVRNkAbCdEfGhIjKlMn' }),
    ).toBe('mismatch');
  });

  it('X: the header names another @handle', () => {
    const doc = fixture('x/profile-janedoe.html');
    expect(profileDomMatches(doc, { network: 'x', id: 'rahulmehta' })).toBe('mismatch');
    expect(readProfile(doc, 'https://x.com/rahulmehta')?.name).toBeNull();
  });

  it('X: the body header wins over head tags (DOM swapped before the <head>)', () => {
    const doc = fixture('x/profile-rahulmehta.html', (d) => {
      d.title = 'Jane Doe (@JaneDoe) / X';
      d.querySelector('link[rel="canonical"]')?.setAttribute('href', 'https://x.com/JaneDoe');
    });
    expect(profileDomMatches(doc, { network: 'x', id: 'rahulmehta' })).toBe('match');
    expect(profileDomMatches(doc, { network: 'x', id: 'janedoe' })).toBe('mismatch');
  });

  it('X: with no header yet, a stale title/canonical of another person is a mismatch', () => {
    const doc = fixture('x/profile-rahulmehta.html', (d) =>
      d.querySelector('[data-testid="UserName"]')?.remove(),
    );
    expect(profileDomMatches(doc, { network: 'x', id: 'janedoe' })).toBe('mismatch');
    expect(readProfile(doc, X_JANE)?.name).toBeNull();
    // ...and the same head for the right person still gives the name (JSON-LD, then the title).
    expect(readProfile(doc, 'https://x.com/rahulmehta')?.name).toBe('Rahul Mehta');
  });

  it('X: a display name that is itself "@someone" is not the handle', () => {
    const doc = fixture('x/profile-janedoe.html', (d) => {
      const nameSpan = d.querySelector('[data-testid="UserName"] .name span span');
      if (nameSpan) nameSpan.textContent = '@rahulmehta';
    });
    expect(profileDomMatches(doc, { network: 'x', id: 'janedoe' })).toBe('match');
    expect(profileDomMatches(doc, { network: 'x', id: 'rahulmehta' })).toBe('mismatch');
    expect(readProfile(doc, X_JANE)?.name).toBe('@rahulmehta');
  });

  it('Facebook: a username URL over a numeric-id profile (and the reverse) is a mismatch', () => {
    const rahul = fixture('facebook/profile-rahul-mehta.html');
    expect(profileDomMatches(rahul, { network: 'facebook', id: 'janedoe' })).toBe('mismatch');
    const jane = fixture('facebook/profile-jane-doe.html');
    expect(profileDomMatches(jane, { network: 'facebook', id: '100012345678901' })).toBe('mismatch');
    expect(readProfile(jane, 'https://www.facebook.com/profile.php?id=100012345678901')?.name).toBeNull();
  });

  it('Facebook: another username in the tabs is a mismatch', () => {
    const jane = fixture('facebook/profile-jane-doe.html');
    expect(readProfile(jane, 'https://www.facebook.com/rahul.mehta')?.name).toBeNull();
    expect(readProfile(jane, 'https://www.facebook.com/JANE.DOE/about')?.name).toBe('Jane Doe');
  });
});

describe('readSiteProfile with the verdict the guard just worked out', () => {
  // The in-app navigation guard works out whose profile the DOM shows once a frame, and then reads the
  // late details: the verdict is passed on, not worked out a second time, and the snapshot is the same.
  it('reads the same snapshot without asking whose the DOM is again', () => {
    const doc = fixture('linkedin/profile-jane-doe.html');
    let asked = 0;
    const counting = {
      ...linkedInSite,
      domMatches: (page: Document, ref: Parameters<typeof linkedInSite.domMatches>[1]) => {
        asked++;
        return linkedInSite.domMatches(page, ref);
      },
    };
    const url = 'https://www.linkedin.com/in/jane-doe/';
    const ref = { network: 'linkedin' as const, id: 'jane-doe' };
    const verdict = siteDomMatches(counting, doc, ref);
    expect(verdict).toBe('match');
    expect(asked).toBe(1);
    expect(readSiteProfile(counting, doc, url, verdict)).toEqual(readSiteProfile(linkedInSite, doc, url));
    expect(asked).toBe(1);
    expect(
      readSiteProfile(counting, doc, 'https://www.linkedin.com/in/rahul-mehta/', 'mismatch')?.name,
    ).toBeNull();
  });
});

describe('readProfile: traps', () => {
  it('LinkedIn: without the top card, neither the viewer nor "People also viewed" give a name', () => {
    const doc = fixture('linkedin/profile-jane-doe.html', (d) => d.querySelector('main')?.remove());
    const snapshot = readProfile(doc, LI_JANE);
    expect(snapshot).toMatchObject({ name: null, headline: null, avatarUrl: null });
  });

  it('LinkedIn: a company page left on screen is not read as a person (generic <h1> needs owner evidence)', () => {
    const doc = parseHtml(
      '<main><section class="org-top-card"><h1 class="text-heading-xlarge org-top-card-summary__title">Acme</h1></section></main>',
    );
    expect(readProfile(doc, LI_JANE)?.name).toBeNull();
  });

  it('LinkedIn: avatar from the top card only, http(s) only', () => {
    const doc = fixture('linkedin/profile-jane-doe.html', (d) => {
      d.querySelector('img.pv-top-card-profile-picture__image--show')?.setAttribute(
        'src',
        'https://media.licdn.com/dms/image/jane.jpg',
      );
    });
    expect(readProfile(doc, LI_JANE)?.avatarUrl).toBe('https://media.licdn.com/dms/image/jane.jpg');
    const hostile = fixture('linkedin/profile-jane-doe.html', (d) => {
      d.querySelector('img.pv-top-card-profile-picture__image--show')?.setAttribute(
        'src',
        'javascript:alert(1)',
      );
    });
    expect(readProfile(hostile, LI_JANE)?.avatarUrl).toBeNull();
  });

  it('X: timeline authors and "Who to follow" never become the owner', () => {
    const doc = fixture('x/profile-janedoe.html', (d) =>
      d.querySelector('[data-testid="UserName"]')?.remove(),
    );
    // Rahul's reposted tweet and avatar are on Jane's page; they must not identify him as the page owner.
    expect(profileDomMatches(doc, { network: 'x', id: 'rahulmehta' })).toBe('mismatch');
    expect(readProfile(doc, 'https://x.com/mariacodes')?.name).toBeNull();
  });

  it('X: the avatar is taken from the owner container only, case-insensitively', () => {
    const doc = fixture('x/profile-janedoe.html', (d) => {
      for (const img of Array.from(
        d.querySelectorAll('[data-testid="UserAvatar-Container-rahulmehta"] img'),
      )) {
        img.setAttribute('src', 'https://pbs.twimg.com/profile_images/2/rahul.jpg');
      }
      d.querySelector('[data-testid="UserAvatar-Container-JaneDoe"] img')?.setAttribute(
        'src',
        'https://pbs.twimg.com/profile_images/1/jane_400x400.jpg',
      );
    });
    expect(readProfile(doc, X_JANE)?.avatarUrl).toBe(
      'https://pbs.twimg.com/profile_images/1/jane_400x400.jpg',
    );
    expect(readProfile(doc, 'https://x.com/rahulmehta')?.avatarUrl).toBeNull();
  });

  it("X: the avatar is found by the header's handle, in its case, without comparing every post's avatar", () => {
    const photo = 'https://pbs.twimg.com/profile_images/1/jane_400x400.jpg';
    /** The avatar read, and how many times every avatar container was looked for. */
    const read = (testId: string) => {
      // Changed in the HTML: happy-dom's selector cache misses an attribute changed after a query.
      const html = readFixture('x/profile-janedoe.html').replaceAll(
        'data-testid="UserAvatar-Container-JaneDoe"',
        `data-testid="${testId}"`,
      );
      const doc = parseHtml(html);
      for (const img of Array.from(doc.querySelectorAll(`[data-testid="${testId}"] img`)))
        img.setAttribute('src', photo);
      const column = doc.querySelector('[data-testid="primaryColumn"]') as Element;
      const everyContainer = countWalks(column, (selector) => selector.includes('^='));
      return { avatarUrl: readProfile(doc, X_JANE)?.avatarUrl, everyContainer: everyContainer.walks };
    };
    expect(read('UserAvatar-Container-JaneDoe')).toEqual({ avatarUrl: photo, everyContainer: 0 });
    // A test id in another case than the header's handle (@JaneDoe): every container is compared.
    expect(read('UserAvatar-Container-janedoe')).toEqual({ avatarUrl: photo, everyContainer: 1 });
  });

  it('X: a post page at its author URL is not their profile (User-Name is not UserName)', () => {
    const doc = fixture('x/post-janedoe.html');
    expect(profileDomMatches(doc, { network: 'x', id: 'janedoe' })).toBe('mismatch');
    expect(readProfile(doc, X_JANE)).toMatchObject({ id: 'janedoe', name: null });
  });

  it('X: the home timeline at a profile URL names nobody', () => {
    const doc = fixture('x/home.html');
    expect(profileDomMatches(doc, { network: 'x', id: 'janedoe' })).toBe('unknown');
    expect(readProfile(doc, X_JANE)).toMatchObject({ name: null, headline: null, avatarUrl: null });
  });

  it('Facebook: the viewer in the banner and left navigation is not the owner', () => {
    const doc = fixture('facebook/profile-jane-doe.html', (d) => d.querySelector('[role="main"]')?.remove());
    expect(readProfile(doc, FB_JANE)).toMatchObject({ name: null, avatarUrl: null });
    expect(readProfile(doc, 'https://www.facebook.com/viewer.person')?.name).toBeNull();
  });

  it('Facebook: the profile <h1> without owner evidence is not trusted', () => {
    const doc = fixture('facebook/profile-jane-doe.html', (d) =>
      d.querySelector('[data-pagelet="ProfileTabs"]')?.remove(),
    );
    expect(profileDomMatches(doc, { network: 'facebook', id: 'janedoe' })).toBe('unknown');
    expect(readProfile(doc, FB_JANE)?.name).toBeNull();
  });

  it('Facebook: avatar from the header <svg><image>', () => {
    const doc = fixture('facebook/profile-jane-doe.html', (d) => {
      d.querySelector('[role="main"] svg[role="img"] image')?.setAttribute(
        'xlink:href',
        'https://scontent.xx.fbcdn.net/v/jane.jpg',
      );
    });
    expect(readProfile(doc, FB_JANE)?.avatarUrl).toBe('https://scontent.xx.fbcdn.net/v/jane.jpg');
  });
});

describe('readProfile: hostile text', () => {
  it('script and style content inside the name element is not text', () => {
    const doc = fixture('linkedin/profile-jane-doe.html', (d) => {
      const h1 = d.querySelector('h1');
      if (h1) h1.innerHTML = 'Jane<script>alert("x")</script><style>h1{}</style> Doe';
    });
    expect(readProfile(doc, LI_JANE)?.name).toBe('Jane Doe');
  });

  it('markup-looking text stays inert text', () => {
    const doc = fixture('x/profile-janedoe.html', (d) =>
      setText(d, '[data-testid="UserName"] .name span span', '<img src=x onerror=alert(1)>'),
    );
    expect(readProfile(doc, X_JANE)?.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('bidi overrides and zero-width characters are stripped', () => {
    const doc = fixture('facebook/profile-jane-doe.html', (d) =>
      setText(d, 'h1', '\u202EJane\u200B \u2066Doe\u2069\u200F'),
    );
    expect(readProfile(doc, FB_JANE)?.name).toBe('Jane Doe');
  });

  it('a 10,000-character name is capped', () => {
    const doc = fixture('x/profile-janedoe.html', (d) => {
      setText(d, '[data-testid="UserName"] .name span span', 'J'.repeat(10_000));
      setText(d, '[data-testid="UserDescription"]', 'bio '.repeat(5_000));
    });
    const snapshot = readProfile(doc, X_JANE);
    expect(snapshot?.name?.length).toBe(200);
    expect(snapshot?.headline?.length).toBeLessThanOrEqual(200);
  });

  it('a whitespace-only name falls back to the title, then null (never "")', () => {
    const doc = fixture('linkedin/profile-jane-doe.html', (d) => setText(d, 'h1', ' \u200B\n '));
    expect(readProfile(doc, LI_JANE)?.name).toBe('Jane Doe');
    doc.title = '\u200B ';
    expect(readProfile(doc, LI_JANE)?.name).toBeNull();
  });

  it('malformed JSON-LD and odd meta do not throw', () => {
    const doc = parseHtml(
      `<head><title>(@) / X</title><script type="application/ld+json">{"@type": "ProfilePage", "mainEntity": </script>
       <script type="application/ld+json">[1, null, "x", {"@graph": [{"@type": "Person"}]}]</script>
       <link rel="canonical" href="http://[::1"><meta property="og:url" content="javascript:alert(1)"></head>`,
    );
    for (const url of [LI_JANE, X_JANE, FB_JANE]) expect(() => readProfile(doc, url)).not.toThrow();
  });
});

describe('readProfile: never throws', () => {
  const fragment = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      '<h1>',
      '</h1>',
      '<main>',
      '</main>',
      '<div role="main">',
      '<div data-testid="UserName">',
      '<div data-testid="primaryColumn">',
      '<span>@janedoe</span>',
      '<span>@other</span>',
      '<a href="/in/jane-doe/overlay/contact-info/">',
      '<a href="/in/other/overlay/about-this-profile/">',
      '<div data-pagelet="ProfileTabs"><a href="/jane.doe/about">',
      '<a role="tab" href="profile.php?id=1">',
      '<link rel="canonical" href="https://x.com/janedoe">',
      '<meta property="og:url" content="https://www.facebook.com/login/">',
      '<meta property="og:title" content="Jane (@janedoe) on X">',
      '<script type="application/ld+json">{"@type":"ProfilePage","mainEntity":{"additionalName":"janedoe","name":',
      '</script>',
      '<svg role="img" aria-label="x"><image xlink:href="javascript:alert(1)">',
      '<img src="data:,x" class="pv-top-card-profile-picture__image--show">',
      '<section data-member-id="1">',
      '\u202E',
      '<!--',
      '-->',
      '<![CDATA[',
      '&#0;',
      '&amp;',
    ),
  );
  const html = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

  it('over random HTML-ish documents, and the result always has the URL identity', () => {
    fc.assert(
      fc.property(html, fc.constantFrom(LI_JANE, X_JANE, FB_JANE, 'https://x.com/other'), (source, url) => {
        const doc = parseHtml(source);
        const snapshot = readProfile(doc, url);
        expect(snapshot).not.toBeNull();
        if (!snapshot) return;
        for (const field of [snapshot.name, snapshot.headline]) {
          if (field !== null) expect(Array.from(field).length).toBeLessThanOrEqual(200);
        }
        if (snapshot.avatarUrl !== null) expect(snapshot.avatarUrl).toMatch(/^https?:\/\//);
        expect(['match', 'mismatch', 'unknown']).toContain(profileDomMatches(doc, snapshot));
      }),
      { numRuns: 300 },
    );
  });

  it('on documents whose DOM methods throw', () => {
    const broken = new Proxy(parseHtml('<h1>x</h1>'), {
      get(target, prop) {
        if (prop === 'querySelector' || prop === 'querySelectorAll' || prop === 'title') {
          throw new Error('boom');
        }
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    for (const url of [LI_JANE, X_JANE, FB_JANE]) {
      expect(() => readProfile(broken, url)).not.toThrow();
      expect(readProfile(broken, url)?.name).toBeNull();
      expect(() => profileDomMatches(broken, { network: 'x', id: 'janedoe' })).not.toThrow();
    }
  });
});
