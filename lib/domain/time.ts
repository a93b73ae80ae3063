// Units and input checks shared by the domain functions. Kept apart from the phrasing (time-words.ts) so
// scoring code does not depend on wording.

export const MS_PER_DAY = 86_400_000;

/** The largest magnitude a JavaScript Date accepts; anything beyond is not a point in time. */
const MAX_TIME_MS = 8.64e15;

/**
 * Throws a RangeError naming the field when `value` is not a usable time. A NaN or infinite time always
 * means a bug upstream (the storage layer validates its rows), so failing loudly beats scoring garbage.
 */
export function assertTime(field: string, value: number): void {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_TIME_MS) {
    throw new RangeError(`${field} must be epoch milliseconds within the Date range, got ${value}`);
  }
}

/** Throws a RangeError naming the field when `value` is NaN or infinite. */
export function assertFinite(field: string, value: number): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`${field} must be a finite number, got ${value}`);
  }
}

/**
 * Days elapsed from `from` to `now` (fractional), never negative: a timestamp slightly in the future (clock skew
 * between devices, a meeting logged ahead of time) counts as "now" rather than producing negative ages.
 */
export function daysSince(from: number, now: number): number {
  return Math.max(0, (now - from) / MS_PER_DAY);
}
