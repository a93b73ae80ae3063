import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type RunningExtension, removeProfile, servePage, sidebarFrame } from './harness';

// The real pages the sites served (../shared/real-pages, beside the project on development machines and
// in CI, never copied in), loaded at their own URLs with the extension: the sidebar names the owner.
const dir = resolve(import.meta.dirname, '../../../shared/real-pages');
const present = existsSync(dir);
if (!present) console.warn(`Real-page browser tests skipped: ${dir} is absent.`);

interface Meta {
  network: string;
  isProfile: boolean;
  expectedId?: string;
  expectedUrl?: string;
  testUrl?: string;
  profileName?: string;
  displayName?: string;
  entityName?: string;
}

const profiles = present
  ? readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => ({
        name: file.replace(/\.json$/, ''),
        meta: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Meta,
      }))
      .filter(({ meta }) => meta.isProfile)
      .map(({ name, meta }) => ({
        name,
        key: `${meta.network}:${meta.expectedId}`,
        // facebook-1's json has no URL; its page names https://www.facebook.com/heymeedan.
        url:
          (meta.testUrl ?? meta.expectedUrl ?? `https://www.facebook.com/${meta.expectedId}`).split(' ')[0] ??
          '',
        expectedName: meta.profileName ?? meta.displayName ?? meta.entityName ?? '',
      }))
  : [];

describe.skipIf(!present)('real saved pages in the browser', () => {
  let running: RunningExtension;
  beforeAll(async () => {
    running = await launchExtension();
  });
  afterAll(async () => {
    await running?.close();
    if (running) removeProfile(running.userDataDir);
  });

  it('has the profile pages to test', () => {
    expect(profiles.length).toBeGreaterThanOrEqual(5);
  });

  it.each(profiles)('$name: the sidebar shows $expectedName', async ({ name, key, url, expectedName }) => {
    const html = readFileSync(join(dir, `${name}.html`), 'utf8');
    await servePage(running.context, `${new URL(url).origin}/**`, html);
    const page = await running.context.newPage();
    await page.goto(url);
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => frame.locator('main[data-person]').getAttribute('data-person')).toBe(key);
    await expect.poll(() => frame.locator('h1').textContent(), { timeout: 10_000 }).toBe(expectedName);
    await page.close();
  });
});
