import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dunbarLayers } from '../../../lib/domain';
import { compareScores, topRanked } from '../../../lib/domain/dunbar';

const people = (n: number, score: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => ({ id: `p${String(i).padStart(3, '0')}`, score: score(i) }));

describe('dunbarLayers examples', () => {
  it('fills 5, 15, 50, 150 by rank and leaves the rest out', () => {
    // p000 has the highest score, p199 the lowest.
    const layers = dunbarLayers(people(200, (i) => 1 - i / 200));
    const layerOf = (i: number) => layers.get(`p${String(i).padStart(3, '0')}`);
    expect([0, 4, 5, 14, 15, 49, 50, 149, 150, 199].map(layerOf)).toEqual([
      5,
      5,
      15,
      15,
      50,
      50,
      150,
      150,
      null,
      null,
    ]);
    expect(layers.size).toBe(200);
  });

  it('orders equal scores by id, not by input order', () => {
    const scored = [
      { id: 'c', score: 0.5 },
      { id: 'a', score: 0.5 },
      { id: 'f', score: 0.5 },
      { id: 'b', score: 0.5 },
      { id: 'e', score: 0.5 },
      { id: 'd', score: 0.5 },
    ];
    const layers = dunbarLayers(scored);
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => layers.get(id))).toEqual([5, 5, 5, 5, 5, 15]);
  });

  it('ranks ties with score 0 like any other', () => {
    const layers = dunbarLayers([
      { id: 'never-talked', score: 0 },
      { id: 'close', score: 0.9 },
    ]);
    expect(layers.get('never-talked')).toBe(5);
    expect(layers.get('close')).toBe(5);
  });

  it('puts a NaN score last', () => {
    const scored = [{ id: 'broken', score: Number.NaN }, ...people(5, () => 0)];
    expect(dunbarLayers(scored).get('broken')).toBe(15);
  });

  it('is empty for no ties', () => {
    expect(dunbarLayers([]).size).toBe(0);
  });

  it('rejects a duplicate id, naming it', () => {
    expect(() =>
      dunbarLayers([
        { id: 'x', score: 1 },
        { id: 'x', score: 0 },
      ]),
    ).toThrow(/"x" appears twice/);
  });
});

describe('dunbarLayers properties', () => {
  // size 'max' so that lists longer than 150 are common, not just possible.
  const scoredArb = fc.uniqueArray(
    fc.record({
      id: fc.string({ maxLength: 4 }),
      score: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1)),
    }),
    { selector: (p) => p.id, maxLength: 400, size: 'max' },
  );
  const depth = (layer: number | null | undefined) => layer ?? Number.POSITIVE_INFINITY;

  it('never overfills a layer and a higher score is never in an outer layer', () => {
    fc.assert(
      fc.property(scoredArb, (scored) => {
        const layers = dunbarLayers(scored);
        expect(layers.size).toBe(scored.length);
        const count = (layer: number | null) => [...layers.values()].filter((l) => l === layer).length;
        expect(count(5)).toBe(Math.min(5, scored.length));
        expect(count(15)).toBe(Math.min(10, Math.max(0, scored.length - 5)));
        expect(count(50)).toBe(Math.min(35, Math.max(0, scored.length - 15)));
        expect(count(150)).toBe(Math.min(100, Math.max(0, scored.length - 50)));
        expect(count(null)).toBe(Math.max(0, scored.length - 150));
        const byScore = [...scored].sort((a, b) => b.score - a.score);
        byScore.forEach((person, i) => {
          const next = byScore[i + 1];
          if (next !== undefined && person.score > next.score) {
            expect(depth(layers.get(person.id))).toBeLessThanOrEqual(depth(layers.get(next.id)));
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on input order', () => {
    const arb = scoredArb.chain((scored) =>
      fc
        .shuffledSubarray(scored, { minLength: scored.length, maxLength: scored.length })
        .map((shuffled) => [scored, shuffled] as const),
    );
    fc.assert(
      fc.property(arb, ([scored, shuffled]) => {
        expect(dunbarLayers(shuffled)).toEqual(dunbarLayers(scored));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('topRanked', () => {
  const scores = fc.array(
    fc.oneof(fc.double({ min: 0, max: 1 }), fc.constant(0.5), fc.constant(Number.NaN)),
    {
      maxLength: 300,
    },
  );

  it('gives the first of dunbarLayers ranking, and the same through a comparator on another shape', () => {
    fc.assert(
      fc.property(scores, fc.integer({ min: 0, max: 200 }), (list, count) => {
        const scored = list.map((score, i) => ({ id: `p${String(i).padStart(3, '0')}`, score }));
        const layers = dunbarLayers(scored);
        const top = topRanked(scored, count);
        // dunbarLayers' map holds everyone in rank order (its layers end at 150, its order does not).
        expect(top.map((s) => s.id)).toEqual([...layers.keys()].slice(0, count));
        // By index into columns, as the popup ranks: scores compared first, ids only between equal ones.
        const byIndex = topRanked(
          scored.map((_, i) => i),
          count,
          (a, b) => compareScores(list[a] as number, list[b] as number) || (a < b ? -1 : 1),
        );
        expect(byIndex.map((i) => scored[i]?.id)).toEqual(top.map((s) => s.id));
      }),
    );
  });
});
