import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { RapportDatabase } from '@/lib/db/database';
import type { TabProfiles } from '@/lib/platform/tab-profiles';
import type { WireProfileSnapshot } from '@/lib/protocol/types';

function memoryTabs(): TabProfiles & { map: Map<number, WireProfileSnapshot | null> } {
  const map = new Map<number, WireProfileSnapshot | null>();
  return {
    map,
    get: async (tabId) => map.get(tabId) ?? null,
    set: async (tabId, snapshot) => void map.set(tabId, snapshot),
    forget: async (tabId) => void map.delete(tabId),
  };
}

const jane: WireProfileSnapshot = {
  network: 'linkedin',
  id: 'jane-doe',
  url: 'https://www.linkedin.com/in/jane-doe/',
  name: 'Jane Doe',
  headline: null,
  avatarUrl: null,
};
const fromJanesTab = {
  kind: 'content' as const,
  sender: {
    id: 'me',
    url: 'https://www.linkedin.com/in/jane-doe/details/experience/',
    tab: { id: 7 },
    frameId: 0,
  },
};

let db: RapportDatabase;
beforeEach(async () => {
  db = new RapportDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.delete());

function setup() {
  const tabs = memoryTabs();
  let id = 0;
  const handlers = createHandlers({ db, tabs, clock: { now: () => 1, newId: () => `id-${++id}` } });
  return { tabs, handlers };
}

describe('reportProfile', () => {
  it('records the profile a tab shows', async () => {
    const { tabs, handlers } = setup();
    expect(await handlers.reportProfile({ snapshot: jane }, fromJanesTab)).toEqual({ accepted: true });
    expect(tabs.map.get(7)).toEqual(jane);
  });

  it('accepts a report from another page of the same site (sender.url is stale after in-app navigation)', async () => {
    const { tabs, handlers } = setup();
    const feed = {
      ...fromJanesTab,
      sender: { ...fromJanesTab.sender, url: 'https://www.linkedin.com/feed/' },
    };
    expect(await handlers.reportProfile({ snapshot: jane }, feed)).toEqual({ accepted: true });
    expect(tabs.map.get(7)).toEqual(jane);
  });

  it("refuses a profile of another site than the sender's", async () => {
    const { tabs, handlers } = setup();
    const xTab = { ...fromJanesTab, sender: { ...fromJanesTab.sender, url: 'https://x.com/janedoe' } };
    expect(await handlers.reportProfile({ snapshot: jane }, xTab)).toEqual({ accepted: false });
    expect(tabs.map.size).toBe(0);
  });

  it('clears the tab when it leaves profiles', async () => {
    const { tabs, handlers } = setup();
    await handlers.reportProfile({ snapshot: jane }, fromJanesTab);
    await handlers.reportProfile({ snapshot: null }, fromJanesTab);
    expect(tabs.map.get(7)).toBeNull();
  });
});

describe('getTabProfile', () => {
  it("answers for the sender's own tab when no tab is named", async () => {
    const { tabs, handlers } = setup();
    tabs.map.set(7, jane);
    const sidebar = {
      kind: 'extension' as const,
      sender: { id: 'me', url: 'chrome-extension://me/sidebar.html', tab: { id: 7 } },
    };
    expect(await handlers.getTabProfile({ tabId: null }, sidebar)).toEqual({ tabId: 7, snapshot: jane });
    expect(await handlers.getTabProfile({ tabId: 9 }, sidebar)).toEqual({ tabId: 9, snapshot: null });
  });
});
