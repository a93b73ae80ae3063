// Shared by the parsers: how a refusal names where it happened. zod/mini ships no messages ("Invalid input"),
// and setting a global locale would change every other schema in the extension, so issues are worded here.

/** A problem with one line of an imported file; the rest of the file is still read. */
export interface LineProblem {
  line: number;
  reason: string;
}

/** Where a refusal happened: `people[3].name`, `settings["theme"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(file)' : out;
}

interface IssueLike {
  code?: string;
  path?: readonly PropertyKey[];
  message?: string;
  origin?: string;
  expected?: string;
  maximum?: unknown;
  minimum?: unknown;
  keys?: readonly string[];
  values?: readonly unknown[];
  format?: string;
  issues?: readonly IssueLike[];
}

function describe(issue: IssueLike, missing = false): string {
  if (missing) return 'missing';
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1)
    return 'must not be empty';
  const noun = issue.origin === 'string' ? 'characters' : issue.origin === 'array' ? 'items' : null;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected ?? 'another type'}`;
    case 'too_big':
      return noun ? `more than ${String(issue.maximum)} ${noun}` : `greater than ${String(issue.maximum)}`;
    case 'too_small':
      return noun ? `fewer than ${String(issue.minimum)} ${noun}` : `less than ${String(issue.minimum)}`;
    case 'unrecognized_keys':
      return `unknown field ${(issue.keys ?? []).map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_key':
      return `invalid key (${(issue.issues ?? []).map((inner) => describe(inner)).join('; ')})`;
    case 'invalid_format':
      return `invalid ${issue.format ?? 'format'}`;
    default:
      // Custom refinements carry their own wording; zod's default "Invalid input" is kept as a last resort.
      return issue.message ?? 'invalid value';
  }
}

function isMissing(root: unknown, path: readonly PropertyKey[]): boolean {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return true;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return false;
}

/** One line per issue: `people[3].name: more than 1000 characters`; `root` tells a missing field apart. */
export function formatIssues(issues: readonly IssueLike[], root?: unknown): string[] {
  return issues.map((issue) => {
    const path = issue.path ?? [];
    const missing = root !== undefined && isMissing(root, path);
    return `${formatPath(path)}: ${describe(issue, missing)}`;
  });
}

/** At most `max` messages, the rest summarised, so a hostile file cannot produce a megabyte of errors. */
export function capErrors(errors: readonly string[], max = 50): string[] {
  if (errors.length <= max) return [...errors];
  return [...errors.slice(0, max), `… and ${errors.length - max} more problems`];
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
