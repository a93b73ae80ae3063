// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readProfile } from '../../../lib/sites';
import { introFromPageData } from '../../../lib/sites/facebook/intro-data';
import { readFixture } from '../../fixtures';
import { parseHtml } from './helpers';

// Facebook's "Intro" heading is in the user's language; the data embedded in the page is not. The bio is
// read from that data only for the owner the page's head names, never for anyone else in it. In the page
// itself, the Intro tile is the first tile of the left column (data-pagelet="ProfileTilesFeed_0", as in
// ../shared/real-pages/facebook-1.html), whose heading, unlike the Photos or Friends tile's, is no link.

const JANE_URL = 'https://www.facebook.com/jane.doe';
const JANE_ID = '100099887766554';
const BIO = 'Engineering Manager at Acme · Berlin';

const renderer = (ownerId: string, bio: string) =>
  JSON.stringify({
    __typename: 'ProfileTileViewIntroBioRenderer',
    user: { profile_type_name_for_content: 'PROFILE', id: ownerId },
    view: {
      id: 'tile',
      profile_tile_items: {
        nodes: [{ node: { __typename: 'ProfileStatus', profile_status_text: { ranges: [], text: bio } } }],
      },
    },
  });

/** The 2023 form (a handle(...) call in a script) and the newer one (a JSON script). */
const asLazyScript = (json: string) =>
  `<script>requireLazy(["X"],function(m){m.handle({"data":{"tiles":[${json}]}})});</script>`;
const asJsonScript = (json: string) => `<script type="application/json">{"require":[[${json}]]}</script>`;

/**
 * Jane's fixture in a French UI: the heading says "Présentation"; the head names her; `scripts` added.
 * Without `tiles`, her Intro tile carries no pagelet name (an older layout), so only the page data can
 * say which text is her bio.
 */
function frenchJane(scripts: string, head = true, tiles = false): Document {
  const html = readFixture('facebook/profile-jane-doe.html')
    .replace('<span>Intro</span>', '<span>Présentation</span>')
    .replace('data-pagelet="ProfileTilesFeed_0"', tiles ? 'data-pagelet="ProfileTilesFeed_0"' : '')
    .replace(
      '<meta charset="utf-8">',
      `<meta charset="utf-8">${
        head
          ? `<link rel="canonical" href="${JANE_URL}"><meta property="al:android:url" content="fb://profile/${JANE_ID}">`
          : ''
      }`,
    )
    .replace('</body>', `${scripts}</body>`);
  return parseHtml(html);
}

describe("Facebook's intro in any language", () => {
  it('finds nothing under a heading it does not know, without the page data', () => {
    expect(readProfile(frenchJane(''), JANE_URL)?.headline).toBeNull();
  });

  it("reads the owner's bio from the page data, in either script form", () => {
    expect(readProfile(frenchJane(asLazyScript(renderer(JANE_ID, BIO))), JANE_URL)?.headline).toBe(BIO);
    expect(readProfile(frenchJane(asJsonScript(renderer(JANE_ID, BIO))), JANE_URL)?.headline).toBe(BIO);
  });

  it("never takes someone else's bio: another owner in the data, or a head that names nobody", () => {
    const other = asLazyScript(renderer('100011112222333', 'Someone else entirely'));
    expect(readProfile(frenchJane(other), JANE_URL)?.headline).toBeNull();
    // Both in the page: only hers is taken.
    const both = asLazyScript(`${renderer('100011112222333', 'Someone else')},${renderer(JANE_ID, BIO)}`);
    expect(readProfile(frenchJane(both), JANE_URL)?.headline).toBe(BIO);
    // A head that does not name this profile (after an in-app navigation, say): no page data at all.
    expect(
      readProfile(frenchJane(asLazyScript(renderer(JANE_ID, BIO)), false), JANE_URL)?.headline,
    ).toBeNull();
    expect(
      readProfile(frenchJane(asLazyScript(renderer(JANE_ID, BIO))), 'https://www.facebook.com/rahul.mehta')
        ?.headline,
    ).toBeNull();
  });

  it('scans the scripts once per loaded page and owner, not at every read of late details', () => {
    const doc = frenchJane(asLazyScript(renderer(JANE_ID, BIO)));
    expect(introFromPageData(doc, JANE_ID)).toBe(BIO);
    for (const script of Array.from(doc.scripts)) script.remove();
    expect(introFromPageData(doc, JANE_ID)).toBe(BIO);
    expect(introFromPageData(doc, '100011112222333')).toBeNull();
  });

  it('cleans the bio as any page text, and survives cut or malformed data', () => {
    const hostile = renderer(JANE_ID, 'Builder\u202e of <b>things</b>\u0000');
    expect(readProfile(frenchJane(asLazyScript(hostile)), JANE_URL)?.headline).toBe(
      'Builder of <b>things</b>',
    );
    const cut = asLazyScript(renderer(JANE_ID, BIO)).replace('"text"', '"text":{"broken');
    expect(readProfile(frenchJane(cut), JANE_URL)?.headline).toBeNull();
    const doc = parseHtml(
      `<script>{"__typename":"ProfileTileViewIntroBioRenderer","user":{"id":"${JANE_ID}"`,
    );
    expect(introFromPageData(doc, JANE_ID)).toBeNull();
  });
});

describe("Facebook's intro tile in any language, in the page itself", () => {
  it("reads the text under the first tile's heading, with no page data (after an in-app navigation)", () => {
    expect(readProfile(frenchJane('', false, true), JANE_URL)?.headline).toBe(BIO);
  });

  it('reads nothing when the first tile is another one (its heading links to it: Photos, Friends)', () => {
    const doc = frenchJane('', false, true);
    const heading = doc.querySelector('[data-pagelet="ProfileTilesFeed_0"] h2');
    if (!heading) throw new Error('fixture changed: no Intro tile heading');
    heading.innerHTML =
      '<span><a href="https://www.facebook.com/jane.doe/photos" role="link">Photos</a></span>';
    expect(readProfile(doc, JANE_URL)?.headline).toBeNull();
  });

  it('never reads past the tile: an Intro tile without text gives no headline', () => {
    const doc = frenchJane('', false, true);
    const tile = doc.querySelector('[data-pagelet="ProfileTilesFeed_0"]');
    for (const span of Array.from(tile?.querySelectorAll('span[dir="auto"]') ?? [])) span.remove();
    tile?.insertAdjacentHTML('afterend', '<div><span dir="auto">A post in the timeline</span></div>');
    expect(readProfile(doc, JANE_URL)?.headline).toBeNull();
  });
});
