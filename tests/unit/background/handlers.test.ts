import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { RapportDatabase } from '@/lib/db/database';
import type { TabProfiles } from '@/lib/platform/tab-profiles';
import type { TabState, WireProfileSnapshot } from '@/lib/protocol/types';

function memoryTabs(): TabProfiles & { map: Map<number, TabState> } {
  const map = new Map<number, TabState>();
  return {
    map,
    get: async (tabId) => map.get(tabId) ?? null,
    set: async (tabId, state) => void map.set(tabId, state),
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
    expect(await handlers.reportProfile({ snapshot: jane, details: 'read', seq: 1 }, fromJanesTab)).toEqual({
      accepted: true,
    });
    expect(tabs.map.get(7)).toEqual({ snapshot: jane, details: 'read', seq: 1 });
  });

  it('accepts a report from another page of the same site (sender.url is stale after in-app navigation)', async () => {
    const { tabs, handlers } = setup();
    const feed = {
      ...fromJanesTab,
      sender: { ...fromJanesTab.sender, url: 'https://www.linkedin.com/feed/' },
    };
    expect(await handlers.reportProfile({ snapshot: jane, details: 'read', seq: 1 }, feed)).toEqual({
      accepted: true,
    });
    expect(tabs.map.get(7)).toEqual({ snapshot: jane, details: 'read', seq: 1 });
  });

  it("refuses a profile of another site than the sender's", async () => {
    const { tabs, handlers } = setup();
    const xTab = { ...fromJanesTab, sender: { ...fromJanesTab.sender, url: 'https://x.com/janedoe' } };
    expect(await handlers.reportProfile({ snapshot: jane, details: 'read', seq: 1 }, xTab)).toEqual({
      accepted: false,
    });
    expect(tabs.map.size).toBe(0);
  });

  it('clears the tab when it leaves profiles', async () => {
    const { tabs, handlers } = setup();
    await handlers.reportProfile({ snapshot: jane, details: 'read', seq: 1 }, fromJanesTab);
    await handlers.reportProfile({ snapshot: null, details: 'read', seq: 1 }, fromJanesTab);
    expect(tabs.map.get(7)).toEqual({ snapshot: null, details: 'read', seq: 1 });
  });
});

describe('getTabProfile', () => {
  it("answers for the sender's own tab when no tab is named", async () => {
    const { tabs, handlers } = setup();
    tabs.map.set(7, { snapshot: jane, details: 'unreadable', seq: 1 });
    const sidebar = {
      kind: 'extension' as const,
      sender: { id: 'me', url: 'chrome-extension://me/sidebar.html', tab: { id: 7 } },
    };
    expect(await handlers.getTabProfile({ tabId: null }, sidebar)).toEqual({
      tabId: 7,
      snapshot: jane,
      details: 'unreadable',
      seq: 1,
    });
    expect(await handlers.getTabProfile({ tabId: 9 }, sidebar)).toEqual({
      tabId: 9,
      snapshot: null,
      details: 'read',
      seq: 0,
    });
  });
});

describe('getTabPerson', () => {
  const sidebar = {
    kind: 'extension' as const,
    sender: { id: 'me', url: 'chrome-extension://me/sidebar.html', tab: { id: 7 } },
  };

  it("answers the tab's profile and that person's view in one reply, as getPersonView reads it", async () => {
    const { tabs, handlers } = setup();
    await handlers.saveNote(
      { ref: { network: jane.network, id: jane.id }, snapshot: jane, noteId: 'n-1', text: 'Met at PyCon' },
      sidebar,
    );
    tabs.map.set(7, { snapshot: jane, details: 'read', seq: 3 });
    const answer = await handlers.getTabPerson({ tabId: null }, sidebar);
    expect(answer.tab).toEqual({ tabId: 7, snapshot: jane, details: 'read', seq: 3 });
    expect(answer.view?.notes.map((note) => note.text)).toEqual(['Met at PyCon']);
    expect(answer.view).toEqual(
      await handlers.getPersonView({ ref: { network: jane.network, id: jane.id } }, sidebar),
    );
  });

  it("answers the view of the tab's own person, whether its URL names them, someone else or nobody", async () => {
    const { tabs, handlers } = setup();
    const rahul = {
      ...jane,
      id: 'rahul-mehta',
      url: 'https://www.linkedin.com/in/rahul-mehta/',
      name: 'Rahul',
    };
    for (const [person, text] of [
      [jane, 'About Jane'],
      [rahul, 'About Rahul'],
    ] as const) {
      await handlers.saveNote(
        { ref: { network: person.network, id: person.id }, snapshot: person, noteId: text, text },
        sidebar,
      );
    }
    const inTab = (url: string) => ({ ...sidebar, sender: { ...sidebar.sender, tab: { id: 7, url } } });
    tabs.map.set(7, { snapshot: jane, details: 'read', seq: 3 });
    const same = await handlers.getTabPerson({ tabId: null }, inTab('https://www.linkedin.com/in/jane-doe/'));
    expect(same.view?.notes.map((note) => note.text)).toEqual(['About Jane']);
    // The URL can be ahead of the state (the content script has not reported yet): the state decides.
    const ahead = await handlers.getTabPerson(
      { tabId: null },
      inTab('https://www.linkedin.com/in/rahul-mehta/'),
    );
    expect(ahead.tab.snapshot?.id).toBe('jane-doe');
    expect(ahead.view?.notes.map((note) => note.text)).toEqual(['About Jane']);
    tabs.map.set(7, { snapshot: rahul, details: 'read', seq: 4 });
    const other = await handlers.getTabPerson({ tabId: null }, inTab('https://www.linkedin.com/feed/'));
    expect(other.view?.notes.map((note) => note.text)).toEqual(['About Rahul']);
  });

  it('answers no view when the tab shows no profile', async () => {
    const { handlers } = setup();
    expect(await handlers.getTabPerson({ tabId: 9 }, sidebar)).toEqual({
      tab: { tabId: 9, snapshot: null, details: 'read', seq: 0 },
      view: null,
    });
  });
});

