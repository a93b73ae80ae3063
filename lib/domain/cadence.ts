// When to follow up with someone. A fixed cadence per tie (strong ties monthly, weak ties quarterly unless
// the user sets their own) measured from the last contact: simple enough for the user to predict, which
// matters more here than cleverness.

import { assertTime, MS_PER_DAY } from './time';

/** Strong ties: about monthly, the contact frequency of Dunbar's 50-layer. */
export const STRONG_CADENCE_DAYS = 30;
/** Weak ties: quarterly keeps a weak tie alive without becoming a chore. */
export const WEAK_CADENCE_DAYS = 90;

export interface FollowUpInput {
  lastInteractionAt: number | null;
  metAt: number | null;
  /** The user's own cadence for this person; null uses the default for strong or weak ties. */
  cadenceDays: number | null;
  strong: boolean;
  snoozedUntil: number | null;
}

export type FollowUpStatus = 'overdue' | 'due-today' | 'upcoming';

export interface FollowUp {
  dueAt: number;
  /** Whole days since the due moment; 0 when not yet due or due less than a day ago. */
  overdueDays: number;
  status: FollowUpStatus;
}

/**
 * Due = (the later of the last interaction and metAt) + cadence; with neither, due now. Logging an
 * interaction moves the base forward, so it can only push the date later; metAt counts too so that a
 * backdated interaction before the meeting cannot pull the date earlier. A snooze only postpones:
 * due = max(computed, snoozedUntil).
 *
 * Status uses 24-hour periods from the due moment because domain code has no time zone: 'upcoming' before
 * it, 'due-today' during the first day after it, 'overdue' from then on. The UI may relabel by calendar day.
 */
export function followUp(input: FollowUpInput, now: number): FollowUp {
  assertTime('now', now);
  if (input.lastInteractionAt !== null) assertTime('lastInteractionAt', input.lastInteractionAt);
  if (input.metAt !== null) assertTime('metAt', input.metAt);
  if (input.snoozedUntil !== null) assertTime('snoozedUntil', input.snoozedUntil);
  const cadenceDays = input.cadenceDays ?? (input.strong ? STRONG_CADENCE_DAYS : WEAK_CADENCE_DAYS);
  if (!Number.isFinite(cadenceDays) || cadenceDays <= 0) {
    throw new RangeError(
      `cadenceDays must be a positive number of days or null for the default, got ${cadenceDays}`,
    );
  }

  const bases = [input.lastInteractionAt, input.metAt].filter((t): t is number => t !== null);
  const computed = bases.length === 0 ? now : Math.max(...bases) + cadenceDays * MS_PER_DAY;
  const dueAt = input.snoozedUntil === null ? computed : Math.max(computed, input.snoozedUntil);

  const late = now - dueAt;
  const overdueDays = late > 0 ? Math.floor(late / MS_PER_DAY) : 0;
  const status: FollowUpStatus = late < 0 ? 'upcoming' : overdueDays >= 1 ? 'overdue' : 'due-today';
  return { dueAt, overdueDays, status };
}
