// Tie strength: a score in [0,1] from the dimensions of Gilbert & Karahalios (CHI 2009) and Granovetter
// (1973), a strong/weak call, and the reasons behind both. Weights and their derivation: tie-weights.ts.

import { assertInteractions, earliestAt, latestAt } from './interactions';
import { reciprocityLedger } from './reciprocity';
import {
  durationScore,
  intensityScore,
  isRecent,
  recencyScore,
  reciprocityScore,
  servicesScore,
  structuralScore,
} from './tie-dimensions';
import { tieReasons } from './tie-reasons';
import { STRONG_THRESHOLD, TIE_WEIGHTS } from './tie-weights';
import { assertFinite, assertTime } from './time';
import { DIMENSIONS, type Dimension, type TieInputs } from './types';

export interface TieStrength {
  score: number;
  strong: boolean;
  reasons: string[];
  /**
   * Each dimension in [0,1], such that the weighted sum with TIE_WEIGHTS is the score. Without a closeness
   * answer, intimacy shows the value the renormalisation implicitly gave it: the score itself.
   */
  dimensions: Record<Dimension, number>;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * The start of the tie: the earlier of the how-we-met date and the first interaction (an interaction before
 * the recorded meeting shows the tie is older than recorded).
 */
export function tieStart(metAt: number | null, interactions: TieInputs['interactions']): number | null {
  const first = earliestAt(interactions);
  if (metAt === null) return first;
  return first === null ? metAt : Math.min(metAt, first);
}

/**
 * Non-finite numbers throw a RangeError naming the field: they are bugs upstream, not evidence. Finite values
 * out of range are clamped (closeness to [0,1], counts to >= 0), since those come from arithmetic slips such
 * as a closeness of 1.0000000002 and the score stays meaningful. The override decides `strong` but never
 * changes the score, which remains the evidence.
 */
export function tieStrength(inputs: TieInputs, now: number): TieStrength {
  assertTime('now', now);
  if (inputs.metAt !== null) assertTime('metAt', inputs.metAt);
  assertInteractions(inputs.interactions);
  if (inputs.closeness !== null) assertFinite('closeness', inputs.closeness);
  assertFinite('sharedTagCount', inputs.sharedTagCount);
  assertFinite('mutualLinkCount', inputs.mutualLinkCount);

  const { interactions } = inputs;
  const lastAt = latestAt(interactions);
  const startAt = tieStart(inputs.metAt, interactions);
  const evidence: Record<Exclude<Dimension, 'intimacy'>, number> = {
    recency: recencyScore(lastAt, now),
    duration: durationScore(startAt, now),
    intensity: intensityScore(interactions, now),
    reciprocity: reciprocityScore(interactions),
    structural: structuralScore(inputs.mutualLinkCount, inputs.sharedTagCount),
    services: servicesScore(interactions),
  };
  let weighted = 0;
  for (const dimension of DIMENSIONS)
    if (dimension !== 'intimacy') weighted += TIE_WEIGHTS[dimension] * evidence[dimension];

  // Missing closeness: divide by the weight of the dimensions we do have, so the score stays on the same
  // 0..1 scale instead of being capped at 1 - 0.22. This equals imputing closeness with the score itself, so
  // answering the question raises the score exactly when the answer is above what the evidence says.
  const closeness = inputs.closeness === null ? null : clamp01(inputs.closeness);
  const score =
    closeness === null
      ? clamp01(weighted / (1 - TIE_WEIGHTS.intimacy))
      : clamp01(weighted + TIE_WEIGHTS.intimacy * closeness);

  const strong = inputs.override === null ? score >= STRONG_THRESHOLD : inputs.override === 'strong';
  const recentCount = interactions.filter((f) => isRecent(f.at, now)).length;
  const reasons = tieReasons(
    {
      override: inputs.override,
      closeness,
      lastAt,
      startAt,
      recentCount,
      interactions,
      ledger: reciprocityLedger(interactions, now),
      mutualLinkCount: inputs.mutualLinkCount,
      sharedTagCount: inputs.sharedTagCount,
    },
    now,
  );
  return { score, strong, reasons, dimensions: { intimacy: closeness ?? score, ...evidence } };
}
