import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures';
import {
  callRapport,
  launchExtension,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
  servePage,
  sidebarFrame,
} from './harness';

// Issue 10: storage full. The disk cannot be filled on purpose here, and Chromium does not enforce CDP's
// Storage.overrideQuotaForOrigin on an extension's IndexedDB (tried: 380 KB written under a 13 KB
// quota, no error). So the worker's IndexedDB refuses writes to one table the way a full disk does,
// with a QuotaExceededError, through the browser's own IDBObjectStore in the built extension's worker.
// The note is the last row its transaction writes (a first note also adds the person and their
// identity), so a half-written save would leave the person behind.

const PROFILE_URL = 'https://www.linkedin.com/in/jane-doe/';
const html = readFixture('linkedin/profile-jane-doe.html');

/** Makes every write to `table` fail with the browser's quota error, or (null) lifts that. */
async function fillDisk(worker: Worker, table: string | null): Promise<void> {
  await worker.evaluate((table) => {
    const store = IDBObjectStore.prototype;
    const scope = globalThis as unknown as { rapportRealPut?: IDBObjectStore['put'] };
    scope.rapportRealPut ??= store.put;
    const realPut = scope.rapportRealPut;
    store.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (table !== null && this.name === table)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
  }, table);
}

interface Stored {
  people: { id: string; name: string }[];
  identities: { handle: string }[];
  notes: { personId: string; text: string }[];
}

async function stored(page: Page): Promise<Stored> {
  const file = await callRapport<{ text: string }>(page, 'exportData', {});
  return JSON.parse(file.text) as Stored;
}

describe('storage full', () => {
  let running: RunningExtension;
  let options: Page;

  beforeAll(async () => {
    running = await launchExtension();
    options = await openExtensionPage(running, 'options.html');
  });
  afterAll(async () => {
    await running?.close().catch(() => undefined);
    if (running) removeProfile(running.userDataDir);
  });

  it('says the disk is full, keeps the typed note, writes nothing, and saves once there is room', async () => {
    await servePage(running.context, 'https://www.linkedin.com/**', html);
    const page = await running.context.newPage();
    await page.goto(PROFILE_URL);
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Jane Doe');

    const worker = await running.worker();
    await fillDisk(worker, 'notes');
    const note = 'Asked about the Lisbon role; follow up after her talk';
    await frame.getByLabel('New note').fill(note);

    const status = frame.locator('.save-status.error');
    await expect.poll(() => status.textContent()).toContain('Not saved:');
    const message = (await status.textContent()) ?? '';
    expect(message).toContain('the storage for it is full');
    expect(message).toContain('Free some disk space');
    expect(message).toContain('Nothing was changed');
    // The typed text stays in the field, and she was not added by half a save.
    expect(await frame.getByLabel('New note').inputValue()).toBe(note);
    await expect.poll(() => frame.locator('.person-meta').textContent()).toContain('not in Rapport yet');
    const during = await stored(options);
    expect({
      people: during.people.length,
      identities: during.identities.length,
      notes: during.notes.length,
    }).toEqual({ people: 0, identities: 0, notes: 0 });

    // Room again: "Try again" saves what was typed, once.
    await fillDisk(worker, null);
    await status.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => frame.locator('.save-status').first().textContent()).toBe('Saved');
    const after = await stored(options);
    expect(after.people.map((person) => person.name)).toEqual(['Jane Doe']);
    expect(after.identities.map((identity) => identity.handle)).toEqual(['jane-doe']);
    expect(after.notes.map((row) => row.text)).toEqual([note]);
    await page.close();
  });
});
