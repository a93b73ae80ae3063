import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPrompts, type PromptPerson } from '@/lib/domain/prompts';
import { tieScore } from '@/lib/domain/prompts/tie-score';
import { type Direction, INTERACTION_KINDS, type InteractionKind } from '@/lib/domain/types';
import { compactFacts, expandFacts, type FullFact } from '@/lib/services/digest-facts';

const DAY = 86_400_000;
const T = 1_700_000_000_000;
const KINDS: readonly InteractionKind[] = INTERACTION_KINDS;
const DIRECTIONS: Direction[] = ['me', 'them', 'mutual'];

const fact = fc.record({
  // Mostly in the past two years, a few in the same millisecond, a few after the digest was computed.
  at: fc.oneof(
    fc.integer({ min: T - 700 * DAY, max: T + 5 * DAY }),
    fc.constantFrom(T - 100 * DAY, T - 30 * DAY, T - 91 * DAY),
  ),
  kind: fc.constantFrom(...KINDS),
  direction: fc.constantFrom(...DIRECTIONS),
  text: fc.option(fc.constantFrom('a question', 'big news', 'thanks!', 'b'), { nil: null }),
});

function personWith(
  id: string,
  interactions: PromptPerson['interactions'],
  metAt: number | null,
): PromptPerson {
  return {
    id,
    name: `Person ${id}`,
    tags: { interests: ['climate'], goals: [], expertise: [], tools: [] },
    closeness: null,
    metAt,
    tieOverride: null,
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    identities: [{ network: 'linkedin', handle: id, url: '', headlineHistory: [] }],
    interactions,
    links: [],
  };
}

const full = (facts: FullFact[]) =>
  facts.map((f) =>
    f.text === null
      ? { at: f.at, kind: f.kind, direction: f.direction }
      : { at: f.at, kind: f.kind, direction: f.direction, text: f.text },
  );

describe('compactFacts', () => {
  it('changes no prompt, score or follow-up at any time after the digest was computed', () => {
    fc.assert(
      fc.property(
        fc.array(fact, { maxLength: 40 }),
        fc.array(fact, { maxLength: 10 }),
        fc.integer({ min: 0, max: 400 * DAY }),
        fc.option(fc.integer({ min: T - 800 * DAY, max: T }), { nil: null }),
        (a, b, later, metAt) => {
          const now = T + later;
          const focus = { interests: ['climate'], goals: [] };
          const compactA = compactFacts(a, T);
          const compactB = compactFacts(b, T);
          const real = [personWith('a', full(a), metAt), personWith('b', full(b), null)];
          const small = [
            personWith('a', expandFacts(compactA.facts, compactA.older), metAt),
            personWith('b', expandFacts(compactB.facts, compactB.older), null),
          ];
          const input = (people: PromptPerson[]) => ({ people, states: [], focus, flagged: [] });
          expect(buildPrompts(input(small), now)).toEqual(buildPrompts(input(real), now));
          const tie = (p: PromptPerson) =>
            tieScore(
              {
                closeness: null,
                metAt: p.metAt,
                interactions: p.interactions,
                sharedTagCount: 1,
                mutualLinkCount: 0,
                override: null,
              },
              now,
            );
          expect(tie(small[0] as PromptPerson)).toEqual(tie(real[0] as PromptPerson));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps few interactions of a long history', () => {
    const history: FullFact[] = Array.from({ length: 500 }, (_, i) => ({
      at: T - (i + 1) * 3 * DAY,
      kind: i % 2 === 0 ? 'message' : 'comment',
      direction: i % 3 === 0 ? 'them' : 'me',
      text: null,
    }));
    const { facts, older } = compactFacts(history, T);
    expect(facts.length).toBeLessThan(40);
    expect(older?.counts.reduce((sum, c) => sum + c.count, 0)).toBe(500 - facts.length);
  });
});
