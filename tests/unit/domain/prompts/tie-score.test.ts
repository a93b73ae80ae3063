// The prompts' reasons-free tie score must never drift from tieStrength, the tie model's definition.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tieStrength } from '../../../../lib/domain';
import { tieScore } from '../../../../lib/domain/prompts/tie-score';
import { inputs, NOW, tieInputsArb, wildTieInputsArb } from '../fixtures';

describe('tieScore', () => {
  it('equals tieStrength’s score and strong/weak call for any input', () => {
    fc.assert(
      fc.property(fc.oneof(tieInputsArb, wildTieInputsArb), (generated) => {
        const full = tieStrength(generated, NOW);
        expect(tieScore(generated, NOW)).toEqual({ score: full.score, strong: full.strong });
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects the same unusable inputs, naming the field', () => {
    const bad = inputs({
      interactions: [
        { at: NOW, kind: 'message', direction: 'me' },
        { at: Number.NaN, kind: 'call', direction: 'me' },
      ],
    });
    expect(() => tieScore(bad, NOW)).toThrow(/interactions\[1\]\.at/);
    expect(() => tieScore(inputs({ closeness: Number.POSITIVE_INFINITY }), NOW)).toThrow(/closeness/);
    expect(() => tieScore(inputs({ metAt: Number.NaN }), NOW)).toThrow(/metAt/);
  });
});
