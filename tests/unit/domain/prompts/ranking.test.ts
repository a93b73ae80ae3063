// Ranking, the user's states, and determinism: the order of kinds is a fixed rule, the same input in any
// order gives the same list, and a prompt put away stays away until its date.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BANDS,
  buildPrompts,
  type PromptInput,
  type PromptPerson,
  type PromptState,
} from '../../../../lib/domain/prompts';
import { bandScore, introduceValue, owedValue, reconnectValue } from '../../../../lib/domain/prompts/scoring';
import { act, DAY, identity, input, largeInput, NOW, person } from './fixtures';

/** One person per kind, each producing exactly one prompt. */
const everyKind = input(
  [
    person('ask', { tags: { interests: ['design'] } }),
    person('intro1', { tags: { goals: ['chess'] } }),
    person('intro2', { tags: { goals: ['chess'] } }),
    person('late', { tieOverride: 'weak', interactions: [act(200, 'message', 'me')] }),
    person('news', {
      identities: [
        identity('linkedin', 'news', [
          ['Manager at A', 40],
          ['Director at B', 1],
        ]),
      ],
      metAt: NOW - 10 * DAY,
    }),
    person('helped', { interactions: [act(1, 'feedback-received', 'them')] }),
    person('asked', { interactions: [act(1, 'question-asked', 'them')] }),
  ],
  { focus: { interests: ['design'], goals: [] } },
);

describe('ranking', () => {
  it('orders kinds: owed replies, thanks, successes, reconnects, introductions, questions', () => {
    expect(buildPrompts(everyKind, NOW).map((p) => `${p.kind} ${p.personIds.join('+')}`)).toEqual([
      'reply-acknowledge asked',
      'thank helped',
      'acknowledge-success news',
      'reconnect late',
      'introduce intro1+intro2',
      'ask-question ask',
    ]);
  });

  it('keeps each kind inside its band of 10 points', () => {
    for (const prompt of buildPrompts(everyKind, NOW)) {
      expect(prompt.score).toBeGreaterThanOrEqual(10 * BANDS[prompt.kind]);
      expect(prompt.score).toBeLessThanOrEqual(10 * BANDS[prompt.kind] + 9);
    }
  });

  it.each([
    // [what, value, hand-computed]
    ['a reply waited 7 days on a 0.5 tie', owedValue(NOW - 7 * DAY, 0.5, NOW), 0.6 * 0.5 + 0.4 * 0.5],
    ['a reply waited 30 days on a 0 tie', owedValue(NOW - 30 * DAY, 0, NOW), 0.6],
    ['a strong tie one cadence late, shared focus', reconnectValue(1, 30, 30, true), 0.9 + 0.1],
    ['a zero tie just due', reconnectValue(0, 0, 90, false), 0.9 * 0.5 * 0.5],
    ['a 0.5 tie 45 days late on 90', reconnectValue(0.5, 45, 90, false), 0.9 * 0.75 * 0.75],
    ['introducing 0.4 and 0.8 ties over two topics', introduceValue(0.4, 2, false), 0.24 + 0.2],
  ])('values %s', (_, value, expected) => {
    expect(value).toBeCloseTo(expected, 12);
  });

  it('ranks overdue reconnects by strength x overdue', () => {
    const late = (id: string, days: number, closeness: number) =>
      person(id, { closeness, tieOverride: 'weak', interactions: [act(days, 'message', 'mutual')] });
    const order = buildPrompts(input([late('a', 95, 0), late('b', 180, 0), late('c', 180, 1)]), NOW);
    expect(order.map((p) => p.personIds[0])).toEqual(['c', 'b', 'a']);
    expect(bandScore('reconnect', 1)).toBe(29);
  });

  it('breaks equal scores by key, and honours the limit', () => {
    const twins = input(
      ['b', 'a', 'c'].map((id) => person(id, { tags: { interests: ['design'] } })),
      {
        focus: { interests: ['design'], goals: [] },
      },
    );
    const asked = buildPrompts(twins, NOW).filter((p) => p.kind === 'ask-question');
    expect(asked.map((p) => p.key)).toEqual(['a', 'b', 'c'].map((id) => `ask-question:${id}:design:never`));
    expect(buildPrompts(twins, NOW, { limit: 1 })).toHaveLength(1);
    expect(buildPrompts(twins, NOW, { limit: 0 })).toEqual([]);
    expect(() => buildPrompts(twins, NOW, { limit: -1 })).toThrow(RangeError);
  });
});

