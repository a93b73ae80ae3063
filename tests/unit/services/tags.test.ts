import { describe, expect, it } from 'vitest';
import { messages } from '@/lib/protocol/messages';
import { addPerson, updatePerson } from '@/lib/services/people';
import { listTags } from '@/lib/services/tags';
import { digest, snapshot, testClock, useTestDatabase } from './helpers';

const getDb = useTestDatabase();

async function person(id: string, interests: string[], goals: string[] = []) {
  const clock = testClock();
  await addPerson(getDb(), { personId: id, snapshot: snapshot(id, id) }, clock);
  await updatePerson(getDb(), { personId: id, patch: { interests, goals } }, clock);
}

describe('listTags', () => {
  it('lists the tags of one kind, most used first, then alphabetically, in the spelling stored', async () => {
    await person('a', ['Climbing', 'Design Systems'], ['Hiring']);
    await person('b', ['climbing', 'Chess']);
    await person('c', ['CLIMBING', 'design systems', 'Cooking']);
    const tags = await listTags(getDb(), { kind: 'interests', prefix: '', limit: 10 });
    expect(tags.map((t) => [t.tag.toLowerCase(), t.count])).toEqual([
      ['climbing', 3],
      ['design systems', 2],
      ['chess', 1],
      ['cooking', 1],
    ]);
    expect(['Climbing', 'climbing', 'CLIMBING']).toContain(tags[0]?.tag);
    expect(tags.find((t) => t.count === 1 && t.tag.startsWith('Ch'))?.tag).toBe('Chess');
    // Another kind's tags are not offered.
    expect(tags.some((t) => t.tag === 'Hiring')).toBe(false);
  });

  it('matches the prefix whatever its case and spacing, and honours the limit', async () => {
    await person('a', ['Climbing', 'Chess', 'Cooking', 'Art']);
    await person('b', ['Chess']);
    expect(await listTags(getDb(), { kind: 'interests', prefix: '  C', limit: 10 })).toEqual([
      { tag: 'Chess', count: 2 },
      { tag: 'Climbing', count: 1 },
      { tag: 'Cooking', count: 1 },
    ]);
    expect(await listTags(getDb(), { kind: 'interests', prefix: 'CL', limit: 10 })).toEqual([
      { tag: 'Climbing', count: 1 },
    ]);
    expect(await listTags(getDb(), { kind: 'interests', prefix: 'c', limit: 1 })).toEqual([
      { tag: 'Chess', count: 2 },
    ]);
    expect(await listTags(getDb(), { kind: 'goals', prefix: 'c', limit: 5 })).toEqual([]);
  });

  it('writes nothing, and the message refuses unbounded or malformed requests', async () => {
    await person('a', ['Climbing']);
    const before = await digest(getDb());
    await listTags(getDb(), { kind: 'interests', prefix: 'c', limit: 5 });
    expect(await digest(getDb())).toBe(before);
    const request = messages.listTags.request;
    expect(request.safeParse({ kind: 'interests', prefix: 'c', limit: 20 }).success).toBe(true);
    expect(request.safeParse({ kind: 'interests', prefix: 'c', limit: 21 }).success).toBe(false);
    expect(request.safeParse({ kind: 'interests', prefix: 'c'.repeat(61), limit: 5 }).success).toBe(false);
    expect(request.safeParse({ kind: 'hobbies', prefix: 'c', limit: 5 }).success).toBe(false);
    expect(request.safeParse({ kind: 'interests', prefix: 'c', limit: 5, all: true }).success).toBe(false);
  });
});
