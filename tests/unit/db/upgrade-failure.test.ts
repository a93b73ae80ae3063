import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { isStorageError, RapportDatabase } from '@/lib/db/database';
import { openFailureMessage } from '@/lib/db/open-failure';
import { parseBackup } from '@/lib/io';
import type { TabProfiles } from '@/lib/platform/tab-profiles';
import { createRouter } from '@/lib/protocol/router';
import { wireRequest } from '@/lib/protocol/wire';
import { fixture, type Rows, readRaw, writeReleased } from './released';

// Issue 10: an upgrade that throws leaves the old data readable and tells the user. IndexedDB aborts the
// versionchange transaction, so even rows the upgrade had already rewritten come back as they were; every
// message that needs the database answers a `storage` error saying so; the backup export still works.

const fault = vi.hoisted(() => ({ failV3: false }));
vi.mock('@/lib/db/upgrade-v3', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/db/upgrade-v3')>();
  return {
    upgradeToV3: async (tx: Parameters<typeof real.upgradeToV3>[0]) => {
      await real.upgradeToV3(tx);
      if (!fault.failV3) return;
      // Half the work done, then a throw: the rewritten names must not survive.
      await tx
        .table('people')
        .toCollection()
        .modify((row) => {
          row.name = 'HALF-UPGRADED';
        });
      throw new Error('the v3 upgrade ran out of disk');
    },
  };
});

/** The next release's database, whose upgrade throws after rewriting rows and adding a table. */
class RapportWithFailingUpgrade extends RapportDatabase {
  constructor(name: string) {
    super(name);
    this.version(this.verno + 1)
      .stores({ reminders: 'id' })
      .upgrade(async (tx) => {
        await tx
          .table('notes')
          .toCollection()
          .modify((row) => {
            row.text = '';
          });
        await tx.table('people').clear();
        throw new Error('next upgrade bug');
      });
  }
}

