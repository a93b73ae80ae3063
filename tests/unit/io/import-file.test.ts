import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '@/lib/io/import-file';

const CONNECTIONS = readFileSync(resolve(import.meta.dirname, '../../fixtures/io/Connections.csv'), 'utf8');
const NOW = Date.UTC(2027, 0, 1);

describe('readImportFile: what the options page sends the worker', () => {
  it('sends a backup as it is', () => {
    const text = '{"format": "rapport-backup", "version": 1}';
    expect(readImportFile('backup', text, NOW)).toEqual({ ok: true, payload: text });
  });

  it("sends a vCard's names, profiles and notes, and none of its phones, addresses or birthdays", () => {
    const card = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Jane Doe',
      'TEL:+49 30 1234567',
      'EMAIL:jane@example.com',
      'BDAY:--1127',
      'URL:https://www.linkedin.com/in/jane-doe/',
      'NOTE:Met at the meetup',
      'END:VCARD',
      '',
    ].join('\r\n');
    const read = readImportFile('vcard', card, NOW);
    if (!read.ok) throw new Error(read.refused.join('; '));
    expect(read.payload).not.toMatch(/1234567|jane@example\.com|1127|birthday|email/i);
    expect(JSON.parse(read.payload)).toEqual({
      contacts: [
        {
          name: 'Jane Doe',
          identities: [{ network: 'linkedin', id: 'jane-doe' }],
          note: 'Met at the meetup',
          uid: null,
          line: 1,
        },
      ],
      problems: [],
    });
  });

  it("sends LinkedIn's connections read from the CSV, with the rows it could not use", () => {
    const read = readImportFile('linkedin', CONNECTIONS, NOW);
    if (!read.ok) throw new Error(read.refused.join('; '));
    const payload = JSON.parse(read.payload) as { connections: unknown[]; problems: { reason: string }[] };
    expect(payload.connections).toHaveLength(11);
    expect(payload.problems.map((p) => p.reason)).toContain(
      'Priya Raman: no profile URL (LinkedIn leaves it out when a member hides it)',
    );
  });

  it.each([
    ['backup', 'First Name,Last Name,URL\n', /looks like LinkedIn's Connections\.csv, not a Rapport backup/],
    ['vcard', '   \n', /empty/],
    ['linkedin', 'Name,Profile\n', /No connections could be read/],
    ['x', 'window.YTD.like.part0 = []', /like\.js, which names people by number only/],
  ] as const)('refuses a %s file that is not one, saying why', (kind, text, reason) => {
    const read = readImportFile(kind, text, NOW);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.refused.join('\n')).toMatch(reason);
  });
});
