import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertionIndex } from '@/lib/domain/sorted';

const byNumber = (a: number, b: number) => a - b;

describe('insertionIndex', () => {
  it('finds the place that keeps a sorted list sorted, before items that compare equal', () => {
    expect(insertionIndex([], 5, byNumber)).toBe(0);
    expect(insertionIndex([1, 3, 5], 0, byNumber)).toBe(0);
    expect(insertionIndex([1, 3, 5], 4, byNumber)).toBe(2);
    expect(insertionIndex([1, 3, 5], 9, byNumber)).toBe(3);
    expect(insertionIndex([1, 3, 3, 5], 3, byNumber)).toBe(1);
  });

  it('building a list by inserting each item at its place sorts it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (items) => {
        const built: number[] = [];
        for (const item of items) built.splice(insertionIndex(built, item, byNumber), 0, item);
        expect(built).toEqual([...items].sort(byNumber));
      }),
    );
  });
});
