import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportPerson, personExportText, serializePersonExport } from '../../../lib/io';
import { backupArb, emptyBackup, jane } from './arbitraries';

const ana = { ...jane, id: 'p-ana', name: 'Ana Souza', introducedBy: jane.id };
const bob = { ...jane, id: 'p-bob', name: 'Bob \u202Eevil' };
const store = {
  ...emptyBackup(),
  people: [jane, ana, bob],
  notes: [
    { id: 'n1', personId: ana.id, text: 'Likes\nsailing', createdAt: 5, updatedAt: 5 },
    { id: 'n2', personId: jane.id, text: 'not Ana', createdAt: 1, updatedAt: 1 },
  ],
  links: [
    { fromId: jane.id, kind: 'introduced-me-to' as const, toId: ana.id, createdAt: 3 },
    { fromId: ana.id, kind: 'knows' as const, toId: bob.id, createdAt: 4 },
    { fromId: jane.id, kind: 'works-with' as const, toId: bob.id, createdAt: 4 },
  ],
};

describe('one person export', () => {
  it("holds that person's data only, links named from their side", () => {
    const data = exportPerson(store, ana.id, 1_800_000_000_000);
    expect(data?.person).toEqual({ ...ana, introducedBy: 'Jane Doe' });
    expect(data?.notes.map((n) => n.id)).toEqual(['n1']);
    expect(data?.links).toEqual([
      { relation: 'was introduced to me by', otherName: 'Jane Doe', createdAt: 3 },
      { relation: 'knows', otherName: 'Bob \u202Eevil', createdAt: 4 },
    ]);
    expect(JSON.stringify(data)).not.toContain('p-jane');
    expect(exportPerson(store, 'nobody', 1)).toBeNull();
  });

  it('plain text names everything, times in UTC, multi-line text indented', () => {
    const data = exportPerson(store, ana.id, Date.UTC(2026, 10, 27, 10));
    const text = data ? personExportText(data) : '';
    expect(text).toContain('What Rapport holds about Ana Souza\nExported 2026-11-27T10:00:00Z');
    expect(text).toContain('  Introduced by: Jane Doe\n');
    expect(text).toContain(': Likes\n    sailing\n');
    expect(text).toContain('  knows Bob \u202Eevil (recorded');
  });

  it('round trips as JSON and never throws for any store (property)', () => {
    fc.assert(
      fc.property(backupArb, (backup) => {
        for (const person of backup.people) {
          const data = exportPerson(backup, person.id, backup.exportedAt);
          expect(data).not.toBeNull();
          if (!data) continue;
          expect(JSON.parse(serializePersonExport(data))).toEqual(data);
          expect(personExportText(data)).toContain(person.name);
        }
      }),
      { numRuns: 100 },
    );
  });
});
