import { lazyPattern } from './lazy-pattern';

/** Longest display text we keep; longer strings are cut and end with an ellipsis. */
export const MAX_TEXT_LENGTH = 200;

// Bidi controls (LRM, RLM, ALM, embeddings/overrides, isolates) can reorder the text around a name when it is
// shown next to our UI, and zero-width characters make look-alike names; neither is part of what a reader sees.
const INVISIBLE =
  /[\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
// A zero-width joiner is kept only inside an emoji sequence (family, profession emoji), where it is visible.
// The Unicode-class pattern is built on first use (lazy-pattern.ts), and used only on text that has a
// joiner: building and first running it is a cost every profile page load paid for names that have none.
const ZWJ = '\u200D';
const strayZwj = lazyPattern(
  String.raw`(?<!\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)\u200D|\u200D(?!\p{Extended_Pictographic})`,
  'gu',
);
const WHITESPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
// Control characters left after whitespace is collapsed are never meaningful in a display name. These
// are the general category Cc, which Unicode's stability policy fixes at exactly these two ranges
// (\p{Cc} in a Unicode pattern cost its build every page load).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

/** Clean display text: strip invisible/control chars, collapse whitespace, cap length; null when empty. */
export function cleanText(raw: string | null | undefined, max = MAX_TEXT_LENGTH): string | null {
  if (typeof raw !== 'string') return null;
  const visible = raw.replace(INVISIBLE, '');
  const text = (visible.includes(ZWJ) ? visible.replace(strayZwj(), '') : visible)
    .replace(WHITESPACE, ' ')
    .replace(CONTROL, '')
    // A control character between two spaces leaves them side by side once it is gone.
    .replace(/ {2,}/g, ' ')
    .trim();
  if (text === '') return null;
  // Count code points, not UTF-16 units, so an emoji is never cut in half.
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** An absolute http(s) URL as a string, or null (never javascript:, data:, blob: ...). */
export function safeHttpUrl(raw: string | null | undefined, base?: string): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.length > 4096) return null;
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}
