import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsvRows, stringifyCsv } from '@/lib/io/csv';

// The shipped CSV code is small; papaparse, a well-kept library, is the oracle it must agree with.
const cellText = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', 'é', '=', '\t', '\u202E'),
});

describe('CSV', () => {
  it('reads quoted commas, doubled quotes and line breaks inside cells, and numbers the lines', () => {
    const text = 'Name,Note\r\n"Doe, Jane","She said ""hi""\nthen left"\r\nRahul,plain\n';
    expect(parseCsvRows(text)).toEqual([
      { cells: ['Name', 'Note'], line: 1 },
      { cells: ['Doe, Jane', 'She said "hi"\nthen left'], line: 2 },
      { cells: ['Rahul', 'plain'], line: 4 },
    ]);
  });

  it('stops after the maximum number of rows', () => {
    expect(parseCsvRows('a\nb\nc\nd', 2).map((row) => row.cells)).toEqual([['a'], ['b']]);
  });

  it('writes what papaparse writes with every cell quoted (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          expect(stringifyCsv(rows)).toBe(
            Papa.unparse(rows, { quotes: true, newline: '\r\n', escapeFormulae: false }),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads back what it writes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          expect(parseCsvRows(stringifyCsv(rows)).map((row) => row.cells)).toEqual(rows);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads what papaparse reads from well-formed files (property)', () => {
    const plain = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '=', '-') });
    const cell = fc.oneof(
      plain,
      cellText.map((text) => `"${text.replace(/"/g, '""')}"`),
    );
    const file = fc
      .array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 })
      .map((rows) => rows.map((row) => row.join(',')).join('\r\n'));
    fc.assert(
      fc.property(file, (text) => {
        const oracle = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' }).data;
        // One deliberate difference: papaparse reads a final line break as one more, empty, row.
        if (text.endsWith('\r\n')) oracle.pop();
        expect(parseCsvRows(text).map((row) => row.cells)).toEqual(oracle);
      }),
      { numRuns: 500 },
    );
  });
});
