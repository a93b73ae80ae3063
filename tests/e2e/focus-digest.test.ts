import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type RunningExtension, removeProfile } from './harness';

// The user's settings reaching the rest of the extension, in the built extension in Chromium: the focus
// set on the options page brings an ask-question prompt naming the shared topic into the popup; the daily
// digest sets, moves and clears its alarm; the theme applies on every extension page.

let running: RunningExtension;
let options: Page;
const url = (page: string) => `chrome-extension://${running.extensionId}/${page}`;

beforeAll(async () => {
  running = await launchExtension();
  options = await running.context.newPage();
  await options.goto(url('options.html'));
  await options.getByTestId('focus-editor').waitFor();
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

type Chrome = {
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value: unknown; error?: unknown }> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
  permissions: {
    request: (p: unknown, cb?: (granted: boolean) => void) => unknown;
    remove: (p: unknown, cb?: (removed: boolean) => void) => unknown;
    contains: (p: unknown, cb?: (held: boolean) => void) => unknown;
  };
};

async function send(type: string, payload: unknown): Promise<unknown> {
  const answer = await options.evaluate(
    ({ type, payload }) =>
      (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({
        tag: 'rapport/v1',
        type,
        payload,
      }),
    { type, payload },
  );
  if (!answer.ok) throw new Error(`${type}: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

const storedSettings = () =>
  options.evaluate(async () => {
    const got = await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('settings');
    return got.settings as { version: number; focus: unknown; digest: unknown; theme: string };
  });

const digestAlarm = () =>
  options.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.alarms.get('rapport-digest'));

/** The next time local clocks show hh:mm, computed in the browser (its zone), from the calendar. */
const nextLocal = (hours: number, minutes: number) =>
  options.evaluate(
    ([h, m]) => {
      const now = new Date();
      const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), h, m).getTime();
      return today > now.getTime()
        ? today
        : new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, h, m).getTime();
    },
    [hours, minutes] as const,
  );

describe('the focus', () => {
  it('set on the options page, brings an ask-question prompt naming the shared topic into the popup', async () => {
    await send('addPerson', {
      personId: 'cleo',
      snapshot: {
        network: 'linkedin',
        id: 'cleo-park',
        url: 'https://www.linkedin.com/in/cleo-park/',
        name: 'Cleo Park',
        headline: null,
        avatarUrl: null,
      },
    });
    await send('updatePerson', { personId: 'cleo', patch: { interests: ['Climate tech'] } });

    const popup = await running.context.newPage();
    await popup.goto(url('popup.html'));
    await popup.getByTestId('focus-hint').waitFor();
    expect(await popup.getByText('Nothing due today.').count()).toBe(1);
    // The hint's link opens the options page at the focus editor.
    const [opened] = await Promise.all([
      running.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Set your focus' }).click(),
    ]);
    await opened.waitForURL(url('options.html#focus-title'));
    await opened.close();

    await options.getByLabel('Your interests', { exact: true }).fill('climate tech, ');
    await options.getByRole('button', { name: 'Add interest' }).click();
    await options.getByRole('button', { name: 'Remove interest climate tech' }).waitFor();
    await options.getByLabel('Your goals', { exact: true }).fill('Hiring designers');
    await options.getByLabel('Your goals', { exact: true }).press('Enter');
    await options.getByRole('button', { name: 'Remove goal Hiring designers' }).waitFor();
    expect(await storedSettings()).toMatchObject({
      version: 3,
      focus: { interests: ['climate tech'], goals: ['Hiring designers'] },
    });

    await popup.reload();
    const card = popup.locator('.prompts li').filter({ hasText: 'Cleo Park' });
    await card.waitFor();
    expect(await card.textContent()).toContain('shares your interest: climate tech');
    expect(await card.locator('textarea').inputValue()).toContain("I saw you're into climate tech");
    expect(await popup.getByTestId('focus-hint').count()).toBe(0);

    // Removing the topic takes the prompt away again.
    await options.getByRole('button', { name: 'Remove interest climate tech' }).click();
    await expect
      .poll(async () => (await storedSettings()).focus)
      .toEqual({
        interests: [],
        goals: ['Hiring designers'],
      });
    await popup.reload();
    await popup.getByText('Nothing due today.').waitFor();
    await popup.close();
  });
});

describe('the daily digest', () => {
  /**
   * Headless Chromium cannot answer the permission prompt (the request never settles), so the test stands
   * in for the user: the page's permission request is answered with `answer`, and each call is recorded.
   */
  async function answerPermissionPrompt(answer: boolean) {
    await options.evaluate((granted) => {
      const permissions = (globalThis as unknown as { chrome: Chrome }).chrome.permissions;
      const calls: string[] = [];
      (globalThis as unknown as { permissionCalls: string[] }).permissionCalls = calls;
      const reply = (result: boolean, call: string, cb?: (value: boolean) => void) => {
        calls.push(call);
        if (cb) cb(result);
        else return Promise.resolve(result);
      };
      let held = false;
      permissions.request = (p, cb) => {
        held = granted;
        return reply(granted, `request ${JSON.stringify(p)}`, cb);
      };
      permissions.remove = (p, cb) => {
        held = false;
        return reply(true, `remove ${JSON.stringify(p)}`, cb);
      };
      permissions.contains = (_p, cb) => (cb ? cb(held) : Promise.resolve(held));
    }, answer);
  }
  const permissionCalls = () =>
    options.evaluate(() => (globalThis as unknown as { permissionCalls: string[] }).permissionCalls);

  it('is off by default with no alarm; refusing the permission leaves it off', async () => {
    expect(await digestAlarm()).toBeUndefined();
    await answerPermissionPrompt(false);
    const box = options.getByLabel('Remind me once a day of who to follow up with');
    await box.check({ force: true }).catch(() => undefined);
    await options.getByText(/The daily digest stays off/).waitFor();
    expect(await permissionCalls()).toEqual(['request {"permissions":["notifications"]}']);
    expect(await box.isChecked()).toBe(false);
    expect((await storedSettings()).digest).toEqual({ enabled: false, time: '09:00' });
    expect(await digestAlarm()).toBeUndefined();
  });

  it('turned on, asks for the notifications permission and sets the alarm at the chosen local time', async () => {
    await answerPermissionPrompt(true);
    // The box changes once the (stand-in) permission answer is in, not on the click itself, so
    // Playwright's check()/uncheck() could find it unchanged on a busy machine.
    await options.getByLabel('Remind me once a day of who to follow up with').click();
    await expect
      .poll(() => options.getByLabel('Remind me once a day of who to follow up with').isChecked())
      .toBe(true);
    await options.getByTestId('settings-status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await permissionCalls()).toEqual(['request {"permissions":["notifications"]}']);
    expect((await digestAlarm())?.scheduledTime).toBe(await nextLocal(9, 0));

    await options.getByLabel('At', { exact: true }).fill('07:30');
    await expect.poll(async () => (await digestAlarm())?.scheduledTime).toBe(await nextLocal(7, 30));
    expect((await storedSettings()).digest).toEqual({ enabled: true, time: '07:30' });
    // Only turning it on asks.
    expect(await permissionCalls()).toHaveLength(1);
    expect(await options.getByTestId('digest-blocked').count()).toBe(0);
  });

  it('says so when the browser does not let Rapport show notifications while the digest is on', async () => {
    // Reloaded, the page asks the real browser, where the permission was never granted (see above).
    await options.reload();
    await options.getByTestId('digest-blocked').waitFor();
    expect(await options.getByLabel('Remind me once a day of who to follow up with').isChecked()).toBe(true);
    expect((await digestAlarm())?.scheduledTime).toBe(await nextLocal(7, 30));
  });

  it('turned off, clears the alarm and gives the permission back', async () => {
    await answerPermissionPrompt(true);
    await options.getByLabel('Remind me once a day of who to follow up with').click();
    await expect
      .poll(() => options.getByLabel('Remind me once a day of who to follow up with').isChecked())
      .toBe(false);
    await expect.poll(digestAlarm).toBeUndefined();
    expect(await permissionCalls()).toEqual(['remove {"permissions":["notifications"]}']);
    expect(await options.getByTestId('digest-blocked').count()).toBe(0);
    expect((await storedSettings()).digest).toEqual({ enabled: false, time: '07:30' });
  });
});

describe('the theme', () => {
  const DARK_BG = 'rgb(27, 31, 35)';
  const LIGHT_BG = 'rgb(255, 255, 255)';
  const look = (page: Page) =>
    page.evaluate(() => ({
      theme: document.documentElement.dataset.theme ?? null,
      background: getComputedStyle(document.body).backgroundColor,
    }));

  it.each(['popup.html', 'sidebar.html', 'sidepanel.html', 'chooser.html#none'])(
    'applies on %s, and follows a change made while it is open',
    async (path) => {
      await options.getByLabel('Theme').selectOption('dark');
      await expect.poll(async () => (await storedSettings()).theme).toBe('dark');
      const page = await running.context.newPage();
      await page.goto(url(path));
      // Headless Chromium prefers light, so a dark page can only come from the setting.
      await expect.poll(() => look(page)).toEqual({ theme: 'dark', background: DARK_BG });
      await options.getByLabel('Theme').selectOption('system');
      await expect.poll(() => look(page)).toEqual({ theme: null, background: LIGHT_BG });
      await page.close();
    },
  );
});
