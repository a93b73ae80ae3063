import { describe, expect, it } from 'vitest';
import { logInteraction } from '@/lib/services/interactions';
import { addLink } from '@/lib/services/links';
import { saveNote } from '@/lib/services/notes';
import {
  addPerson,
  archivePerson,
  deletePerson,
  editTags,
  getPerson,
  searchPeople,
  updatePerson,
} from '@/lib/services/people';
import { counts, digest, snapshot, T0, testClock, useTestDatabase } from './helpers';

const getDb = useTestDatabase();

async function add(id: string, name: string, clock = testClock()) {
  return addPerson(getDb(), { personId: id, snapshot: snapshot(id, name) }, clock);
}

describe('addPerson', () => {
  it('adds someone from a profile in one click, with every field at its default', async () => {
    const person = await add('p1', 'Jane Doe');
    expect(person).toMatchObject({ id: 'p1', name: 'Jane Doe', howWeMet: '', metAt: null, archived: false });
    expect(await getDb().identities.get(['linkedin', 'p1'])).toMatchObject({ personId: 'p1' });
  });

  it('is idempotent: a retry, or another id for a known profile, returns the same person', async () => {
    await add('p1', 'Jane Doe');
    await add('p1', 'Jane Doe');
    const again = await addPerson(
      getDb(),
      { personId: 'other', snapshot: snapshot('p1', 'Jane') },
      testClock(),
    );
    expect(again.id).toBe('p1');
    expect(await counts(getDb())).toMatchObject({ people: 1, identities: 1 });
  });

  it('names the person from the handle when the page showed no name', async () => {
    expect((await add('jane-doe', '')).name).toBe('jane-doe');
  });
});

describe('updatePerson', () => {
  it('changes only the fields in the patch and normalises tags', async () => {
    const clock = testClock();
    await add('p1', 'Jane Doe');
    clock.advance(5);
    const patch = { interests: [' Hiring ', 'hiring', 'Rust  lang', ''], closeness: 0.7 };
    const person = await updatePerson(getDb(), { personId: 'p1', patch }, clock);
    expect(person).toMatchObject({ name: 'Jane Doe', interests: ['Hiring', 'Rust lang'], closeness: 0.7 });
    expect(person.updatedAt).toBe(T0 + 5);
    expect((await getDb().people.get('p1'))?.tagKeys).toEqual(['interests:hiring', 'interests:rust lang']);
  });

  it('loses nothing when two tabs edit different fields at once', async () => {
    await add('p1', 'Jane Doe');
    const db = getDb();
    const tabA = [{ howWeMet: 'PyCon' }, { expertise: ['Kubernetes'] }, { metAt: T0 - 1000 }];
    const tabB = [{ closeness: 0.4 }, { goals: ['Find a mentor'] }, { tieOverride: 'strong' as const }];
    const clock = testClock();
    // Interleaved: each tab's edits go out without waiting for the other's.
    await Promise.all(
      tabA.flatMap((patch, i) => [
        updatePerson(db, { personId: 'p1', patch }, clock),
        updatePerson(db, { personId: 'p1', patch: tabB[i] ?? {} }, clock),
      ]),
    );
    expect(await getPerson(db, 'p1')).toMatchObject({
      howWeMet: 'PyCon',
      expertise: ['Kubernetes'],
      metAt: T0 - 1000,
      closeness: 0.4,
      goals: ['Find a mentor'],
      tieOverride: 'strong',
    });
  });

  it('clears a field set to null and keeps fields that are absent', async () => {
    const clock = testClock();
    await add('p1', 'Jane Doe');
    await updatePerson(getDb(), { personId: 'p1', patch: { closeness: 0.5, cadenceDays: 14 } }, clock);
    const person = await updatePerson(getDb(), { personId: 'p1', patch: { closeness: null } }, clock);
    expect(person).toMatchObject({ closeness: null, cadenceDays: 14 });
  });

  it('refuses an unknown person, or an introducer that does not exist or is the person', async () => {
    const clock = testClock();
    await add('p1', 'Jane Doe');
    const before = await digest(getDb());
    await expect(updatePerson(getDb(), { personId: 'nope', patch: {} }, clock)).rejects.toThrow(
      /not in Rapport/,
    );
    await expect(
      updatePerson(getDb(), { personId: 'p1', patch: { introducedBy: 'ghost' } }, clock),
    ).rejects.toThrow(/not in Rapport/);
    await expect(
      updatePerson(getDb(), { personId: 'p1', patch: { introducedBy: 'p1' } }, clock),
    ).rejects.toThrow();
    expect(await digest(getDb())).toBe(before);
  });

  it('edits single tags so that concurrent additions to one list both land', async () => {
    await add('p1', 'Jane Doe');
    const db = getDb();
    const clock = testClock();
    await updatePerson(db, { personId: 'p1', patch: { tools: ['Excel', 'Notion'] } }, clock);
    await Promise.all([
      editTags(db, { personId: 'p1', kind: 'tools', add: ['Figma'], remove: [] }, clock),
      editTags(db, { personId: 'p1', kind: 'tools', add: ['Miro', 'figma'], remove: [' excel'] }, clock),
    ]);
    expect((await getPerson(db, 'p1'))?.tools).toEqual(['Notion', 'Figma', 'Miro']);
  });

  it('archives and unarchives', async () => {
    await add('p1', 'Jane Doe');
    expect((await archivePerson(getDb(), 'p1', true, testClock())).archived).toBe(true);
    expect((await archivePerson(getDb(), 'p1', false, testClock())).archived).toBe(false);
  });
});

