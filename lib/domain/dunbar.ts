// Dunbar's layers (5, 15, 50, 150): how many people a person can keep at each level of closeness. The layers
// describe capacity, so placement is by rank among the user's ties, not by an absolute score: the 5 strongest
// ties are the support clique whatever their scores are.

import { insertionIndex } from './sorted';

export type DunbarLayer = 5 | 15 | 50 | 150;

export const DUNBAR_LAYERS: readonly DunbarLayer[] = [5, 15, 50, 150];

interface Scored {
  id: string;
  score: number;
}

const key = (score: number) => (Number.isNaN(score) ? -Infinity : score);
/** dunbarLayers' order of two scores: the higher first, NaN last; 0 (or NaN) when the ids decide. */
export const compareScores = (aScore: number, bScore: number) => key(bScore) - key(aScore);
const byRank = (a: Scored, b: Scored) =>
  compareScores(a.score, b.score) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The first `count` of dunbarLayers' ranking (ids unique), without sorting everyone. `compare` puts
 * items of another shape in that order (compareScores, then ids), so a caller need not make a Scored
 * per person.
 */
export function topRanked<T extends Scored>(scored: readonly T[], count: number): T[];
export function topRanked<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[];
export function topRanked<T>(
  items: readonly T[],
  count: number,
  compare = byRank as unknown as (a: T, b: T) => number,
): T[] {
  const top: T[] = [];
  for (const item of items) {
    const last = top[count - 1];
    if (last !== undefined && compare(item, last) >= 0) continue;
    top.splice(insertionIndex(top, item, compare), 0, item);
    if (top.length > count) top.pop();
  }
  return top;
}

/** The layer of the person at 1-based `rank`: 1-5 -> 5, 6-15 -> 15, 16-50 -> 50, 51-150 -> 150, beyond -> null. */
export function layerAtRank(rank: number): DunbarLayer | null {
  return DUNBAR_LAYERS.find((size) => rank <= size) ?? null;
}

/**
 * Layer of each id by rank: ranks 1-5 -> 5, 6-15 -> 15, 16-50 -> 50, 51-150 -> 150, beyond -> null.
 * Ties with score 0 (or no interactions) are ranked like any other: a short list still fills the inner
 * layers, which is the point of showing capacity. Equal scores are ordered by id (code-unit order, not
 * locale) so the result does not depend on input order. A NaN score ranks last. Duplicate ids throw, since
 * one person in two places means the caller merged its lists wrongly.
 */
export function dunbarLayers(
  scored: readonly { id: string; score: number }[],
): Map<string, DunbarLayer | null> {
  const seen = new Set<string>();
  for (const { id } of scored) {
    if (seen.has(id)) throw new Error(`dunbarLayers: id "${id}" appears twice; pass each person once`);
    seen.add(id);
  }
  const ranked = [...scored].sort(byRank);
  const layers = new Map<string, DunbarLayer | null>();
  ranked.forEach(({ id }, index) => {
    layers.set(id, layerAtRank(index + 1));
  });
  return layers;
}
