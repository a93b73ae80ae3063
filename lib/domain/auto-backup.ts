// Whether an automatic backup file is due. Pure: the worker's hourly alarm asks this with the settings,
// whether the browser lets Rapport download, and the time; lib/services/auto-backup.ts acts on the answer.

import { assertTime, MS_PER_DAY } from './time';

/** The folder inside the browser's download folder the files go to. */
export const AUTO_BACKUP_FOLDER = 'Rapport backups';

/**
 * The worker checks once an hour, so a check may come up to an hour after the period is over. A check up
 * to half of that early counts as on time: otherwise that lateness would add up, and a daily backup made
 * at 09:10 would move to 10:10, then 11:10, one hour a day.
 */
export const AUTO_BACKUP_CHECK_MINUTES = 60;
export const AUTO_BACKUP_EARLY_MS = (AUTO_BACKUP_CHECK_MINUTES / 2) * 60_000;

export interface AutoBackupInput {
  enabled: boolean;
  everyDays: number;
  /** The last backup of either kind (downloaded from the options page or saved automatically); null: none. */
  lastAt: number | null;
  /** The browser holds the `downloads` permission (the user can revoke it in the browser's settings). */
  permitted: boolean;
  now: number;
}

export type AutoBackupDecision =
  | { due: true }
  | { due: false; why: 'off' | 'no-permission' }
  | { due: false; why: 'recent'; dueAt: number };

export function autoBackupDue(input: AutoBackupInput): AutoBackupDecision {
  const { enabled, everyDays, lastAt, permitted, now } = input;
  assertTime('now', now);
  if (!enabled) return { due: false, why: 'off' };
  if (!permitted) return { due: false, why: 'no-permission' };
  if (lastAt === null) return { due: true };
  assertTime('lastAt', lastAt);
  if (!Number.isInteger(everyDays) || everyDays < 1)
    throw new RangeError(`everyDays must be a whole number of days from 1, got ${everyDays}`);
  // A last backup later than now means the clock was set back: that time says nothing, so back up now
  // (and the new time is the one that counts from then on) rather than wait until the clock gets there.
  if (lastAt > now) return { due: true };
  const dueAt = lastAt + everyDays * MS_PER_DAY;
  return now >= dueAt - AUTO_BACKUP_EARLY_MS ? { due: true } : { due: false, why: 'recent', dueAt };
}
