import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  killServiceWorker,
  launchExtension,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
} from './harness';

// MV3 may stop the worker at any moment. Every write the background acknowledged must be stored, a retry
// of an unacknowledged write must not duplicate it, and the next message must simply work.

// The extension API as seen from our own pages, inside page.evaluate.
interface PersonViewAnswer {
  ok: boolean;
  value: { notes: { id: string; text: string }[] };
}
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<PersonViewAnswer | undefined> } };

let running: RunningExtension;
beforeAll(async () => {
  running = await launchExtension();
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

interface BurstResult {
  acknowledged: string[];
  retried: number;
}

describe('the service worker is killed in the middle of a burst of writes', () => {
  it('keeps every acknowledged write, exactly once', async () => {
    // An extension page of ours: it may call the background like the sidebar does.
    const page = await openExtensionPage(running, 'sidebar.html');
    const kills: boolean[] = [];

    const burst = page.evaluate(async (): Promise<BurstResult> => {
      const ref = { network: 'linkedin', id: 'burst-target' };
      const acknowledged: string[] = [];
      let retried = 0;
      const save = async (noteId: string, text: string) => {
        // Like the UI: a write without an answer is retried with the same id until it is acknowledged.
        for (let attempt = 0; attempt < 20; attempt++) {
          try {
            const answer = await chrome.runtime.sendMessage({
              tag: 'rapport/v1',
              type: 'saveNote',
              payload: { ref, snapshot: null, noteId, text },
            });
            if (answer?.ok) return true;
          } catch {
            // The worker died before answering; whether the write landed is unknown.
          }
          retried++;
          await new Promise((done) => setTimeout(done, 50));
        }
        return false;
      };
      await Promise.all(
        Array.from({ length: 120 }, async (_, index) => {
          await new Promise((done) => setTimeout(done, index * 10));
          const noteId = `burst-${index}`;
          if (await save(noteId, `note ${index}`)) acknowledged.push(noteId);
        }),
      );
      return { acknowledged, retried };
    });

    // Kill the worker three times while the burst runs.
    for (const delay of [150, 400, 750]) {
      await page.waitForTimeout(delay === 150 ? 150 : 250);
      kills.push(await killServiceWorker(running, page));
    }
    const { acknowledged } = await burst;
    expect(kills.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(acknowledged.length).toBe(120);

    const view = await page.evaluate(() =>
      chrome.runtime.sendMessage({
        tag: 'rapport/v1',
        type: 'getPersonView',
        payload: { ref: { network: 'linkedin', id: 'burst-target' } },
      }),
    );
    const ids = view?.value.notes.map((note) => note.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...acknowledged].sort());
    expect(view?.value.notes.find((note) => note.id === 'burst-7')?.text).toBe('note 7');
  });
});
