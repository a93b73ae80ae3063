import type { BackupIdentity, BackupInteraction, BackupPerson } from './backup-schema';
import { stringifyCsv } from './csv';

// People as a spreadsheet: one row per person, tie data and tags, for the user's own analysis. Everything
// in a cell may have come from a web page (a name, a headline) or from an import, so every cell is
// neutralised against CSV injection before it is written.

/**
 * OWASP "CSV Injection" rule: a spreadsheet treats a cell beginning with `=`, `+`, `-` or `@` as a formula
 * (`=HYPERLINK(...)`, `@SUM(...)`, `-2+3+cmd|' /C calc'!A0`), and a leading tab or carriage return can hide
 * such a prefix from some parsers; prefixing the cell with a single quote makes the spreadsheet show it as
 * text. Cells are also always quoted (embedded quotes doubled) so a comma, a quote
 * or a newline in the text cannot start a new cell. The cost: such a cell reads with a visible `'` in tools
 * that are not spreadsheets (e.g. a negative number `-3` becomes `'-3`); `restoreCsvCell` undoes it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell that already starts with `'` gets one more, so restoreCsvCell can tell the two apart. */
export function neutralizeCsvCell(value: string): string {
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
}

/** The inverse of neutralizeCsvCell, for reading back a file this module wrote. */
export function restoreCsvCell(value: string): string {
  const rest = value.slice(1);
  return value.startsWith("'") && (FORMULA_START.test(rest) || rest.startsWith("'")) ? rest : value;
}

export interface TieSummary {
  /** 0..1, as lib/domain computes it; the caller passes it in, so this module stays free of the model. */
  score: number;
  strong: boolean;
}

export interface PeopleCsvInput {
  people: readonly BackupPerson[];
  identities: readonly BackupIdentity[];
  interactions: readonly BackupInteraction[];
  ties?: ReadonlyMap<string, TieSummary>;
}

export const PEOPLE_CSV_COLUMNS = [
  'Name',
  'LinkedIn',
  'Facebook',
  'X',
  'Tie strength',
  'Strong tie',
  'Closeness',
  'Tie set by you',
  'Met on',
  'How we met',
  'Introduced by',
  'Last interaction',
  'Interactions',
  'Follow up every (days)',
  'Archived',
  'Interests',
  'Goals',
  'Expertise',
  'Tools',
] as const;

/** UTC calendar date: the same file whatever the exporting computer's time zone. */
function day(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '';
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

const percent = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? '' : String(Math.round(value * 100));

/** Rows as arrays of plain strings (not yet neutralised), in PEOPLE_CSV_COLUMNS order. */
export function peopleCsvRows(input: PeopleCsvInput): string[][] {
  const names = new Map(input.people.map((p) => [p.id, p.name]));
  const lastAt = new Map<string, number>();
  const count = new Map<string, number>();
  for (const row of input.interactions) {
    count.set(row.personId, (count.get(row.personId) ?? 0) + 1);
    if (row.at > (lastAt.get(row.personId) ?? Number.NEGATIVE_INFINITY)) lastAt.set(row.personId, row.at);
  }
  return input.people.map((person) => {
    const urls = (network: BackupIdentity['network']) =>
      input.identities
        .filter((identity) => identity.personId === person.id && identity.network === network)
        .map((identity) => identity.url)
        .join(' ');
    const tie = input.ties?.get(person.id);
    return [
      person.name,
      urls('linkedin'),
      urls('facebook'),
      urls('x'),
      percent(tie?.score),
      tie === undefined ? '' : tie.strong ? 'yes' : 'no',
      percent(person.closeness),
      person.tieOverride ?? '',
      day(person.metAt),
      person.howWeMet,
      person.introducedBy === null ? '' : (names.get(person.introducedBy) ?? ''),
      day(lastAt.get(person.id) ?? null),
      String(count.get(person.id) ?? 0),
      person.cadenceDays === null ? '' : String(person.cadenceDays),
      person.archived ? 'yes' : 'no',
      person.interests.join('; '),
      person.goals.join('; '),
      person.expertise.join('; '),
      person.tools.join('; '),
    ];
  });
}

/**
 * The CSV text. Starts with a UTF-8 byte order mark (unless `bom: false`) because Excel otherwise reads
 * the file as the legacy code page and garbles every non-ASCII name; lines end in CRLF (RFC 4180).
 */
export function peopleToCsv(input: PeopleCsvInput, options: { bom?: boolean } = {}): string {
  const rows = [[...PEOPLE_CSV_COLUMNS], ...peopleCsvRows(input)].map((row) => row.map(neutralizeCsvCell));
  const csv = stringifyCsv(rows);
  return `${options.bom === false ? '' : '\uFEFF'}${csv}\r\n`;
}
