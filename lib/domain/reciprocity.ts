// Who keeps the dialogue going, and what the user still owes a reply to. Rapport is about two-way dialogue,
// so the ledger is shown to the user as well as feeding the tie score's reasons.

import { assertInteractions, chronological } from './interactions';
import { assertTime, daysSince } from './time';
import { timeAgo } from './time-words';
import type { Direction, InteractionFact, InteractionKind } from './types';

export type LoopKind = 'question' | 'feedback';

export interface OpenLoop {
  kind: LoopKind;
  at: number;
  ageDays: number;
  /** "they asked you something 9 days ago" */
  text: string;
}

export interface ReciprocityLedger {
  lastInitiator: Direction | null;
  lastAt: number | null;
  initiatedByMe: number;
  initiatedByThem: number;
  /** Started together; with the two counts above it adds up to the number of interactions. */
  mutual: number;
  /** -1..1, positive when they initiate more; mutual interactions pull it towards 0. 0 with no interactions. */
  balance: number;
  /** Oldest first: the longest-waiting reply is the most urgent. */
  openLoops: OpenLoop[];
  /** The same person started the latest `count` (>= 2) interactions in a row; null otherwise. */
  streak: { who: 'me' | 'them'; count: number } | null;
}

/**
 * What the user can do to close a loop they owe. Only direct, two-way channels close a loop, because a
 * reply can travel there: a reaction, share, comment or congratulation does not answer a question or thank
 * someone for feedback, and asking a question back is not an answer. Returning feedback closes a feedback
 * loop; answering closes a question loop.
 */
export const LOOP_CLOSERS: Readonly<Record<LoopKind, ReadonlySet<InteractionKind>>> = {
  question: new Set<InteractionKind>(['question-answered', 'message', 'email', 'call', 'meeting']),
  feedback: new Set<InteractionKind>(['feedback-given', 'message', 'email', 'call', 'meeting']),
};

/**
 * The loop a fact opens: they asked the user a question ('question-asked' initiated by 'them'; a 'mutual'
 * question is taken as already discussed), or the user received feedback (whoever asked for it, the user
 * owes a response).
 */
export function loopOpenedBy(fact: InteractionFact): LoopKind | null {
  if (fact.kind === 'question-asked' && fact.direction === 'them') return 'question';
  if (fact.kind === 'feedback-received') return 'feedback';
  return null;
}

const LOOP_TEXT: Record<LoopKind, string> = {
  question: 'they asked you something',
  feedback: 'they gave you feedback',
};

/**
 * A loop is open when no closer of its kind initiated by the user ('me' or 'mutual') happened at or after
 * it. One reply closes every earlier loop it can answer: facts carry no content, so answers cannot be matched
 * to questions one by one. A reply logged in the same millisecond counts as after (logged together).
 */
export function reciprocityLedger(interactions: readonly InteractionFact[], now: number): ReciprocityLedger {
  assertTime('now', now);
  assertInteractions(interactions);
  const facts = chronological(interactions);

  let initiatedByMe = 0;
  let initiatedByThem = 0;
  let mutual = 0;
  const lastCloserAt: Record<LoopKind, number> = { question: -Infinity, feedback: -Infinity };
  for (const fact of facts) {
    if (fact.direction === 'me') initiatedByMe += 1;
    else if (fact.direction === 'them') initiatedByThem += 1;
    else mutual += 1;
    if (fact.direction === 'them') continue;
    for (const kind of ['question', 'feedback'] as const) {
      if (LOOP_CLOSERS[kind].has(fact.kind)) lastCloserAt[kind] = Math.max(lastCloserAt[kind], fact.at);
    }
  }

  const openLoops: OpenLoop[] = [];
  for (const fact of facts) {
    const kind = loopOpenedBy(fact);
    if (kind === null || fact.at <= lastCloserAt[kind]) continue;
    const ageMs = Math.max(0, now - fact.at);
    openLoops.push({
      kind,
      at: fact.at,
      ageDays: Math.floor(daysSince(fact.at, now)),
      text: `${LOOP_TEXT[kind]} ${timeAgo(ageMs)}`,
    });
  }

  const last = facts.at(-1);
  const total = facts.length;
  return {
    lastInitiator: last?.direction ?? null,
    lastAt: last?.at ?? null,
    initiatedByMe,
    initiatedByThem,
    mutual,
    balance: total === 0 ? 0 : (initiatedByThem - initiatedByMe) / total,
    openLoops,
    streak: streakOf(facts),
  };
}

/** A 'mutual' interaction ends a streak: both sides took part. A single interaction is not a streak. */
function streakOf(facts: readonly InteractionFact[]): ReciprocityLedger['streak'] {
  const who = facts.at(-1)?.direction;
  if (who === undefined || who === 'mutual') return null;
  let count = 0;
  for (let i = facts.length - 1; i >= 0 && facts[i]?.direction === who; i -= 1) count += 1;
  return count >= 2 ? { who, count } : null;
}
