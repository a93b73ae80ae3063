// Plain-words phrasing of elapsed time ("7 months ago", "3 years") for reasons and follow-up texts.
// Counts are floored: after 7.8 months the last contact was "7 months ago", the way people say it, and a
// number shown to the user is never larger than what actually elapsed.

import { MS_PER_DAY } from './time';

export type TimeUnit = 'day' | 'week' | 'month' | 'year';

/** Average Gregorian month, so that month counts do not drift over a year. */
export const DAYS_PER_MONTH = 30.4375;
export const DAYS_PER_YEAR = 365;

/**
 * The unit people would use for an elapsed time: days up to two weeks, weeks up to two months ("8 weeks",
 * never "1 month" for 60 days), months up to a year, then years. Negative input counts as zero.
 */
export function elapsedUnits(ms: number): { count: number; unit: TimeUnit } {
  const days = Math.floor(Math.max(0, ms) / MS_PER_DAY);
  if (days < 14) return { count: days, unit: 'day' };
  if (days < 61) return { count: Math.floor(days / 7), unit: 'week' };
  if (days < DAYS_PER_YEAR) return { count: Math.floor(days / DAYS_PER_MONTH), unit: 'month' };
  return { count: Math.floor(days / DAYS_PER_YEAR), unit: 'year' };
}

/** "1 exchange", "12 exchanges"; `many` for irregular plurals ("1 person", "3 people"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "today", "yesterday", "3 days ago", "2 weeks ago", "7 months ago", "1 year ago". */
export function timeAgo(ms: number): string {
  const { count, unit } = elapsedUnits(ms);
  if (unit === 'day' && count === 0) return 'today';
  if (unit === 'day' && count === 1) return 'yesterday';
  return `${plural(count, unit)} ago`;
}

/** "less than a day", "1 day", "3 weeks", "3 years". */
export function timeSpan(ms: number): string {
  const { count, unit } = elapsedUnits(ms);
  if (unit === 'day' && count === 0) return 'less than a day';
  return plural(count, unit);
}
