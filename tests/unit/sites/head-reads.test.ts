// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readProfile } from '../../../lib/sites';
import { readFixture } from '../../fixtures';
import { parseHtml } from './helpers';

/**
 * A profile is read once a frame while its details fill in and its timeline grows, and the head's
 * evidence (canonical link and meta tags: a walk of the head; JSON-LD: of the whole page) is read only
 * when the page's body leaves the owner or a detail unknown.
 */
function countHeadReads(doc: Document): { count: () => number } {
  let reads = 0;
  // The canonical link and the meta tags are looked for in the head, JSON-LD in the whole document.
  for (const root of [doc, doc.head] as const) {
    const all = root.querySelectorAll.bind(root);
    const byTag = root.getElementsByTagName.bind(root);
    root.querySelectorAll = ((selector: string) => {
      if (selector === 'link[rel]' || selector === 'script[type]') reads++;
      return all(selector);
    }) as typeof root.querySelectorAll;
    root.getElementsByTagName = ((tag: string) => {
      if (tag === 'meta') reads++;
      return byTag(tag);
    }) as typeof root.getElementsByTagName;
  }
  return { count: () => reads };
}

/** Each profile fixture, and where its photo is (a data: URL offline, which Rapport does not take). */
const profiles = [
  {
    file: 'linkedin/profile-jane-doe.html',
    url: 'https://www.linkedin.com/in/jane-doe/',
    photo: 'img.pv-top-card-profile-picture__image--show',
    attribute: 'src',
  },
  {
    file: 'x/profile-janedoe.html',
    url: 'https://x.com/janedoe',
    photo: '[data-testid="UserAvatar-Container-JaneDoe"] img',
    attribute: 'src',
  },
  {
    file: 'facebook/profile-jane-doe.html',
    url: 'https://www.facebook.com/jane.doe',
    photo: 'svg[role="img"][aria-label="Jane Doe"] image',
    attribute: 'xlink:href',
  },
];

const PHOTO = 'https://media.example/jane.jpg';

describe('reading a profile whose body has every detail', () => {
  for (const { file, url, photo, attribute } of profiles) {
    it(`${file}: reads name, headline and photo without reading the head`, () => {
      const doc = parseHtml(readFixture(file));
      for (const element of Array.from(doc.querySelectorAll(photo))) element.setAttribute(attribute, PHOTO);
      const head = countHeadReads(doc);
      const read = readProfile(doc, url);
      expect(read?.name).toBe('Jane Doe');
      expect(read?.headline).toBeTruthy();
      expect(read?.avatarUrl).toBe(PHOTO);
      expect(head.count()).toBe(0);
    });

    it(`${file}: reads the head when the body has no photo`, () => {
      const doc = parseHtml(readFixture(file));
      for (const element of Array.from(doc.querySelectorAll(photo))) element.remove();
      const head = countHeadReads(doc);
      const read = readProfile(doc, url);
      expect(read?.name).toBe('Jane Doe');
      expect(head.count()).toBeGreaterThan(0);
    });
  }
});
