import { canonicalProfileUrl, parseProfileUrl } from '@/lib/sites/urls';
import { type CsvRow, parseCsvRows } from './csv';
import { parseLooseDate } from './dates';
import type { LineProblem } from './problems';

// LinkedIn's own data export (Settings > Data privacy > Get a copy of your data > Connections) holds
// Connections.csv: a "Notes:" preamble (a sentence about missing e-mail addresses, then a blank line) before
// the header `First Name,Last Name,URL,Email Address,Company,Position,Connected On`. URLs are empty for members
// who hide them, e-mail addresses for most. Rows are imported one by one: a bad row is reported with its line
// number and the rest of the file still counts.

export interface LinkedInConnection {
  name: string;
  identity: { network: 'linkedin'; handle: string; url: string };
  /** `Position at Company`, or whichever of the two is present; null when neither is. */
  headline: string | null;
  email?: string;
  /** UTC midnight of "Connected On", epoch ms; null when the cell was empty or unreadable (reported). */
  connectedAt: number | null;
  /** 1-based line of the row in the file, so the UI can point at it. */
  line: number;
}

export interface ConnectionsResult {
  connections: LinkedInConnection[];
  problems: LineProblem[];
}

export const CONNECTIONS_MAX_CHARS = 20 * 1024 * 1024;
const MAX_ROWS = 100_000;
const MAX_FIELD = 1_000;
const COLUMNS = {
  first: 'first name',
  last: 'last name',
  url: 'url',
  email: 'email address',
  company: 'company',
  position: 'position',
  connectedOn: 'connected on',
} as const;
type Column = keyof typeof COLUMNS;

// Control characters are never part of a name; bidi marks are kept (RTL names use them) and are the
// renderer's job to isolate.
const clean = (raw: string | undefined) =>
  (raw ?? '')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_FIELD);

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

type RawRow = CsvRow;

/** Rows with the line each starts on (a quoted cell may span lines, so rows and lines differ). */
function readRows(text: string): RawRow[] {
  // One more than the cap, so the caller can tell that the file went past it.
  return parseCsvRows(text, MAX_ROWS + 1);
}

function headerIndex(cells: readonly string[]): Partial<Record<Column, number>> | null {
  const names = cells.map((cell) => clean(cell).toLowerCase());
  const index: Partial<Record<Column, number>> = {};
  for (const [column, title] of Object.entries(COLUMNS) as [Column, string][]) {
    const at = names.indexOf(title);
    if (at !== -1) index[column] = at;
  }
  return index.first !== undefined && index.url !== undefined ? index : null;
}

function headline(position: string, company: string): string | null {
  if (position && company) return `${position} at ${company}`;
  return position || company || null;
}

/** Parses the text of Connections.csv. Never throws. */
export function parseLinkedInConnections(text: string): ConnectionsResult {
  const problems: LineProblem[] = [];
  if (typeof text !== 'string') return { connections: [], problems: [{ line: 0, reason: 'not text' }] };
  if (text.length > CONNECTIONS_MAX_CHARS) {
    return {
      connections: [],
      problems: [{ line: 0, reason: `the file is larger than ${CONNECTIONS_MAX_CHARS} characters` }],
    };
  }
  const rows = readRows(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const headerAt = rows.findIndex((row) => headerIndex(row.cells) !== null);
  const header = headerAt === -1 ? null : headerIndex(rows[headerAt]?.cells ?? []);
  if (header === null) {
    const reason = 'no "First Name,Last Name,URL,…" header: this is not LinkedIn\'s Connections.csv';
    return { connections: [], problems: [{ line: 1, reason }] };
  }
  const byHandle = new Map<string, LinkedInConnection>();
  for (const { cells, line } of rows.slice(headerAt + 1, MAX_ROWS)) {
    const cell = (column: Column) => {
      const at = header[column];
      return at === undefined ? '' : clean(cells[at]);
    };
    if (cells.every((value) => value.trim() === '')) continue;
    const name = [cell('first'), cell('last')].filter(Boolean).join(' ');
    const rawUrl = cell('url');
    if (name === '') {
      problems.push({ line, reason: 'no name' });
      continue;
    }
    if (rawUrl === '') {
      problems.push({
        line,
        reason: `${name}: no profile URL (LinkedIn leaves it out when a member hides it)`,
      });
      continue;
    }
    const ref = parseProfileUrl(rawUrl);
    if (ref === null || ref.network !== 'linkedin') {
      problems.push({ line, reason: `${name}: "${rawUrl.slice(0, 200)}" is not a LinkedIn profile URL` });
      continue;
    }
    const connection: LinkedInConnection = {
      name,
      identity: { network: 'linkedin', handle: ref.id, url: canonicalProfileUrl(ref) },
      headline: headline(cell('position'), cell('company')),
      connectedAt: null,
      line,
    };
    const email = cell('email');
    if (EMAIL.test(email)) connection.email = email;
    else if (email !== '')
      problems.push({ line, reason: `${name}: "${email}" is not an e-mail address; left out` });
    const connectedOn = cell('connectedOn');
    if (connectedOn !== '') {
      const date = parseLooseDate(connectedOn);
      if (date.ok) connection.connectedAt = date.ms;
      else problems.push({ line, reason: `${name}: Connected On ${date.reason}` });
    }
    const first = byHandle.get(ref.id);
    if (first === undefined) {
      byHandle.set(ref.id, connection);
      continue;
    }
    // The same member twice (a re-saved or concatenated file): one connection, gaps filled from the later row.
    problems.push({ line, reason: `${name}: the same profile as line ${first.line}; merged` });
    first.headline ??= connection.headline;
    first.connectedAt ??= connection.connectedAt;
    if (first.email === undefined && connection.email !== undefined) first.email = connection.email;
  }
  if (rows.length > MAX_ROWS) problems.push({ line: 0, reason: `only the first ${MAX_ROWS} rows were read` });
  return { connections: [...byHandle.values()], problems };
}
