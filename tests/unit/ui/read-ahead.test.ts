import { describe, expect, it } from 'vitest';
import { createReadAhead, READ_AHEAD_KEPT_MS } from '@/lib/ui/read-ahead';

/** A store over a fake read that records who was read, on a clock the test moves. */
function store() {
  let now = 1_000;
  const reads: string[] = [];
  const readAhead = createReadAhead(
    (name: string) => name,
    (name: string) => {
      reads.push(name);
      return name === 'broken' ? Promise.reject(new Error('no answer')) : Promise.resolve(`view of ${name}`);
    },
    () => now,
  );
  return { readAhead, reads, wait: (ms: number) => (now += ms) };
}

describe('the sidebar’s read-ahead of the next person’s view', () => {
  it('gives the view read ahead to the card for that person, once', async () => {
    const { readAhead, reads } = store();
    readAhead.start('jane');
    await expect(readAhead.take('jane')).resolves.toBe('view of jane');
    expect(readAhead.take('jane')).toBeUndefined();
    expect(reads).toEqual(['jane']);
  });

  it('gives nothing to a card for someone else, and drops what it held', () => {
    const { readAhead } = store();
    readAhead.start('jane');
    expect(readAhead.take('rahul')).toBeUndefined();
    expect(readAhead.take('jane')).toBeUndefined();
  });

  it('keeps one read at a time: the latest person replaces the previous one', async () => {
    const { readAhead, reads } = store();
    readAhead.start('jane');
    readAhead.start('rahul');
    expect(readAhead.take('jane')).toBeUndefined();
    readAhead.start('rahul');
    await expect(readAhead.take('rahul')).resolves.toBe('view of rahul');
    expect(reads).toEqual(['jane', 'rahul', 'rahul']);
  });

  it('does not read the same person twice while the first read is fresh, and reads again after', () => {
    const { readAhead, reads, wait } = store();
    readAhead.start('jane');
    readAhead.start('jane');
    expect(reads).toEqual(['jane']);
    wait(READ_AHEAD_KEPT_MS);
    readAhead.start('jane');
    expect(reads).toEqual(['jane', 'jane']);
  });

  it('gives nothing once the read is no longer fresh', () => {
    const { readAhead, wait } = store();
    readAhead.start('jane');
    wait(READ_AHEAD_KEPT_MS);
    expect(readAhead.take('jane')).toBeUndefined();
  });

  it('drops the read when stored data changed, so a card never starts from a view older than a write', () => {
    const { readAhead } = store();
    readAhead.start('jane');
    readAhead.drop();
    expect(readAhead.take('jane')).toBeUndefined();
  });

  it('hands a failed read to the card, which reports it; an untaken failure is not unhandled', async () => {
    const { readAhead } = store();
    readAhead.start('broken');
    await expect(readAhead.take('broken')).rejects.toThrow('no answer');
    readAhead.start('broken');
    readAhead.drop();
  });
});
