import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, removeProfile, servePage, sidebarFrame } from '../tests/e2e/harness';
import { demoPages } from '../tests/fixtures/demo';

/**
 * `npm run demo`: Chromium with the built extension on bundled demo profile pages of LinkedIn, Facebook
 * and X, served at the sites' own addresses (no account, no network).
 * `npm run demo -- --screenshots DIR`: headless; writes a light and a dark screenshot per network, and
 * one of LinkedIn in side-panel mode (the page untouched, the panel beside it).
 */
const args = process.argv.slice(2);
const shotsIndex = args.indexOf('--screenshots');
const screenshotDir = shotsIndex >= 0 ? args[shotsIndex + 1] : undefined;
if (shotsIndex >= 0 && !screenshotDir) {
  console.error('Usage: npm run demo -- --screenshots <directory>');
  process.exit(2);
}

const running = await launchExtension({ headless: screenshotDir !== undefined });
for (const demo of demoPages) {
  await servePage(running.context, demo.pattern, demo.html);
}

async function openWithNote(url: string, note: string): Promise<Page> {
  const page = await running.context.newPage();
  await page.goto(url);
  const frame = await sidebarFrame(page, running.extensionId);
  await frame.getByLabel('New note').fill(note);
  await frame.locator('.save-status', { hasText: 'Saved' }).first().waitFor();
  // A little history, so the tie shows its reasons.
  for (const action of ['Met', 'Congratulated']) {
    await frame.getByRole('button', { name: action, exact: true }).click();
    await frame.getByText('No exchanges logged yet.').waitFor({ state: 'detached' });
  }
  await frame.locator('body').evaluate((body) => body.ownerDocument.defaultView?.scrollTo(0, 0));
  return page;
}

/**
 * LinkedIn set to the side panel: the page as the site made it, and the panel page beside it. Headless
 * Chromium draws no browser UI, so the two are captured apart and placed side by side on one image.
 */
async function sidePanelScreenshot(path: string): Promise<void> {
  const linkedin = demoPages[0];
  const panel = await running.context.newPage();
  await panel.setViewportSize({ width: 380, height: 900 });
  await panel.goto(`chrome-extension://${running.extensionId}/sidepanel.html`);
  await panel.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
    ).chrome.storage.local.set({ 'display:linkedin': 'panel' }),
  );
  const page = await running.context.newPage();
  await page.goto(linkedin.url);
  await page.bringToFront();
  await panel.locator('h1', { hasText: 'Jane Doe' }).waitFor();
  await panel.locator('.note-list textarea').first().waitFor();
  const [site, side] = [await page.screenshot(), await panel.screenshot()];
  const sheet = await running.context.newPage();
  await sheet.setViewportSize({ width: 1440 + 380, height: 900 });
  const img = (png: Buffer) => `<img src="data:image/png;base64,${png.toString('base64')}">`;
  await sheet.setContent(
    `<body style="margin:0;display:flex;background:#888">${img(site)}<div style="width:1px;background:#999"></div>${img(side)}</body>`,
  );
  await sheet.screenshot({ path });
  console.info(`wrote ${path}`);
  for (const one of [sheet, page, panel]) await one.close();
}

if (screenshotDir) {
  const dir = resolve(screenshotDir);
  mkdirSync(dir, { recursive: true });
  for (const demo of demoPages) {
    const page = await openWithNote(demo.url, demo.note);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // Let the sidebar repaint in the new scheme before the capture.
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      const path = resolve(dir, `${demo.network}-${scheme}.png`);
      await page.screenshot({ path });
      console.info(`wrote ${path}`);
    }
    await page.close();
  }
  await sidePanelScreenshot(resolve(dir, 'side-panel-light.png'));
  await running.close();
  removeProfile(running.userDataDir);
} else {
  for (const demo of demoPages) await openWithNote(demo.url, demo.note);
  console.info('Rapport demo is open. Close the browser window to end it.');
  await new Promise<void>((done) => running.context.on('close', () => done()));
  removeProfile(running.userDataDir);
}
