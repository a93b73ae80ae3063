import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// Issue 5, accessibility: every piece of text Rapport shows meets WCAG 2.2 AA contrast (4.5:1, or 3:1 for
// large text) against what is actually behind it, in the light and the dark theme, on the sidebar, the
// popup and the options page, with data in them (prompts, a person with a log, tags and notes).

const DAY = 86_400_000;
const JANE = 'https://www.linkedin.com/in/jane-doe/';
let running: RunningExtension;
let seedPage: Page;

const send = (type: string, payload: unknown) => callRapport(seedPage, type, payload);

beforeAll(async () => {
  running = await launchExtension();
  await servePage(
    running.context,
    'https://www.linkedin.com/**',
    readFixture('linkedin/profile-jane-doe.html'),
  );
  seedPage = await openExtensionPage(running, 'options.html');
  const now = Date.now();
  const people = [
    ['jane', 'jane-doe', 'Jane Doe'],
    ['rahul', 'rahul-mehta', 'Rahul Mehta'],
    ['ana', 'ana-alvarez', 'Ana Alvarez'],
  ] as const;
  for (const [personId, handle, name] of people) {
    await send('addPerson', {
      personId,
      snapshot: {
        network: 'linkedin',
        id: handle,
        url: `https://www.linkedin.com/in/${handle}/`,
        name,
        headline: null,
        avatarUrl: null,
      },
    });
  }
  // A question waiting for an answer, a tie gone quiet, shared goals (an introduction), tags and a note.
  const log = (id: string, personId: string, at: number, kind: string, direction: string) =>
    send('logInteraction', {
      interaction: {
        id,
        personId,
        at,
        kind,
        direction,
        channel: 'linkedin',
        text: 'About the role',
        sourceUrl: null,
      },
    });
  await log('c1', 'jane', now - 3 * DAY, 'question-asked', 'them');
  await log('c2', 'rahul', now - 200 * DAY, 'meeting', 'mutual');
  await log('c3', 'ana', now - 40 * DAY, 'message', 'me');
  await send('updatePerson', {
    personId: 'jane',
    patch: { goals: ['hiring'], interests: ['design systems'] },
  });
  await send('updatePerson', { personId: 'ana', patch: { goals: ['hiring'], closeness: 0.8 } });
  await send('saveNote', {
    ref: { network: 'linkedin', id: 'jane-doe' },
    snapshot: null,
    noteId: 'contrast-note',
    text: 'Met at the Lisbon meetup.',
  });
});
afterAll(async () => {
  await running?.close();
  if (running) removeProfile(running.userDataDir);
});

interface Failure {
  text: string;
  where: string;
  ratio: number;
  needed: number;
  color: string;
  background: string;
}

/**
 * Every element with its own visible text: its colour against the background behind it (the nearest
 * opaque background, with translucent ones on the way blended over it), and the ratio WCAG requires.
 */
function audit(target: Page | Frame): Promise<{ checked: number; failures: Failure[] }> {
  return target.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const m = value.match(/rgba?\(([^)]+)\)/);
      if (!m?.[1]) return [0, 0, 0, 0];
      const parts = m[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (bottom[i] ?? 0) * (1 - a)).concat(1) as Rgba;
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const backgroundOf = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const color = parse(getComputedStyle(node).backgroundColor);
        if (color[3] > 0) layers.push(color);
        if (color[3] >= 1) break;
      }
      // The canvas behind the document: the page's color-scheme decides it.
      let result: Rgba =
        matchMedia('(prefers-color-scheme: dark)').matches &&
        getComputedStyle(document.documentElement).colorScheme.includes('dark')
          ? [18, 18, 18, 1]
          : [255, 255, 255, 1];
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    const failures: Failure[] = [];
    let checked = 0;
    for (const element of document.querySelectorAll('body *')) {
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
      if (own === '') continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (style.visibility !== 'visible' || box.width === 0 || box.height === 0) continue;
      if (element.closest('[hidden], [aria-hidden="true"], :disabled, .visually-hidden, .sr-only')) continue;
      let opacity = 1;
      for (let node: Element | null = element; node; node = node.parentElement)
        opacity *= Number(getComputedStyle(node).opacity);
      if (opacity === 0) continue;
      const background = backgroundOf(element);
      const color = over(parse(style.color), background);
      const shown = opacity < 1 ? over([...color.slice(0, 3), opacity] as Rgba, background) : color;
      const [l1, l2] = [luminance(shown), luminance(background)].sort((a, b) => b - a);
      const ratio = ((l1 ?? 0) + 0.05) / ((l2 ?? 0) + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      checked++;
      if (ratio + 1e-9 < needed) {
        failures.push({
          text: own.slice(0, 40),
          where: `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`,
          ratio: Math.round(ratio * 100) / 100,
          needed,
          color: style.color,
          background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})`,
        });
      }
    }
    return { checked, failures };
  });
}

describe.each(['light', 'dark'] as const)('text contrast in the %s theme (WCAG AA)', (scheme) => {
  it('the sidebar on a profile, with a person, their log, tags and a note', async () => {
    const page = await running.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(JANE);
    const frame = await sidebarFrame(page, running.extensionId);
    await expect.poll(() => frame.locator('.interaction-log > li').count(), { timeout: 10_000 }).toBe(1);
    const result = await audit(frame);
    expect(result.checked).toBeGreaterThan(30);
    expect(result.failures).toEqual([]);
    await page.close();
  });

  it('the popup, with prompts, follow-ups and search results', async () => {
    const page = await running.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${running.extensionId}/popup.html`);
    await expect.poll(() => page.locator('.prompt').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const prompts = await audit(page);
    await page.getByLabel('Search people, tags, notes').fill('a');
    await expect.poll(() => page.locator('.result-name').count()).toBeGreaterThan(0);
    const search = await audit(page);
    expect(prompts.checked).toBeGreaterThan(10);
    expect([...prompts.failures, ...search.failures]).toEqual([]);
    await page.close();
  });

  it('the options page', async () => {
    const page = await running.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${running.extensionId}/options.html`);
    await page.getByTestId('data-counts').filter({ hasText: '3 people' }).waitFor();
    const result = await audit(page);
    expect(result.checked).toBeGreaterThan(30);
    expect(result.failures).toEqual([]);
    await page.close();
  });
});
