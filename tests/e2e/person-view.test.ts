import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures';
import {
  launchExtension,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
  servePage,
  sidebarFrame,
} from './harness';

// The person view end to end (issue 5): add someone in one click, log what happened, write a note, say
// how close you are, tag what they care about; after a reload everything is back and the tie model's
// reasons reflect it; another profile shows another person, and coming back shows Jane again.

const JANE = 'https://www.linkedin.com/in/jane-doe/';
const RAHUL = 'https://www.linkedin.com/in/rahul-mehta/';

let running: RunningExtension;

beforeAll(async () => {
  running = await launchExtension();
  await servePage(
    running.context,
    'https://www.linkedin.com/in/jane-doe/**',
    readFixture('linkedin/profile-jane-doe.html'),
  );
  await servePage(
    running.context,
    'https://www.linkedin.com/in/rahul-mehta/**',
    readFixture('linkedin/profile-rahul-mehta.html'),
  );
});
afterAll(async () => {
  await running?.close().catch(() => undefined);
  if (running) removeProfile(running.userDataDir);
});

async function open(page: Page, url: string): Promise<Frame> {
  await page.goto(url);
  const frame = await sidebarFrame(page, running.extensionId);
  await expect
    .poll(() => frame.locator('main[data-person]').getAttribute('data-person'))
    .toBe(`linkedin:${url.split('/in/')[1]?.replace(/\/$/, '')}`);
  return frame;
}

