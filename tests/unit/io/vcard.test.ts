import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldLine,
  parseVCards,
  serializeVCards,
  type VCardContact,
  vcardContactsFromBackup,
} from '../../../lib/io';
import { jane } from './arbitraries';

const octets = (line: string) => new TextEncoder().encode(line).length;
const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

describe('vCard export', () => {
  it('escapes text, writes social profiles and folds at 75 octets, UTF-8 safe', () => {
    const text = serializeVCards([
      {
        name: 'Zoë; Müller, Jr.',
        emails: ['zoe@example.com'],
        urls: ['https://www.linkedin.com/in/zoe/', 'javascript:alert(1)', 'https://example.com/'],
        note: `a\\b\nc;d,e ${'ü😀'.repeat(60)}`,
      },
    ]);
    expect(text).toContain('\r\nFN:Zoë\\; Müller\\, Jr.\r\n');
    expect(text).toContain('URL;TYPE=linkedin:https://www.linkedin.com/in/zoe/\r\n');
    expect(text).toContain('X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/zoe/\r\n');
    expect(text).not.toContain('javascript');
    expect(text).toContain('NOTE:a\\\\b\\nc\\;d\\,e ');
    for (const line of text.split('\r\n')) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/\uFFFD/);
    }
  });

  it('fold never splits a code point (property)', () => {
    fc.assert(
      // foldLine takes a content line whose value is already escaped: it never holds a raw CR or LF.
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }).map((raw) => raw.replace(/[\r\n]/g, '')),
        (s) => {
          const folded = foldLine(`NOTE:${s}`);
          const lines = folded.split('\r\n');
          expect(lines.every((l) => octets(l) <= 75)).toBe(true);
          expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`NOTE:${s}`);
        },
      ),
    );
  });

  it('round trips (property): name, emails, urls, identities, note', () => {
    const clean = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
      .map((s) => s.replace(/\s+/g, ' ').trim() || 'x');
    const contact = fc.record({
      name: fc.oneof(clean, fc.constantFrom('Zoë; Müller, \\ "x"', '\u202Eevil', '明 李')),
      emails: fc.uniqueArray(fc.constantFrom('a@example.com', 'b@example.org'), { maxLength: 2 }),
      urls: fc.uniqueArray(
        fc.constantFrom(
          'https://www.linkedin.com/in/jane-doe/',
          'https://x.com/jack',
          'https://example.com/a,b;c',
        ),
        { maxLength: 3 },
      ),
      note: fc.option(fc.string({ unit: 'grapheme', minLength: 1 }).map((s) => s.replace(/\r\n?/g, '\n'))),
    });
    fc.assert(
      fc.property(fc.array(contact, { maxLength: 4 }), (contacts: VCardContact[]) => {
        const result = parseVCards(serializeVCards(contacts));
        expect(result.problems).toEqual([]);
        expect(result.people.map(({ name, emails, urls, note }) => ({ name, emails, urls, note }))).toEqual(
          contacts,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('exports a backup person with canonical profile URLs and notes', () => {
    const [card] = vcardContactsFromBackup({
      people: [jane],
      identities: [
        {
          network: 'linkedin',
          handle: 'jane-doe',
          personId: jane.id,
          url: 'https://de.linkedin.com/in/Jane-Doe',
          lastSeenName: null,
          lastSeenHeadline: null,
          lastSeenAvatarUrl: null,
          lastSeenAt: 1,
          headlineHistory: [],
        },
      ],
      notes: [
        { id: 'n2', personId: jane.id, text: 'second', createdAt: 2, updatedAt: 2 },
        { id: 'n1', personId: jane.id, text: 'first', createdAt: 1, updatedAt: 1 },
      ],
    });
    expect(card).toEqual({
      name: 'Jane Doe',
      emails: [],
      urls: ['https://www.linkedin.com/in/jane-doe/'],
      note: 'first\n\nsecond',
      uid: jane.id,
    });
  });
});

describe('vCard import', () => {
  it('reads 2.1 with quoted-printable, bare params, an unfolded photo and a year-less birthday', () => {
    const result = parseVCards(
      crlf([
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=',
        '=C3=BCrgen;;;',
        'EMAIL;INTERNET;PREF:j@example.de',
        'PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ',
        'AAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U',
        '',
        'BDAY:--1127',
        'NOTE;QUOTED-PRINTABLE:Caf=E9 =3D ok',
        'END:VCARD',
      ]).replace('NOTE;QUOTED-PRINTABLE:', 'NOTE;QUOTED-PRINTABLE;CHARSET=ISO-8859-1:'),
    );
    expect(result.problems).toEqual([]);
    expect(result.people).toEqual([
      expect.objectContaining({
        name: 'Jürgen Müller',
        emails: ['j@example.de'],
        birthday: { year: null, month: 11, day: 27 },
        note: 'Café = ok',
      }),
    ]);
  });

  it('reads 3.0 folded lines (space and tab), Apple item groups and escaped colons', () => {
    const result = parseVCards(
      crlf([
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Jane',
        '  Doe',
        'item1.URL;type=pref:https\\://www.linkedin.com/in/jane-doe',
        'X-SOCIALPROFILE;type=twitter;x-user=jack:https://twitter.com/jack',
        'X-SOCIALPROFILE;type=facebook:x-apple:jane',
        'NOTE:line one\\nline two\\, with comma',
        '\tand more',
        'BDAY:1985-11-27',
        'END:VCARD',
      ]),
    );
    const [jane] = result.people;
    expect(jane?.name).toBe('Jane Doe');
    expect(jane?.identities).toEqual([
      { network: 'linkedin', id: 'jane-doe' },
      { network: 'x', id: 'jack' },
    ]);
    expect(jane?.note).toBe('line one\nline two, with commaand more');
    expect(jane?.birthday).toEqual({ year: 1985, month: 11, day: 27 });
  });

  it('skips embedded photos without keeping them, and reports garbage with line numbers', () => {
    const photo = `PHOTO;ENCODING=b;TYPE=JPEG:${'A'.repeat(70)}\r\n${` ${'B'.repeat(74)}\r\n`.repeat(20_000)}`;
    const result = parseVCards(
      `BEGIN:VCARD\r\nFN:Pic\r\n${photo}this is garbage\r\nBDAY:someday\r\nEND:VCARD\r\nstray\r\nEND:VCARD\r\n`,
    );
    expect(result.people.map((p) => p.name)).toEqual(['Pic']);
    expect(JSON.stringify(result).length).toBeLessThan(1_000);
    expect(result.problems).toEqual([
      { line: 20_004, reason: 'not a vCard line: "this is garbage"' },
      { line: 20_005, reason: 'birthday "someday" is not a date' },
      { line: 20_007, reason: 'not a vCard line: "stray"' },
      { line: 20_008, reason: 'END:VCARD without BEGIN:VCARD' },
    ]);
  });

  it('keeps cards with a missing END and reports them; skips nameless cards', () => {
    const result = parseVCards(
      'BEGIN:VCARD\nFN:One\nBEGIN:VCARD\nFN:Two\nEND:VCARD\nBEGIN:VCARD\nEMAIL:x@y.z\nEND:VCARD\nBEGIN:VCARD\nFN:Three',
    );
    expect(result.people.map((p) => p.name)).toEqual(['One', 'Two', 'Three']);
    expect(result.problems).toEqual([
      { line: 1, reason: 'this card has no END:VCARD' },
      { line: 6, reason: 'a card without a name (FN or N); skipped' },
      { line: 9, reason: 'this card has no END:VCARD' },
    ]);
  });

  it('refuses other formats and oversized files with a clear problem', () => {
    expect(parseVCards('{"format":"rapport-backup"}').problems[0]?.reason).toMatch(
      /^not a vCard line|outside a card/,
    );
    expect(parseVCards('{"format":"rapport-backup"}').people).toEqual([]);
    const huge = parseVCards(`BEGIN:VCARD\r\nNOTE:${'x'.repeat(50 * 1024 * 1024)}\r\n`);
    expect(huge).toEqual({
      people: [],
      problems: [{ line: 0, reason: expect.stringMatching(/larger than/) }],
    });
  });

  it('never throws on arbitrary input (fuzz)', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'BEGIN:VCARD',
        'END:VCARD',
        'FN:x',
        ' folded',
        'N:a;b',
        'NOTE;ENCODING=QUOTED-PRINTABLE:=C3=',
        'BDAY:--0230',
        'URL:https://x.com/a',
        'PHOTO;ENCODING=b:AA',
        'AAAA',
        '',
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), fc.constantFrom('\r\n', '\n', '\r'), (lines, eol) => {
        const result = parseVCards(lines.join(eol));
        for (const person of result.people) expect(person.name.length).toBeGreaterThan(0);
        for (const problem of result.problems) expect(problem.line).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
