// Plain-text helpers for reasons and drafts. Names, headlines, tags and flagged page text come from web
// pages or the user, so everything that goes into a draft passes through plainText: no markup can survive,
// whatever the UI later does with the string.

const TAG = /<[^>]*>/g;
const ANGLE = /[<>]/g;
const CONTROL = /\p{Cc}/gu;
const SPACE = /\s+/g;

/** Anything plainText would change; most names and tags have none, and skipping the work matters at 10k people. */
const NEEDS_WORK = /[<>\p{Cc}]|\s\s|^\s|\s$|[^\S ]/u;

/** Tags removed, leftover angle brackets dropped, whitespace collapsed, at most `max` characters. */
export function plainText(value: string, max = 200): string {
  if (value.length <= max && !NEEDS_WORK.test(value)) return value;
  const text = value.replace(TAG, ' ').replace(ANGLE, '').replace(CONTROL, ' ').replace(SPACE, ' ').trim();
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** How tags are matched: "Hiring ", "hiring" and "HIRING" are one topic. Locale-free so it is deterministic. */
export function topicKey(value: string): string {
  return plainText(value, 80).toLowerCase();
}

/** topicKey with a per-call memo: the same few hundred tags recur across thousands of people. */
export function topicKeyMemo(): (value: string) => string {
  const memo = new Map<string, string>();
  return (value) => {
    let key = memo.get(value);
    if (key === undefined) {
      key = topicKey(value);
      memo.set(value, key);
    }
    return key;
  };
}

/** The greeting name: the first word of the name, or "there" ("Hi there") when there is none. */
export function firstName(name: string): string {
  return plainText(name, 80).split(' ')[0] || 'there';
}

/** Code-unit order, not locale order, so results are the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const NETWORK_NAMES = { linkedin: 'LinkedIn', facebook: 'Facebook', x: 'X' } as const;