describe('reportProfile records sightings of known profiles', () => {
  const page = {
    kind: 'extension' as const,
    sender: { id: 'me', url: 'chrome-extension://me/sidebar.html' },
  };

  it('updates the last-seen headline once the page was read, and never adds anyone', async () => {
    const { handlers } = setup();
    await handlers.reportProfile(
      { snapshot: { ...jane, headline: 'Engineer' }, details: 'read', seq: 1 },
      fromJanesTab,
    );
    expect(await db.people.count()).toBe(0);

    await handlers.addPerson({ personId: 'jane', snapshot: { ...jane, headline: 'Engineer' } }, page);
    const promoted = { ...jane, headline: 'Engineering Manager' };
    await handlers.reportProfile(
      { snapshot: { ...jane, headline: null }, details: 'reading', seq: 1 },
      fromJanesTab,
    );
    await handlers.reportProfile({ snapshot: promoted, details: 'read', seq: 1 }, fromJanesTab);
    const view = await handlers.getPersonView({ ref: { network: 'linkedin', id: 'jane-doe' } }, page);
    expect(view.identities[0]?.headlineHistory.map((change) => change.headline)).toEqual([
      'Engineer',
      'Engineering Manager',
    ]);
    expect(await db.people.count()).toBe(1);
  });

  it('does not record a report it refused', async () => {
    const { handlers } = setup();
    await handlers.addPerson({ personId: 'jane', snapshot: jane }, page);
    const xTab = { ...fromJanesTab, sender: { ...fromJanesTab.sender, url: 'https://x.com/janedoe' } };
    await handlers.reportProfile(
      { snapshot: { ...jane, headline: 'Hacked' }, details: 'read', seq: 1 },
      xTab,
    );
    expect((await db.identities.get(['linkedin', 'jane-doe']))?.lastSeenHeadline).toBeNull();
  });
});

describe('startProfileReader', () => {
  function withScripts() {
    const started: [number, string][] = [];
    let id = 0;
    const handlers = createHandlers({
      db,
      tabs: memoryTabs(),
      clock: { now: () => 1, newId: () => `id-${++id}` },
      pageScripts: { startReader: async (tabId, network) => void started.push([tabId, network]) },
    });
    return { started, handlers };
  }
  const onTheFeed = {
    ...fromJanesTab,
    sender: { ...fromJanesTab.sender, url: 'https://www.linkedin.com/feed/' },
  };

  it("runs the site's whole script in the sender's tab when the page reached a profile", async () => {
    const { started, handlers } = withScripts();
    const answer = await handlers.startProfileReader(
      { url: 'https://www.linkedin.com/in/jane-doe/' },
      onTheFeed,
    );
    expect(answer).toEqual({ started: true });
    expect(started).toEqual([[7, 'linkedin']]);
  });

  it('runs nothing for a page that is not a profile', async () => {
    const { started, handlers } = withScripts();
    const answer = await handlers.startProfileReader({ url: 'https://www.linkedin.com/jobs/' }, onTheFeed);
    expect(answer).toEqual({ started: false });
    expect(started).toEqual([]);
  });

  it("runs nothing when the URL names another site than the sender's", async () => {
    const { started, handlers } = withScripts();
    const answer = await handlers.startProfileReader({ url: 'https://x.com/janedoe' }, onTheFeed);
    expect(answer).toEqual({ started: false });
    expect(started).toEqual([]);
  });

  it('runs nothing for a sender without a tab or where the browser cannot run scripts', async () => {
    const { started, handlers } = withScripts();
    const noTab = { ...onTheFeed, sender: { ...onTheFeed.sender, tab: undefined } };
    expect(await handlers.startProfileReader({ url: jane.url }, noTab)).toEqual({ started: false });
    expect(started).toEqual([]);
    const { handlers: firefox } = setup();
    expect(await firefox.startProfileReader({ url: jane.url }, onTheFeed)).toEqual({ started: false });
  });
});
