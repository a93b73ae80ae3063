// Shared builders and fast-check arbitraries for the domain tests.

import fc from 'fast-check';
import type { Direction, InteractionFact, InteractionKind, TieInputs } from '../../../lib/domain';
import { INTERACTION_KINDS } from '../../../lib/domain/types';

export const DAY = 86_400_000;
export const YEAR = 365 * DAY;
/** A fixed "now": 2025-06-01T12:00:00Z. */
export const NOW = Date.UTC(2025, 5, 1, 12);

export const KINDS: readonly InteractionKind[] = INTERACTION_KINDS;
export const DIRECTIONS: readonly Direction[] = ['me', 'them', 'mutual'];

/** An interaction `daysAgo` days before NOW. */
export function fact(daysAgo: number, kind: InteractionKind, direction: Direction): InteractionFact {
  return { at: NOW - daysAgo * DAY, kind, direction };
}

export function inputs(overrides: Partial<TieInputs> = {}): TieInputs {
  return {
    closeness: null,
    metAt: null,
    interactions: [],
    sharedTagCount: 0,
    mutualLinkCount: 0,
    override: null,
    ...overrides,
  };
}

/**
 * Times from 30 years back to 1 year ahead of NOW (future times are allowed: clock skew, planned calls).
 * One in five comes from a handful of fixed instants so that same-millisecond facts, and ages of exactly a
 * day or exactly the intensity window, actually occur.
 */
export const timeArb = fc.oneof(
  { arbitrary: fc.double({ min: NOW - 30 * YEAR, max: NOW + YEAR, noNaN: true }), weight: 4 },
  { arbitrary: fc.constantFrom(NOW - 90 * DAY, NOW - 30 * DAY, NOW - DAY, NOW, NOW + DAY), weight: 1 },
);
/** Any time a Date accepts. */
export const anyTimeArb = fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true });

export const factArb = (at: fc.Arbitrary<number> = timeArb): fc.Arbitrary<InteractionFact> =>
  fc.record({ at, kind: fc.constantFrom(...KINDS), direction: fc.constantFrom(...DIRECTIONS) });

export const tieInputsArb: fc.Arbitrary<TieInputs> = fc.record({
  closeness: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  metAt: fc.option(timeArb, { nil: null }),
  interactions: fc.array(factArb(), { maxLength: 25 }),
  sharedTagCount: fc.nat(20),
  mutualLinkCount: fc.nat(200),
  override: fc.constantFrom<TieInputs['override']>(null, 'strong', 'weak'),
});

/** Any finite numbers at all, out of range included. */
const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });
export const wildTieInputsArb: fc.Arbitrary<TieInputs> = fc.record({
  closeness: fc.option(anyFinite, { nil: null }),
  metAt: fc.option(anyTimeArb, { nil: null }),
  interactions: fc.array(factArb(anyTimeArb), { maxLength: 25 }),
  sharedTagCount: anyFinite,
  mutualLinkCount: anyFinite,
  override: fc.constantFrom<TieInputs['override']>(null, 'strong', 'weak'),
});
