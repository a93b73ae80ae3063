import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexInSorted, insertionIndex } from '@/lib/domain/sorted';

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

describe('indexInSorted', () => {
  const byValue = (a: { value: number }, b: { value: number }) => a.value - b.value;

  it('finds the item itself among items that compare equal, and -1 for an item not there', () => {
    const items = [1, 2, 2, 2, 3].map((value) => ({ value }));
    items.forEach((item, index) => {
      expect(indexInSorted(items, item, byValue)).toBe(index);
    });
    expect(indexInSorted(items, { value: 2 }, byValue)).toBe(-1);
    expect(indexInSorted(items, { value: 9 }, byValue)).toBe(-1);
  });

  it('still finds an item in a list its comparator does not order (a NaN), by searching it all', () => {
    const items = [{ value: 1 }, { value: Number.NaN }, { value: 3 }];
    items.forEach((item, index) => {
      expect(indexInSorted(items, item, byValue)).toBe(index);
    });
  });
});
