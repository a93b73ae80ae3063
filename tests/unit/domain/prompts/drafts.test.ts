// Drafts and reasons are plain text built from names, headlines, tags and page text the user did not
// write: whatever those contain, no markup comes out, and the draft still names the right thing.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPrompts, plainText } from '../../../../lib/domain/prompts';
import { act, DAY, identity, input, NOW, person } from './fixtures';

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>Jane',
    '<img src=x onerror=alert(1)>',
    'Director <b>at</b> B',
    'a < b > c',
    '<<x>>',
    '\u0000\n\tTab\u202e',
    '&lt;b&gt;',
  ),
);

describe('plainText', () => {
  it.each([
    ['<b>Director</b> at B', 'Director at B'],
    ['  two\n\tlines  ', 'two lines'],
    ['<script>x</script>y', 'x y'],
    ['1 < 2', '1 2'],
  ])('%j -> %j', (raw, expected) => {
    expect(plainText(raw)).toBe(expected);
  });

  it('caps long text with an ellipsis, never splitting a character', () => {
    expect(plainText('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
  });
});

describe('drafts', () => {
  it('never contain markup or control characters, whatever the input text', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (name, headline, text, tag) => {
        const people = [
          person('a', {
            name,
            tags: { interests: [tag], goals: [tag] },
            identities: [
              identity('linkedin', 'a', [
                [`x${headline}`, 40],
                [headline, 1],
              ]),
            ],
            interactions: [
              act(3, 'question-asked', 'them', text),
              act(2, 'feedback-received', 'them', text),
              act(1, 'share', 'them', text),
            ],
          }),
          person('b', { name: headline, tags: { interests: [tag] }, metAt: NOW - 400 * DAY }),
        ];
        const flagged = [{ personId: 'b', at: NOW - DAY, text }];
        const focus = { interests: [tag], goals: [] };
        for (const prompt of buildPrompts(input(people, { flagged, focus }), NOW)) {
          expect(prompt.draft).not.toMatch(/[<>\p{Cc}]/u);
          expect(prompt.reason).not.toMatch(/[<>\p{Cc}]/u);
          expect(prompt.draft).not.toMatch(/undefined|null|NaN/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('greet by first name, and say "there" when the name is empty', () => {
    const asked = (name: string) =>
      buildPrompts(input([person('a', { name, interactions: [act(1, 'question-asked', 'them')] })]), NOW)[0]
        ?.draft;
    expect(asked('Jane van der Berg')).toMatch(/^Hi Jane, /);
    expect(asked('<b>Jane</b> Roe')).toMatch(/^Hi Jane, /);
    expect(asked('   ')).toMatch(/^Hi there, /);
  });

  it('name the new headline without its markup', () => {
    const jane = person('jane', {
      name: 'Jane Roe',
      identities: [
        identity('linkedin', 'jane', [
          ['Manager at A', 50],
          ['Director at <i>B</i>', 2],
        ]),
      ],
    });
    expect(buildPrompts(input([jane]), NOW)[0]?.draft).toBe(
      'Congratulations on the new role as Director at B, Jane!',
    );
  });

  it('name the shared topic in the user’s own words', () => {
    const kim = person('kim', { tags: { goals: ['  HIRING  engineers '] } });
    const [prompt] = buildPrompts(
      input([kim], { focus: { interests: [], goals: ['Hiring engineers'] } }),
      NOW,
    );
    expect(prompt?.draft).toContain("I'm working on Hiring engineers too");
    expect(prompt?.reason).toContain('shares your goal: Hiring engineers');
  });
});
