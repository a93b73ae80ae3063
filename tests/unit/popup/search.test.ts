import { describe, expect, it, vi } from 'vitest';
import { refreshDigests } from '@/lib/services/digests';
import { linkIdentity } from '@/lib/services/identities';
import { deletePerson, updatePerson } from '@/lib/services/people';
import { clearAllTables } from '@/lib/services/popup-cache';
import { type SearchInput, searchAll, searchIndex } from '@/lib/services/search';
import { fullSearchIndexLoads, loadSearchIndex } from '@/lib/services/search-index';
import { testClock, useTestDatabase } from '../services/helpers';
import { log, NOW, person, seedPrompts } from './seed';

const db = useTestDatabase();
const search = (query: string, more: Partial<SearchInput> = {}) =>
  searchAll(db(), { query, strength: 'any', network: null, includeArchived: false, limit: 20, ...more }, NOW);
const ids = async (query: string, more: Partial<SearchInput> = {}) =>
  (await search(query, more)).hits.map((h) => h.personId);

describe('searchAll', () => {
  it('finds by name, handle, tag, how we met and note text, saying where', async () => {
    await seedPrompts(db());
    expect(await ids('carl')).toEqual(['carl']);
    expect(await ids('alv')).toEqual(['ana']);
    expect((await search('kubernetes')).hits[0]).toMatchObject({ personId: 'ana', matchedIn: ['expertise'] });
    expect((await search('figma')).hits[0]).toMatchObject({ personId: 'dee', matchedIn: ['tools'] });
    expect((await search('climate')).hits[0]).toMatchObject({ personId: 'carl', matchedIn: ['interests'] });
    expect((await search('lyon meetup')).hits[0]).toMatchObject({
      personId: 'ana',
      matchedIn: ['how we met'],
    });
    expect((await search('hiring designers')).hits[0]).toMatchObject({
      personId: 'dee',
      matchedIn: ['notes'],
    });
    expect(await ids('nobody-here')).toEqual([]);
  });

  it('matches handles, accents and case, and ranks name matches first', async () => {
    await person(db(), 'zoe-a', 'Zoë Ångström', { expertise: ['Rust'] });
    await person(db(), 'rusty', 'Rusty Nail');
    expect(await ids('zoe angstrom')).toEqual(['zoe-a']);
    expect(await ids('zoe-a')).toEqual(['zoe-a']);
    expect(await ids('rust')).toEqual(['rusty', 'zoe-a']);
  });

  it('marks strong and weak ties and filters by them and by network', async () => {
    await person(db(), 'sam', 'Sam Strong', { expertise: ['Hiring'], tieOverride: 'strong' });
    await person(db(), 'wes', 'Wes Weak', { expertise: ['Hiring'], tieOverride: 'weak' });
    await linkIdentity(
      db(),
      { ref: { network: 'x', id: 'wes_x' }, snapshot: null, personId: 'wes' },
      testClock(NOW),
    );
    const all = await search('hiring');
    expect(all.hits.map((h) => [h.personId, h.strong])).toEqual([
      ['sam', true],
      ['wes', false],
    ]);
    expect(await ids('hiring', { strength: 'strong' })).toEqual(['sam']);
    expect(await ids('hiring', { strength: 'weak' })).toEqual(['wes']);
    expect(await ids('hiring', { network: 'x' })).toEqual(['wes']);
    expect(await ids('', { strength: 'strong' })).toEqual(['sam']);
  });

  it('keeps ties between searches, and never past a change to what they are computed from', async () => {
    await person(db(), 'sam', 'Sam Strong', { tieOverride: 'strong' });
    await person(db(), 'wes', 'Wes Weak', {});
    expect(await ids('', { strength: 'strong' })).toEqual(['sam']);
    const digestReads = vi.spyOn(db().digests, 'bulkGet');
    // Typing on: the same candidates, no digest read and no tie computed again.
    expect(await ids('s', { strength: 'strong' })).toEqual(['sam']);
    expect(digestReads.mock.calls.flatMap(([keys]) => keys)).toEqual([]);
    await updatePerson(db(), { personId: 'wes', patch: { tieOverride: 'strong' } }, testClock(NOW));
    expect(await ids('', { strength: 'strong' })).toEqual(['sam', 'wes']);
  });

  it('leaves archived people out unless asked', async () => {
    await person(db(), 'old', 'Olga Old', { archived: true });
    expect(await ids('olga')).toEqual([]);
    expect(await ids('olga', { includeArchived: true })).toEqual(['old']);
  });

  it('sees every write since the last search: rows kept in memory are reloaded', async () => {
    await person(db(), 'ana', 'Ana Alvarez');
    expect(await ids('ana')).toEqual(['ana']);
    await person(db(), 'anatole', 'Anatole Abel');
    expect(await ids('ana')).toEqual(['ana', 'anatole']);
    await deletePerson(db(), 'ana');
    expect(await ids('ana')).toEqual(['anatole']);
    expect(await ids('beekeeping')).toEqual([]);
    await updatePerson(db(), { personId: 'anatole', patch: { interests: ['Beekeeping'] } }, testClock(NOW));
    expect(await ids('beekeeping')).toEqual(['anatole']);
  });

  it('orders name matches by name whatever the order people were added in', async () => {
    const added: [string, string][] = [
      ['p3', 'Émile Rust'],
      ['p1', 'Zed Rust'],
      ['p2', 'adam rust'],
    ];
    for (const [id, name] of added) await person(db(), id, name);
    await person(db(), 'p4', 'Someone', { interests: ['Rust'] });
    const found = await search('rust');
    expect(found.hits.map((h) => h.name)).toEqual(['adam rust', 'Émile Rust', 'Zed Rust', 'Someone']);
    expect(found.matched).toBe(4);
  });
});

