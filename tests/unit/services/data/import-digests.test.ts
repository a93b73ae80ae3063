import { describe, expect, it } from 'vitest';
import type { RapportDatabase } from '@/lib/db/database';
import { writerQueuesPeople } from '@/lib/db/digest-queue';
import { exportData } from '@/lib/services/data/export';
import { applyImport } from '@/lib/services/data/import';
import { refreshDigests } from '@/lib/services/digests';
import { T0, useTestDatabase } from '../helpers';
import { seed } from './seed';

// A backup import queues the people it touches for their digests itself (its plan has read every row it
// overwrites), instead of the database's middleware reading each row again as it is written. Whatever it
// writes, the digests it leaves must be those a rebuild of everyone gives.

const db = useTestDatabase();
const importClock = { now: () => T0, newId: () => crypto.randomUUID() };

/** Digests and search rows after the queue is drained. */
async function drained(store: RapportDatabase): Promise<string> {
  await refreshDigests(store, T0);
  return JSON.stringify([await store.digests.toArray(), await store.searchRows.toArray()]);
}

/** The same, rebuilt from nothing for every person. */
async function rebuiltForEveryone(store: RapportDatabase): Promise<string> {
  await store.transaction(
    'rw',
    store.digests,
    store.searchRows,
    store.digestQueue,
    store.people,
    async () => {
      await store.digests.clear();
      await store.searchRows.clear();
      const ids = await store.people.toCollection().primaryKeys();
      await store.digestQueue.bulkPut(ids.map((personId) => ({ personId })));
    },
  );
  return drained(store);
}

interface BackupJson {
  people: { id: string; updatedAt: number }[];
  notes: { id: string; personId: string; text: string; updatedAt: number }[];
  interactions: { id: string; personId: string; updatedAt: number }[];
}

async function backupJson(): Promise<BackupJson> {
  return JSON.parse((await exportData(db(), {}, T0)).text) as BackupJson;
}

const asBackup = (data: BackupJson, mode: 'merge' | 'replace') => ({
  kind: 'backup' as const,
  mode,
  text: JSON.stringify(data),
});

describe('digests after a backup import', () => {
  it('merge: a note and an interaction that move to another person leave both people’s digests right', async () => {
    await seed(db());
    await drained(db());
    const data = await backupJson();
    const note = data.notes.find((row) => row.personId === 'jane');
    const interaction = data.interactions.find((row) => row.personId === 'jane');
    if (!note || !interaction) throw new Error('the seed has a note and an interaction about Jane');
    Object.assign(note, { personId: 'rahul', text: 'Moved to Rahul', updatedAt: note.updatedAt + 60_000 });
    Object.assign(interaction, { personId: 'ada', updatedAt: interaction.updatedAt + 60_000 });

    const { report } = await applyImport(db(), asBackup(data, 'merge'), importClock);
    expect(report.applied).toBe(true);
    expect(report.records.updated).toBe(2);

    const after = await drained(db());
    // Jane's search row no longer holds the note's text; Rahul's does.
    const rows = await db().searchRows.bulkGet(['jane', 'rahul']);
    expect(JSON.stringify(rows[0])).not.toContain('moved to rahul');
    expect(JSON.stringify(rows[1])).toContain('moved to rahul');
    expect(after).toBe(await rebuiltForEveryone(db()));
  });

  it('replace: the digests are the file’s people’s, and nobody else’s', async () => {
    await seed(db());
    await drained(db());
    const data = await backupJson();
    const kept = data.people.filter((person) => person.id !== 'ada');
    const file = {
      ...data,
      people: kept,
      notes: data.notes.filter((row) => row.personId !== 'ada'),
      interactions: data.interactions.filter((row) => row.personId !== 'ada'),
      identities: (data as unknown as { identities: { personId: string }[] }).identities.filter(
        (row) => row.personId !== 'ada',
      ),
      links: [],
    };
    const { report } = await applyImport(db(), asBackup(file, 'replace'), importClock);
    expect(report.applied).toBe(true);

    const after = await drained(db());
    expect((await db().digests.toCollection().primaryKeys()).sort()).toEqual(kept.map((p) => p.id).sort());
    expect(after).toBe(await rebuiltForEveryone(db()));
  });
});

describe('a writer that queues its people itself', () => {
  it('is trusted only in the transaction it marked: the middleware neither reads nor queues there', async () => {
    await seed(db());
    await drained(db());
    const commits: number[] = [];
    db().onDataChange(() => commits.push(commits.length));
    const note = (id: string) => ({ id, personId: 'rahul', text: id, createdAt: T0, updatedAt: T0 });

    await db().transaction('rw', db().notes, async (transaction) => {
      writerQueuesPeople(transaction.idbtrans);
      await db().notes.put(note('marked'));
    });
    expect(await db().digestQueue.count()).toBe(0);
    // The badge and open views still hear of the write.
    expect(commits).toHaveLength(1);

    await db().transaction('rw', db().notes, () => db().notes.put(note('unmarked')));
    expect(await db().digestQueue.toCollection().primaryKeys()).toEqual(['rahul']);
    expect(commits).toHaveLength(2);
  });
});
