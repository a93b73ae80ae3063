// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHref, eachMatch, metaContent, queryAll } from '../../../lib/sites/dom';
import { countWalks, parseHtml } from './helpers';

const doc = parseHtml(`<html><head>
  <meta name="og:url" content="https://example.test/by-name">
  <meta property="og:url" content="   ">
  <meta property="og:url" content="https://example.test/by-property">
  <meta property="og:title" content="Jane">
</head><body><meta name="og:title" content="In the body"></body></html>`);

// metaContent reads the document's list of <meta> elements (kept by the browser between reads); what it
// answers is what it answered when it matched them one selector at a time.
describe('metaContent', () => {
  it('takes property before name, and skips empty content', () => {
    expect(metaContent(doc, 'og:url')).toBe('https://example.test/by-property');
    expect(metaContent(doc, 'og:title')).toBe('Jane');
    expect(metaContent(doc, 'og:image')).toBeNull();
  });

  it("reads the head only: the body's <meta> and <link> are what the site's users wrote", () => {
    const page = parseHtml(`<html><head><meta property="og:url" content="https://example.test/head">
      </head><body><meta property="og:image" content="https://example.test/body.png">
      <link rel="canonical" href="https://example.test/body"></body></html>`);
    expect(metaContent(page, 'og:url')).toBe('https://example.test/head');
    expect(metaContent(page, 'og:image')).toBeNull();
    expect(canonicalHref(page)).toBeNull();
    page.head.insertAdjacentHTML('beforeend', '<link rel="Next Canonical" href="https://example.test/head">');
    expect(canonicalHref(page)).toBe('https://example.test/head');
  });
});

// eachMatch walks only as far as its reader reads; read to the end, it is queryAll, element for element.
describe('eachMatch', () => {
  const SELECTORS = ['h1', 'section h2', '[data-x]', 'p:not(', 'span.a'];
  const TAGS = ['h1', 'h2', 'section', 'span', 'p', 'div'];

  it('gives the elements queryAll gives, in the same order, for any page and selectors', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            tag: fc.constantFrom(...TAGS),
            depth: fc.nat(3),
            marked: fc.boolean(),
            classA: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        fc.subarray(SELECTORS),
        (elements, selectors) => {
          const page = parseHtml('<main></main>');
          const main = page.querySelector('main') as Element;
          for (const { tag, depth, marked, classA } of elements) {
            let parent: Element = main;
            for (let level = 0; level < depth && parent.lastElementChild; level++)
              parent = parent.lastElementChild;
            const el = page.createElement(tag);
            if (marked) el.setAttribute('data-x', '');
            if (classA) el.className = 'a';
            parent.append(el);
          }
          expect([...eachMatch(main, selectors)]).toEqual(queryAll(main, selectors));
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });

  it('reads past the first match of a selector only when asked for more', () => {
    const page = parseHtml('<main><h1>One</h1><h1>Two</h1></main>');
    const main = page.querySelector('main') as Element;
    const counter = countWalks(main);
    expect(eachMatch(main, ['h1']).next().value?.textContent).toBe('One');
    expect(counter.walks).toBe(0);
    expect([...eachMatch(main, ['h1'])].map((el) => el.textContent)).toEqual(['One', 'Two']);
    expect(counter.walks).toBe(1);
  });
});
