// How prompts are ranked. Each kind has a band of 10 points and a value u in [0,1] places a prompt inside
// its band (score = 10 * band + 9 * u), so the order of kinds is a rule the user can learn, and within a
// kind the most urgent or valuable comes first. Bands, highest first, and why:
//   5 reply-acknowledge   someone is waiting for an answer: dialogue stalls on the user's side.
//   4 thank               they helped (feedback, an introduction) and the favour is unacknowledged; thanks
//                         keep services reciprocal, and they go stale.
//   3 acknowledge-success a fresh success: recognition counts most within days, and it is public.
//   2 reconnect           past the keep-in-touch date: strong ties need regular investment.
//   1 introduce           value for two ties at once, but nothing is late.
//   0 ask-question        a gentle opener with a weak tie who shares the user's focus.
// Owed replies and thanks come before gestures because an unanswered question makes the relationship
// one-sided, while a congratulation is a bonus.

import { MS_PER_DAY } from '../time';
import { compareText } from './text';
import type { Prompt, PromptKind } from './types';

export const BANDS: Readonly<Record<PromptKind, number>> = {
  'reply-acknowledge': 5,
  thank: 4,
  'acknowledge-success': 3,
  reconnect: 2,
  introduce: 1,
  'ask-question': 0,
};

/** An owed reply reaches full urgency after two weeks of waiting. */
export const OWED_URGENT_DAYS = 14;
/** A success counts as fresh for this long after it was seen. */
export const SUCCESS_FRESH_DAYS = 30;

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export function bandScore(kind: PromptKind, u: number): number {
  return 10 * BANDS[kind] + 9 * clamp01(u);
}

/** Reply and thanks: how long the oldest owed item has waited (60%), then the tie's strength (40%). */
export function owedValue(oldestAt: number, strength: number, now: number): number {
  const waited = Math.max(0, now - oldestAt) / MS_PER_DAY;
  return 0.6 * Math.min(1, waited / OWED_URGENT_DAYS) + 0.4 * strength;
}

/**
 * Successes: freshness (50%), tie strength (30%), and 20% more when the user flagged it themselves: a flag
 * is the user saying "I want to act on this".
 */
export function successValue(at: number, strength: number, flagged: boolean, now: number): number {
  const age = Math.max(0, now - at) / MS_PER_DAY;
  return 0.5 * (1 - Math.min(1, age / SUCCESS_FRESH_DAYS)) + 0.3 * strength + (flagged ? 0.2 : 0);
}

/**
 * Reconnect: strength x overdue, each mapped to [0.5,1] so neither alone can zero the other (a weak tie
 * still matters: weak ties bring new perspectives), plus 10% when they share the user's focus. Overdue is
 * measured in cadences: a month late on a monthly tie is as late as three months on a quarterly one.
 */
export function reconnectValue(strength: number, overdueDays: number, cadenceDays: number, focus: boolean) {
  const late = Math.min(1, overdueDays / cadenceDays);
  return 0.9 * ((1 + strength) / 2) * ((1 + late) / 2) + (focus ? 0.1 : 0);
}

/**
 * Introductions: the weaker of the two ties limits how well the user can vouch for both (60%), then how
 * many topics they share (30%, three or more is full) and whether one is the user's focus (10%).
 */
export function introduceValue(weaker: number, sharedTopics: number, focus: boolean): number {
  return 0.6 * weaker + 0.3 * Math.min(1, sharedTopics / 3) + (focus ? 0.1 : 0);
}

/** Questions: weak ties first (60%: diverse perspectives), then how much they share (40%). */
export function questionValue(strength: number, sharedTopics: number): number {
  return 0.6 * (1 - strength) + 0.4 * Math.min(1, sharedTopics / 3);
}

/** Score first, then key: a total order, so the output never depends on the input order. */
export function comparePrompts(a: Prompt, b: Prompt): number {
  return b.score - a.score || compareText(a.key, b.key) || compareText(a.draft, b.draft);
}
