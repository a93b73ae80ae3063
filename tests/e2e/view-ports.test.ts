import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchExtension,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
  servePage,
  sidebarFrame,
} from './harness';
import { spaShell } from './spa-shell';

// The in-page sidebar hears its tab's reports over a port it opens to the content script
// (lib/content/view-ports.ts), ahead of the runtime message every extension context gets.

let running: RunningExtension;
beforeAll(async () => {
  running = await launchExtension();
  await servePage(
    running.context,
    'https://www.linkedin.com/**',
    spaShell({
      '/in/jane-doe/': 'linkedin/profile-jane-doe.html',
      '/in/rahul-mehta/': 'linkedin/profile-rahul-mehta.html',
    }),
  );
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

interface Heard {
  type: string;
  payload: { snapshot: { id: string; name: string | null } | null; details: string; seq: number };
}

describe('the content script’s ports for its tab’s views', () => {
  it('sends each report to a port Rapport opened to the tab, and nothing to a port of another name', async () => {
    const page = await running.context.newPage();
    await page.goto('https://www.linkedin.com/in/jane-doe/');
    await sidebarFrame(page, running.extensionId);
    const listener = await openExtensionPage(running, 'options.html');
    await listener.evaluate(async () => {
      interface Port {
        onMessage: { addListener(listener: (message: unknown) => void): void };
      }
      const chromeApi = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(filter: object): Promise<{ id?: number }[]>;
              connect(tabId: number, options: object): Port;
            };
          };
        }
      ).chrome;
      const [tab] = await chromeApi.tabs.query({ url: 'https://www.linkedin.com/*' });
      const store = globalThis as unknown as { heard: unknown[]; other: unknown[] };
      store.heard = [];
      store.other = [];
      const options = { frameId: 0 };
      chromeApi.tabs
        .connect(tab?.id as number, { ...options, name: 'rapport/tab-reports' })
        .onMessage.addListener((message) => store.heard.push(message));
      chromeApi.tabs
        .connect(tab?.id as number, { ...options, name: 'something-else' })
        .onMessage.addListener((message) => store.other.push(message));
    });

    await page.evaluate(() =>
      (window as unknown as { spaNavigate(path: string): Promise<void> }).spaNavigate('/in/rahul-mehta/'),
    );
    const heard = () => listener.evaluate(() => (globalThis as unknown as { heard: Heard[] }).heard);
    await expect
      .poll(async () => (await heard()).map((message) => message.payload.snapshot?.name ?? null))
      .toContain('Rahul Mehta');
    const messages = await heard();
    expect(messages.every((message) => message.type === 'reportProfile')).toBe(true);
    expect(messages.map((message) => message.payload.snapshot?.id)).not.toContain('jane-doe');
    expect(await listener.evaluate(() => (globalThis as unknown as { other: unknown[] }).other)).toEqual([]);
    await listener.close();
    await page.close();
  });
});
