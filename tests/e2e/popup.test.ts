import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callRapport,
  launchExtension,
  linkedInSnapshot,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
} from './harness';

// The toolbar popup, opened as an extension page: data seeded through the protocol, prompts acted on with
// the keyboard and buttons, search with the keyboard, and the toolbar badge read from the worker.

const DAY = 86_400_000;
let running: RunningExtension;
let page: Page;

beforeAll(async () => {
  running = await launchExtension();
  page = await openExtensionPage(running, 'popup.html');
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

const send = <T>(type: string, payload: unknown) => callRapport<T>(page, type, payload);

async function badge(): Promise<string> {
  const worker = await running.worker();
  return worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
}

async function waitForBadge(text: string): Promise<void> {
  await expect.poll(badge, { timeout: 10_000 }).toBe(text);
}

let seq = 0;
async function log(personId: string, at: number, kind: string, direction: string, text: string | null) {
  seq += 1;
  await send('logInteraction', {
    interaction: {
      id: `e2e-${seq}`,
      personId,
      at,
      kind,
      direction,
      channel: 'linkedin',
      text,
      sourceUrl: null,
    },
  });
}

interface View {
  interactions: { kind: string; direction: string; text: string | null }[];
}

describe('the toolbar popup', () => {
  it('shows prompts for seeded data, and the badge counts them', async () => {
    const now = Date.now();
    await send('addPerson', { personId: 'ana', snapshot: linkedInSnapshot('ana-a', 'Ana Alvarez') });
    await send('addPerson', { personId: 'carl', snapshot: linkedInSnapshot('carl-c', 'Carl Chen') });
    await send('addPerson', { personId: 'dee', snapshot: linkedInSnapshot('dee-d', 'Dee Diaz') });
    await send('updatePerson', { personId: 'ana', patch: { expertise: ['Kubernetes'] } });
    await log('ana', now - 3 * DAY, 'question-asked', 'them', 'Which CI do you use?');
    await log('carl', now - 120 * DAY, 'meeting', 'mutual', null);
    await log('dee', now - 2 * DAY, 'share', 'them', 'Launched our design system');
    await waitForBadge('3');

    await page.reload();
    await expect.poll(() => page.locator('li.prompt').count()).toBe(3);
    await expect(
      page.locator('li.prompt[data-kind="reply-acknowledge"] .prompt-reason').textContent(),
    ).resolves.toMatch(/asked you something 3 days ago/);
    await expect(page.locator('[data-count="due"]').textContent()).resolves.toBe('3');
  });

  it('Done logs the matching interaction and the prompt goes', async () => {
    const card = page.locator('li.prompt[data-kind="reply-acknowledge"]');
    await card.locator('textarea').fill('We use GitHub Actions.');
    await card.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.locator('li.prompt').count()).toBe(2);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Logged: Ana Alvarez');
    const view = await send<View>('getPersonView', { ref: { network: 'linkedin', id: 'ana-a' } });
    expect(view.interactions[0]).toMatchObject({
      kind: 'question-answered',
      direction: 'me',
      text: 'We use GitHub Actions.',
    });
    await waitForBadge('2');
  });

  it('Snooze (with the keyboard) and Dismiss put prompts away without logging anything', async () => {
    const success = page.locator('li.prompt[data-kind="acknowledge-success"]');
    await success.getByRole('button', { name: 'Snooze' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Tomorrow');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('li.prompt').count()).toBe(1);

    await page.locator('li.prompt[data-kind="reconnect"]').getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => page.locator('li.prompt').count()).toBe(0);
    await expect(page.getByText('Nothing due today.').count()).resolves.toBe(1);
    const dee = await send<View>('getPersonView', { ref: { network: 'linkedin', id: 'dee-d' } });
    expect(dee.interactions.map((i) => i.kind)).toEqual(['share']);
    await waitForBadge('');
  });

  it('searches with the keyboard; Enter opens the profile in a new tab', async () => {
    await page.getByLabel('Search people, tags, notes').focus();
    await page.keyboard.type('kube');
    await expect.poll(() => page.locator('[role="option"]').count()).toBe(1);
    await expect(page.locator('[role="option"]').textContent()).resolves.toMatch(
      /Ana Alvarez.*(strong|weak).*expertise/,
    );
    await page.keyboard.press('ArrowDown');
    // The network is closed to tests: the request for the profile is enough to know what was opened.
    const requested = running.context.waitForEvent('request', {
      predicate: (request) => request.url().includes('linkedin.com/in/ana-a'),
      timeout: 10_000,
    });
    const opened = running.context.waitForEvent('page');
    await page.keyboard.press('Enter');
    await expect(requested.then((request) => request.url())).resolves.toBe(
      'https://www.linkedin.com/in/ana-a/',
    );
    await (await opened).close();
  });

  it('a write from anywhere updates the badge', async () => {
    await log('ana', Date.now(), 'question-asked', 'them', 'And for deploys?');
    await waitForBadge('1');
  });
});
