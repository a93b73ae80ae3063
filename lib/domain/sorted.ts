/** Where `item` goes in `sorted` (in `compare` order) to keep it sorted: after any equal items' start. */
export function insertionIndex<T>(sorted: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(sorted[middle] as T, item) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where `item` itself (the same object) is in `sorted`, or -1: found by binary search among the items
 * that compare equal to it, so a list in `compare` order is not walked. A list that is not (a comparator
 * that is not a total order, such as one reading NaN) is searched in full rather than answered wrong.
 */
export function indexInSorted<T>(sorted: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  for (let at = insertionIndex(sorted, item, compare); at < sorted.length; at += 1) {
    const there = sorted[at] as T;
    if (there === item) return at;
    if (compare(there, item) !== 0) break;
  }
  return sorted.indexOf(item);
}
