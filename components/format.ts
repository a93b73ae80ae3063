// Dates and labels shown in the person view. Pure: the time zone is the browser's, `now` is passed in.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(epochMs: number): string {
  return dateTime.format(epochMs);
}

export function formatDay(epochMs: number): string {
  return dateOnly.format(epochMs);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → the value of an `<input type="date">` (local calendar day); '' for none. */
export function toDateInput(epochMs: number | null): string {
  if (epochMs === null) return '';
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An `<input type="date">` value → local noon of that day (stable across DST shifts); null for ''. */
export function fromDateInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  return new Date(Number(y), Number(m) - 1, Number(d), 12).getTime();
}

/** Links from stored data become hrefs only when they are plain web addresses (never `javascript:`). */
export function safeHref(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null;
}

export const NETWORK_LABELS: Record<string, string> = { linkedin: 'LinkedIn', facebook: 'Facebook', x: 'X' };
