import { describe, expect, it, vi } from 'vitest';
import { fullDigestReads, readEveryone } from '@/lib/services/digest-mirror';
import { refreshDigests, toPromptPerson } from '@/lib/services/digests';
import { archivePerson, deletePerson, updatePerson } from '@/lib/services/people';
import { getPopupData } from '@/lib/services/popup';
import { clearAllTables } from '@/lib/services/popup-cache';
import { searchAll } from '@/lib/services/search';
import { testClock, useTestDatabase } from '../services/helpers';
import { DAY, log, NOW, person } from './seed';

const db = useTestDatabase();

/** What a full read of the store gives, for comparison with the worker's copy. */
async function storeAsRead() {
  const digests = await db().digests.toArray();
  return digests.map(toPromptPerson);
}

describe("the worker's copy of the digests", () => {
  it('gives what the store holds after each write, reading every digest only once', async () => {
    await person(db(), 'ada', 'Ada', { interests: ['rust'] });
    await person(db(), 'bo', 'Bo');
    await refreshDigests(db(), NOW);
    expect((await readEveryone(db())).people).toEqual(await storeAsRead());
    const reads = fullDigestReads(db());

    // A logged interaction, a new person (sorted before the others), a change, a deletion.
    await log(db(), 'bo', NOW - DAY, 'message', 'them');
    await refreshDigests(db(), NOW);
    expect((await readEveryone(db())).people).toEqual(await storeAsRead());
    await person(db(), 'aaron', 'Aaron', { goals: ['hiring'] });
    await updatePerson(db(), { personId: 'ada', patch: { closeness: 0.9 } }, testClock(NOW));
    await refreshDigests(db(), NOW);
    const afterAdd = await readEveryone(db());
    expect(afterAdd.people).toEqual(await storeAsRead());
    expect(afterAdd.people.map((p) => p.id)).toEqual(['aaron', 'ada', 'bo']);
    await deletePerson(db(), 'bo');
    await refreshDigests(db(), NOW);
    expect((await readEveryone(db())).people).toEqual(await storeAsRead());

    expect(fullDigestReads(db())).toBe(reads);
  });

  it('reads everything again when the digests changed without it (erase, or another worker)', async () => {
    await person(db(), 'ada', 'Ada');
    await refreshDigests(db(), NOW);
    await readEveryone(db());
    const reads = fullDigestReads(db());
    await db().transaction('rw', db().tables, () => clearAllTables(db()));
    expect((await readEveryone(db())).people).toEqual([]);
    expect(fullDigestReads(db())).toBe(reads + 1);
  });

  it('gives the popup the same answer as a computation from a full read', async () => {
    await person(db(), 'ada', 'Ada', { interests: ['rust'], closeness: 0.8 });
    await person(db(), 'bo', 'Bo', { interests: ['rust'] });
    await log(db(), 'ada', NOW - 200 * DAY, 'message', 'me');
    await getPopupData(db(), NOW, { tabProfile: null });
    await log(db(), 'bo', NOW - 2 * DAY, 'question-asked', 'them', 'What do you use for tracing?');
    const followed = await getPopupData(db(), NOW, { tabProfile: null });

    // The same store, opened afresh (a restarted worker: no copy), answers the same.
    const { RapportDatabase } = await import('@/lib/db/database');
    const reopened = new RapportDatabase(db().name);
    await reopened.open();
    await reopened.transaction('rw', reopened.popupCache, () => reopened.popupCache.clear());
    const fresh = await getPopupData(reopened, NOW, { tabProfile: null });
    reopened.close();
    expect(followed.prompts).toEqual(fresh.prompts);
    expect(followed.counts).toEqual(fresh.counts);
    expect(followed.prompts.some((p) => p.people.some((one) => one.id === 'bo'))).toBe(true);
  });

  it('gives search the same ties as the digests and the tag index, archived people included', async () => {
    await person(db(), 'ada', 'Ada Rust', { interests: ['Rust'], closeness: 0.7 });
    await person(db(), 'bo', 'Bo Rust', { expertise: ['rust '], goals: ['Hiring'] });
    await person(db(), 'cy', 'Cy Rust', { tools: ['Figma'], closeness: 0.2 });
    await person(db(), 'dee', 'Dee Rust', { tools: ['figma'], interests: ['Hiring'] });
    await archivePerson(db(), 'dee', true, testClock(NOW));
    await log(db(), 'ada', NOW - 3 * DAY, 'message', 'them');
    await log(db(), 'bo', NOW - 90 * DAY, 'meeting', 'mutual');
    const input = {
      query: 'rust',
      strength: 'any' as const,
      network: null,
      includeArchived: true,
      limit: 10,
    };
    const focus = { interests: ['hiring'], goals: [] };

    // A store opened afresh has no copy: its search reads the digests and the tag index.
    const { RapportDatabase } = await import('@/lib/db/database');
    const reopened = new RapportDatabase(db().name);
    await reopened.open();
    const fromStore = await searchAll(reopened, input, NOW, focus);
    reopened.close();

    await readEveryone(db());
    const digestReads = vi.spyOn(db().digests, 'bulkGet');
    const fromCopy = await searchAll(db(), input, NOW, focus);
    expect(digestReads).not.toHaveBeenCalled();
    expect(fromCopy.hits.map((h) => h.personId).sort()).toEqual(['ada', 'bo', 'cy', 'dee']);
    expect(fromCopy).toEqual(fromStore);
  });
});
