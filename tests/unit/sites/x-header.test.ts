// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileDomMatches } from '@/lib/sites';
import { header, headerOf } from '@/lib/sites/x/read';
import { readFixture } from '../../fixtures';
import { countWalks, parseHtml } from './helpers';

// X's header is read once a frame by the in-app guard; it is kept while its block has not changed. Kept
// or read afresh, the answer must be the same, whatever changes in the page.

function page(): Document {
  return parseHtml(`
    <div data-testid="primaryColumn" id="column">
      <div data-testid="UserName" id="block">
        <div dir="ltr"><span>Jane Doe</span></div>
        <div dir="ltr"><span>@JaneDoe</span></div>
      </div>
      <section id="timeline"></section>
    </div>`);
}

const TEXTS = ['@JaneDoe', '@rahulmehta', 'Jane Doe', '@x', 'not a @handle'];

type Change =
  | { kind: 'text'; at: number; text: string }
  | { kind: 'add leaf'; text: string }
  | { kind: 'wrap'; at: number }
  | { kind: 'remove'; at: number }
  | { kind: 'attribute'; at: number }
  | { kind: 'new block first'; text: string }
  | { kind: 'remove block' }
  | { kind: 'timeline' };

const changes: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(9), text: fc.constantFrom(...TEXTS) }),
  fc.record({ kind: fc.constant('add leaf' as const), text: fc.constantFrom(...TEXTS) }),
  fc.record({ kind: fc.constant('wrap' as const), at: fc.nat(9) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(9) }),
  fc.record({ kind: fc.constant('attribute' as const), at: fc.nat(9) }),
  fc.record({ kind: fc.constant('new block first' as const), text: fc.constantFrom(...TEXTS) }),
  fc.record({ kind: fc.constant('remove block' as const) }),
  fc.record({ kind: fc.constant('timeline' as const) }),
);

function apply(doc: Document, change: Change): void {
  const block = doc.querySelector('[data-testid="UserName"]');
  const elements = block ? Array.from(block.querySelectorAll('*')) : [];
  const at = 'at' in change ? elements[change.at % Math.max(1, elements.length)] : undefined;
  switch (change.kind) {
    case 'text':
      // The text of a leaf, or of the text node inside it (a characterData change).
      if (at?.firstChild?.nodeType === 3) (at.firstChild as Text).data = change.text;
      else if (at) at.textContent = change.text;
      return;
    case 'add leaf': {
      const span = doc.createElement('span');
      span.textContent = change.text;
      block?.append(span);
      return;
    }
    case 'wrap': {
      // The element moves into a new one where it was: a leaf can stop being one's parent's only child.
      if (!at) return;
      const wrapper = doc.createElement('div');
      wrapper.setAttribute('dir', 'ltr');
      at.replaceWith(wrapper);
      wrapper.append(at);
      return;
    }
    case 'remove':
      at?.remove();
      return;
    case 'attribute':
      at?.setAttribute('dir', at.getAttribute('dir') === 'ltr' ? 'auto' : 'ltr');
      return;
    case 'new block first': {
      const fresh = doc.createElement('div');
      fresh.setAttribute('data-testid', 'UserName');
      fresh.innerHTML = `<div dir="ltr"><span>Someone</span></div><div dir="ltr"><span>${change.text}</span></div>`;
      doc.getElementById('column')?.prepend(fresh);
      return;
    }
    case 'remove block':
      block?.remove();
      return;
    case 'timeline':
      doc.getElementById('timeline')?.append(doc.createElement('article'));
      return;
  }
}

/** What a fresh read of the page gives: the first block's owner, nothing kept. */
function fresh(doc: Document) {
  const block = doc.querySelector('[data-testid="primaryColumn"] [data-testid="UserName"]');
  return block ? headerOf(block) : null;
}

describe("X's kept header", () => {
  it('is what a fresh read gives, after any changes to the page', () => {
    fc.assert(
      fc.property(fc.array(changes, { maxLength: 40 }), (steps) => {
        const doc = page();
        expect(header(doc)).toEqual(fresh(doc));
        for (const step of steps) {
          apply(doc, step);
          expect(header(doc)).toEqual(fresh(doc));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is not read again while only the rest of the page changes, and is once its block changes', () => {
    const doc = page();
    const block = doc.getElementById('block') as Element;
    const first = header(doc);
    const walks = countWalks(block);
    const timeline = doc.getElementById('timeline') as Element;
    for (let post = 0; post < 5; post++) {
      timeline.append(doc.createElement('article'));
      expect(header(doc)).toBe(first);
    }
    expect(walks.walks).toBe(0);
    (block.querySelector('div:last-child span') as Element).textContent = '@rahulmehta';
    expect(header(doc)?.handle).toBe('rahulmehta');
    expect(walks.walks).toBe(1);
  });

  it("gives the fixture profiles' verdicts, asked again, and after the next profile's DOM is swapped in", () => {
    const jane = parseHtml(readFixture('x/profile-janedoe.html'));
    const rahul = parseHtml(readFixture('x/profile-rahulmehta.html'));
    const janeRef = { network: 'x' as const, id: 'janedoe' };
    expect(profileDomMatches(jane, janeRef)).toBe('match');
    expect(profileDomMatches(jane, janeRef)).toBe('match');
    const column = jane.querySelector('[data-testid="primaryColumn"]') as Element;
    const next = rahul.querySelector('[data-testid="primaryColumn"]') as Element;
    column.replaceChildren(...Array.from(next.childNodes).map((node) => jane.importNode(node, true)));
    expect(profileDomMatches(jane, janeRef)).toBe('mismatch');
  });
});