const names: string[] = [];
const databases: Dexie[] = [];
afterEach(async () => {
  fault.failV3 = false;
  for (const db of databases.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function newName(): string {
  const name = `test-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

async function storeAt(version: 1 | 2 | 3, rows: Rows): Promise<string> {
  const name = newName();
  await writeReleased(name, version, rows);
  return name;
}

const sameRows = (actual: Rows, expected: Rows) => {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [table, rows] of Object.entries(expected)) {
    expect(actual[table], table).toHaveLength(rows.length);
    expect(actual[table], table).toEqual(expect.arrayContaining(rows));
  }
};

const page = { id: 'me', url: 'chrome-extension://me/options.html' };
const tabs: TabProfiles = { get: async () => null, set: async () => {}, forget: async () => {} };
const ref = { network: 'linkedin', id: 'jane-doe' } as const;

function routerFor(db: RapportDatabase) {
  databases.push(db);
  const clock = { now: () => 1_695_600_000_000, newId: () => crypto.randomUUID() };
  return createRouter(createHandlers({ db, tabs, clock }), {
    classifySender: () => 'extension',
    isStorageError,
    storageMessage: openFailureMessage,
    log: () => {},
  });
}

/** Messages that read and write the database; each must answer the same clear storage error. */
const databaseMessages = [
  wireRequest('getPopupData', { tabId: null }),
  wireRequest('getPersonView', { ref }),
  wireRequest('getDataCounts', { personId: null }),
  wireRequest('searchPeople', { query: 'jane', limit: 5 }),
  wireRequest('saveNote', {
    ref,
    snapshot: null,
    noteId: crypto.randomUUID(),
    text: 'written after the failure',
  }),
  wireRequest('addPerson', {
    personId: crypto.randomUUID(),
    snapshot: {
      ...ref,
      id: 'new-person',
      url: 'https://www.linkedin.com/in/new-person/',
      name: 'New',
      headline: null,
      avatarUrl: null,
    },
  }),
];

async function expectUpgradeFailureEverywhere(route: ReturnType<typeof routerFor>, cause: RegExp) {
  for (const message of databaseMessages) {
    const result = await route(message, page);
    expect(result, message.type).toMatchObject({ ok: false, error: { code: 'storage' } });
    const text = result.ok ? '' : result.error.message;
    expect(text).toMatch(/^Rapport could not open its database \(/);
    expect(text).toMatch(cause);
    expect(text).toContain('Nothing was changed or lost');
    expect(text).toContain("export a backup from Rapport's options page");
  }
}

async function exportedBackup(route: ReturnType<typeof routerFor>) {
  const result = await route(wireRequest('exportData', {}), page);
  if (!result.ok) throw new Error(`export failed: ${result.error.message}`);
  const file = result.value as { text: string; people: number; warnings: string[] };
  expect(file.warnings).toEqual([]);
  const parsed = parseBackup(file.text);
  if (!parsed.ok) throw new Error(`the backup does not parse: ${JSON.stringify(parsed.errors)}`);
  return { file, backup: parsed.data };
}

describe('an upgrade that throws', () => {
  it('from version 2: the store stays at v2 with every row as it was, and the user is told', async () => {
    const rows = fixture(2);
    const name = await storeAt(2, rows);
    fault.failV3 = true;
    const route = routerFor(new RapportDatabase(name));

    await expectUpgradeFailureEverywhere(
      route,
      /upgrading it for this version of Rapport failed: Error: the v3 upgrade ran out of disk/,
    );

    const after = await readRaw(name);
    expect(after.version).toBe(2);
    sameRows(after.rows, rows);
  });

  it('from version 2: the backup export reads the old store, with every row', async () => {
    const rows = fixture(2);
    const name = await storeAt(2, rows);
    fault.failV3 = true;
    const route = routerFor(new RapportDatabase(name));
    expect((await route(wireRequest('getDataCounts', { personId: null }), page)).ok).toBe(false);

    const { file, backup } = await exportedBackup(route);
    expect(file.people).toBe(2);
    expect(backup.people.map((p) => [p.id, p.name]).sort()).toEqual([
      ['p-jane', 'Jane Doe'],
      ['p-rahul', 'Rahul Mehta'],
    ]);
    expect(backup.identities).toHaveLength(rows.identities.length);
    expect(backup.notes).toEqual(rows.notes);
    expect(backup.interactions).toHaveLength(rows.interactions.length);
    expect(backup.links).toHaveLength(rows.links.length);
    expect(backup.promptStates).toEqual([]);
    // Exporting opened nothing that upgrades: still version 2.
    expect((await readRaw(name)).version).toBe(2);
  });

  it('from version 1: a row the upgrade cannot read fails it, and the export still has every row', async () => {
    // A person without a name: deriving their search words throws inside the real v1 → v2 upgrade.
    const rows = fixture(1);
    const nameless = { id: 'p-nameless', name: null, createdAt: 1, updatedAt: 2 };
    const name = await storeAt(1, { ...rows, people: [...rows.people, nameless] });
    const route = routerFor(new RapportDatabase(name));

    await expectUpgradeFailureEverywhere(route, /failed: TypeError: /);
    expect((await readRaw(name)).version).toBe(1);

    // The export brings version-1 rows to the current shape in memory, as the upgrade would have.
    const { backup } = await exportedBackup(route);
    const people = rows.people as { id: string; name: string }[];
    expect(backup.people.map((p) => [p.id, p.name]).sort()).toEqual(
      [...people.map((p) => [p.id, p.name]), ['p-nameless', '(no name)']].sort(),
    );
    expect(backup.people.find((p) => p.id === 'p-nameless')).toMatchObject({ interests: [], updatedAt: 2 });
    expect(backup.identities).toHaveLength(rows.identities.length);
    // v1 stored '' for an identity saved without a page; the export names its profile URL, as v2 does.
    expect(backup.identities.every((identity) => identity.url.startsWith('https://'))).toBe(true);
    expect(backup.notes).toEqual(rows.notes);
    expect([backup.interactions, backup.links, backup.promptStates]).toEqual([[], [], []]);
    expect((await readRaw(name)).version).toBe(1);
  });

  it('from version 3: rows the failed upgrade rewrote or cleared are all back, and export has them', async () => {
    const rows = fixture(3);
    const name = await storeAt(3, rows);
    const route = routerFor(new RapportWithFailingUpgrade(name));

    await expectUpgradeFailureEverywhere(route, /failed: Error: next upgrade bug/);
    const after = await readRaw(name);
    expect(after.version).toBe(3);
    sameRows(after.rows, rows);

    const { backup } = await exportedBackup(route);
    expect(backup.people.map((p) => p.id).sort()).toEqual(['p-jane', 'p-rahul']);
    expect(backup.notes).toEqual(rows.notes);
    expect(rows.promptStates?.length).toBe(2);
    expect(backup.promptStates).toEqual(expect.arrayContaining(rows.promptStates ?? []));
    expect(backup.promptStates).toHaveLength(2);
  });

  it('the next start after the fault is fixed upgrades normally, with nothing lost', async () => {
    const rows = fixture(2);
    const name = await storeAt(2, rows);
    fault.failV3 = true;
    const failed = routerFor(new RapportDatabase(name));
    expect((await failed(wireRequest('getDataCounts', { personId: null }), page)).ok).toBe(false);
    databases.splice(0).forEach((db) => {
      db.close();
    });

    fault.failV3 = false;
    const db = new RapportDatabase(name);
    databases.push(db);
    await db.open();
    expect(db.verno).toBe(new RapportDatabase('unopened').verno);
    expect((await db.people.toArray()).map((p) => p.name).sort()).toEqual(['Jane Doe', 'Rahul Mehta']);
    expect(await db.notes.toArray()).toEqual(rows.notes);
  });

  it('other storage errors keep their own message (a closed connection is not an upgrade failure)', async () => {
    const db = new RapportDatabase(newName());
    await db.open();
    db.close();
    const result = await routerFor(db)(wireRequest('getDataCounts', { personId: null }), page);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(result.ok ? '' : result.error.message).toMatch(/^Rapport could not write to its database/);
  });
});
