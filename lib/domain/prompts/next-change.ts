// When the prompts computed at ctx.now next change by time alone (no write): the earliest moment a rule's
// yes/no answer flips for someone. A cached list of prompts is exact until then, except for what drifts
// continuously (tie scores, "3 days ago" in a reason, the order inside a band): callers also cap its age.

import type { FollowUp } from '../cadence';
import { MS_PER_DAY } from '../time';
import { QUIET_DAYS } from './ask-question';
import { followUpOf, type PersonFacts, type PromptContext } from './context';
import { SUCCESS_FRESH_DAYS } from './scoring';
import type { PromptPerson, PromptState } from './types';

const FRESH_MS = SUCCESS_FRESH_DAYS * MS_PER_DAY;

export interface NextChange {
  /** A prompt appears or goes (a follow-up falls due, a snooze ends, a success stops being fresh...). */
  promptsAt: number;
  /** A follow-up enters the window of `upcomingDays`. */
  upcomingAt: number;
}

/** One active person's part of nextChange, and their follow-up (null with no contact and no meeting). */
export interface PersonChange extends NextChange {
  due: FollowUp | null;
}

export function personChange(facts: PersonFacts, now: number, upcomingDays: number): PersonChange {
  let promptsAt = Number.POSITIVE_INFINITY;
  let upcomingAt = Number.POSITIVE_INFINITY;
  const prompts = (at: number) => {
    if (at > now && at < promptsAt) promptsAt = at;
  };
  const { person, lastAt } = facts;
  const due = followUpOf(facts, now);
  if (due !== null) {
    prompts(due.dueAt);
    const enters = due.dueAt - upcomingDays * MS_PER_DAY;
    if (enters > now) upcomingAt = enters;
  }
  if (facts.focusTopics.length > 0 && lastAt !== null) prompts(lastAt + QUIET_DAYS * MS_PER_DAY);
  // A success is acknowledged while fresh; strictly after the window it is gone.
  for (const identity of person.identities)
    for (const seen of identity.headlineHistory) prompts(seen.seenAt + FRESH_MS + 1);
  // A fact logged with a later time than `now` counts as made at `now` (every rule clamps elapsed
  // time at zero), so reaching its time changes nothing: the popup's answer computed just before a
  // write stays valid after it (lib/services/popup.ts).
  for (const fact of person.interactions) if (fact.kind === 'share') prompts(fact.at + FRESH_MS + 1);
  return { promptsAt, upcomingAt, due };
}

/**
 * `people`: everyone in the input (a snoozed person comes back when the snooze ends); `states`: the
 * user's prompt states (a snoozed prompt comes back). Infinity when nothing changes by time alone.
 * `changes`: personChange of each of `ctx.active`, in its order (the caller keeps them between runs).
 */
export function nextChange(
  ctx: PromptContext,
  people: readonly PromptPerson[],
  states: readonly PromptState[],
  changes: readonly PersonChange[],
): NextChange {
  const now = ctx.now;
  let promptsAt = Number.POSITIVE_INFINITY;
  let upcomingAt = Number.POSITIVE_INFINITY;
  const prompts = (at: number) => {
    if (at > now && at < promptsAt) promptsAt = at;
  };
  for (const person of people)
    if (!person.archived && person.snoozedUntil !== null) prompts(person.snoozedUntil);
  for (const state of states)
    if (state.status === 'snoozed' && state.until !== undefined) prompts(state.until);
  for (const change of changes) {
    prompts(change.promptsAt);
    upcomingAt = Math.min(upcomingAt, change.upcomingAt);
  }
  return { promptsAt, upcomingAt: Math.min(upcomingAt, promptsAt) };
}
