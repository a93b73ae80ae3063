import { utcDay } from './dates';

// Value decoding for vcard-import.ts: quoted-printable (2.1), TEXT escapes, structured values, birthdays.

/** A birthday; year null for the year-less `BDAY:--1127`. */
export type Birthday = { year: number | null; month: number; day: number };

export function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (value[i] !== '=') {
      bytes.push(...new TextEncoder().encode(value[i]));
    }
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** TEXT unescaping (`\n`, `\,`, `\;`, `\\`); a backslash before anything else stands for that character. */
export function unescapeText(value: string): string {
  return value.replace(/\\(.)/gs, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Components split on unescaped semicolons (N: family;given;additional;prefix;suffix). */
export function components(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') current += value.slice(i, ++i + 1);
    else if (value[i] === ';') {
      parts.push(current);
      current = '';
    } else current += value[i];
  }
  parts.push(current);
  return parts.map(unescapeText);
}

export function birthday(value: string): Birthday | undefined {
  const yearless = /^--(\d{2})-?(\d{2})$/.exec(value);
  const full = /^(\d{4})-?(\d{2})-?(\d{2})(?:T[\d:.]*(?:Z|[+-][\d:]+)?)?$/.exec(value);
  const [year, month, day] = yearless
    ? [null, yearless[1], yearless[2]]
    : full
      ? [full[1], full[2], full[3]]
      : [];
  if (month === undefined || day === undefined) return undefined;
  // A year-less day is checked against a leap year, so --0229 stays valid.
  if (utcDay(year === null ? 2000 : Number(year), Number(month), Number(day)) === null) return undefined;
  return { year: year === null ? null : Number(year), month: Number(month), day: Number(day) };
}
