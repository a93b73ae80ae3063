// Tie strength without its explanation. tieStrength also writes plain-words reasons and a reciprocity
// ledger for every tie; prompts never show those, and at 10,000 people they are most of the popup's time
// budget. This computes the same score and strong/weak call from the same dimension functions and weights;
// tests/unit/domain/prompts/tie-score.test.ts holds it equal to tieStrength for any input.

import {
  durationScore,
  intensityScore,
  recencyScore,
  reciprocityScore,
  servicesScore,
  structuralScore,
} from '../tie-dimensions';
import { tieStart } from '../tie-strength';
import { STRONG_THRESHOLD, TIE_WEIGHTS } from '../tie-weights';
import { assertFinite, assertTime } from '../time';
import type { TieInputs } from '../types';

export interface TieScore {
  score: number;
  strong: boolean;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
const MAX_TIME_MS = 8.64e15;

export function tieScore(inputs: TieInputs, now: number): TieScore {
  if (inputs.metAt !== null) assertTime('metAt', inputs.metAt);
  if (inputs.closeness !== null) assertFinite('closeness', inputs.closeness);
  assertFinite('sharedTagCount', inputs.sharedTagCount);
  assertFinite('mutualLinkCount', inputs.mutualLinkCount);
  let lastAt: number | null = null;
  inputs.interactions.forEach((fact, index) => {
    // Same check and message as tieStrength, without building a field name for every valid fact.
    if (!(Math.abs(fact.at) <= MAX_TIME_MS)) assertTime(`interactions[${index}].at`, fact.at);
    if (lastAt === null || fact.at > lastAt) lastAt = fact.at;
  });
  const { interactions } = inputs;
  const weighted =
    TIE_WEIGHTS.recency * recencyScore(lastAt, now) +
    TIE_WEIGHTS.duration * durationScore(tieStart(inputs.metAt, interactions), now) +
    TIE_WEIGHTS.intensity * intensityScore(interactions, now) +
    TIE_WEIGHTS.reciprocity * reciprocityScore(interactions) +
    TIE_WEIGHTS.structural * structuralScore(inputs.mutualLinkCount, inputs.sharedTagCount) +
    TIE_WEIGHTS.services * servicesScore(interactions);
  const score =
    inputs.closeness === null
      ? clamp01(weighted / (1 - TIE_WEIGHTS.intimacy))
      : clamp01(weighted + TIE_WEIGHTS.intimacy * clamp01(inputs.closeness));
  const strong = inputs.override === null ? score >= STRONG_THRESHOLD : inputs.override === 'strong';
  return { score, strong };
}
