// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"disableCSSFileLoading":true,"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parsePostAuthorUrl, parseProfileUrl, profileDomMatches, readProfile } from '../../../lib/sites';

// Real saved pages shared between checkouts (../shared/real-pages). They are not part of the repository; a
// fresh clone elsewhere skips these tests.
const dir = path.resolve(process.cwd(), '../shared/real-pages');
const exists = existsSync(dir);
if (!exists)
  console.warn(`real-pages tests skipped: ${dir} is absent (see its README on development machines)`);

interface RealPageMeta {
  network: 'linkedin' | 'facebook' | 'x';
  isProfile: boolean;
  expectedId?: string;
  expectedUrl?: string;
  testUrl?: string;
  requestedUrl?: string;
  profileName?: string;
  displayName?: string;
  entityName?: string;
  headline?: string;
  relatedId?: string;
  domHooks?: { canonical?: string };
}

function load(name: string): { meta: RealPageMeta; doc: Document } {
  const meta = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as RealPageMeta;
  // <iframe>s are renamed so happy-dom does not try (and noisily fail) to load them; they hold no identity.
  const html = readFileSync(path.join(dir, `${name}.html`), 'utf8')
    .replace(/<iframe\b/gi, '<div data-was-iframe')
    .replace(/<\/iframe>/gi, '</div>');
  // happy-dom reports every <iframe>/<link> it does not load on console.error; that is noise here.
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return { meta, doc: new DOMParser().parseFromString(html, 'text/html') };
  } finally {
    quiet.mockRestore();
  }
}

/** The URL the page was served at: the json's test URL, expected URL, or a URL built from its id. */
function pageUrl(meta: RealPageMeta): string {
  const raw = meta.testUrl ?? meta.expectedUrl ?? meta.requestedUrl;
  if (raw) return raw.split(' ')[0] ?? raw;
  // facebook-1 names its URL only in an HTML comment: https://www.facebook.com/heymeedan.
  if (meta.network === 'facebook' && meta.expectedId) return `https://www.facebook.com/${meta.expectedId}`;
  // facebook-neg-1 (the login wall) is known by its canonical URL.
  if (meta.domHooks?.canonical?.startsWith('https://')) return meta.domHooks.canonical;
  throw new Error('no URL for page');
}

const pages = exists
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort()
  : [];

