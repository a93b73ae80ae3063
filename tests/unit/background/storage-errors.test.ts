import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { isStorageError, RapportDatabase } from '@/lib/db/database';
import type { TabProfiles } from '@/lib/platform/tab-profiles';
import { createRouter } from '@/lib/protocol/router';
import { wireRequest } from '@/lib/protocol/wire';

// Quota and a closed database must reach the user as "storage" errors, never as silent success.

const page = { id: 'me', url: 'chrome-extension://me/sidebar.html' };
const tabs: TabProfiles = { get: async () => null, set: async () => {}, forget: async () => {} };
const snapshot = {
  network: 'linkedin',
  id: 'jane-doe',
  url: 'https://www.linkedin.com/in/jane-doe/',
  name: 'Jane Doe',
  headline: null,
  avatarUrl: null,
} as const;

let db: RapportDatabase;
afterEach(() => db.delete());

function routerFor(database: RapportDatabase) {
  const clock = { now: () => 1, newId: () => crypto.randomUUID() };
  return createRouter(createHandlers({ db: database, tabs, clock }), {
    classifySender: () => 'extension',
    isStorageError,
    log: vi.fn(),
  });
}

describe('storage errors', () => {
  it('reports a full disk as a storage error and keeps nothing of the action', async () => {
    db = new RapportDatabase(`test-${crypto.randomUUID()}`);
    let full = false;
    db.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (request) => {
              // The second write of the action fails, as a quota error would midway.
              if (full && name === 'identities') {
                return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
              }
              return table.mutate(request);
            },
          };
        },
      }),
    });
    await db.open();
    full = true;
    const route = routerFor(db);
    const result = await route(wireRequest('addPerson', { personId: 'p1', snapshot }), page);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
    full = false;
    expect(await db.people.count()).toBe(0);
  });

  it('reports a closed database as a storage error', async () => {
    db = new RapportDatabase(`test-${crypto.randomUUID()}`);
    await db.open();
    db.close();
    const route = routerFor(db);
    const result = await route(
      wireRequest('updatePerson', { personId: 'p1', patch: { closeness: 0.5 } }),
      page,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
  });
});
