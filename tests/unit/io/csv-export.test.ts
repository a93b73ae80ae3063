import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  neutralizeCsvCell,
  PEOPLE_CSV_COLUMNS,
  peopleCsvRows,
  peopleToCsv,
  restoreCsvCell,
} from '../../../lib/io';
import { backupArb, jane } from './arbitraries';

const readBack = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.map((row) =>
    row.map(restoreCsvCell),
  );

describe('people CSV', () => {
  it('neutralises every formula start (OWASP) and nothing else', () => {
    for (const cell of ['=1+1', '+1', "-2+3+cmd|' /C calc'!A0", '@SUM(A1)', '\t=x', '\r=x', "'=x"]) {
      expect(neutralizeCsvCell(cell)).toBe(`'${cell}`);
    }
    expect(neutralizeCsvCell('Jane = CEO')).toBe('Jane = CEO');
    expect(neutralizeCsvCell('')).toBe('');
  });

  it('writes a header, BOM, CRLF and quoted cells; hostile names stay inert', () => {
    const csv = peopleToCsv({
      people: [{ ...jane, name: '=HYPERLINK("http://evil.example","x")', howWeMet: 'a, "b"\nc' }],
      identities: [],
      interactions: [
        {
          id: 'i',
          personId: jane.id,
          at: Date.UTC(2026, 10, 27),
          kind: 'message',
          direction: 'them',
          channel: 'linkedin',
          text: null,
          sourceUrl: null,
          createdAt: 1,
          updatedAt: 1,
        },
      ],
      ties: new Map([[jane.id, { score: 0.456, strong: false }]]),
    });
    expect(csv.startsWith('\uFEFF"Name","LinkedIn"')).toBe(true);
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...PEOPLE_CSV_COLUMNS]);
    expect(rows[1]?.every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
    expect(rows[1]?.slice(4, 13)).toEqual([
      '46',
      'no',
      '70',
      '',
      '2023-07-22',
      'a, "b"\nc',
      '',
      '2026-11-27',
      '1',
    ]);
    expect(
      peopleToCsv({ people: [], identities: [], interactions: [] }, { bom: false }).startsWith('"Name"'),
    ).toBe(true);
  });

  it('round trips every cell (property), bidi and unicode included', () => {
    fc.assert(
      fc.property(backupArb, (backup) => {
        const back = readBack(peopleToCsv(backup));
        expect(back).toEqual([[...PEOPLE_CSV_COLUMNS], ...peopleCsvRows(backup)]);
      }),
      { numRuns: 100 },
    );
  });

  it('neutralise/restore is a round trip for any string', () => {
    fc.assert(fc.property(fc.string(), (s) => restoreCsvCell(neutralizeCsvCell(s)) === s));
  });
});
