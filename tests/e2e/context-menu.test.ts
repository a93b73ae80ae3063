import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  killServiceWorker,
  launchExtension,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
} from './harness';

// The context menu's click handler, dispatched in the real worker with info objects like the browser's
// (playwright cannot open native menus), and the chooser window for clicks that name nobody.

interface Answer<T> {
  ok: boolean;
  value: T;
}
interface PersonView {
  person: { id: string; name: string } | null;
  interactions: {
    kind: string;
    direction: string;
    text: string | null;
    sourceUrl: string | null;
    channel: string;
  }[];
}

let running: RunningExtension;
beforeAll(async () => {
  running = await launchExtension();
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

/** Fires contextMenus.onClicked in the worker as a click on `menuItemId` with `info` would. */
async function click(worker: Worker, menuItemId: string, info: Record<string, unknown>, tabId = -1) {
  await worker.evaluate(
    ({ menuItemId, info, tabId }) => {
      const chromeApi = (
        globalThis as unknown as {
          chrome: { contextMenus: { onClicked: { dispatch(...args: unknown[]): void } } };
        }
      ).chrome;
      chromeApi.contextMenus.onClicked.dispatch({ menuItemId, editable: false, ...info }, { id: tabId });
    },
    { menuItemId, info, tabId },
  );
}

async function personView(network: string, id: string): Promise<PersonView> {
  const page = await openExtensionPage(running, 'sidebar.html');
  const answer = (await page.evaluate(
    (ref) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        tag: 'rapport/v1',
        type: 'getPersonView',
        payload: { ref },
      }),
    { network, id },
  )) as Answer<PersonView>;
  await page.close();
  return answer.value;
}