const loggedKinds = (frame: Frame) =>
  frame
    .locator('.interaction-log > li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
const reasons = (frame: Frame) => frame.locator('.tie-reasons li').allTextContents();
const tags = (frame: Frame, label: string) =>
  frame
    .getByRole('list', { name: `Current ${label}`, exact: true })
    .locator('.tag-name')
    .allTextContents();

describe('the person view on a LinkedIn profile', () => {
  const note = `Asked about her hiring plans (${Date.now()})`;

  it('adds Jane in one click, logs, notes, rates and tags her; all of it survives a reload', async () => {
    const page = await running.context.newPage();
    const frame = await open(page, JANE);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Jane Doe');
    await expect.poll(() => frame.locator('.person-meta').textContent()).toContain('not in Rapport yet');

    await frame.getByRole('button', { name: 'Add to Rapport', exact: true }).click();
    await expect.poll(() => frame.locator('.person-meta').textContent()).not.toContain('not in Rapport yet');
    await expect.poll(() => reasons(frame)).toContain('no contact logged yet');

    // Quick-log two of the common two-way moves; the log is newest first and the tie refreshes.
    await frame.getByRole('button', { name: 'Congratulated', exact: true }).click();
    await expect.poll(() => loggedKinds(frame)).toEqual(['congratulation']);
    await frame.getByRole('button', { name: 'Asked a question', exact: true }).click();
    await expect.poll(() => loggedKinds(frame)).toEqual(['question-asked', 'congratulation']);
    await expect.poll(() => reasons(frame)).toContain('last contact today');
    await expect.poll(() => frame.locator('.last-contact').textContent()).toContain('You reached out last');

    // A note.
    await frame.getByLabel('New note').fill(note);
    await expect.poll(() => frame.locator('.save-status').first().textContent()).toBe('Saved');

    // Closeness.
    await frame.getByLabel('How strong is your relationship?').fill('0.85');
    await expect.poll(() => reasons(frame)).toContain('you rated this relationship very close');

    // How we met (autosaved text).
    await frame.getByLabel('How we met', { exact: true }).fill('Lisbon meetup, 2023');
    await expect
      .poll(() => frame.locator('.tie .field-status[data-state="saved"]').count())
      .toBeGreaterThanOrEqual(1);

    // Tags, normalised: duplicates of any case are dropped.
    const interests = frame.getByLabel('Interests', { exact: true });
    await interests.fill('  Climbing ,  design   systems, climbing');
    await interests.press('Enter');
    await expect.poll(() => tags(frame, 'interests')).toEqual(['Climbing', 'design systems']);
    await frame.getByLabel('Goals', { exact: true }).fill('hiring engineers');
    await frame.getByRole('button', { name: 'Add goal', exact: true }).click();
    await expect.poll(() => tags(frame, 'goals')).toEqual(['hiring engineers']);

    await page.reload();
    const after = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => after.locator('.person-meta').textContent()).not.toContain('not in Rapport yet');
    await expect.poll(() => loggedKinds(after)).toEqual(['question-asked', 'congratulation']);
    await expect.poll(() => after.locator('.note-list textarea').first().inputValue()).toBe(note);
    expect(await after.getByLabel('How strong is your relationship?').inputValue()).toBe('0.85');
    expect(await after.getByLabel('How we met', { exact: true }).inputValue()).toBe('Lisbon meetup, 2023');
    expect(await tags(after, 'interests')).toEqual(['Climbing', 'design systems']);
    expect(await tags(after, 'goals')).toEqual(['hiring engineers']);
    const why = await reasons(after);
    expect(why).toContain('you rated this relationship very close');
    expect(why).toContain('last contact today');
    expect(why.some((reason) => reason.includes('2 exchanges'))).toBe(true);
    await page.close();
  });

  it('edits and deletes a logged interaction, with a confirmation step', async () => {
    const page = await running.context.newPage();
    const frame = await open(page, JANE);
    await expect.poll(() => loggedKinds(frame)).toEqual(['question-asked', 'congratulation']);
    const newest = frame.locator('.interaction-log > li').first();
    await newest.getByRole('button', { name: /^Edit / }).click();
    await newest.getByLabel('Who started it').selectOption('them');
    await newest.getByLabel('What happened (optional)').fill('She asked about the Lisbon talk');
    await newest.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => frame.locator('.interaction-log .log-text').first().textContent())
      .toBe('She asked about the Lisbon talk');
    // They asked: an open loop until the user answers.
    await expect
      .poll(() => frame.locator('.open-loops li').allTextContents())
      .toEqual(['they asked you something today']);
    await frame.getByRole('button', { name: 'Answered', exact: true }).click();
    await expect.poll(() => frame.locator('.open-loops li').count()).toBe(0);

    const answered = frame.locator('.interaction-log > li').first();
    await answered.getByRole('button', { name: /^Delete / }).click();
    await answered.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => loggedKinds(frame)).toEqual(['question-asked', 'congratulation']);

    // The full form is built only once its section is opened, and logs like the quick buttons do.
    expect(await frame.getByRole('button', { name: 'Log it' }).count()).toBe(0);
    await frame.getByText('Log with details…').click();
    const form = frame.locator('.full-form');
    await form.getByLabel('What happened (optional)').fill('Sent her the slides');
    await form.getByRole('button', { name: 'Log it' }).click();
    await expect
      .poll(() => frame.locator('.interaction-log .log-text').first().textContent())
      .toBe('Sent her the slides');
    expect(await loggedKinds(frame)).toEqual(['message', 'question-asked', 'congratulation']);
    const sent = frame.locator('.interaction-log > li').first();
    await sent.getByRole('button', { name: /^Delete / }).click();
    await sent.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => loggedKinds(frame)).toEqual(['question-asked', 'congratulation']);
    await page.close();
  });

  it('follows a write made in another tab without a reload, both ways', async () => {
    const first = await running.context.newPage();
    const here = await open(first, JANE);
    const second = await running.context.newPage();
    const there = await open(second, JANE);
    await expect.poll(() => loggedKinds(here)).toEqual(['question-asked', 'congratulation']);
    await expect.poll(() => loggedKinds(there)).toEqual(['question-asked', 'congratulation']);

    await there.getByRole('button', { name: 'Thanked', exact: true }).click();
    await expect.poll(() => loggedKinds(here)).toEqual(['message', 'question-asked', 'congratulation']);

    const thanked = here.locator('.interaction-log > li').first();
    await thanked.getByRole('button', { name: /^Delete / }).click();
    await thanked.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => loggedKinds(there)).toEqual(['question-asked', 'congratulation']);
    await second.close();
    await first.close();
  });

  it('shows another person on another profile, and Jane again on coming back', async () => {
    const page = await running.context.newPage();
    let frame = await open(page, RAHUL);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Rahul Mehta');
    await expect.poll(() => frame.getByRole('button', { name: 'Add to Rapport' }).count()).toBe(1);
    expect(await frame.locator('.interaction-log').count()).toBe(0);
    // Link this profile to Jane? No: add Rahul on his own, and say he knows Jane.
    await frame.getByRole('button', { name: 'Add to Rapport', exact: true }).click();
    await frame.getByLabel('Someone you know who knows them').fill('jan');
    await frame.getByRole('button', { name: 'Knows them: Jane Doe' }).click();
    await expect
      .poll(() => frame.locator('.mutual-list li').allTextContents())
      .toEqual([expect.stringContaining('Jane Doe knows them')]);

    frame = await open(page, JANE);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Jane Doe');
    await expect.poll(() => loggedKinds(frame)).toEqual(['question-asked', 'congratulation']);
    await expect
      .poll(() => frame.locator('.mutual-list li').allTextContents())
      .toEqual([expect.stringContaining('Rahul Mehta knows them')]);
    await page.close();
  });
});

