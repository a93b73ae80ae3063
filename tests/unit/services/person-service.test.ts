import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportDatabase } from '@/lib/db/database';
import { type Clock, getPersonView, saveNote } from '@/lib/services/person-service';

const jane = { network: 'linkedin', id: 'jane-doe' } as const;
const janeSnapshot = {
  ...jane,
  url: 'https://www.linkedin.com/in/jane-doe/',
  name: 'Jane Doe',
  headline: 'Engineering Manager at Acme',
  avatarUrl: null,
};

function testClock(start = 1_700_000_000_000): Clock & { advance: (ms: number) => void } {
  let now = start;
  let next = 0;
  return {
    now: () => now,
    newId: () => `id-${++next}`,
    advance: (ms) => {
      now += ms;
    },
  };
}

let db: RapportDatabase;
beforeEach(async () => {
  db = new RapportDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('getPersonView', () => {
  it('reports an unknown profile as not in Rapport, with no notes', async () => {
    expect(await getPersonView(db, jane)).toEqual({ ref: jane, person: null, notes: [] });
  });
});

describe('saveNote', () => {
  it('adds someone new with the name the page showed, and stores the note', async () => {
    const clock = testClock();
    const note = await saveNote(
      db,
      { ref: jane, snapshot: janeSnapshot, noteId: 'n1', text: 'Met at PyCon' },
      clock,
    );
    const view = await getPersonView(db, jane);
    expect(view.person?.name).toBe('Jane Doe');
    expect(view.notes).toEqual([note]);
    expect(note).toMatchObject({
      id: 'n1',
      text: 'Met at PyCon',
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    const identity = await db.identities.get(['linkedin', 'jane-doe']);
    expect(identity).toMatchObject({
      url: janeSnapshot.url,
      lastSeenHeadline: 'Engineering Manager at Acme',
    });
  });

  it('updates the same note when the same id is saved again (a retry never duplicates)', async () => {
    const clock = testClock();
    await saveNote(db, { ref: jane, snapshot: janeSnapshot, noteId: 'n1', text: 'first' }, clock);
    clock.advance(1000);
    await saveNote(db, { ref: jane, snapshot: janeSnapshot, noteId: 'n1', text: 'second' }, clock);
    await saveNote(db, { ref: jane, snapshot: janeSnapshot, noteId: 'n1', text: 'second' }, clock);
    const view = await getPersonView(db, jane);
    expect(view.notes).toHaveLength(1);
    expect(view.notes[0]).toMatchObject({
      text: 'second',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_001_000,
    });
    expect(await db.people.count()).toBe(1);
  });

  it('lists notes newest first', async () => {
    const clock = testClock();
    await saveNote(db, { ref: jane, snapshot: janeSnapshot, noteId: 'old', text: 'old' }, clock);
    clock.advance(60_000);
    await saveNote(db, { ref: jane, snapshot: janeSnapshot, noteId: 'new', text: 'new' }, clock);
    expect((await getPersonView(db, jane)).notes.map((note) => note.id)).toEqual(['new', 'old']);
  });

  it('refuses to move a note to another person and changes nothing', async () => {
    const clock = testClock();
    await saveNote(db, { ref: jane, snapshot: janeSnapshot, noteId: 'n1', text: 'about Jane' }, clock);
    const rahul = { network: 'linkedin', id: 'rahul-mehta' } as const;
    await expect(
      saveNote(db, { ref: rahul, snapshot: null, noteId: 'n1', text: 'hijack' }, clock),
    ).rejects.toThrow(/belongs to someone else/);
    expect((await getPersonView(db, jane)).notes[0]?.text).toBe('about Jane');
    // The whole action is one transaction: the person it would have created is not there either.
    expect(await getPersonView(db, rahul)).toEqual({ ref: rahul, person: null, notes: [] });
  });

  it('ignores a snapshot of another profile when naming someone new', async () => {
    const clock = testClock();
    const rahul = { network: 'linkedin', id: 'rahul-mehta' } as const;
    await saveNote(db, { ref: rahul, snapshot: janeSnapshot, noteId: 'n1', text: 'x' }, clock);
    expect((await getPersonView(db, rahul)).person?.name).toBe('rahul-mehta');
  });
});
