import { describe, expect, it } from 'vitest';
import { lazyPattern } from '@/lib/sites/lazy-pattern';

describe('lazyPattern', () => {
  it('builds the pattern once, on first use, with its flags', () => {
    const letters = lazyPattern(String.raw`^\p{L}+$`, 'u');
    const first = letters();
    expect(first.flags).toBe('u');
    expect(first.test('李四')).toBe(true);
    expect(first.test('jane-doe')).toBe(false);
    expect(letters()).toBe(first);
  });

  it('starts each use of a global pattern from the beginning', () => {
    const digit = lazyPattern(String.raw`\p{Nd}`, 'gu');
    expect(digit().test('a1')).toBe(true);
    // Without the reset, lastIndex (2) would make this miss the digit at index 1.
    expect(digit().test('a1')).toBe(true);
  });
});
