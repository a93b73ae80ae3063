import type { DigestFact, DigestOlder } from '@/lib/db/rows';
import type { PromptInteraction } from '@/lib/domain/prompts';
import { INTENSITY_WINDOW_DAYS } from '@/lib/domain/tie-dimensions';
import type { Direction, InteractionKind } from '@/lib/domain/types';

// A person's interactions, made small without changing any answer the prompts, follow-ups or counts give.
// The prompt rules read interactions in a few ways only:
// - the latest and earliest time (recency, cadence, duration of the tie);
// - effort within the last INTENSITY_WINDOW_DAYS (intensity), and shares with text within 30 days;
// - order-free sums over all of them: who initiated (reciprocity, question-answered weighing twice) and
//   how many were services (introductions, feedback);
// - open loops (questions and feedback after the last reply), unthanked introductions, the latest
//   congratulation, and the text logged with those.
// So a digest keeps, one by one, every interaction that is recent as of `computedAt` (with a day of
// margin), the latest ones, and those the loop, thanks and congratulation rules can still look at. Every
// other interaction is replaced by a neutral stand-in with the same reciprocity and services weight (see
// STAND_IN), placed at the earliest interaction's time: older than the window, so intensity is unchanged,
// and of a kind no loop, thanks or success rule reacts to. Because time only moves forward, what was
// dropped at `computedAt` can never matter again; a clock set back by more than the margin is the one case
// where intensity could read slightly low. tests/unit/services/digest-facts.property.test.ts holds
// buildPrompts equal on the full and the compacted lists.

const MS_PER_DAY = 86_400_000;
export const DIGEST_WINDOW_MS = (INTENSITY_WINDOW_DAYS + 1) * MS_PER_DAY;

const QUESTION_CLOSERS = new Set<InteractionKind>([
  'question-answered',
  'message',
  'email',
  'call',
  'meeting',
]);
const FEEDBACK_CLOSERS = new Set<InteractionKind>(['feedback-given', 'message', 'email', 'call', 'meeting']);
const THANKS = new Set<InteractionKind>(['message', 'email', 'call', 'meeting']);
const SERVICES = new Set<InteractionKind>(['introduction', 'feedback-given', 'feedback-received']);
/** Kinds whose text a prompt may quote; other texts are not kept. */
const QUOTED = new Set<InteractionKind>(['question-asked', 'feedback-received', 'introduction', 'share']);

export interface FullFact {
  at: number;
  kind: InteractionKind;
  direction: Direction;
  text: string | null;
}

/** Stand-ins with the same reciprocity weight, credit and services count, and no other effect. */
function standIns(kind: InteractionKind, direction: Direction): [InteractionKind, Direction][] {
  if (SERVICES.has(kind))
    return [direction === 'them' ? ['feedback-given', 'them'] : ['introduction', direction]];
  if (kind === 'question-answered' && direction === 'them') return [['question-answered', 'them']];
  // Weight 2, half theirs: the same as one from them and one from the user.
  if (kind === 'question-answered' && direction === 'mutual')
    return [
      ['comment', 'them'],
      ['comment', 'me'],
    ];
  return [['comment', direction]];
}

export function compactFacts(
  facts: readonly FullFact[],
  computedAt: number,
): { facts: DigestFact[]; older: DigestOlder | null } {
  if (facts.length === 0) return { facts: [], older: null };
  let latest = -Infinity;
  let earliest = Infinity;
  let questionClosedAt = -Infinity;
  let feedbackClosedAt = -Infinity;
  let thankedAt = -Infinity;
  let congratulatedAt = -Infinity;
  for (const f of facts) {
    latest = Math.max(latest, f.at);
    earliest = Math.min(earliest, f.at);
    if (f.direction === 'them') continue;
    if (QUESTION_CLOSERS.has(f.kind)) questionClosedAt = Math.max(questionClosedAt, f.at);
    if (FEEDBACK_CLOSERS.has(f.kind)) feedbackClosedAt = Math.max(feedbackClosedAt, f.at);
    if (THANKS.has(f.kind)) thankedAt = Math.max(thankedAt, f.at);
    if (f.kind === 'congratulation') congratulatedAt = Math.max(congratulatedAt, f.at);
  }
  const cutoff = computedAt - DIGEST_WINDOW_MS;
  const keep = (f: FullFact): boolean => {
    if (f.at >= cutoff || f.at === latest) return true;
    if (f.kind === 'question-asked' && f.direction === 'them' && f.at > questionClosedAt) return true;
    if (f.kind === 'feedback-received' && f.at > feedbackClosedAt) return true;
    if (f.kind === 'introduction' && f.at > thankedAt) return true;
    if (f.direction === 'them') return false;
    if (f.at === questionClosedAt && QUESTION_CLOSERS.has(f.kind)) return true;
    if (f.at === feedbackClosedAt && FEEDBACK_CLOSERS.has(f.kind)) return true;
    if (f.at === thankedAt && THANKS.has(f.kind)) return true;
    return f.at === congratulatedAt && f.kind === 'congratulation';
  };
  const kept: DigestFact[] = [];
  const counts = new Map<string, { kind: InteractionKind; direction: Direction; count: number }>();
  for (const f of facts) {
    if (keep(f)) {
      kept.push({ at: f.at, kind: f.kind, direction: f.direction, text: QUOTED.has(f.kind) ? f.text : null });
      continue;
    }
    for (const [kind, direction] of standIns(f.kind, f.direction)) {
      const id = `${kind}/${direction}`;
      const seen = counts.get(id);
      if (seen) seen.count += 1;
      else counts.set(id, { kind, direction, count: 1 });
    }
  }
  kept.sort((a, b) => a.at - b.at);
  const older = counts.size === 0 ? null : { at: earliest, counts: [...counts.values()] };
  return { facts: kept, older };
}

/** The list the prompt rules read: kept facts, then the stand-ins (shared objects, cheap to make). */
export function expandFacts(facts: readonly DigestFact[], older: DigestOlder | null): PromptInteraction[] {
  const list: PromptInteraction[] = facts.map((f) =>
    f.text === null
      ? { at: f.at, kind: f.kind, direction: f.direction }
      : { at: f.at, kind: f.kind, direction: f.direction, text: f.text },
  );
  if (older === null) return list;
  for (const { kind, direction, count } of older.counts) {
    const standIn: PromptInteraction = { at: older.at, kind, direction };
    for (let i = 0; i < count; i += 1) list.push(standIn);
  }
  return list;
}
