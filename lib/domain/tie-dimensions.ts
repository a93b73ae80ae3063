// Each dimension of tie strength as a number in [0,1], from the facts alone. Curves saturate because the
// evidence has diminishing returns: the hundredth message says less than the second. Every function here is
// monotone in the direction named in its comment; the property tests rely on that.

import { daysSince } from './time';
import type { InteractionFact, InteractionKind } from './types';

/** Recency halves every 90 days: about the longest gap a professional contact tolerates unremarked. */
export const RECENCY_HALF_LIFE_DAYS = 90;
/** Duration reaches half marks after a year, three quarters after two. */
export const DURATION_HALF_SATURATION_DAYS = 365;
/** Intensity looks at the last three months (kept in step with INTENSITY_WINDOW_WORDS). */
export const INTENSITY_WINDOW_DAYS = 90;
export const INTENSITY_WINDOW_WORDS = 'the last 3 months';
/** About one real exchange a week over the window earns full intensity. */
export const INTENSITY_SATURATION = 12;
/** Mutual links reach half marks at 5 people, shared tags at 2; links weigh more, as in G&K. */
export const STRUCTURAL_LINKS_HALF = 5;
export const STRUCTURAL_TAGS_HALF = 2;
export const STRUCTURAL_LINKS_SHARE = 0.75;

/**
 * Effort behind one interaction, for intensity. G&K counted words exchanged; Rapport stores no text, so the
 * kind stands in: a reaction is a quarter of a message, a meeting or call twice one.
 */
export const INTENSITY_EFFORT: Readonly<Record<InteractionKind, number>> = {
  reaction: 0.25,
  share: 0.5,
  mention: 0.5,
  comment: 1,
  message: 1,
  congratulation: 1,
  'question-asked': 1,
  'question-answered': 1,
  'feedback-given': 1,
  'feedback-received': 1,
  introduction: 1,
  email: 1,
  other: 1,
  meeting: 2,
  call: 2,
};

/** Granovetter's reciprocal services: introductions and feedback, in either direction. */
export const SERVICE_KINDS: ReadonlySet<InteractionKind> = new Set<InteractionKind>([
  'introduction',
  'feedback-given',
  'feedback-received',
]);

/** 1 today, halving every RECENCY_HALF_LIFE_DAYS; 0 with no contact. Rises as the last contact gets newer. */
export function recencyScore(lastAt: number | null, now: number): number {
  if (lastAt === null) return 0;
  return 2 ** (-daysSince(lastAt, now) / RECENCY_HALF_LIFE_DAYS);
}

/** 0 at the start, approaching 1 as the tie ages; 0 when the start is unknown. Rises as the start moves back. */
export function durationScore(startAt: number | null, now: number): number {
  if (startAt === null) return 0;
  return 1 - 2 ** (-daysSince(startAt, now) / DURATION_HALF_SATURATION_DAYS);
}

/** Within the intensity window, ends included; future interactions count as now. */
export function isRecent(at: number, now: number): boolean {
  return daysSince(at, now) <= INTENSITY_WINDOW_DAYS;
}

/** Effort-weighted interactions within the window, on a log scale (as G&K log-transformed counts). */
export function intensityScore(interactions: readonly InteractionFact[], now: number): number {
  let effort = 0;
  for (const fact of interactions) if (isRecent(fact.at, now)) effort += INTENSITY_EFFORT[fact.kind];
  return Math.min(1, Math.log1p(effort) / Math.log1p(INTENSITY_SATURATION));
}

/**
 * How much of the dialogue comes from them: twice their weighted share of initiations, capped at 1, so a
 * balanced tie (or one they drive) scores 1 and one only the user keeps alive scores 0. 'mutual' counts half
 * theirs. An answer from them to the user's question counts twice: it is the clearest sign the dialogue runs
 * both ways. Never falls when an interaction's initiator moves from the user towards them. 0 with no contact.
 */
export function reciprocityScore(interactions: readonly InteractionFact[]): number {
  let theirs = 0;
  let total = 0;
  for (const fact of interactions) {
    const weight = fact.kind === 'question-answered' && fact.direction !== 'me' ? 2 : 1;
    const credit = fact.direction === 'them' ? 1 : fact.direction === 'mutual' ? 0.5 : 0;
    theirs += weight * credit;
    total += weight;
  }
  return total === 0 ? 0 : Math.min(1, (2 * theirs) / total);
}

/** Saturating count: 0 at 0, 1/2 at `half`, approaching 1. Negative counts are treated as 0. */
function saturate(count: number, half: number): number {
  const n = Math.max(0, count);
  return n / (n + half);
}

/** Mutual links and shared tags; rises with either. */
export function structuralScore(mutualLinkCount: number, sharedTagCount: number): number {
  return (
    STRUCTURAL_LINKS_SHARE * saturate(mutualLinkCount, STRUCTURAL_LINKS_HALF) +
    (1 - STRUCTURAL_LINKS_SHARE) * saturate(sharedTagCount, STRUCTURAL_TAGS_HALF)
  );
}

/** Half marks for one service, three quarters for two: a single introduction already says a lot. */
export function servicesScore(interactions: readonly InteractionFact[]): number {
  let count = 0;
  for (const fact of interactions) if (SERVICE_KINDS.has(fact.kind)) count += 1;
  return 1 - 2 ** -count;
}