describe('states and hidden people', () => {
  const key = `reply-acknowledge:asked:${NOW - DAY}`;
  const shown = (states: PromptState[], data: PromptInput = everyKind) =>
    buildPrompts({ ...data, states }, NOW).some((p) => p.key === key);

  it.each<[string, PromptState[], boolean]>([
    ['no state', [], true],
    ['done', [{ key, status: 'done' }], false],
    ['dismissed', [{ key, status: 'dismissed' }], false],
    ['snoozed until later', [{ key, status: 'snoozed', until: NOW + DAY }], false],
    ['snoozed without a date', [{ key, status: 'snoozed' }], false],
    ['snoozed until now (over)', [{ key, status: 'snoozed', until: NOW }], true],
    ['snoozed until earlier (over)', [{ key, status: 'snoozed', until: NOW - DAY }], true],
    [
      'done for another occurrence',
      [{ key: `reply-acknowledge:asked:${NOW - 9 * DAY}`, status: 'done' }],
      true,
    ],
  ])('%s', (_, states, expected) => {
    expect(shown(states)).toBe(expected);
  });

  it('gives archived people and people snoozed until later no prompts', () => {
    const hide = (overrides: Partial<Pick<PromptPerson, 'archived' | 'snoozedUntil'>>) =>
      buildPrompts({ ...everyKind, people: everyKind.people.map((p) => ({ ...p, ...overrides })) }, NOW);
    expect(hide({ archived: true })).toEqual([]);
    expect(hide({ snoozedUntil: NOW + DAY })).toEqual([]);
    expect(hide({ snoozedUntil: NOW - DAY }).length).toBeGreaterThan(0);
  });

  it('throws on a person listed twice and on an unusable now', () => {
    expect(() => buildPrompts(input([person('a'), person('a')]), NOW)).toThrow(/twice/);
    expect(() => buildPrompts(everyKind, Number.NaN)).toThrow(RangeError);
  });
});

describe('determinism', () => {
  const shuffled = <T>(items: readonly T[]) =>
    fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

  it('gives the same output for shuffled people, interactions, tags, states and flags', () => {
    const base = largeInput(120, 6, 7);
    const states = buildPrompts(base, NOW)
      .filter((_, i) => i % 5 === 0)
      .map(
        (p, i): PromptState => ({ key: p.key, status: i % 2 ? 'dismissed' : 'snoozed', until: NOW + DAY }),
      );
    const data = { ...base, states };
    const expected = buildPrompts(data, NOW);
    expect(expected.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(
        shuffled(data.people),
        shuffled(states),
        shuffled(data.flagged),
        fc.nat(),
        (people, st, fl, seed) => {
          const scrambled = people.map((p, i) => ({
            ...p,
            interactions: (i + seed) % 2 ? [...p.interactions].reverse() : p.interactions,
            tags: { ...p.tags, interests: [...p.tags.interests].reverse() },
          }));
          expect(buildPrompts({ ...data, people: scrambled, states: st, flagged: fl }, NOW)).toEqual(
            expected,
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('always returns unique keys, best first, for generated inputs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const prompts = buildPrompts(largeInput(60, 5, seed), NOW);
        expect(new Set(prompts.map((p) => p.key)).size).toBe(prompts.length);
        for (let i = 1; i < prompts.length; i += 1) {
          expect(prompts[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(prompts[i]?.score ?? 0);
        }
      }),
      { numRuns: 30 },
    );
  });
});
