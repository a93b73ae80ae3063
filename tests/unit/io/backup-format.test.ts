import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBackup, parseBackup, serializeBackup } from '../../../lib/io';
import { backupArb, emptyBackup, jane } from './arbitraries';

const withPeople = (people: unknown[]) => serializeBackup({ ...emptyBackup(), people } as never);
const errorsOf = (text: string) => {
  const result = parseBackup(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
};

describe('backup round trip', () => {
  it('serialize → parse gives identical data (property)', () => {
    fc.assert(
      fc.property(backupArb, (backup) => {
        expect(parseBackup(serializeBackup(backup))).toEqual({ ok: true, data: backup });
      }),
      { numRuns: 150 },
    );
  });

  it('keeps bidi controls, quotes and formulas as text', () => {
    const name = '\u202Eevil\u200F "=cmd|\' /C calc\'!A0"';
    const backup = createBackup({ ...emptyBackup(), people: [{ ...jane, name }] }, 1);
    const result = parseBackup(serializeBackup(backup));
    expect(result.ok && result.data.people[0]?.name).toBe(name);
  });

  it('accepts a byte order mark', () => {
    expect(parseBackup(`\uFEFF${serializeBackup(emptyBackup())}`).ok).toBe(true);
  });
});

describe('backup refusals', () => {
  it('names the field: people[1].name', () => {
    expect(errorsOf(withPeople([jane, { ...jane, id: 'b', name: '' }]))).toEqual([
      'people[1].name: must not be empty',
    ]);
    expect(errorsOf(withPeople([{ ...jane, closeness: 2 }]))).toEqual([
      'people[0].closeness: greater than 1',
    ]);
    const { tools: _, ...missing } = jane;
    expect(errorsOf(withPeople([missing]))).toEqual(['people[0].tools: missing']);
    expect(errorsOf(withPeople([{ ...jane, extra: 1 }]))).toEqual(['people[0]: unknown field "extra"']);
  });

  it('refuses huge fields and caps the number of messages', () => {
    expect(errorsOf(withPeople([{ ...jane, name: 'x'.repeat(1001) }]))).toEqual([
      'people[0].name: more than 1000 characters',
    ]);
    const many = Array.from({ length: 200 }, (_, i) => ({ ...jane, id: `p${i}`, archived: 'no' }));
    const errors = errorsOf(withPeople(many));
    expect(errors).toHaveLength(51);
    expect(errors.at(-1)).toBe('… and 150 more problems');
  });

  it('refuses a string longer than any field before parsing it', () => {
    const text = withPeople([{ ...jane, howWeMet: 'x'.repeat(200_000) }]);
    expect(errorsOf(text)[0]).toMatch(/^line 11: a text of 200000 characters is longer than allowed$/);
  });

  it('refuses duplicate ids and dangling references', () => {
    const backup = {
      ...emptyBackup(),
      people: [jane, { ...jane, introducedBy: 'ghost' }],
      notes: [
        { id: 'n', personId: jane.id, text: 'a', createdAt: 1, updatedAt: 1 },
        { id: 'n', personId: jane.id, text: 'b', createdAt: 1, updatedAt: 1 },
      ],
      links: [{ fromId: jane.id, kind: 'knows' as const, toId: jane.id, createdAt: 1 }],
    };
    expect(errorsOf(serializeBackup(backup))).toEqual([
      'people[1].id: "p-jane" is already used by people[0]',
      'people[1].introducedBy: no person has the id "ghost"',
      'notes[1].id: the same as notes[0]',
      'links[0].toId: a link from a person to themselves',
    ]);
  });

  it('refuses malformed and truncated JSON with a line number', () => {
    const good = serializeBackup({ ...emptyBackup(), people: [jane] });
    expect(errorsOf(good.replace('"archived": false', '"archived": false,,'))[0]).toMatch(/^line 18: /);
    expect(errorsOf(good.slice(0, good.length / 2))[0]).toMatch(/^truncated: /);
    expect(errorsOf('{"format": "rapport-backup", "version": 1, "people": "')[0]).toMatch(
      /^truncated: .*string/,
    );
    expect(errorsOf('')).toEqual(['the file is empty']);
  });

  it('refuses other formats and newer versions', () => {
    expect(errorsOf('BEGIN:VCARD\r\nFN:Jane\r\nEND:VCARD\r\n')).toEqual([
      'this is a vCard (contacts) file, not a Rapport backup',
    ]);
    expect(errorsOf('Notes:\n"x"\n\nFirst Name,Last Name')).toEqual([
      'this is a CSV file, not a Rapport backup',
    ]);
    expect(errorsOf('{"format":"something-else"}')).toEqual([
      'format: expected "rapport-backup", found "something-else"',
    ]);
    expect(errorsOf('{"format":"rapport-backup","version":2}')[0]).toMatch(/version 2; .* reads up to 1/);
    expect(errorsOf('{"format":"rapport-backup","version":0}')[0]).toMatch(/^version: /);
  });

  it('refuses prototype-polluting keys anywhere, escaped or not', () => {
    for (const key of ['__proto__', 'constructor', 'prototype', '\\u005f_proto__']) {
      const text = withPeople([jane]).replace(
        '"id": "p-jane"',
        `"id": "p-jane", "${key}": {"polluted": true}`,
      );
      expect(errorsOf(text)[0]).toMatch(
        /^line 7: the key "(__proto__|constructor|prototype)" is not allowed$/,
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // As a value, the word is just text.
    expect(parseBackup(withPeople([{ ...jane, name: '__proto__' }])).ok).toBe(true);
  });

  it('refuses 10,000 levels of nesting without overflowing the stack', () => {
    const deep = `{"format":"rapport-backup","version":1,"settings":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(errorsOf(deep)).toEqual(['line 1: nested more than 20 levels deep']);
    expect(errorsOf(`{"a":${'{"a":'.repeat(10_000)}`)).toEqual(['line 1: nested more than 20 levels deep']);
  });

  it('refuses more than 50 MB before parsing', () => {
    const huge = `{"format":"rapport-backup","pad":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    expect(errorsOf(huge)[0]).toMatch(/^the file is \d+ characters, more than the 52428800 allowed$/);
    expect(parseBackup(serializeBackup(emptyBackup()), { maxChars: 10 }).ok).toBe(false);
  });

  it('refuses javascript: links', () => {
    const identity = {
      network: 'x',
      handle: 'jack',
      personId: jane.id,
      url: 'javascript:alert(1)',
      lastSeenName: null,
      lastSeenHeadline: null,
      lastSeenAvatarUrl: null,
      lastSeenAt: 1,
      headlineHistory: [],
    };
    const text = serializeBackup({ ...emptyBackup(), people: [jane], identities: [identity] } as never);
    expect(errorsOf(text)).toEqual(['identities[0].url: must be an http(s) URL']);
  });
});

describe('backup fuzzing', () => {
  it('never throws on arbitrary text and always answers clearly', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' })), (text) => {
        const result = parseBackup(text);
        expect(result.ok ? result.data : result.errors.length).toBeTruthy();
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutations of a valid file', () => {
    fc.assert(
      fc.property(backupArb, fc.nat(), fc.nat(), fc.string({ maxLength: 3 }), (backup, a, b, insert) => {
        const text = serializeBackup(backup);
        const at = a % (text.length + 1);
        const mutated = text.slice(0, at) + insert + text.slice(at + (b % 5));
        const result = parseBackup(mutated);
        if (!result.ok) expect(result.errors.every((e) => typeof e === 'string' && e.length > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
