import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOAD_DELAY_MS } from '../../lib/db/profile-owners';
import {
  callRapport,
  killServiceWorker,
  launchExtension,
  linkedInSnapshot,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
} from './harness';

// The worker keeps who owns each profile in memory (lib/db/profile-owners.ts), loaded a little after its
// first lookup and kept by every write. In the real worker and its IndexedDB: once loaded, a profile
// added, a person deleted and everything erased are seen at once, and a stopped worker, which loses the
// copy, still answers from the store.

let running: RunningExtension;
beforeAll(async () => {
  running = await launchExtension();
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

interface View {
  person: { id: string; name: string } | null;
}
const ref = (id: string) => ({ network: 'linkedin', id });

describe("the worker's copy of who owns each profile", () => {
  it('follows additions, deletions and an erase once loaded, and a restarted worker still finds people', async () => {
    const page = await openExtensionPage(running, 'sidebar.html');
    const viewOf = async (id: string) =>
      (await callRapport<View>(page, 'getPersonView', { ref: ref(id) })).person;

    await callRapport(page, 'addPerson', {
      personId: 'ada',
      snapshot: linkedInSnapshot('ada-l', 'Ada Lovelace'),
    });
    // The first lookup plans the load; after it, lookups are answered from memory.
    expect(await viewOf('nobody-yet')).toBeNull();
    await page.waitForTimeout(LOAD_DELAY_MS + 1_000);
    expect((await viewOf('ada-l'))?.name).toBe('Ada Lovelace');

    expect(await viewOf('grace-h')).toBeNull();
    await callRapport(page, 'addPerson', {
      personId: 'grace',
      snapshot: linkedInSnapshot('grace-h', 'Grace Hopper'),
    });
    expect((await viewOf('grace-h'))?.id).toBe('grace');

    await callRapport(page, 'deletePerson', { personId: 'grace' });
    expect(await viewOf('grace-h')).toBeNull();

    expect(await killServiceWorker(running, page)).toBe(true);
    expect((await viewOf('ada-l'))?.id).toBe('ada');

    await page.waitForTimeout(LOAD_DELAY_MS + 1_000);
    await callRapport(page, 'eraseAll', { confirm: 'erase' });
    expect(await viewOf('ada-l')).toBeNull();
    await page.close();
  });
});