describe.skipIf(!exists)('real saved pages', () => {
  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  const positives = pages.filter((p) => !p.includes('-neg-'));
  const negatives = pages.filter((p) => p.includes('-neg-'));

  it.each(positives)('%s: reads the profile owner the json names', (name) => {
    const { meta, doc } = load(name);
    expect(meta.isProfile).toBe(true);
    const url = pageUrl(meta);
    const snapshot = readProfile(doc, url);
    expect(snapshot).not.toBeNull();
    expect(snapshot?.network).toBe(meta.network);
    expect(snapshot?.id).toBe(meta.expectedId);
    expect(snapshot?.name).toBe(meta.profileName ?? meta.displayName ?? meta.entityName);
    if (meta.headline) expect(snapshot?.headline).toBe(meta.headline);
    expect(profileDomMatches(doc, { network: meta.network, id: meta.expectedId ?? '' })).not.toBe('mismatch');
    if (snapshot?.avatarUrl) expect(snapshot.avatarUrl).toMatch(/^https?:\/\//);
  });

  it.each(negatives)('%s: is not a profile page', (name) => {
    const { meta, doc } = load(name);
    expect(meta.isProfile).toBe(false);
    const url = pageUrl(meta);
    expect(parseProfileUrl(url)).toBeNull();
    expect(readProfile(doc, url)).toBeNull();
  });

  it.each(positives)('%s: another person at the URL sees a mismatch and no name', (name) => {
    const { meta, doc } = load(name);
    const other =
      meta.network === 'linkedin'
        ? 'https://www.linkedin.com/in/someone-else-123/'
        : meta.network === 'x'
          ? 'https://x.com/someone_else'
          : 'https://www.facebook.com/someone.else';
    const ref = parseProfileUrl(other);
    expect(ref).not.toBeNull();
    if (!ref) return;
    const verdict = profileDomMatches(doc, ref);
    const snapshot = readProfile(doc, other);
    expect(snapshot?.id).toBe(ref.id);
    // linkedin-5 (2018) has no owner evidence at all: 'unknown', and the name is then the page's.
    if (verdict === 'mismatch') {
      expect(snapshot).toMatchObject({ name: null, headline: null, avatarUrl: null });
    } else {
      expect(name).toBe('linkedin-5');
    }
  });
});

describe.skipIf(!exists)('real saved pages: specific traps', () => {
  it('linkedin-1: the private photo placeholder (data: URL) is not an avatar; headline from the top card', () => {
    const { doc } = load('linkedin-1');
    const snapshot = readProfile(doc, 'https://www.linkedin.com/in/sri-lalitha-jeevanige-35520a61/');
    expect(snapshot?.avatarUrl).toBeNull();
    expect(snapshot?.headline).toBe('SAFe certified Scrum Master @ Swedbank | Pega Senior System Architect');
  });

  it('linkedin-1/2: the viewer embedded in JSON blobs and nav is not the owner', () => {
    for (const name of ['linkedin-1', 'linkedin-2']) {
      const { doc } = load(name);
      const viewer = readProfile(doc, 'https://www.linkedin.com/in/eduardo-alvarez-nowak/');
      expect(profileDomMatches(doc, { network: 'linkedin', id: 'eduardo-alvarez-nowak' })).toBe('mismatch');
      expect(viewer?.name).toBeNull();
    }
  });

  it('linkedin-2: photo from media.licdn.com', () => {
    const { doc } = load('linkedin-2');
    const snapshot = readProfile(doc, 'https://www.linkedin.com/in/abgargulo/details/experience/');
    expect(snapshot?.avatarUrl).toMatch(/^https:\/\/media\.licdn\.com\//);
    expect(profileDomMatches(doc, { network: 'linkedin', id: 'abgargulo' })).toBe('match');
  });

  it('linkedin-5: the post-title <h1> is not the name; legacy headline and background-image avatar', () => {
    const { doc } = load('linkedin-5');
    const snapshot = readProfile(doc, 'https://www.linkedin.com/in/jeffweiner08/');
    expect(snapshot).toMatchObject({ name: 'Jeff Weiner', headline: 'CEO at LinkedIn' });
    expect(snapshot?.avatarUrl).toMatch(/^https:\/\/media\.licdn\.com\/.*profile-displayphoto/);
  });

  it('linkedin-neg-1: a company page shown at a person URL is a mismatch', () => {
    const { doc } = load('linkedin-neg-1');
    expect(profileDomMatches(doc, { network: 'linkedin', id: 'audiense' })).toBe('mismatch');
    expect(readProfile(doc, 'https://www.linkedin.com/in/audiense/')?.name).toBeNull();
  });

  it('x-1: screen name casing, bio and header avatar; timeline users are not the owner', () => {
    const { doc } = load('x-1');
    const snapshot = readProfile(doc, 'https://x.com/Kikobeats');
    expect(snapshot).toMatchObject({ id: 'kikobeats', name: 'Kiko Beats', url: 'https://x.com/kikobeats' });
    expect(snapshot?.headline).toMatch(/^Building web infra & open source/);
    expect(snapshot?.avatarUrl).toMatch(/^https:\/\/pbs\.twimg\.com\/profile_images\//);
    expect(profileDomMatches(doc, { network: 'x', id: 'kikobeats' })).toBe('match');
    expect(profileDomMatches(doc, { network: 'x', id: 'rauchg' })).toBe('mismatch');
    expect(readProfile(doc, 'https://x.com/rauchg')?.name).toBeNull();
  });

  it('x-3: the bot shell (meta only) still yields name and avatar from og:*', () => {
    const { doc } = load('x-3');
    const snapshot = readProfile(doc, 'https://x.com/kikobeats?mx=2');
    expect(snapshot).toMatchObject({ id: 'kikobeats', name: '#!/kiko/beats' });
    expect(snapshot?.avatarUrl).toMatch(/^https:\/\/pbs\.twimg\.com\/profile_images\//);
    expect(profileDomMatches(doc, { network: 'x', id: 'kikobeats' })).toBe('match');
  });

  it('x-neg-1: the post URL names its author; the post DOM at the author URL is not their profile', () => {
    const { meta, doc } = load('x-neg-1');
    expect(parsePostAuthorUrl(meta.testUrl ?? '')).toEqual({ network: 'x', id: meta.relatedId });
    expect(profileDomMatches(doc, { network: 'x', id: 'realdonaldtrump' })).toBe('mismatch');
    expect(readProfile(doc, 'https://x.com/realDonaldTrump')).toMatchObject({
      id: 'realdonaldtrump',
      name: null,
    });
  });

  it('facebook-1: the Page is read by username and by its numeric profile id', () => {
    const { doc } = load('facebook-1');
    expect(readProfile(doc, 'https://www.facebook.com/heymeedan')).toMatchObject({
      id: 'heymeedan',
      name: 'Meedan',
      headline: 'Make sense of the global web.',
    });
    expect(readProfile(doc, 'https://www.facebook.com/heymeedan')?.avatarUrl).toMatch(/^https:\/\/scontent/);
    expect(profileDomMatches(doc, { network: 'facebook', id: '100067935271247' })).toBe('match');
    expect(profileDomMatches(doc, { network: 'facebook', id: '100000000000001' })).toBe('mismatch');
    expect(readProfile(doc, 'https://www.facebook.com/profile.php?id=100067935271247')?.name).toBe('Meedan');
  });

  it("facebook-1: in another UI language, the bio comes from the page's own data", () => {
    const { doc } = load('facebook-1');
    const heading = Array.from(doc.querySelectorAll('h2')).find((h) => h.textContent?.trim() === 'Intro');
    if (!heading) throw new Error('facebook-1 has no "Intro" heading');
    heading.textContent = 'Présentation';
    expect(readProfile(doc, 'https://www.facebook.com/heymeedan')?.headline).toBe(
      'Make sense of the global web.',
    );
    expect(readProfile(doc, 'https://www.facebook.com/profile.php?id=100067935271247')?.headline).toBe(
      'Make sense of the global web.',
    );
    // Another profile's URL over this page: the data names someone else, so no bio.
    expect(readProfile(doc, 'https://www.facebook.com/someone.else')?.headline).toBeNull();
  });

  it('facebook-neg-1: the login wall served for a profile URL gives no name', () => {
    const { doc } = load('facebook-neg-1');
    expect(readProfile(doc, 'https://www.facebook.com/login/web/')).toBeNull();
    const snapshot = readProfile(doc, 'https://www.facebook.com/ironmaiden/?fref=ts');
    expect(snapshot).toMatchObject({ id: 'ironmaiden', name: null, headline: null, avatarUrl: null });
  });
});
