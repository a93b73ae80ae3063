import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanText } from '../../lib/sites/text';
import { readFixture } from '../fixtures';
import {
  callRapport,
  launchExtension,
  openExtensionPage,
  type RunningExtension,
  removeProfile,
  servePage,
  sidebarFrame,
} from './harness';

// Issue 10, hostile pages: a page's own scripts cannot make Rapport act (forged postMessage, CustomEvents,
// look-alike elements, attribute changes: 1,000 of them change nothing), and hostile profile text is shown
// as plain text in the sidebar, the popup and the options page, and exported safely.

const JANE = 'https://www.linkedin.com/in/jane-doe/';
const EVE = 'https://www.linkedin.com/in/evil-eve/';
const FORGED = 1_000;

// What a hostile member could put in their own profile: markup, script, a javascript: URL, bidi controls
// that would reorder the text around it, and a very long string.
// The name starts with a spreadsheet formula, so the CSV export has to neutralise it.
const HOSTILE_NAME =
  '=HYPERLINK("javascript:alert(1)","Eve") <script>window.__pwned = 1</script>' +
  '<img src=x onerror="window.__pwned = 1"> \u202Egnp.exe\u202C <b>bold</b> ' +
  'A'.repeat(100_000);
const HOSTILE_HEADLINE = `<a href="javascript:alert(2)">link</a> \u2066iso\u2069 ${'B'.repeat(100_000)}`;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Jane's fixture page, turned into Eve's profile with the hostile name and headline as page text. */
function hostileProfile(): string {
  return readFixture('linkedin/profile-jane-doe.html')
    .replaceAll('Jane Doe', escapeHtml(HOSTILE_NAME))
    .replaceAll('jane-doe', 'evil-eve')
    .replace('Engineering Manager at Acme', escapeHtml(HOSTILE_HEADLINE));
}

let running: RunningExtension;
let extensionPage: Page;
beforeAll(async () => {
  running = await launchExtension();
  await servePage(running.context, JANE, readFixture('linkedin/profile-jane-doe.html'));
  await servePage(running.context, EVE, hostileProfile());
  extensionPage = await openExtensionPage(running, 'options.html');
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

const send = <T>(type: string, payload: unknown) => callRapport<T>(extensionPage, type, payload);

/** The whole store, read through the extension (the backup export), without the export's own time. */
async function storeContents(): Promise<unknown> {
  const file = await send<{ text: string }>('exportData', {});
  const { exportedAt: _time, ...rest } = JSON.parse(file.text);
  return rest;
}

const noteTexts = (frame: Frame) =>
  frame.locator('textarea').evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));

async function openProfile(page: Page, url: string): Promise<Frame> {
  await page.goto(url);
  return sidebarFrame(page, running.extensionId);
}

