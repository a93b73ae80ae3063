import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type BackupContent,
  BackupSchema,
  LIMITS,
} from './backup-schema';
import { capErrors, formatIssues } from './problems';
import { type JsonLimits, safeJsonParse } from './safe-json';

// The full backup: one JSON document, pretty-printed so a refusal's line number points somewhere a person
// can look. Reading it is all-or-nothing: a backup restores the whole store, so a file with one bad row is
// refused as a whole (with every problem named) rather than restored in part.

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: string[] };

export const DEFAULT_BACKUP_LIMITS: JsonLimits = {
  maxChars: 50 * 1024 * 1024,
  // The format itself nests 5 levels (file > identities > identity > headlineHistory > entry).
  maxDepth: 20,
  // As written in the file: a note of LIMITS.longText characters may be written entirely as \uXXXX escapes.
  maxStringChars: LIMITS.longText * 6,
};

export function createBackup(content: BackupContent, now: number): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, ...content };
}

export function serializeBackup(data: Backup): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** A friendlier refusal than a JSON syntax error when someone picks the wrong file. */
function sniffOtherFormat(text: string): string | null {
  const start = text.trimStart();
  if (start.startsWith('{')) return null;
  if (/^BEGIN:VCARD/i.test(start)) return 'this is a vCard (contacts) file, not a Rapport backup';
  if (/^(notes:|first name,)/i.test(start)) return 'this is a CSV file, not a Rapport backup';
  if (start === '') return 'the file is empty';
  return 'not a Rapport backup: the file does not start with "{"';
}

function envelopeErrors(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return ['not a Rapport backup: the file is not a JSON object'];
  }
  const { format, version } = value as Record<string, unknown>;
  if (format !== BACKUP_FORMAT) {
    return [`format: expected "${BACKUP_FORMAT}", found ${JSON.stringify(format) ?? 'nothing'}`];
  }
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return [`version: the file is version ${version}; this version of Rapport reads up to ${BACKUP_VERSION}`];
  }
  return [];
}

/** Ids used twice, and references to people the file does not hold. */
function integrityErrors(data: Backup): string[] {
  const errors: string[] = [];
  const people = new Map<string, number>();
  data.people.forEach((person, i) => {
    const first = people.get(person.id);
    if (first !== undefined)
      errors.push(`people[${i}].id: "${person.id}" is already used by people[${first}]`);
    else people.set(person.id, i);
  });
  const ref = (path: string, id: string | null) => {
    if (id !== null && !people.has(id)) errors.push(`${path}: no person has the id "${id}"`);
  };
  const unique = <T>(table: string, list: readonly T[], key: (row: T) => string, field: string) => {
    const seen = new Map<string, number>();
    list.forEach((row, i) => {
      const k = key(row);
      const first = seen.get(k);
      if (first !== undefined) errors.push(`${table}[${i}].${field}: the same as ${table}[${first}]`);
      else seen.set(k, i);
    });
  };
  data.people.forEach((person, i) => {
    ref(`people[${i}].introducedBy`, person.introducedBy);
    if (person.introducedBy === person.id)
      errors.push(`people[${i}].introducedBy: a person cannot introduce themselves`);
  });
  unique('identities', data.identities, (row) => `${row.network}\u0000${row.handle}`, 'handle');
  for (const [i, row] of data.identities.entries()) ref(`identities[${i}].personId`, row.personId);
  unique('notes', data.notes, (row) => row.id, 'id');
  for (const [i, row] of data.notes.entries()) ref(`notes[${i}].personId`, row.personId);
  unique('interactions', data.interactions, (row) => row.id, 'id');
  for (const [i, row] of data.interactions.entries()) ref(`interactions[${i}].personId`, row.personId);
  unique('links', data.links, (row) => `${row.fromId}\u0000${row.kind}\u0000${row.toId}`, 'toId');
  data.links.forEach((row, i) => {
    ref(`links[${i}].fromId`, row.fromId);
    ref(`links[${i}].toId`, row.toId);
    if (row.fromId === row.toId) errors.push(`links[${i}].toId: a link from a person to themselves`);
  });
  unique('promptStates', data.promptStates, (row) => row.key, 'key');
  for (const [i, row] of data.promptStates.entries()) ref(`promptStates[${i}].personId`, row.personId);
  return errors;
}

/** Reads a backup file's text. Never throws; every refusal names the line or field it is about. */
export function parseBackup(text: string, limits: Partial<JsonLimits> = {}): ParseResult<Backup> {
  const bounds = { ...DEFAULT_BACKUP_LIMITS, ...limits };
  if (typeof text !== 'string') return { ok: false, errors: ['not text'] };
  if (text.length > bounds.maxChars) {
    return {
      ok: false,
      errors: [`the file is ${text.length} characters, more than the ${bounds.maxChars} allowed`],
    };
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const other = sniffOtherFormat(body);
  if (other !== null) return { ok: false, errors: [other] };
  const json = safeJsonParse(body, bounds);
  if (!json.ok) return json;
  const envelope = envelopeErrors(json.value);
  if (envelope.length > 0) return { ok: false, errors: envelope };
  const parsed = BackupSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, errors: capErrors(formatIssues(parsed.error.issues, json.value)) };
  const integrity = integrityErrors(parsed.data);
  if (integrity.length > 0) return { ok: false, errors: capErrors(integrity) };
  return { ok: true, data: parsed.data };
}
