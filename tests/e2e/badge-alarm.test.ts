import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type RunningExtension, removeProfile } from './harness';

// The badge's due alarm (lib/platform/badge.ts) is set for when the stored popup answer stops being valid,
// so the worker computes the next one before the user opens the popup. In the built extension: the
// alarm's time is the stored answer's `validUntil`, on an empty store (nothing ever falls due, so only
// the answer's age limits it) and again after a write.

let running: RunningExtension;
let page: Page;

beforeAll(async () => {
  running = await launchExtension();
  page = await running.context.newPage();
  await page.goto(`chrome-extension://${running.extensionId}/options.html`);
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

type Chrome = {
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: unknown }> };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
};

/** The alarm's time and the stored answer's, read together in the extension's page. */
const alarmAndAnswer = () =>
  page.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const alarm = await chrome.alarms.get('rapport-badge-due');
    const stored = await new Promise<{ value?: { value?: { computedAt: number; validUntil: number } } }>(
      (resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('popupCache').objectStore('popupCache').get('popup');
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            open.result.close();
            resolve(read.result ?? {});
          };
        };
      },
    );
    return { alarmAt: alarm?.scheduledTime ?? null, answer: stored.value?.value ?? null };
  });

/** The alarm and answer once the alarm is set for the stored answer's end, other than `not` (an earlier one). */
async function alarmAtAnswerEnd(not: number | null) {
  let last = await alarmAndAnswer();
  await expect
    .poll(
      async () => {
        last = await alarmAndAnswer();
        return last.answer !== null && last.alarmAt === last.answer.validUntil && last.alarmAt !== not;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return last;
}

describe('the badge’s due alarm', () => {
  it('is set for when the stored popup answer stops being valid: within the hour on an empty store, and again after a write', async () => {
    const empty = await alarmAtAnswerEnd(null);
    expect(empty.answer).not.toBeNull();
    expect(empty.alarmAt).toBe(empty.answer?.validUntil);
    // Nothing can fall due in an empty store: only the answer's age (an hour) ends it.
    expect(empty.alarmAt).toBe((empty.answer?.computedAt ?? 0) + 60 * 60 * 1000);

    const added = await page.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({
        tag: 'rapport/v1',
        type: 'addPerson',
        payload: {
          personId: 'ana',
          snapshot: {
            network: 'linkedin',
            id: 'ana-alvarez',
            url: 'https://www.linkedin.com/in/ana-alvarez/',
            name: 'Ana Alvarez',
            headline: null,
            avatarUrl: null,
          },
        },
      }),
    );
    expect(added.ok).toBe(true);
    const after = await alarmAtAnswerEnd(empty.alarmAt);
    expect(after.answer?.computedAt).toBeGreaterThan(empty.answer?.computedAt ?? 0);
    expect(after.alarmAt).toBe(after.answer?.validUntil);
  });
});
