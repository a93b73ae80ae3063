// Properties of tieStrength that must hold for every input, checked with fast-check.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, type Direction, TIE_WEIGHTS, type TieInputs, tieStrength } from '../../../lib/domain';
import { DAY, factArb, NOW, tieInputsArb, timeArb, wildTieInputsArb } from './fixtures';

const RUNS = { numRuns: 1000 };
const score = (inputs: TieInputs) => tieStrength(inputs, NOW).score;

/** The same inputs with the tie's start pinned to metAt, so moving interactions cannot move the start. */
function pinStart(inputs: TieInputs): TieInputs {
  const first = Math.min(...inputs.interactions.map((f) => f.at));
  return { ...inputs, metAt: Math.min(inputs.metAt ?? first, first) };
}

describe('tieStrength properties', () => {
  it('stays finite and within [0,1], with dimensions in [0,1] that weigh up to the score, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(tieInputsArb, wildTieInputsArb), (inputs) => {
        const result = tieStrength(inputs, NOW);
        expect(Number.isFinite(result.score)).toBe(true);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        let weighted = 0;
        for (const d of DIMENSIONS) {
          expect(result.dimensions[d]).toBeGreaterThanOrEqual(0);
          expect(result.dimensions[d]).toBeLessThanOrEqual(1);
          weighted += TIE_WEIGHTS[d] * result.dimensions[d];
        }
        expect(weighted).toBeCloseTo(result.score, 9);
        for (const reason of result.reasons) expect(reason).not.toMatch(/NaN|Infinity|undefined|null/);
      }),
      RUNS,
    );
  });

  it('more recent contact never lowers strength (any interaction moved later, start held fixed)', () => {
    fc.assert(
      fc.property(
        tieInputsArb.filter((i) => i.interactions.length > 0),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (generated, pick, fraction) => {
          const before = pinStart(generated);
          const index = pick % before.interactions.length;
          const moved = before.interactions[index];
          if (moved === undefined) throw new Error('index out of range');
          const horizon = Math.max(moved.at, NOW + 30 * DAY);
          const interactions = before.interactions.with(index, {
            ...moved,
            at: moved.at + fraction * (horizon - moved.at),
          });
          expect(score({ ...before, interactions })).toBeGreaterThanOrEqual(score(before));
        },
      ),
      RUNS,
    );
  });

  it('logging a mutual message now never lowers strength', () => {
    fc.assert(
      fc.property(tieInputsArb, (before) => {
        const interactions = [
          ...before.interactions,
          { at: NOW, kind: 'message' as const, direction: 'mutual' as const },
        ];
        expect(score({ ...before, interactions })).toBeGreaterThanOrEqual(score(before));
      }),
      RUNS,
    );
  });

  it('longer duration never lowers strength (an earlier metAt)', () => {
    fc.assert(
      fc.property(
        tieInputsArb,
        fc.double({ min: 0, max: 20 * 365 * DAY, noNaN: true }),
        (before, earlierBy) => {
          const start = before.metAt ?? Math.min(NOW, ...before.interactions.map((f) => f.at));
          expect(score({ ...before, metAt: start - earlierBy })).toBeGreaterThanOrEqual(score(before));
        },
      ),
      RUNS,
    );
  });

  it('higher closeness never lowers strength', () => {
    const closeness = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(tieInputsArb, closeness, closeness, (inputs, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(score({ ...inputs, closeness: high })).toBeGreaterThanOrEqual(
          score({ ...inputs, closeness: low }),
        );
      }),
      RUNS,
    );
  });

  it('answering closeness raises the score exactly when the answer is above what the evidence says', () => {
    fc.assert(
      fc.property(tieInputsArb, fc.double({ min: 0, max: 1, noNaN: true }), (inputs, closeness) => {
        const unanswered = score({ ...inputs, closeness: null });
        const answered = score({ ...inputs, closeness });
        if (closeness >= unanswered) expect(answered).toBeGreaterThanOrEqual(unanswered - 1e-12);
        else expect(answered).toBeLessThanOrEqual(unanswered + 1e-12);
      }),
      RUNS,
    );
  });

  it('more reciprocity never lowers strength (an initiator moved from the user towards them)', () => {
    const shifts: readonly [Direction, Direction][] = [
      ['me', 'mutual'],
      ['me', 'them'],
      ['mutual', 'them'],
    ];
    fc.assert(
      fc.property(tieInputsArb, fc.constantFrom(...shifts), fc.nat(), (before, [from, to], pick) => {
        const candidates = before.interactions.flatMap((f, i) => (f.direction === from ? [i] : []));
        fc.pre(candidates.length > 0);
        const index = candidates[pick % candidates.length] ?? 0;
        const shifted = before.interactions.map((f, i) => (i === index ? { ...f, direction: to } : f));
        expect(score({ ...before, interactions: shifted })).toBeGreaterThanOrEqual(score(before));
      }),
      RUNS,
    );
  });

  it('the override always wins for strong, and never changes the score', () => {
    fc.assert(
      fc.property(tieInputsArb, fc.constantFrom('strong' as const, 'weak' as const), (inputs, override) => {
        const marked = tieStrength({ ...inputs, override }, NOW);
        expect(marked.strong).toBe(override === 'strong');
        expect(marked.score).toBe(score({ ...inputs, override: null }));
        expect(marked.reasons[0]).toBe(`you marked this tie as ${override}`);
      }),
      RUNS,
    );
  });

  it('does not depend on the order of interactions', () => {
    const arb = tieInputsArb.chain((inputs) =>
      fc
        .shuffledSubarray([...inputs.interactions], {
          minLength: inputs.interactions.length,
          maxLength: inputs.interactions.length,
        })
        .map((shuffled) => [inputs, { ...inputs, interactions: shuffled }] as const),
    );
    fc.assert(
      fc.property(arb, ([inputs, shuffled]) => {
        expect(tieStrength(shuffled, NOW)).toEqual(tieStrength(inputs, NOW));
      }),
      RUNS,
    );
  });
});

