import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  callRapport,
  launchExtension,
  linkedInSnapshot,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
} from './harness';

// Issue 10: the browser is closed in the middle of an import. The import is one transaction, so after a
// restart the store is either entirely as it was before or entirely the imported file, never a mix.
// Closes timed as fractions of an import land wherever the machine's speed puts them (often before the
// write); the last test holds the worker inside the write itself, so that case is always covered.

const PEOPLE = 2_000;
const CHUNK = 100_000;

interface Tables {
  people: { id: string; name: string }[];
  notes: { id: string; personId: string }[];
}

/** A full backup of PEOPLE people, each with one note, whose ids all start with `prefix`. */
function backupText(prefix: string): string {
  const at = 1_700_000_000_000;
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `${prefix}-${i}`,
    name: `Person ${prefix} ${i}`,
    createdAt: at,
    updatedAt: at,
    howWeMet: '',
    metAt: null,
    introducedBy: null,
    closeness: null,
    tieOverride: null,
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    interests: [],
    goals: [],
    expertise: [],
    tools: [],
  }));
  const notes = people.map((person) => ({
    id: `${person.id}-note`,
    personId: person.id,
    text: `Note about ${person.name}`,
    createdAt: at,
    updatedAt: at,
  }));
  return JSON.stringify({
    format: 'rapport-backup',
    version: 1,
    exportedAt: at,
    people,
    identities: [],
    notes,
    interactions: [],
    links: [],
    promptStates: [],
    settings: {},
  });
}

const chunks = (text: string) =>
  Array.from({ length: Math.ceil(text.length / CHUNK) }, (_, i) => text.slice(i * CHUNK, (i + 1) * CHUNK));

const send = callRapport;

/** People and notes as the store holds them (through the backup export), sorted, for comparison. */
async function tables(page: Page): Promise<Tables> {
  const file = await send<{ text: string }>(page, 'exportData', {});
  const backup = JSON.parse(file.text) as Tables;
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return {
    people: backup.people.map(({ id, name }) => ({ id, name })).sort(byId),
    notes: backup.notes.map(({ id, personId }) => ({ id, personId })).sort(byId),
  };
}

function expectedAfter(prefix: string): Tables {
  const ids = Array.from({ length: PEOPLE }, (_, i) => `${prefix}-${i}`).sort();
  return {
    people: ids.map((id) => ({ id, name: `Person ${prefix} ${id.slice(prefix.length + 1)}` })),
    notes: ids.map((id) => ({ id: `${id}-note`, personId: id })),
  };
}

let running: RunningExtension | undefined;
let profile: string | undefined;
afterAll(async () => {
  await running?.close();
  if (profile) removeProfile(profile);
});

async function openOptions(): Promise<Page> {
  running = await launchExtension(profile ? { userDataDir: profile } : {});
  profile = running.userDataDir;
  const page = await openExtensionPage(running, 'options.html');
  return page;
}

describe('the browser closed in the middle of an import', () => {
  it('leaves the store entirely before or entirely after the import, every time', async () => {
    let page = await openOptions();
    await send(page, 'addPerson', { personId: 'seed-ana', snapshot: linkedInSnapshot('ana', 'Ana Alvarez') });
    await send(page, 'addPerson', { personId: 'seed-bo', snapshot: linkedInSnapshot('bo', 'Bo Berg') });

    const outcomes: string[] = [];
    // Round 0 lets an import finish and times it (to place the later closes, never asserted); the later
    // rounds close the browser at fractions of that time, the late ones most likely inside the write.
    let importMs = 0;
    for (const [round, fraction] of [1, 0.5, 0.8, 0.95].entries()) {
      const prefix = `r${round}`;
      const before = await tables(page);
      const payload = { kind: 'backup', mode: 'replace', chunks: chunks(backupText(prefix)) };
      const started = Date.now();
      const answered = page.evaluate(
        (payload) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime
            .sendMessage({ tag: 'rapport/v1', type: 'applyImport', payload })
            .then((answer) => (answer as { ok?: boolean } | undefined)?.ok === true)
            .catch(() => false),
        payload,
      );
      if (round === 0) {
        // The answer comes when the import's transaction has committed.
        expect(await answered).toBe(true);
        importMs = Date.now() - started;
      } else {
        // Not awaited: the browser closes while the worker works on it.
        answered.catch(() => undefined);
        await page.waitForTimeout(Math.round(importMs * fraction));
      }
      await running?.close();

      page = await openOptions();
      const now = await tables(page);
      const after = expectedAfter(prefix);
      const same = (a: Tables, b: Tables) => JSON.stringify(a) === JSON.stringify(b);
      const outcome = same(now, before) ? 'before' : same(now, after) ? 'after' : 'mixed';
      outcomes.push(outcome);
      expect(outcome, `round ${round}: ${now.people.length} people, ${now.notes.length} notes`).not.toBe(
        'mixed',
      );
    }
    expect(outcomes[0]).toBe('after');
    // Reported, not asserted: how many rounds the close interrupted depends on the machine's speed.
    console.info(
      `import of ${PEOPLE} people took ${importMs} ms; closed at 50, 80, 95%: ${outcomes.slice(1).join(', ')}`,
    );
  }, 300_000);

  it('leaves the store as it was when the browser closes inside the write itself', async () => {
    await running?.close();
    const page = await openOptions();
    const before = await tables(page);
    expect(before.people.length).toBeGreaterThan(0);
    // The worker is held inside the import's transaction, at the last note it writes: every row has been
    // handed to IndexedDB and none committed. Only then, told through storage.session, the browser closes.
    const worker = await running?.worker();
    await worker?.evaluate((holdAt) => {
      const store = IDBObjectStore.prototype;
      const real = { put: store.put, add: store.add };
      let notes = 0;
      const hold = (table: IDBObjectStore) => {
        if (table.name !== 'notes' || ++notes !== holdAt) return;
        const chrome = (
          globalThis as unknown as { chrome: { storage: { session: { set(v: object): void } } } }
        ).chrome;
        chrome.storage.session.set({ importHeldAt: notes });
        const until = Date.now() + 120_000;
        while (Date.now() < until) {
          // Held: the transaction cannot commit while its worker runs this loop.
        }
      };
      store.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        hold(this);
        return real.put.apply(this, args);
      };
      store.add = function add(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        hold(this);
        return real.add.apply(this, args);
      };
    }, PEOPLE);
    const payload = { kind: 'backup', mode: 'replace', chunks: chunks(backupText('held')) };
    page
      .evaluate(
        (payload) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime.sendMessage({ tag: 'rapport/v1', type: 'applyImport', payload }),
        payload,
      )
      .catch(() => undefined);
    const heldAt = () =>
      page.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { storage: { session: { get(k: string): Promise<Record<string, number>> } } };
          }
        ).chrome.storage.session.get('importHeldAt'),
      );
    await expect.poll(heldAt, { timeout: 60_000 }).toEqual({ importHeldAt: PEOPLE });
    await running?.close();

    const reopened = await openOptions();
    expect(await tables(reopened)).toEqual(before);
  }, 180_000);
});
