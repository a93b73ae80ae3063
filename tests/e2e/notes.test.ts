import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures';
import { launchExtension, type RunningExtension, removeProfile, servePage, sidebarFrame } from './harness';

// The first slice, end to end: a LinkedIn profile shows the sidebar with the person's name, and a note
// typed there survives a reload and a browser restart.

const PROFILE_URL = 'https://www.linkedin.com/in/jane-doe/';
const html = readFixture('linkedin/profile-jane-doe.html');

async function openProfile(running: RunningExtension) {
  await servePage(running.context, 'https://www.linkedin.com/**', html);
  const page = await running.context.newPage();
  await page.goto(PROFILE_URL);
  const frame = await sidebarFrame(page, running.extensionId);
  return { page, frame };
}

describe('notes on a LinkedIn profile', () => {
  let running: RunningExtension;
  let userDataDir: string;
  const note = `Met at the Lisbon meetup; ask about her hiring plans (${Date.now()})`;

  beforeAll(async () => {
    running = await launchExtension();
    userDataDir = running.userDataDir;
  });
  afterAll(async () => {
    await running?.close().catch(() => undefined);
    if (userDataDir) removeProfile(userDataDir);
  });

  it("shows the sidebar with the person's name read from the page", async () => {
    const { page, frame } = await openProfile(running);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Jane Doe');
    await page.close();
  });

  it('keeps a typed note after a reload', async () => {
    const { page, frame } = await openProfile(running);
    await frame.getByLabel('New note').fill(note);
    await expect.poll(() => frame.locator('.save-status').first().textContent()).toBe('Saved');
    // Writing the first note added her to Rapport.
    await expect.poll(() => frame.locator('.person-meta').textContent()).not.toContain('not in Rapport yet');
    await page.reload();
    const after = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => after.locator('.note-list textarea').first().inputValue()).toBe(note);
    await page.close();
  });

  it('keeps the note after the browser restarts on the same profile directory', async () => {
    await running.close();
    running = await launchExtension({ userDataDir });
    const { frame } = await openProfile(running);
    await expect.poll(() => frame.locator('.note-list textarea').first().inputValue()).toBe(note);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Jane Doe');
  });
});