describe('tieStrength reasons match the inputs', () => {
  const UNIT_DAYS = { day: 1, week: 7, month: 30.4375, year: 365 } as const;

  it('states closeness, last contact, recent exchanges and duration truthfully', () => {
    fc.assert(
      fc.property(tieInputsArb, (inputs) => {
        const { reasons } = tieStrength(inputs, NOW);
        const rated = reasons.filter((r) => r.startsWith('you rated this relationship'));
        expect(rated).toHaveLength(inputs.closeness === null ? 0 : 1);

        const ats = inputs.interactions.map((f) => f.at);
        const contact = reasons.find((r) => r.startsWith('last contact') || r === 'no contact logged yet');
        if (ats.length === 0) {
          expect(contact).toBe('no contact logged yet');
        } else {
          const days = Math.floor(Math.max(0, NOW - Math.max(...ats)) / DAY);
          const match = /^last contact (?:(today)|(yesterday)|(\d+) (day|week|month|year)s? ago)$/.exec(
            contact ?? '',
          );
          expect(match).not.toBeNull();
          if (match?.[1]) expect(days).toBe(0);
          else if (match?.[2]) expect(days).toBe(1);
          else {
            const n = Number(match?.[3]);
            const unit = UNIT_DAYS[match?.[4] as keyof typeof UNIT_DAYS];
            expect(n * unit).toBeLessThanOrEqual(days);
            expect((n + 1) * unit).toBeGreaterThan(days);
          }

          const recent = ats.filter((at) => at >= NOW - 90 * DAY).length;
          const words = recent === 0 ? 'no exchanges' : recent === 1 ? '1 exchange' : `${recent} exchanges`;
          expect(reasons).toContain(`${words} in the last 3 months`);
        }

        const known = reasons.filter((r) => r.startsWith('known for'));
        expect(known).toHaveLength(inputs.metAt === null && ats.length === 0 ? 0 : 1);
      }),
      RUNS,
    );
  });

  it('reports a streak only when the latest exchanges really were started by the same side', () => {
    const arb = fc.record({
      interactions: fc.uniqueArray(factArb(timeArb), { selector: (f) => f.at, maxLength: 12 }),
    });
    fc.assert(
      fc.property(arb, ({ interactions }) => {
        const { reasons } = tieStrength({ ...tieInputsFor(interactions) }, NOW);
        const newestFirst = [...interactions].sort((a, b) => b.at - a.at).map((f) => f.direction);
        const streak = reasons
          .map((r) => /^(you|they) started the last (\d+) exchanges$/.exec(r))
          .find(Boolean);
        const run = newestFirst.findIndex((d) => d !== newestFirst[0]);
        const runLength = run === -1 ? newestFirst.length : run;
        if (streak) {
          const who = streak[1] === 'you' ? 'me' : 'them';
          expect(newestFirst[0]).toBe(who);
          expect(runLength).toBe(Number(streak[2]));
        } else {
          expect(newestFirst[0] === 'mutual' || runLength < 3).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

function tieInputsFor(interactions: TieInputs['interactions']): TieInputs {
  return {
    closeness: null,
    metAt: null,
    interactions,
    sharedTagCount: 0,
    mutualLinkCount: 0,
    override: null,
  };
}
