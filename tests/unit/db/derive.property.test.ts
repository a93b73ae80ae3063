import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkRow, nameWords, normalizeTags, TAG_MAX_LENGTH, TAGS_PER_KIND_MAX } from '@/lib/db/derive';

describe('normalizeTags', () => {
  it('is idempotent, bounded, trimmed and unique case-insensitively', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 60 }), (tags) => {
        const once = normalizeTags(tags);
        expect(normalizeTags(once)).toEqual(once);
        expect(once.length).toBeLessThanOrEqual(TAGS_PER_KIND_MAX);
        for (const tag of once) {
          expect(tag.length).toBeGreaterThan(0);
          expect(tag.length).toBeLessThanOrEqual(TAG_MAX_LENGTH);
          expect(tag).toBe(tag.trim());
        }
        expect(new Set(once.map((tag) => tag.toLowerCase())).size).toBe(once.length);
      }),
    );
  });

  it('keeps the first spelling and the order', () => {
    expect(normalizeTags(['  Rust ', 'rust', 'Go', 'RUST', 'go lang', 'Go  Lang'])).toEqual([
      'Rust',
      'Go',
      'go lang',
    ]);
  });
});

describe('nameWords', () => {
  it('lower-cases and splits on spaces and punctuation', () => {
    expect(nameWords('Mary-Jane  O’Neil (PhD)')).toEqual(['mary', 'jane', 'o’neil', 'phd']);
  });
});

describe('linkRow', () => {
  it('stores symmetric kinds in one order and keeps introductions directed', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        expect(linkRow(a, 'knows', b, 0)).toEqual(linkRow(b, 'knows', a, 0));
        expect(linkRow(a, 'introduced-me-to', b, 0)).toMatchObject({ fromId: a, toId: b });
      }),
    );
  });
});