describe('a hostile page', () => {
  it('cannot make Rapport act: 1,000 forged messages, events, look-alikes and attribute changes change nothing', async () => {
    const page = await running.context.newPage();
    const frame = await openProfile(page, JANE);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Jane Doe');
    await frame.getByRole('button', { name: 'Add to Rapport', exact: true }).click();
    const note = `private note ${Date.now()}`;
    await frame.getByLabel('New note').fill(note);
    await expect.poll(() => frame.locator('.save-status').first().textContent()).toBe('Saved');
    const before = await storeContents();
    expect(JSON.stringify(before)).toContain(note);

    // Everything below runs in the page's own world, as the site's scripts (or an injected ad) would.
    const outcome = await page.evaluate(
      ({ count, extensionId }) => {
        const foreign: string[] = [];
        window.addEventListener('message', (event) => {
          if (event.source !== window) foreign.push(String(event.origin));
        });
        const evil = { network: 'linkedin', id: 'evil-eve' };
        const snapshot = {
          ...evil,
          url: 'https://www.linkedin.com/in/evil-eve/',
          name: 'Evil Eve',
          headline: null,
          avatarUrl: null,
        };
        const payloads: Record<string, unknown> = {
          reportProfile: { snapshot, details: 'read' },
          saveNote: { ref: evil, snapshot, noteId: 'forged-note', text: 'forged' },
          addPerson: { personId: 'forged-person', snapshot },
          deletePerson: { personId: 'anyone' },
          eraseAll: { confirm: 'erase' },
          applyImport: { kind: 'backup', mode: 'replace', chunks: ['{}'] },
          getTabProfile: { tabId: null },
          getPersonView: { ref: { network: 'linkedin', id: 'jane-doe' } },
        };
        const types = Object.keys(payloads);
        // Look-alikes: a fake sidebar host with its own frame, and elements named like Rapport's.
        const fakeHost = document.createElement('rapport-sidebar');
        fakeHost.id = 'rapport-sidebar';
        fakeHost.setAttribute('data-rapport-profile', 'linkedin:evil-eve');
        const fakeFrame = document.createElement('iframe');
        fakeFrame.src = `chrome-extension://${extensionId}/sidebar.html?profile=evil-eve`;
        fakeHost.append(fakeFrame);
        document.body.prepend(fakeHost);
        for (const id of ['rapport', 'rapport-root', 'rapport-host', 'rapport-note']) {
          const element = document.createElement('div');
          element.id = id;
          element.className = 'rapport-sidebar rapport';
          element.dataset.rapport = JSON.stringify({ tag: 'rapport/v1', type: 'saveNote' });
          document.body.append(element);
        }
        let sent = 0;
        let refusedByBrowser = 0;
        for (let i = 0; i < count; i++) {
          const type = types[i % types.length] as string;
          const envelope = { tag: 'rapport/v1', type, payload: payloads[type] };
          switch (i % 6) {
            case 0:
              window.postMessage(envelope, '*');
              break;
            case 1:
              // Every frame, including Rapport's sidebar (window.frames reaches into closed shadow roots).
              for (let f = 0; f < window.frames.length; f++) window.frames[f]?.postMessage(envelope, '*');
              break;
            case 2:
              window.dispatchEvent(new CustomEvent('rapport', { detail: envelope }));
              document.dispatchEvent(new CustomEvent(`rapport:${type}`, { detail: envelope, bubbles: true }));
              break;
            case 3:
              window.postMessage(JSON.stringify(envelope), '*');
              for (let f = 0; f < window.frames.length; f++)
                window.frames[f]?.postMessage(JSON.stringify(envelope), '*');
              break;
            case 4: {
              // Attribute changes on every Rapport-looking element, the real host included.
              for (const element of document.querySelectorAll('rapport-sidebar, [id^="rapport"]')) {
                element.setAttribute('data-rapport-profile', `linkedin:evil-eve-${i}`);
                element.setAttribute('data-type', type);
                element.setAttribute('aria-label', 'Rapport: Evil Eve');
              }
              document.documentElement.dataset.rapportProfile = 'evil-eve';
              break;
            }
            default: {
              // The page cannot reach the extension's messaging at all (no externally_connectable).
              const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
                ?.runtime;
              if (typeof runtime?.sendMessage === 'function') {
                try {
                  (runtime.sendMessage as (id: string, m: unknown) => void)(extensionId, envelope);
                } catch {
                  refusedByBrowser++;
                }
              } else refusedByBrowser++;
            }
          }
          sent++;
        }
        return new Promise<{ sent: number; refusedByBrowser: number; foreign: string[] }>((done) =>
          // Let every posted message and event be delivered before reporting what came back.
          setTimeout(() => done({ sent, refusedByBrowser, foreign }), 1_000),
        );
      },
      { count: FORGED, extensionId: running.extensionId },
    );
    expect(outcome.sent).toBe(FORGED);
    // Every sixth attempt tried the extension's messaging directly, and the browser had none to offer.
    const direct = Array.from({ length: FORGED }, (_, i) => i).filter((i) => i % 6 === 5).length;
    expect(outcome.refusedByBrowser).toBe(direct);
    // Nothing answered the page: the sidebar frame does not talk to it.
    expect(outcome.foreign).toEqual([]);

    // The store is exactly as it was, and the sidebar still shows Jane with her note.
    expect(await storeContents()).toEqual(before);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Jane Doe');
    expect(await noteTexts(frame)).toContain(note);
    const tab = await frame.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ tag: 'rapport/v1', type: 'getTabProfile', payload: { tabId: null } }),
    );
    expect(tab).toMatchObject({
      ok: true,
      value: { snapshot: { network: 'linkedin', id: 'jane-doe', name: 'Jane Doe' }, details: 'read' },
    });
    // The fake frame never became a Rapport page: only the real sidebar is an extension frame.
    expect(page.frames().filter((f) => f.url().startsWith('chrome-extension://'))).toHaveLength(1);
    await page.close();
  });
});

