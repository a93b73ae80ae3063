import { describe, expect, it } from 'vitest';
import type { DigestRow, SearchRow } from '@/lib/db/rows';
import { refreshDigests } from '@/lib/services/digests';
import { addLink } from '@/lib/services/links';
import { testClock, useTestDatabase } from '../services/helpers';
import { DAY, log, NOW, note, person } from './seed';

// A rebuild reads a dense batch (everyone queued, as after an upgrade or a large import) with one range
// query per table, and a sparse one person by person. Both must give the same digests and search rows,
// whatever else lies in the batch's id range.

const db = useTestDatabase();
const IDS = ['p00', 'p01', 'p02', 'p03', 'p04', 'p05', 'p06', 'p07', 'p08', 'p09'];

async function seedTen() {
  for (const [index, id] of IDS.entries()) {
    await person(db(), id, `Person ${index}`, { interests: [index % 2 ? 'rust' : 'climbing'] });
    await log(db(), id, NOW - (index + 1) * DAY, 'message', index % 3 ? 'me' : 'them', `hello ${index}`);
    await log(db(), id, NOW - (index + 2) * DAY, 'question-asked', 'them', `question ${index}`);
    await note(db(), id, `note about ${id}`);
  }
  // Links inside and across any batch's range: p01 to p08, p03 to p04, p09 introduced p00.
  const clock = testClock(NOW);
  await addLink(db(), { fromId: 'p01', kind: 'knows', toId: 'p08' }, clock);
  await addLink(db(), { fromId: 'p03', kind: 'works-with', toId: 'p04' }, clock);
  await addLink(db(), { fromId: 'p09', kind: 'introduced-me-to', toId: 'p00' }, clock);
}

async function rebuilt(queued: readonly string[]): Promise<Map<string, [DigestRow, SearchRow]>> {
  await db().transaction('rw', db().digestQueue, () =>
    db().digestQueue.bulkPut(queued.map((personId) => ({ personId }))),
  );
  await refreshDigests(db(), NOW);
  const rows = new Map<string, [DigestRow, SearchRow]>();
  for (const id of queued) {
    const [digest, search] = await Promise.all([db().digests.get(id), db().searchRows.get(id)]);
    if (!digest || !search) throw new Error(`No digest for ${id}`);
    rows.set(id, [digest, search]);
  }
  return rows;
}

describe('reading a batch of people for their digests', () => {
  it('gives the same rows read as a range (dense batch) as read person by person (sparse)', async () => {
    await seedTen();
    await refreshDigests(db(), NOW);
    // Everyone: one dense batch.
    const dense = await rebuilt(IDS);
    // Eight of ten, with two left out inside the range: still dense, their rows are dropped.
    const mostly = await rebuilt(IDS.filter((id) => id !== 'p03' && id !== 'p06'));
    // Two far apart: sparse, person by person.
    const sparse = await rebuilt(['p01', 'p08']);
    const single = await rebuilt(['p04']);
    for (const [id, rows] of [...mostly, ...sparse, ...single]) expect(rows).toEqual(dense.get(id));
    // And the digests do hold what was read: interactions, links from both ends, notes in search.
    const [p00, p00Search] = dense.get('p00') ?? [];
    expect(p00?.interactionCount).toBe(2);
    expect(p00?.links).toEqual([{ otherPersonId: 'p09', kind: 'knows' }]);
    expect(p00Search?.haystack).toContain('note about p00');
    expect(dense.get('p08')?.[0].links).toEqual([{ otherPersonId: 'p01', kind: 'knows' }]);
  });
});
