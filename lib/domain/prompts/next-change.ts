// When the prompts computed at ctx.now next change by time alone (no write): the earliest moment a rule's
// yes/no answer flips for someone. A cached list of prompts is exact until then, except for what drifts
// continuously (tie scores, "3 days ago" in a reason, the order inside a band): callers also cap its age.

import type { FollowUp } from '../cadence';
import { MS_PER_DAY } from '../time';
import { QUIET_DAYS } from './ask-question';
import { followUpOf, type PersonFacts } from './context';
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

/** The earliest time of `items` after `now` (`timeOf` null or undefined: none); Infinity when none is. */
function firstAfter<T>(items: readonly T[], now: number, timeOf: (item: T) => number | null | undefined) {
  let at = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const time = timeOf(item);
    if (time != null && time > now && time < at) at = time;
  }
  return at;
}

/** When the first snoozed person (not archived) comes back after `now`; Infinity when none does. */
export const snoozedPeopleBackAt = (people: readonly PromptPerson[], now: number): number =>
  firstAfter(people, now, (person) => (person.archived ? null : person.snoozedUntil));

/** When the first snoozed prompt comes back after `now`; Infinity when none does. */
export const snoozedPromptsBackAt = (states: readonly PromptState[], now: number): number =>
  firstAfter(states, now, (state) => (state.status === 'snoozed' ? state.until : null));