describe('"Log interaction" from the context menu', () => {
  it('creates the menus on install', async () => {
    const worker = await running.worker();
    // Updating an item succeeds only if it exists (there is no API to list them).
    const exists = (id: string) =>
      worker.evaluate(
        (id) =>
          new Promise<boolean>((resolve) => {
            const chromeApi = (
              globalThis as unknown as {
                chrome: {
                  contextMenus: { update(id: string, p: object, cb: () => void): void };
                  runtime: { lastError?: object };
                };
              }
            ).chrome;
            chromeApi.contextMenus.update(id, {}, () => resolve(chromeApi.runtime.lastError === undefined));
          }),
        id,
      );
    for (const id of [
      'rapport-log',
      'rapport-log:congratulated',
      'rapport-log:met',
      'rapport-log:success-later',
      'rapport-undo',
    ]) {
      await expect.poll(() => exists(id)).toBe(true);
    }
    expect(await exists('rapport-log:no-such-item')).toBe(false);
  });

  it('logs for the profile a link points to, with the selection as text and the page as source', async () => {
    const worker = await running.worker();
    await click(worker, 'rapport-log:congratulated', {
      linkUrl: 'https://www.linkedin.com/in/ada-lovelace/',
      pageUrl: 'https://blog.example/post',
      selectionText: '  Ada   shipped the engine!  ',
    });
    await expect.poll(async () => (await personView('linkedin', 'ada-lovelace')).interactions.length).toBe(1);
    const view = await personView('linkedin', 'ada-lovelace');
    expect(view.person?.name).toBe('ada-lovelace');
    expect(view.interactions[0]).toMatchObject({
      kind: 'congratulation',
      direction: 'me',
      channel: 'linkedin',
      text: 'Ada shipped the engine!',
      sourceUrl: 'https://www.linkedin.com/in/ada-lovelace/',
    });
  });

  it("logs for an X post's author, and for the page's profile", async () => {
    const worker = await running.worker();
    await click(worker, 'rapport-log:answered', {
      linkUrl: 'https://x.com/GraceHopper/status/42',
      pageUrl: 'https://x.com/home',
    });
    await click(worker, 'rapport-log:received-feedback', {
      pageUrl: 'https://www.facebook.com/grace.hopper',
    });
    await expect
      .poll(async () => (await personView('x', 'gracehopper')).interactions.map((i) => i.kind))
      .toEqual(['question-answered']);
    await expect
      .poll(async () => (await personView('facebook', 'gracehopper')).interactions[0]?.direction)
      .toBe('them');
  });

  it('flags a success to acknowledge later as news they shared', async () => {
    const worker = await running.worker();
    await click(worker, 'rapport-log:success-later', {
      pageUrl: 'https://x.com/ada_l',
      selectionText: 'Thrilled to join Acme as CTO!',
    });
    await expect
      .poll(async () => (await personView('x', 'ada_l')).interactions[0])
      .toMatchObject({
        kind: 'share',
        direction: 'them',
        text: 'Thrilled to join Acme as CTO!',
      });
  });

  it('still works after the service worker was stopped', async () => {
    const page = await openExtensionPage(running, 'sidebar.html');
    expect(await killServiceWorker(running, page)).toBe(true);
    // A message wakes the worker again (as a real menu click would).
    await page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        tag: 'rapport/v1',
        type: 'searchPeople',
        payload: { query: 'a', limit: 1 },
      }),
    );
    const worker = await running.worker();
    await click(worker, 'rapport-log:met', { pageUrl: 'https://www.linkedin.com/in/ada-lovelace/' });
    await expect
      .poll(async () => (await personView('linkedin', 'ada-lovelace')).interactions.map((i) => i.kind))
      .toContain('meeting');
    await page.close();
  });

  it('opens the chooser when the click names nobody, and the chooser adds a new person', async () => {
    const worker = await running.worker();
    const opened = running.context.waitForEvent('page');
    await click(worker, 'rapport-log:gave-feedback', {
      pageUrl: 'https://mail.example/inbox/17',
      selectionText: 'Your talk was clear; the demo could be shorter.',
    });
    const chooser = await opened;
    await chooser.waitForLoadState();
    expect(chooser.url()).toMatch(/chooser\.html#/);
    await expect
      .poll(() => chooser.locator('blockquote').textContent())
      .toBe('Your talk was clear; the demo could be shorter.');
    await chooser.getByLabel('Or add someone new').fill('Katherine Johnson');
    const closed = chooser.waitForEvent('close');
    await chooser.getByRole('button', { name: 'Add and log' }).click();
    await closed;

    const page = await openExtensionPage(running, 'sidebar.html');
    const found = (await page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        tag: 'rapport/v1',
        type: 'searchPeople',
        payload: { query: 'katherine', limit: 5 },
      }),
    )) as Answer<{ people: { id: string; name: string }[] }>;
    expect(found.value.people.map((person) => person.name)).toEqual(['Katherine Johnson']);
    const log = (await page.evaluate(
      (personId) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({
          tag: 'rapport/v1',
          type: 'listInteractions',
          payload: { personId, before: null, limit: 10 },
        }),
      found.value.people[0]?.id,
    )) as Answer<{ interactions: { kind: string; text: string; sourceUrl: string }[] }>;
    expect(log.value.interactions).toEqual([
      expect.objectContaining({
        kind: 'feedback-given',
        text: 'Your talk was clear; the demo could be shorter.',
        sourceUrl: 'https://mail.example/inbox/17',
      }),
    ]);
  });

  it('confirms on the toolbar icon of the tab, and undoes the last log', async () => {
    // A tab for the click to come from, found below by its URL.
    await openExtensionPage(running, 'sidebar.html');
    const worker = await running.worker();
    const tabId = await worker.evaluate(async () => {
      const chromeApi = (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } };
        }
      ).chrome;
      const tabs = await chromeApi.tabs.query({});
      return tabs.find((candidate) => candidate.url?.endsWith('/sidebar.html'))?.id ?? -1;
    });
    await click(worker, 'rapport-log:messaged', { pageUrl: 'https://x.com/undo_me' }, tabId);
    await expect.poll(async () => (await personView('x', 'undo_me')).interactions.length).toBe(1);
    const badge = () =>
      worker.evaluate(
        (tabId) =>
          (
            globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
          ).chrome.action.getBadgeText({ tabId }),
        tabId,
      );
    await expect.poll(badge).toBe('✓');
    await click(worker, 'rapport-undo', { pageUrl: 'https://x.com/undo_me' });
    await expect.poll(async () => (await personView('x', 'undo_me')).interactions.length).toBe(0);
  });
});
