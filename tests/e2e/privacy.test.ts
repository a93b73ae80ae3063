import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures';
import { launchExtension, type RunningExtension, removeProfile, servePage, sidebarFrame } from './harness';

// The social site's own scripts must not be able to read what Rapport shows, nor find its files.

let running: RunningExtension;
beforeAll(async () => {
  running = await launchExtension();
  await servePage(
    running.context,
    'https://www.linkedin.com/**',
    readFixture('linkedin/profile-jane-doe.html'),
  );
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

describe('privacy from the page', () => {
  it("keeps the user's notes out of reach of the page's own scripts", async () => {
    const page = await running.context.newPage();
    await page.goto('https://www.linkedin.com/in/jane-doe/');
    const frame = await sidebarFrame(page, running.extensionId);
    const secret = `confidential-${Date.now()}`;
    await frame.getByLabel('New note').fill(secret);
    await expect.poll(() => frame.locator('.save-status').first().textContent()).toBe('Saved');
    await page.reload();
    const after = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => after.locator('.note-list textarea').first().inputValue()).toBe(secret);

    // page.evaluate runs in the page's own world, like LinkedIn's scripts.
    const found = await page.evaluate((secret) => {
      const hits: string[] = [];
      const check = (label: string, text: string | null | undefined) => {
        if (text?.includes(secret)) hits.push(label);
      };
      // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a page script would try.
      check('innerText', document.body.innerText);
      check('textContent', document.documentElement.textContent);
      check('outerHTML', document.documentElement.outerHTML);
      const withShadows = document.documentElement as HTMLElement & {
        getHTML?: (options: { serializableShadowRoots: boolean }) => string;
      };
      check('getHTML', withShadows.getHTML?.({ serializableShadowRoots: true }));
      for (const element of document.querySelectorAll('*')) {
        // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a page script would try.
        check(`querySelectorAll ${element.tagName}`, (element as HTMLElement).innerText);
        check(`shadowRoot ${element.tagName}`, element.shadowRoot?.textContent);
        if (element instanceof HTMLIFrameElement) {
          try {
            check('iframe document', element.contentDocument?.documentElement.textContent);
          } catch {
            // Cross-origin: exactly what should happen.
          }
        }
      }
      const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ALL);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) check('TreeWalker', node.nodeValue);
      document.execCommand('selectAll');
      check('selection', window.getSelection()?.toString());
      return hits;
    }, secret);
    expect(found).toEqual([]);
    expect(await page.locator('rapport-sidebar').count()).toBe(1);
    // Nothing asked for anything beyond the (fixture) site: no telemetry, no fonts, no remote code.
    expect(running.blocked).toEqual([]);
  });

  it("cannot fetch the extension's files from the page", async () => {
    const page = await running.context.newPage();
    await page.goto('https://www.linkedin.com/in/jane-doe/');
    await sidebarFrame(page, running.extensionId);
    const results = await page.evaluate(async (id) => {
      const outcomes: string[] = [];
      for (const path of ['manifest.json', 'sidebar.html', 'background.js', 'icon/16.png']) {
        try {
          const response = await fetch(`chrome-extension://${id}/${path}`);
          outcomes.push(`${path}: ${response.status}`);
        } catch {
          outcomes.push(`${path}: refused`);
        }
      }
      return outcomes;
    }, running.extensionId);
    expect(results).toEqual([
      'manifest.json: refused',
      'sidebar.html: refused',
      'background.js: refused',
      'icon/16.png: refused',
    ]);
  });
});
