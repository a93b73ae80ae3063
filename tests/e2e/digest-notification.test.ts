import { rmSync } from 'node:fs';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callRapport,
  extensionCopyGranting,
  launchExtension,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
} from './harness';

// The daily digest's notification, shown by the browser, in a copy of the build that holds
// `notifications` from install (extensionCopyGranting: headless Chromium never answers the prompt). The digest's alarm is fired now; the browser's
// own list of Rapport's notifications must then hold the digest. (Nothing shown when nothing is due, the
// text and the click that opens the popup are unit-tested: tests/unit/platform/digest-notification.test.ts.
// A test cannot click a notification the browser shows, nor see that none appeared in time.)

type Chrome = {
  alarms: { create(name: string, info: object): Promise<void>; get(name: string): Promise<unknown> };
  notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
};

let running: RunningExtension;
let options: Page;
let worker: Worker;
let extensionCopy: string;

beforeAll(async () => {
  extensionCopy = extensionCopyGranting('notifications');
  running = await launchExtension({ extensionDir: extensionCopy });
  worker = await running.worker();
  options = await openExtensionPage(running, 'options.html');
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
  if (extensionCopy) rmSync(extensionCopy, { recursive: true, force: true });
});

const shown = () =>
  worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll());

/**
 * Fires the digest's real alarm now and waits until the worker has handled it: it sets the next one, at
 * the next digest time, which is later than the one fired (by minutes when the test runs just before the
 * digest time, 09:00 by default: a wait for an alarm over an hour away failed every day from 08:00).
 */
async function fireDigest(): Promise<void> {
  const firedAt = Date.now();
  await worker.evaluate(
    (when) => (globalThis as unknown as { chrome: Chrome }).chrome.alarms.create('rapport-digest', { when }),
    firedAt,
  );
  await expect
    .poll(
      async () =>
        (
          (await worker.evaluate(() =>
            (globalThis as unknown as { chrome: Chrome }).chrome.alarms.get('rapport-digest'),
          )) as { scheduledTime?: number }
        )?.scheduledTime ?? 0,
      { timeout: 20_000 },
    )
    .toBeGreaterThan(firedAt + 1_000);
}

describe('the daily digest notification', () => {
  it('is shown by the browser when the digest fires with a prompt due', async () => {
    const box = options.getByLabel('Remind me once a day of who to follow up with');
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
    await options.getByTestId('settings-status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await options.getByTestId('digest-blocked').count()).toBe(0);

    // A question they asked three days ago, unanswered: one prompt due.
    await callRapport(options, 'addPerson', {
      personId: 'ana',
      snapshot: {
        network: 'linkedin',
        id: 'ana-a',
        url: 'https://www.linkedin.com/in/ana-a/',
        name: 'Ana Alvarez',
        headline: null,
        avatarUrl: null,
      },
    });
    await callRapport(options, 'logInteraction', {
      interaction: {
        id: 'asked',
        personId: 'ana',
        at: Date.now() - 3 * 86_400_000,
        kind: 'question-asked',
        direction: 'them',
        channel: 'linkedin',
        text: 'Which CI do you use?',
        sourceUrl: null,
      },
    });
    await fireDigest();
    await expect.poll(shown).toEqual({ 'rapport-digest': true });
  });
});