describe('a hostile page that knows Rapport', () => {
  it("cannot stop Rapport with the framework's own 'a newer copy started' event", async () => {
    const page = await running.context.newPage();
    const frame = await openProfile(page, JANE);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Jane Doe');
    // WXT stops a content script when a newer copy of it announces itself with a CustomEvent on the
    // document, named after the extension's id (public for a store listing) and the script. A page can
    // send the same event; Rapport never runs a second copy in a document, so it does not listen.
    await page.evaluate((extensionId) => {
      for (const script of ['linkedin', 'facebook', 'x']) {
        const type = `${extensionId}:${script}:wxt:content-script-started`;
        const detail = { contentScriptName: script, messageId: 'forged' };
        document.dispatchEvent(new CustomEvent(type, { detail }));
        window.dispatchEvent(new CustomEvent(type, { detail }));
        window.postMessage({ type, contentScriptName: script, messageId: 'forged' }, '*');
      }
    }, running.extensionId);
    await page.waitForTimeout(500);
    expect(await page.locator('rapport-sidebar').count()).toBe(1);
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Jane Doe');
    // Still following the page: off a profile the sidebar hides, and it comes back on the profile.
    const hostShown = () =>
      page.locator('rapport-sidebar').evaluate((host) => (host as HTMLElement).style.display !== 'none');
    await page.evaluate(() => history.pushState(null, '', '/feed/'));
    await expect.poll(hostShown).toBe(false);
    await page.evaluate(() => history.pushState(null, '', '/in/jane-doe/'));
    await expect.poll(hostShown).toBe(true);
    await page.close();
  });
});

describe('hostile profile text', () => {
  const name = cleanText(HOSTILE_NAME) as string;
  const headline = cleanText(HOSTILE_HEADLINE) as string;

  it('is read as plain text: cleaned of bidi controls, capped, markup kept as characters', () => {
    expect(name.startsWith('=HYPERLINK("javascript:alert(1)","Eve") <script>window.__pwned')).toBe(true);
    expect(name).toContain(' gnp.exe <b>bold</b> AAA');
    expect(`${name}${headline}`).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(Array.from(name).length).toBeLessThanOrEqual(200);
    expect(headline.startsWith('<a href="javascript:alert(2)">link</a> iso BBB')).toBe(true);
  });

  it('is shown as text in the sidebar, the popup and the options page, never as markup', async () => {
    const page = await running.context.newPage();
    const frame = await openProfile(page, EVE);
    await expect.poll(() => frame.locator('h1').textContent()).toBe(name);
    await expect
      .poll(() => frame.locator('.person-headline').textContent(), { timeout: 10_000 })
      .toBe(headline);
    // By keyboard, as a keyboard user adds someone: this test is about text, and while Chromium is still
    // laying out the page's 200 KB of text a pointer click on the sidebar's out-of-process frame was lost
    // about once in 30 runs (it reached neither the frame's document nor its button).
    await frame.getByRole('button', { name: 'Add to Rapport', exact: true }).press('Enter');
    await expect.poll(() => frame.locator('.person-meta').textContent()).not.toContain('not in Rapport yet');
    // No element came out of the text: the header holds only our own markup.
    expect(await frame.locator('.person-header script, .person-header b, .person-header a').count()).toBe(0);
    expect(await frame.locator('.person-header img:not(.avatar)').count()).toBe(0);

    const popup = await openExtensionPage(running, 'popup.html');
    await popup.getByLabel('Search people, tags, notes').fill('Eve');
    await expect.poll(() => popup.locator('.result-name').allTextContents()).toEqual([name]);
    expect(
      await popup.locator('.search-results script, .search-results img, .search-results b').count(),
    ).toBe(0);

    await extensionPage.reload();
    await extensionPage.getByLabel('Find a person by name').fill('Eve');
    await expect
      .poll(() =>
        extensionPage.getByRole('list', { name: 'People found' }).getByRole('button').allTextContents(),
      )
      .toEqual([name]);
    expect(
      await extensionPage.locator('.options-hits script, .options-hits img, .options-hits b').count(),
    ).toBe(0);

    // Nothing ran anywhere: the page's markup never became script in an extension page.
    for (const target of [frame, popup, extensionPage]) {
      expect(await target.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    }
    await popup.close();
    await page.close();
  });

  it('is exported safely: CSV cells neutralised, the backup JSON round-trips it as data', async () => {
    const download = async (label: string) => {
      const [file] = await Promise.all([
        extensionPage.waitForEvent('download'),
        extensionPage.getByRole('button', { name: label }).click(),
      ]);
      return readFileSync(await file.path(), 'utf8');
    };
    const csv = await download('Download people as a spreadsheet (CSV)');
    // The name starts with "=": its cell is prefixed with ' so no spreadsheet evaluates it.
    expect(csv).not.toMatch(/(^|,)"?[=+\-@]/m);
    expect(csv).toContain(`"'${name.replaceAll('"', '""')}"`);

    const backup = JSON.parse(await download('Download a full backup (JSON)'));
    const eve = backup.people.find((person: { name: string }) => person.name.startsWith('=HYPERLINK'));
    expect(eve.name).toBe(name);
    const identity = backup.identities.find((row: { handle: string }) => row.handle === 'evil-eve');
    expect(identity.lastSeenHeadline).toBe(headline);
  });
});
