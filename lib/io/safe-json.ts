import { capErrors, lineAt } from './problems';

// JSON.parse trusts its input: a 10,000-level nesting makes any recursive walk (zod, a reviver, structured
// clone) overflow the stack, `"__proto__"` keys become own properties that a later `Object.assign` or spread
// turns into prototype pollution, and one huge string pins memory. So one linear pass over the text refuses
// these, with line numbers, before JSON.parse runs; a reviver then re-checks keys as the parser sees them.

export interface JsonLimits {
  /** UTF-16 code units; checked before anything else is done with the text. */
  maxChars: number;
  /** Objects and arrays open at once. */
  maxDepth: number;
  /** Length of any one string as written in the file (escapes included). */
  maxStringChars: number;
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; errors: string[] };

/** Keys that reach Object.prototype or a constructor when a parsed object is merged or assigned. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

class ForbiddenKeyError extends Error {}

const MAX_SCAN_ERRORS = 50;

/** The text between a string's quotes, decoded as JSON decodes it; null when its escapes are broken. */
function decodeString(text: string, start: number, end: number): string | null {
  const raw = text.slice(start + 1, end);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(start, end + 1)) as string;
  } catch {
    return null;
  }
}

/** Index of the closing quote of the string opening at `start`, or -1 when the text ends first. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i;
  }
  return -1;
}

function scan(text: string, limits: JsonLimits): string[] {
  const errors: string[] = [];
  const opened: number[] = [];
  for (let i = 0; i < text.length && errors.length < MAX_SCAN_ERRORS; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      opened.push(i);
      if (opened.length > limits.maxDepth) {
        // Stop here: the rest of a deeply nested file says nothing useful.
        errors.push(`line ${lineAt(text, i)}: nested more than ${limits.maxDepth} levels deep`);
        return errors;
      }
    } else if (c === 0x7d || c === 0x5d) {
      opened.pop();
    } else if (c === 0x22) {
      const end = stringEnd(text, i);
      if (end === -1) {
        errors.push(`truncated: the file ends inside a string that starts on line ${lineAt(text, i)}`);
        return errors;
      }
      if (end - i - 1 > limits.maxStringChars) {
        errors.push(`line ${lineAt(text, i)}: a text of ${end - i - 1} characters is longer than allowed`);
      } else {
        let next = end + 1;
        while (next < text.length && /\s/.test(text[next] ?? '')) next++;
        const key = text[next] === ':' ? decodeString(text, i, end) : null;
        if (key !== null && FORBIDDEN_KEYS.has(key)) {
          errors.push(`line ${lineAt(text, i)}: the key ${JSON.stringify(key)} is not allowed`);
        }
      }
      i = end;
    }
  }
  const open = opened.at(-1);
  if (errors.length === 0 && open !== undefined) {
    errors.push(
      `truncated: the file ends before the ${text[open] === '{' ? 'object' : 'list'} opened on line ${lineAt(text, open)} is closed`,
    );
  }
  return errors;
}

function syntaxMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const reason = message
    .replace(/\s*(in JSON )?at position \d+.*$/s, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '');
  if (/end of JSON input/i.test(message)) return 'truncated: the file ends early';
  return position?.[1] ? `line ${lineAt(text, Number(position[1]))}: ${reason}` : `not valid JSON: ${reason}`;
}

/** JSON.parse behind the checks above. Never throws. */
export function safeJsonParse(text: string, limits: JsonLimits): JsonResult {
  if (typeof text !== 'string') return { ok: false, errors: ['not text'] };
  if (text.length > limits.maxChars) {
    return {
      ok: false,
      errors: [`the file is ${text.length} characters, more than the ${limits.maxChars} allowed`],
    };
  }
  const scanErrors = scan(text, limits);
  if (scanErrors.length > 0) return { ok: false, errors: capErrors(scanErrors) };
  try {
    const value: unknown = JSON.parse(text, (key, val: unknown) => {
      if (FORBIDDEN_KEYS.has(key))
        throw new ForbiddenKeyError(`the key ${JSON.stringify(key)} is not allowed`);
      return val;
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ForbiddenKeyError) return { ok: false, errors: [error.message] };
    return { ok: false, errors: [syntaxMessage(text, error)] };
  }
}
