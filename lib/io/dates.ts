// Dates as people and exports write them. LinkedIn writes "Connected On" as `27 Nov 2026` (English, whatever
// the account's language); older exports and spreadsheets re-saved by the user hold other shapes. A date
// that could be read two ways (03/04/2026) is refused rather than guessed.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthNumber(word: string): number | null {
  const key = word.toLowerCase().replace(/\.$/, '');
  if (key.length < 3) return null;
  const index = MONTHS.indexOf(key.slice(0, 3));
  // "Sept" and full names are accepted; "Novxyz" is not.
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september'];
  const long = [...full, 'october', 'november', 'december'][index];
  if (index === -1 || long === undefined) return null;
  return long.startsWith(key) || key === 'sept' ? index + 1 : null;
}

function fullYear(raw: string): number {
  const year = Number(raw);
  // Two-digit years from spreadsheets: LinkedIn was founded in 2003, so 00-69 is 2000s.
  return raw.length === 2 ? (year < 70 ? 2000 + year : 1900 + year) : year;
}

/** Epoch ms of UTC midnight on that day, or null when the day does not exist (31 Feb). */
export function utcDay(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1)
    return null;
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).getUTCDate() === day ? ms : null;
}

export type DateResult = { ok: true; ms: number } | { ok: false; reason: string };

type Ymd = [year: number, month: number | null, day: number] | string;

// Each shape reads its match into [year, month, day], or gives the reason it cannot.
const SHAPES: [RegExp, (m: string[]) => Ymd][] = [
  [
    /^(\d{1,2})[ -]([A-Za-z]{3,9}\.?),?[ -](\d{4}|\d{2})$/,
    (m) => [fullYear(m[3] ?? ''), monthNumber(m[2] ?? ''), Number(m[1])],
  ],
  [/^([A-Za-z]{3,9}\.?) (\d{1,2}),? (\d{4})$/, (m) => [Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2])]],
  [/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
  [
    /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/,
    (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (a <= 12 && b <= 12 && a !== b) return 'could be day/month or month/day';
      // Whichever number cannot be a month is the day.
      return a > 12 ? [Number(m[3]), b, a] : [Number(m[3]), a, b];
    },
  ],
];

/** `27 Nov 2026`, `27-Nov-26`, `Nov 27, 2026`, `November 27 2026`, `2026-11-27`, `27/11/2026`, `11/27/2026`. */
export function parseLooseDate(raw: string): DateResult {
  const text = raw.trim().replace(/\s+/g, ' ');
  for (const [shape, read] of SHAPES) {
    const match = shape.exec(text);
    if (!match) continue;
    const ymd = read([...match]);
    if (typeof ymd === 'string') return { ok: false, reason: `"${raw}" ${ymd}` };
    const [year, month, day] = ymd;
    if (month === null) return { ok: false, reason: `"${raw}" does not name a month in English` };
    const ms = utcDay(year, month, day);
    return ms === null ? { ok: false, reason: `"${raw}" is not a day of the calendar` } : { ok: true, ms };
  }
  return { ok: false, reason: `"${raw}" is not a date this importer reads (expected e.g. 27 Nov 2026)` };
}
