import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../fixtures/seeded-random';
import {
  killServiceWorker,
  launchExtension,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
} from './harness';

// Issue 10: the worker is killed 50 times, at seeded random moments, while two of our pages (the sidebar
// and the popup) write in bursts. Every write acknowledged to a page is stored exactly once, and both
// pages keep working afterwards without a reload.

const KILLS = 50;
const WRITES_PER_PAGE = 150;

interface Burst {
  acknowledged: string[];
  failed: string[];
  /** Attempts whose message was never answered nor refused within ANSWER_WAIT_MS (then retried). */
  unanswered: number;
}

/**
 * How long one attempt waits for the worker. Chromium sometimes never settles a sendMessage sent while
 * its worker is being killed (2 of about 20 runs under load, 2026-12-06: the test hung until its 240 s
 * timeout); such an attempt counts as unanswered and is sent again, with the same client-chosen id.
 */
const ANSWER_WAIT_MS = 10_000;
type Send = (message: unknown) => Promise<{ ok: boolean; value?: unknown } | undefined>;
declare const chrome: { runtime: { sendMessage: Send } };

let running: RunningExtension;
beforeAll(async () => {
  running = await launchExtension();
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

/** Writes in a burst from `page` like the UI does: retried with the same client-chosen id until answered. */
function burst(page: Page, kind: 'note' | 'interaction'): Promise<Burst> {
  return page.evaluate(
    async ({ kind, count, wait }): Promise<Burst> => {
      const acknowledged: string[] = [];
      const failed: string[] = [];
      let unanswered = 0;
      const message = (id: string, index: number) =>
        kind === 'note'
          ? {
              type: 'saveNote',
              payload: {
                ref: { network: 'linkedin', id: 'kill-target' },
                snapshot: null,
                noteId: id,
                text: `note ${index}`,
              },
            }
          : {
              type: 'logInteraction',
              payload: {
                interaction: {
                  id,
                  personId: 'kill-person',
                  at: 1_700_000_000_000 + index,
                  kind: 'message',
                  direction: 'me',
                  channel: 'linkedin',
                  text: `interaction ${index}`,
                  sourceUrl: null,
                },
              },
            };
      await Promise.all(
        Array.from({ length: count }, async (_, index) => {
          await new Promise((done) => setTimeout(done, index * 15));
          const id = `${kind}-${index}`;
          for (let attempt = 0; attempt < 60; attempt++) {
            try {
              let timer: ReturnType<typeof setTimeout> | undefined;
              const answer = await Promise.race([
                chrome.runtime.sendMessage({ tag: 'rapport/v1', ...message(id, index) }),
                new Promise<never>((_, reject) => {
                  timer = setTimeout(() => {
                    unanswered++;
                    reject(new Error('no answer'));
                  }, wait);
                }),
              ]).finally(() => clearTimeout(timer));
              if (answer?.ok) {
                acknowledged.push(id);
                return;
              }
            } catch {
              // The worker died before answering: whether the write landed is unknown, so retry it.
            }
            await new Promise((done) => setTimeout(done, 50));
          }
          failed.push(id);
        }),
      );
      return { acknowledged, failed, unanswered };
    },
    { kind, count: WRITES_PER_PAGE, wait: ANSWER_WAIT_MS },
  );
}

/** One read, sent again (up to 5 times) when an attempt is not answered within ANSWER_WAIT_MS. */
async function send(
  page: Page,
  type: string,
  payload: unknown,
): Promise<{ ok: boolean; value?: unknown } | undefined> {
  for (let attempt = 0; ; attempt++) {
    const answer = await page.evaluate(
      ({ type, payload, wait }) =>
        Promise.race([
          chrome.runtime.sendMessage({ tag: 'rapport/v1', type, payload }),
          new Promise<'unanswered'>((done) => setTimeout(() => done('unanswered'), wait)),
        ]),
      { type, payload, wait: ANSWER_WAIT_MS },
    );
    if (answer !== 'unanswered') return answer;
    if (attempt === 4) return undefined;
    console.info(`worker kills: "${type}" was not answered within ${ANSWER_WAIT_MS} ms; sent again`);
  }
}

describe(`the worker killed ${KILLS} times during bursts from the sidebar and the popup`, () => {
  it('keeps every acknowledged write exactly once, and the pages keep working', async () => {
    const sidebar = await openExtensionPage(running, 'sidebar.html');
    const popup = await openExtensionPage(running, 'popup.html');
    const added = await send(popup, 'addPerson', {
      personId: 'kill-person',
      snapshot: {
        network: 'linkedin',
        id: 'kill-person',
        url: 'https://www.linkedin.com/in/kill-person/',
        name: 'Kim Kill',
        headline: null,
        avatarUrl: null,
      },
    });
    expect(added?.ok).toBe(true);

    const next = seededRandom(20_261_127);
    const notes = burst(sidebar, 'note');
    const interactions = burst(popup, 'interaction');
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      // Random gaps, sometimes back to back (a kill while the worker is still starting).
      await sidebar.waitForTimeout(Math.floor(next() * 80));
      if (await killServiceWorker(running, sidebar)) killed++;
    }
    const [noteBurst, interactionBurst] = await Promise.all([notes, interactions]);
    console.info(
      `worker kills: ${killed} of ${KILLS} found a worker to stop; ` +
        `${noteBurst.unanswered + interactionBurst.unanswered} attempts unanswered, sent again`,
    );
    // Most kills find a worker to stop (one that is starting up may not be listed yet).
    expect(killed).toBeGreaterThanOrEqual(KILLS / 2);
    expect(noteBurst.failed).toEqual([]);
    expect(interactionBurst.failed).toEqual([]);
    expect(noteBurst.acknowledged).toHaveLength(WRITES_PER_PAGE);
    expect(interactionBurst.acknowledged).toHaveLength(WRITES_PER_PAGE);

    const view = (await send(sidebar, 'getPersonView', {
      ref: { network: 'linkedin', id: 'kill-target' },
    })) as {
      ok: boolean;
      value: { notes: { id: string; text: string }[] };
    };
    const noteIds = view.value.notes.map((note) => note.id);
    expect(new Set(noteIds).size).toBe(noteIds.length);
    expect(noteIds.sort()).toEqual([...noteBurst.acknowledged].sort());
    expect(view.value.notes.find((note) => note.id === 'note-42')?.text).toBe('note 42');

    const listed: string[] = [];
    let before: number | null = null;
    for (;;) {
      const page = (await send(popup, 'listInteractions', {
        personId: 'kill-person',
        before,
        limit: 50,
      })) as {
        ok: boolean;
        value: { interactions: { id: string; at: number }[] };
      };
      expect(page.ok).toBe(true);
      listed.push(...page.value.interactions.map((row) => row.id));
      if (page.value.interactions.length < 50) break;
      before = page.value.interactions.at(-1)?.at ?? null;
    }
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual([...interactionBurst.acknowledged].sort());

    // The pages recover without a reload: the popup's own UI loads its data through a fresh worker.
    await popup.getByLabel('Search people, tags, notes').fill('Kim');
    await expect.poll(() => popup.locator('.result-name').allTextContents()).toEqual(['Kim Kill']);
  }, 240_000);
});

describe('the worker killed while context-menu clicks log', () => {
  const CLICKS = 30;

  it('stores each click whole or not at all, never twice, and the menu works afterwards', async () => {
    const page = await openExtensionPage(running, 'sidebar.html');
    const next = seededRandom(20_261_128);
    let killed = 0;
    for (let round = 0; round < CLICKS; round++) {
      // Wake the worker as a real click does, then click "Met" on a profile Rapport does not know yet:
      // the person, their profile and the interaction are written together.
      await send(page, 'searchPeople', { query: 'a', limit: 1 });
      const worker = await running.worker();
      await worker.evaluate((round) => {
        (
          globalThis as unknown as {
            chrome: { contextMenus: { onClicked: { dispatch(...args: unknown[]): void } } };
          }
        ).chrome.contextMenus.onClicked.dispatch(
          {
            menuItemId: 'rapport-log:met',
            editable: false,
            pageUrl: `https://www.linkedin.com/in/menu-kill-${round}/`,
          },
          { id: -1 },
        );
      }, round);
      // Anywhere from before the transaction starts to after it commits.
      await page.waitForTimeout(Math.floor(next() * 40));
      if (await killServiceWorker(running, page)) killed++;
    }
    expect(killed).toBeGreaterThanOrEqual(CLICKS / 2);

    const exported = (await send(page, 'exportData', {})) as { ok: boolean; value: { text: string } };
    const store = JSON.parse(exported.value.text) as {
      people: { id: string }[];
      identities: { handle: string; personId: string }[];
      interactions: { personId: string; kind: string }[];
    };
    const people = new Set(store.people.map((person) => person.id));
    const clicked = store.identities.filter((identity) => identity.handle.startsWith('menu-kill-'));
    // Whole or nothing: each profile that was written has its person and exactly one meeting; no person
    // or interaction was left without the rest.
    for (const identity of clicked) {
      expect(people.has(identity.personId)).toBe(true);
      const logged = store.interactions.filter((row) => row.personId === identity.personId);
      expect(logged.map((row) => row.kind)).toEqual(['meeting']);
    }
    expect(store.interactions.every((row) => people.has(row.personId))).toBe(true);
    const owners = new Set(store.identities.map((identity) => identity.personId));
    expect(store.people.filter((person) => !owners.has(person.id))).toEqual([]);
    console.info(`menu clicks under kills: ${clicked.length} of ${CLICKS} stored, ${killed} kills`);

    // The menu still works: one more click, left alone, is stored.
    await send(page, 'searchPeople', { query: 'a', limit: 1 });
    await (await running.worker()).evaluate(() => {
      (
        globalThis as unknown as {
          chrome: { contextMenus: { onClicked: { dispatch(...args: unknown[]): void } } };
        }
      ).chrome.contextMenus.onClicked.dispatch(
        {
          menuItemId: 'rapport-log:met',
          editable: false,
          pageUrl: 'https://www.linkedin.com/in/menu-after/',
        },
        { id: -1 },
      );
    });
    await expect
      .poll(async () => {
        const view = (await send(page, 'getPersonView', {
          ref: { network: 'linkedin', id: 'menu-after' },
        })) as {
          value: { interactions: { kind: string }[] };
        };
        return view.value.interactions.map((row) => row.kind);
      })
      .toEqual(['meeting']);
  }, 120_000);
});
