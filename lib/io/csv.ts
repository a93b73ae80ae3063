/**
 * RFC 4180 CSV, the small part Rapport needs: parse comma-separated text into rows (quoted cells may hold
 * commas, doubled quotes and line breaks; CRLF, LF and CR all end rows) and write rows back with every
 * cell quoted. Shipped instead of papaparse because the background worker has an 80 KB budget and this
 * is ~1 KB; papaparse stays as the oracle the tests compare against (tests/unit/io/csv.test.ts).
 */

export interface CsvRow {
  cells: string[];
  /** 1-based line on which the row starts, for messages that name it. */
  line: number;
}

export function parseCsvRows(text: string, maxRows = Number.POSITIVE_INFINITY): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let started = false;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
    cells = [];
    cell = '';
    rowLine = line;
    started = false;
  };
  while (i < text.length && rows.length < maxRows) {
    const char = text[i] as string;
    started = true;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
        cell += char;
      }
      i++;
      continue;
    }
    if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRow();
    } else {
      cell += char;
    }
    i++;
  }
  // The last row has no line break after it; a file ending in one has no empty row after it.
  if (rows.length < maxRows && started) endRow();
  return rows;
}

/** Every cell quoted (embedded quotes doubled), rows joined by CRLF, no line break after the last. */
export function stringifyCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\r\n');
}
