// When a daily reminder set for a local time of day ("09:00") next falls. Pure: the time zone comes in as
// a function (UTC epoch ms → the local offset at that instant, in minutes east of UTC), so the rules are
// tested with any zone, daylight-saving changes included, without touching the machine's clock or zone.

import { assertTime, MS_PER_DAY } from './time';

const MS_PER_MINUTE = 60_000;

/** Local offset (minutes east of UTC, e.g. 120 for UTC+2) at a UTC instant. */
export type OffsetAt = (utcMs: number) => number;

/** Minutes after local midnight of a 24-hour "HH:MM"; null when it is not one. */
export function minutesOfDay(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * The UTC instant at which local clocks show `wall` (local wall-clock ms, as if the zone were UTC). Around
 * a change at most one transition is in reach (zones change at most twice a year), so the offsets a day
 * either side are the only candidates. A time shown twice (clocks going back) is its first showing; a time
 * never shown (clocks going forward) falls just after the gap, as `Date` does, so the reminder still comes
 * that day.
 */
export function wallToUtc(wall: number, offsetAt: OffsetAt): number {
  const before = wall - offsetAt(wall - MS_PER_DAY) * MS_PER_MINUTE;
  const after = wall - offsetAt(wall + MS_PER_DAY) * MS_PER_MINUTE;
  const shows = (utc: number) => utc + offsetAt(utc) * MS_PER_MINUTE === wall;
  if (shows(before) && shows(after)) return Math.min(before, after);
  if (shows(after)) return after;
  return before;
}

/**
 * The first instant strictly after `now` at which local clocks show `time`. Built from the calendar day,
 * never as "the last one plus 24 hours", so a daylight-saving change does not move the reminder by an hour.
 */
export function nextDailyTime(time: string, now: number, offsetAt: OffsetAt): number {
  assertTime('now', now);
  const minutes = minutesOfDay(time);
  if (minutes === null) throw new RangeError(`not a 24-hour time "HH:MM": ${JSON.stringify(time)}`);
  const localNow = now + offsetAt(now) * MS_PER_MINUTE;
  const localMidnight = Math.floor(localNow / MS_PER_DAY) * MS_PER_DAY;
  // Today's, else tomorrow's; the day after only if a zone change swallowed tomorrow's (never in practice).
  for (let day = 0; day < 3; day++) {
    const at = wallToUtc(localMidnight + day * MS_PER_DAY + minutes * MS_PER_MINUTE, offsetAt);
    if (at > now) return at;
  }
  throw new RangeError(`no ${time} within three days of ${now}`);
}
