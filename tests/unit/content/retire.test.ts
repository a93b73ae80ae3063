// @vitest-environment happy-dom

import { afterEach, describe, expect, it, vi } from 'vitest';
import { retireReplacedCopy } from '@/lib/content/retire';

// A new version's content script, run in an open page, retires the copy it replaces: a live one (Chrome)
// is told to check, a dead one's sidebar (Firefox) is removed with the page space it reserved.

const scope = globalThis as { rapportTakeOver?: boolean };
afterEach(() => {
  delete scope.rapportTakeOver;
  document.documentElement.removeAttribute('style');
  for (const host of document.querySelectorAll('rapport-sidebar')) host.remove();
});

function visibilityChanges(): () => number {
  const seen = vi.fn();
  document.addEventListener('visibilitychange', seen);
  return () => seen.mock.calls.length;
}

describe('retireReplacedCopy', () => {
  it('tells a live copy to check only when the worker marked this script as a takeover', () => {
    const count = visibilityChanges();
    retireReplacedCopy();
    expect(count()).toBe(0);
    scope.rapportTakeOver = true;
    retireReplacedCopy();
    expect(count()).toBe(1);
  });

  it("removes a dead copy's sidebar and the space it reserved, and keeps the page's own margin", () => {
    document.documentElement.append(document.createElement('rapport-sidebar'));
    document.documentElement.style.setProperty('margin-right', '340px', 'important');
    document.documentElement.style.setProperty('margin-left', '12px');
    retireReplacedCopy();
    expect(document.querySelectorAll('rapport-sidebar')).toHaveLength(0);
    expect(document.documentElement.style.marginRight).toBe('');
    expect(document.documentElement.style.marginLeft).toBe('12px');
  });

  it('looks for nothing while the page is still loading (an ordinary load, not a takeover)', () => {
    document.documentElement.append(document.createElement('rapport-sidebar'));
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    retireReplacedCopy();
    expect(document.querySelectorAll('rapport-sidebar')).toHaveLength(1);
    scope.rapportTakeOver = true;
    retireReplacedCopy();
    expect(document.querySelectorAll('rapport-sidebar')).toHaveLength(0);
    readyState.mockRestore();
  });

  it('leaves a page without a previous copy untouched', () => {
    document.documentElement.style.setProperty('margin-right', '20px', 'important');
    retireReplacedCopy();
    expect(document.documentElement.style.marginRight).toBe('20px');
  });
});
