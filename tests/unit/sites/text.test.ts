import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, MAX_TEXT_LENGTH, safeHttpUrl } from '../../../lib/sites/text';

describe('cleanText', () => {
  it.each([
    ['  Jane   Doe  ', 'Jane Doe'],
    ['Jane\n\tDoe', 'Jane Doe'],
    ['Jane\u00A0Doe', 'Jane Doe'],
    ['\u202EeoD enaJ\u202C', 'eoD enaJ'],
    ['Ja\u200Bne\u200C D\u200Doe\uFEFF', 'Jane Doe'],
    ['\u2066Jane\u2069 \u200EDoe\u200F', 'Jane Doe'],
    ['Jane\u0000\u0007 Doe', 'Jane Doe'],
    ['Jane\u00ADDoe', 'JaneDoe'],
    ['👨\u200D👩\u200D👧 Family', '👨\u200D👩\u200D👧 Family'],
    ['李四', '李四'],
    ['', null],
    ['   ', null],
    ['\u200B\u202E', null],
  ])('%j -> %j', (raw, expected) => {
    expect(cleanText(raw)).toBe(expected);
  });

  it('returns null for non-strings', () => {
    expect(cleanText(null)).toBeNull();
    expect(cleanText(undefined)).toBeNull();
  });

  it('caps long text at 200 code points, ending with an ellipsis, without splitting emoji', () => {
    const out = cleanText('😀'.repeat(10_000));
    expect(out).not.toBeNull();
    expect(Array.from(out ?? '').length).toBe(MAX_TEXT_LENGTH);
    expect(out?.endsWith('…')).toBe(true);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(cleanText('a'.repeat(200))).toBe('a'.repeat(200));
  });

  it('leaves one space where a control character stood between two (found by the property below)', () => {
    expect(cleanText('Jane \u0001 Doe')).toBe('Jane Doe');
    expect(cleanText('Jane \u0085 Doe')).toBe('Jane Doe');
  });

  it('always returns trimmed, single-spaced, bounded text without bidi or control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (raw) => {
        const out = cleanText(raw);
        if (out === null) return;
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/\s\s/);
        expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\uFEFF]/);
        expect(out).not.toMatch(/\p{Cc}/u);
        expect(Array.from(out).length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://pbs.twimg.com/profile_images/1/a.jpg', 'https://pbs.twimg.com/profile_images/1/a.jpg'],
    ['http://example.com/a.png', 'http://example.com/a.png'],
    ['  https://example.com/a.png ', 'https://example.com/a.png'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:image/png;base64,AAAA', null],
    ['blob:https://x.com/1', null],
    ['ftp://example.com/a.png', null],
    ['https://user:pw@example.com/a.png', null],
    ['//example.com/a.png', null],
    ['', null],
  ])('%s -> %s', (raw, expected) => {
    expect(safeHttpUrl(raw)).toBe(expected);
  });

  it('resolves relative URLs against a base', () => {
    expect(safeHttpUrl('/a.png', 'https://x.com/jane')).toBe('https://x.com/a.png');
    expect(safeHttpUrl('javascript:alert(1)', 'https://x.com/jane')).toBeNull();
  });
});

// cleanText skips its Unicode-class patterns where they cannot match (no joiner) or where a plain class
// says the same (Cc): what it gives is what the patterns give, for any text.
describe('cleanText against its Unicode patterns', () => {
  const reference = (raw: string): string | null => {
    const text = raw
      .replace(
        /[\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g,
        '',
      )
      .replace(
        /(?<!\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)\u200D|\u200D(?!\p{Extended_Pictographic})/gu,
        '',
      )
      .replace(/[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g, ' ')
      .replace(/\p{Cc}/gu, '')
      .replace(/ {2,}/g, ' ')
      .trim();
    return text === '' ? null : text;
  };
  const pieces = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 6 }),
    fc.constantFrom('\u200D', '👨', '\uFE0F', '🏽', '\u0085', '\u009F', '\u007F', '\u0000', ' ', '\t'),
  );

  it('gives what the Unicode patterns give', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const raw = parts.join('');
        expect(cleanText(raw, 10_000)).toBe(reference(raw));
      }),
      { seed: 11, numRuns: 2_000 },
    );
  });

  it('removes every Cc control character, and no other character of the first plane', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (/\s/.test(char) || /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/.test(char))
        continue;
      expect(cleanText(`a${char}b`)).toBe(/\p{Cc}/u.test(char) ? 'ab' : `a${char}b`);
    }
  });
});
