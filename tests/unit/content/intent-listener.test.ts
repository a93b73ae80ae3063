// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.linkedin.com/feed/"}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOVER_INTENT_MS, listenForProfileIntent } from '@/lib/content/intent-listener';
import { parseLinkedInProfileUrl } from '@/lib/sites/linkedin/url';
import { userEvent } from './user-event';

// Rapport starts making the sidebar when the user is about to open a profile: the pointer resting on a
// link to one, a press on it, the keyboard's focus on it. Only the user's own events count.

const over = (target: Element, from: Element | null = null, pointerType = 'mouse') =>
  target.dispatchEvent(
    userEvent(new PointerEvent('pointerover', { bubbles: true, pointerType, relatedTarget: from })),
  );
const out = (target: Element, to: Element | null) =>
  target.dispatchEvent(userEvent(new PointerEvent('pointerout', { bubbles: true, relatedTarget: to })));

let stop: AbortController;
let intents: string[];
let profileLink: HTMLAnchorElement;
let otherLink: HTMLAnchorElement;
let inner: HTMLSpanElement;

beforeEach(() => {
  vi.useFakeTimers();
  stop = new AbortController();
  intents = [];
  profileLink = document.createElement('a');
  profileLink.href = '/in/jane-doe/';
  inner = document.createElement('span');
  inner.textContent = 'Jane Doe';
  profileLink.append(inner);
  otherLink = document.createElement('a');
  otherLink.href = '/jobs/view/123/';
  document.body.append(profileLink, otherLink);
  listenForProfileIntent(
    (url) => parseLinkedInProfileUrl(url) !== null,
    (url) => intents.push(url),
    stop.signal,
  );
});
afterEach(() => {
  stop.abort();
  document.body.replaceChildren();
  vi.useRealTimers();
});

const JANE = 'https://www.linkedin.com/in/jane-doe/';

describe('the pointer resting on a link', () => {
  it('is an intent once it has rested there HOVER_INTENT_MS, on any part of the link', () => {
    over(inner);
    vi.advanceTimersByTime(HOVER_INTENT_MS - 1);
    expect(intents).toEqual([]);
    // Moving within the link (from its text to the link itself) does not start the wait again.
    out(inner, profileLink);
    over(profileLink, inner);
    vi.advanceTimersByTime(1);
    expect(intents).toEqual([JANE]);
  });

  it('is none when the pointer passes over the link on its way elsewhere', () => {
    over(profileLink);
    vi.advanceTimersByTime(HOVER_INTENT_MS - 1);
    out(profileLink, document.body);
    over(document.body, profileLink);
    vi.advanceTimersByTime(HOVER_INTENT_MS * 2);
    expect(intents).toEqual([]);
  });

  it('is none when the pointer leaves the window from the link (no element is entered)', () => {
    over(profileLink);
    vi.advanceTimersByTime(HOVER_INTENT_MS - 1);
    out(profileLink, null);
    vi.advanceTimersByTime(HOVER_INTENT_MS * 2);
    expect(intents).toEqual([]);
  });

  it('is none on a link that is not to a profile, and none for touch, which has no hover', () => {
    over(otherLink);
    over(profileLink, otherLink, 'touch');
    vi.advanceTimersByTime(HOVER_INTENT_MS * 2);
    expect(intents).toEqual([]);
  });

  it('is none once the listener has stopped, even for a pointer already resting', () => {
    over(profileLink);
    stop.abort();
    vi.advanceTimersByTime(HOVER_INTENT_MS * 2);
    expect(intents).toEqual([]);
  });
});

describe('a press on a link', () => {
  const press = (init: PointerEventInit) =>
    inner.dispatchEvent(userEvent(new PointerEvent('pointerdown', { bubbles: true, ...init })));

  it('is an intent at once with the main button and no modifier', () => {
    press({ button: 0 });
    expect(intents).toEqual([JANE]);
  });

  it('is none with another button or a modifier (another tab or window opens)', () => {
    press({ button: 1 });
    press({ button: 2 });
    press({ button: 0, ctrlKey: true });
    press({ button: 0, metaKey: true });
    press({ button: 0, shiftKey: true });
    press({ button: 0, altKey: true });
    expect(intents).toEqual([]);
  });
});

describe('the keyboard', () => {
  it('is an intent when its focus comes to a link to a profile, and none on another link', () => {
    otherLink.dispatchEvent(userEvent(new FocusEvent('focusin', { bubbles: true })));
    profileLink.dispatchEvent(userEvent(new FocusEvent('focusin', { bubbles: true })));
    expect(intents).toEqual([JANE]);
  });
});

describe('events the page made up', () => {
  it("are never an intent: the page cannot start Rapport's script or its sidebar", () => {
    inner.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }));
    inner.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0 }));
    profileLink.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    vi.advanceTimersByTime(HOVER_INTENT_MS * 2);
    expect(intents).toEqual([]);
  });
});