describe('a headline change', () => {
  it('offers to acknowledge it, and logging the congratulation settles it', async () => {
    const page = await running.context.newPage();
    const before = readFixture('linkedin/profile-jane-doe.html');
    const promoted = before.replace('Engineering Manager at Acme', 'Director of Engineering at Beta');
    expect(promoted).not.toBe(before);
    await servePage(running.context, 'https://www.linkedin.com/in/jane-doe/**', promoted);
    const frame = await open(page, JANE);
    const banner = frame.locator('.milestone');
    await expect
      .poll(() => banner.textContent(), { timeout: 10_000 })
      .toContain('Now Director of Engineering at Beta, was Engineering Manager at Acme: acknowledge it?');
    await banner.getByRole('button', { name: 'Log congratulation' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await expect
      .poll(() => loggedKinds(frame))
      .toEqual(['congratulation', 'question-asked', 'congratulation']);
    await page.reload();
    const after = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => loggedKinds(after)).toHaveLength(3);
    expect(await after.locator('.milestone').count()).toBe(0);
    await page.close();
  });
});

// Where the person stands among all the user's ties (Dunbar layer), suggestions from the user's own tags,
// who shares a tag, and an introduction; these run after the tests above, which added Jane and Rahul.
describe('the person among the user’s ties', () => {
  const SAM = 'https://www.linkedin.com/in/sam-lee/';
  const options = (frame: Frame, label: string) =>
    frame
      .getByRole('listbox', { name: `Your ${label}` })
      .getByRole('option')
      .allTextContents();

  it('suggests the user’s tags by keyboard and mouse, and links a shared tag to who shares it', async () => {
    const page = await running.context.newPage();
    const frame = await open(page, RAHUL);
    await expect.poll(() => frame.locator('.tie-summary').count()).toBe(1);
    const field = frame.getByRole('combobox', { name: 'Interests', exact: true });
    await field.fill('c');
    await expect.poll(() => options(frame, 'interests')).toEqual(['Climbing · 1 person']);
    await field.press('ArrowDown');
    await expect
      .poll(() => frame.getByRole('option', { name: /^Climbing/ }).getAttribute('aria-selected'))
      .toBe('true');
    await field.press('Enter');
    await expect.poll(() => tags(frame, 'interests')).toEqual(['Climbing']);

    // Mouse: Jane's goal offered on the goals field, from an empty field (most used first).
    const goals = frame.getByRole('combobox', { name: 'Goals', exact: true });
    await goals.focus();
    await frame.getByRole('option', { name: 'hiring engineers · 1 person' }).click();
    await expect.poll(() => tags(frame, 'goals')).toEqual(['hiring engineers']);

    const shared = frame.getByRole('button', { name: 'Also into “Climbing”: 1 of your tie' });
    await shared.click();
    const who = frame.getByRole('list', { name: 'Who shares Climbing' });
    await expect.poll(() => who.locator('a').allTextContents()).toEqual(['Jane Doe']);
    expect(await who.locator('a').getAttribute('href')).toBe(JANE);

    // And to a search of everyone for it, in the toolbar popup. Headless Chromium opens the popup where
    // no test can see its page, so: the click opens a popup.html target, which takes the search left for it.
    const browserSession = await running.context.browser()?.newBrowserCDPSession();
    if (!browserSession) throw new Error('No browser session');
    const popupTargets = async () =>
      ((await browserSession.send('Target.getTargets')).targetInfos as { url: string }[]).filter((target) =>
        target.url.endsWith('/popup.html'),
      ).length;
    const pendingSearch = () =>
      frame.evaluate(
        async () =>
          (
            await (
              globalThis as unknown as {
                chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
              }
            ).chrome.storage.session.get('popup:pending-search')
          )['popup:pending-search'] ?? null,
      );
    // Every change to the search left for the popup, as storage reports it: the sidebar must leave it, and
    // the popup take it (a search that was never left would also read as none).
    await frame.evaluate(() => {
      const scope = globalThis as unknown as {
        pendingChanges: unknown[];
        chrome: {
          storage: {
            onChanged: {
              addListener(f: (c: Record<string, { newValue?: unknown }>, area: string) => void): void;
            };
          };
        };
      };
      scope.pendingChanges = [];
      scope.chrome.storage.onChanged.addListener((changes, area) => {
        const change = changes['popup:pending-search'];
        if (area === 'session' && change) scope.pendingChanges.push(change.newValue ?? null);
      });
    });
    const pendingChanges = () =>
      frame.evaluate(() =>
        (globalThis as unknown as { pendingChanges: { query?: string }[] }).pendingChanges.map(
          (value) => value?.query ?? null,
        ),
      );
    expect(await popupTargets()).toBe(0);
    await who.getByRole('button', { name: 'Search all your ties for “Climbing”' }).click();
    await expect.poll(popupTargets).toBe(1);
    await expect.poll(pendingChanges).toEqual(['Climbing', null]);
    expect(await pendingSearch()).toBeNull();
    await browserSession.detach();
    await page.close();

    // What the popup does with it, seen in a page of it: a search left by the sidebar, and the same search
    // in the address (where the browser will not open the popup, the sidebar opens this page instead).
    const searchShown = async (popup: Page) => {
      await expect.poll(() => popup.getByLabel('Search people, tags, notes').inputValue()).toBe('Climbing');
      await expect
        .poll(async () => (await popup.locator('[role="option"]').allTextContents()).join(' | '))
        .toMatch(/Jane Doe.*\|.*Rahul Mehta|Rahul Mehta.*\|.*Jane Doe/);
      await popup.close();
    };
    const left = await openExtensionPage(running, 'sidebar.html');
    await left.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }
      ).chrome.storage.session.set({ 'popup:pending-search': { query: 'Climbing', at: Date.now() } }),
    );
    await left.goto(`chrome-extension://${running.extensionId}/popup.html`);
    await searchShown(left);
    const addressed = await running.context.newPage();
    await addressed.goto(
      `chrome-extension://${running.extensionId}/popup.html#q=${encodeURIComponent('Climbing')}`,
    );
    await searchShown(addressed);
  });

  it('shows the Dunbar layer with what it means, and the top introduction, which can be acted on', async () => {
    await servePage(
      running.context,
      `${SAM}**`,
      readFixture('linkedin/profile-rahul-mehta.html')
        .replaceAll('rahul-mehta', 'sam-lee')
        .replaceAll('Rahul Mehta', 'Sam Lee'),
    );
    const page = await running.context.newPage();
    const frame = await open(page, SAM);
    await frame.getByRole('button', { name: 'Add to Rapport', exact: true }).click();
    await expect.poll(() => frame.locator('.dunbar').textContent()).toContain('of your 3 ties');
    expect(await frame.locator('.dunbar').textContent()).toMatch(
      /Dunbar layer 5.*They are in your support clique/,
    );

    // Sam shares Jane's and Rahul's goal and knows neither: one of them is the best introduction.
    const goals = frame.getByRole('combobox', { name: 'Goals', exact: true });
    await goals.fill('hir');
    await frame.getByRole('option', { name: 'hiring engineers · 2 people' }).click();
    const intro = frame.locator('.introductions');
    const made = intro.getByRole('button', { name: /^I introduced them to / });
    await expect.poll(() => intro.textContent()).toContain('both care about hiring engineers');
    const first = (await made.textContent())?.replace('I introduced them to ', '') ?? '';
    expect(['Jane Doe', 'Rahul Mehta']).toContain(first);
    // The pair is named in id order, which is random here.
    expect(await intro.textContent()).toMatch(
      new RegExp(`(Sam Lee and ${first}|${first} and Sam Lee) both care about hiring engineers`),
    );
    // Done: logged and linked, so the next best (the other one) is offered; "Not now" puts it away.
    await made.click();
    await expect
      .poll(() => made.textContent())
      .toBe(`I introduced them to ${first === 'Jane Doe' ? 'Rahul Mehta' : 'Jane Doe'}`);
    await expect
      .poll(() => frame.locator('.mutual-list li').allTextContents())
      .toEqual([expect.stringContaining(`${first} knows them`)]);
    await expect.poll(() => loggedKinds(frame)).toEqual(['introduction']);
    await intro.getByRole('button', { name: 'Not now' }).click();
    await expect.poll(() => intro.count()).toBe(0);
    await page.reload();
    const after = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => after.locator('.dunbar').count()).toBe(1);
    expect(await after.locator('.introductions').count()).toBe(0);
    await page.close();
  });

  it('keeps a dismissed headline banner dismissed after a reload (stored, not in the frame)', async () => {
    const before = readFixture('linkedin/profile-jane-doe.html');
    await servePage(
      running.context,
      'https://www.linkedin.com/in/jane-doe/**',
      before.replace('Engineering Manager at Acme', 'VP Engineering at Gamma'),
    );
    const page = await running.context.newPage();
    const frame = await open(page, JANE);
    const banner = frame.locator('.milestone');
    await expect
      .poll(() => banner.textContent(), { timeout: 10_000 })
      .toContain('Now VP Engineering at Gamma');
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    // (The frame cannot use localStorage at all on the site's page: only the store can keep it away.)
    await page.reload();
    const after = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => after.locator('.dunbar').count()).toBe(1);
    expect(await after.locator('.milestone').count()).toBe(0);
    await page.close();
  });
});
