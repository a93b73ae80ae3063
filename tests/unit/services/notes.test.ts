import { describe, expect, it } from 'vitest';
import type { WireProfileRef } from '@/lib/protocol/types';
import { deleteNote, saveNote } from '@/lib/services/notes';
import { getPersonView as viewAt } from '@/lib/services/person-view';
import { testClock, useTestDatabase } from './helpers';

const jane = { network: 'linkedin', id: 'jane-doe' } as const;
const janeSnapshot = {
  ...jane,
  url: 'https://www.linkedin.com/in/jane-doe/',
  name: 'Jane Doe',
  headline: 'Engineering Manager at Acme',
  avatarUrl: null,
};

const getDb = useTestDatabase();
const getPersonView = (ref: WireProfileRef) => viewAt(getDb(), ref, testClock());
const empty = {
  person: null,
  notes: [],
  details: null,
  identities: [],
  interactions: [],
  links: [],
  tie: null,
};

describe('getPersonView', () => {
  it('reports an unknown profile as not in Rapport, with no notes', async () => {
    expect(await getPersonView(jane)).toEqual({ ref: jane, ...empty });
  });
});

describe('saveNote', () => {
  it('adds someone new with the name the page showed, and stores the note', async () => {
    const clock = testClock();
    const note = await saveNote(
      getDb(),
      { ref: jane, snapshot: janeSnapshot, noteId: 'n1', text: 'Met at PyCon' },
      clock,
    );
    const view = await getPersonView(jane);
    expect(view.person?.name).toBe('Jane Doe');
    expect(view.notes).toEqual([note]);
    expect(note).toMatchObject({
      id: 'n1',
      text: 'Met at PyCon',
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    const identity = await getDb().identities.get(['linkedin', 'jane-doe']);
    expect(identity).toMatchObject({
      url: janeSnapshot.url,
      lastSeenHeadline: 'Engineering Manager at Acme',
    });
  });

  it('updates the same note when the same id is saved again (a retry never duplicates)', async () => {
    const clock = testClock();
    await saveNote(getDb(), { ref: jane, snapshot: janeSnapshot, noteId: 'n1', text: 'first' }, clock);
    clock.advance(1000);
    await saveNote(getDb(), { ref: jane, snapshot: janeSnapshot, noteId: 'n1', text: 'second' }, clock);
    await saveNote(getDb(), { ref: jane, snapshot: janeSnapshot, noteId: 'n1', text: 'second' }, clock);
    const view = await getPersonView(jane);
    expect(view.notes).toHaveLength(1);
    expect(view.notes[0]).toMatchObject({
      text: 'second',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_001_000,
    });
    expect(await getDb().people.count()).toBe(1);
  });

  it('lists notes newest first', async () => {
    const clock = testClock();
    await saveNote(getDb(), { ref: jane, snapshot: janeSnapshot, noteId: 'old', text: 'old' }, clock);
    clock.advance(60_000);
    await saveNote(getDb(), { ref: jane, snapshot: janeSnapshot, noteId: 'new', text: 'new' }, clock);
    expect((await getPersonView(jane)).notes.map((note) => note.id)).toEqual(['new', 'old']);
  });

  it('refuses to move a note to another person and changes nothing', async () => {
    const clock = testClock();
    await saveNote(getDb(), { ref: jane, snapshot: janeSnapshot, noteId: 'n1', text: 'about Jane' }, clock);
    const rahul = { network: 'linkedin', id: 'rahul-mehta' } as const;
    await expect(
      saveNote(getDb(), { ref: rahul, snapshot: null, noteId: 'n1', text: 'hijack' }, clock),
    ).rejects.toThrow(/belongs to someone else/);
    expect((await getPersonView(jane)).notes[0]?.text).toBe('about Jane');
    // The whole action is one transaction: the person it would have created is not there either.
    expect(await getPersonView(rahul)).toEqual({ ref: rahul, ...empty });
  });

  it('ignores a snapshot of another profile when naming someone new', async () => {
    const clock = testClock();
    const rahul = { network: 'linkedin', id: 'rahul-mehta' } as const;
    await saveNote(getDb(), { ref: rahul, snapshot: janeSnapshot, noteId: 'n1', text: 'x' }, clock);
    expect((await getPersonView(rahul)).person?.name).toBe('rahul-mehta');
  });
});

describe('deleteNote', () => {
  it('deletes one note and succeeds again on a retry', async () => {
    const clock = testClock();
    await saveNote(getDb(), { ref: jane, snapshot: janeSnapshot, noteId: 'n1', text: 'a' }, clock);
    await saveNote(getDb(), { ref: jane, snapshot: janeSnapshot, noteId: 'n2', text: 'b' }, clock);
    expect(await deleteNote(getDb(), 'n1')).toBe(true);
    expect(await deleteNote(getDb(), 'n1')).toBe(false);
    expect((await getPersonView(jane)).notes.map((note) => note.id)).toEqual(['n2']);
  });
});