describe('deletePerson', () => {
  it("removes the person's rows and nothing of anyone else's", async () => {
    const db = getDb();
    const clock = testClock();
    await add('jane', 'Jane Doe');
    await add('rahul', 'Rahul Mehta');
    await add('zoe', 'Zoe Chen');
    for (const who of ['jane', 'rahul']) {
      await saveNote(
        db,
        { ref: { network: 'linkedin', id: who }, snapshot: null, noteId: `n-${who}`, text: who },
        clock,
      );
      const interaction = {
        personId: who,
        at: T0,
        kind: 'message',
        direction: 'me',
        channel: 'linkedin',
      } as const;
      await logInteraction(db, { ...interaction, id: `i-${who}`, text: null, sourceUrl: null }, clock);
    }
    await addLink(db, { fromId: 'jane', kind: 'knows', toId: 'rahul' }, clock);
    await addLink(db, { fromId: 'rahul', kind: 'introduced-me-to', toId: 'zoe' }, clock);
    await addLink(db, { fromId: 'zoe', kind: 'works-with', toId: 'jane' }, clock);
    await updatePerson(db, { personId: 'zoe', patch: { introducedBy: 'rahul' } }, clock);

    expect(await deletePerson(db, 'rahul')).toBe(true);
    expect(await deletePerson(db, 'rahul')).toBe(false);
    expect(await counts(db)).toEqual({ people: 2, identities: 2, notes: 1, interactions: 1, links: 1 });
    expect(await db.notes.get('n-jane')).toBeDefined();
    expect(await db.interactions.get('i-jane')).toBeDefined();
    expect((await getPerson(db, 'zoe'))?.introducedBy).toBeNull();
  });
});

describe('searchPeople', () => {
  it('finds people by the start of any word of their name, archived last', async () => {
    await add('a', 'Jane Doe');
    await add('b', 'John Dorsey');
    await add('c', 'Mary-Jane Watson');
    await archivePerson(getDb(), 'c', true, testClock());
    const names = async (query: string) =>
      (await searchPeople(getDb(), { query, limit: 10 })).map((person) => person.name);
    expect(await names('ja')).toEqual(['Jane Doe', 'Mary-Jane Watson']);
    expect(await names('do')).toEqual(['Jane Doe', 'John Dorsey']);
    expect(await names('J DOR')).toEqual(['John Dorsey']);
    expect(await names('  ')).toEqual([]);
    expect(await searchPeople(getDb(), { query: 'j', limit: 1 })).toHaveLength(1);
  });
});