describe('the search rows kept in worker memory', () => {
  /** The rows as a full read of the store gives them, in result order. */
  async function rowsAsRead() {
    const { RapportDatabase } = await import('@/lib/db/database');
    const reopened = new RapportDatabase(db().name);
    await reopened.open();
    try {
      // A store object of its own holds no index yet: this is a full read.
      return (await searchIndex(reopened, NOW)).rows;
    } finally {
      reopened.close();
    }
  }

  it('follow each write instead of reading every row again, and stay what a full read gives', async () => {
    await person(db(), 'bo', 'Bo Baker', { interests: ['Rust'] });
    await person(db(), 'zed', 'Zed Zimmer');
    expect(await ids('rust')).toEqual(['bo']);
    const loads = fullSearchIndexLoads(db());

    // A new person sorted between the others, a changed tag, a deletion, an interaction, a rename.
    await person(db(), 'cy', 'Cy Cole', { interests: ['Rust'] });
    expect(await ids('rust')).toEqual(['bo', 'cy']);
    await updatePerson(db(), { personId: 'zed', patch: { interests: ['rust'] } }, testClock(NOW));
    expect(await ids('rust')).toEqual(['bo', 'cy', 'zed']);
    await deletePerson(db(), 'bo');
    expect(await ids('rust')).toEqual(['cy', 'zed']);
    await log(db(), 'cy', NOW - 1_000, 'message', 'them');
    await updatePerson(db(), { personId: 'zed', patch: { name: 'Aaron Zimmer' } }, testClock(NOW));
    expect(await ids('rust')).toEqual(['zed', 'cy']);

    expect(fullSearchIndexLoads(db())).toBe(loads);
    expect((await searchIndex(db(), NOW)).rows).toEqual(await rowsAsRead());
  });

  it('are read again after a change they were not told of (erase everything)', async () => {
    await person(db(), 'bo', 'Bo Baker');
    expect(await ids('bo')).toEqual(['bo']);
    const loads = fullSearchIndexLoads(db());
    await db().transaction('rw', db().tables, () => clearAllTables(db()));
    expect(await ids('bo')).toEqual([]);
    expect(fullSearchIndexLoads(db())).toBe(loads + 1);
  });

  it('are read again once after a rebuild of many people (an import), not followed row by row', async () => {
    await person(db(), 'bo', 'Bo Baker');
    expect(await ids('bo')).toEqual(['bo']);
    const loads = fullSearchIndexLoads(db());
    // Written straight into the store and queued, as an import's write does: one rebuild of 100 people.
    const many = Array.from({ length: 100 }, (_, index) => `p${String(index).padStart(3, '0')}`);
    for (const id of many) await person(db(), id, `Many ${id}`);
    expect((await ids('many')).length).toBe(20);
    expect(fullSearchIndexLoads(db())).toBe(loads + 1);
    expect((await searchIndex(db(), NOW)).rows).toEqual(await rowsAsRead());
  });

  describe('read by pages, each its own transaction', () => {
    const names = ['Zoe Quinn', 'adam Rust', 'Émile Rust', 'Bo Baker', 'Cy Cole', 'Dee Diaz', 'Ana Alvarez'];
    const seed = async () => {
      for (const [index, name] of names.entries()) await person(db(), `p${index}`, name);
      await refreshDigests(db(), NOW);
    };
    const all = () => loadSearchIndex(db(), Number.POSITIVE_INFINITY);

    it('gives what one read of every row gives, merged in result order', async () => {
      await seed();
      const whole = await all();
      expect(whole.rows.map((row) => row.name)).toEqual([
        'adam Rust',
        'Ana Alvarez',
        'Bo Baker',
        'Cy Cole',
        'Dee Diaz',
        'Émile Rust',
        'Zoe Quinn',
      ]);
      let pauses = 0;
      const paged = await loadSearchIndex(db(), 2, async () => {
        pauses += 1;
      });
      expect(pauses).toBe(3);
      expect(paged).toEqual(whole);
    });

    it('starts over when a rebuild commits between two pages, and gives the rows after it', async () => {
      await seed();
      let renamed = false;
      const paged = await loadSearchIndex(db(), 2, async () => {
        if (renamed) return;
        renamed = true;
        await updatePerson(db(), { personId: 'p0', patch: { name: 'Aaron Quinn' } }, testClock(NOW));
        await refreshDigests(db(), NOW);
      });
      const after = await all();
      expect(after.rows.map((row) => row.name)).toContain('Aaron Quinn');
      expect(paged).toEqual(after);
    });

    it('reads everything at once after being overtaken twice, so writes that never stop cannot hold it', async () => {
      await seed();
      let writes = 0;
      const paged = await loadSearchIndex(db(), 2, async () => {
        writes += 1;
        await updatePerson(db(), { personId: 'p1', patch: { name: `adam Rust ${writes}` } }, testClock(NOW));
        await refreshDigests(db(), NOW);
      });
      expect(writes).toBe(3);
      expect(paged).toEqual(await all());
    });
  });
});
