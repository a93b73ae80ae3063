// Ordering and validation of interaction facts, shared by the tie score and the reciprocity ledger so both
// agree on which interaction was "the last one".

import { assertTime } from './time';
import type { Direction, InteractionFact } from './types';

const DIRECTION_ORDER: Record<Direction, number> = { me: 0, mutual: 1, them: 2 };

/** Throws a RangeError naming the offending interaction when a time is unusable. */
export function assertInteractions(interactions: readonly InteractionFact[]): void {
  interactions.forEach((fact, index) => {
    assertTime(`interactions[${index}].at`, fact.at);
  });
}

/**
 * Oldest first. Facts logged in the same millisecond are ordered by direction, then kind, so that results
 * never depend on the order the caller happened to pass them in (the database returns rows in key order,
 * which is not time order).
 */
export function chronological(interactions: readonly InteractionFact[]): InteractionFact[] {
  return [...interactions].sort(
    (a, b) =>
      a.at - b.at ||
      DIRECTION_ORDER[a.direction] - DIRECTION_ORDER[b.direction] ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
  );
}

export function latestAt(interactions: readonly InteractionFact[]): number | null {
  let latest: number | null = null;
  for (const fact of interactions) if (latest === null || fact.at > latest) latest = fact.at;
  return latest;
}

export function earliestAt(interactions: readonly InteractionFact[]): number | null {
  let earliest: number | null = null;
  for (const fact of interactions) if (earliest === null || fact.at < earliest) earliest = fact.at;
  return earliest;
}
