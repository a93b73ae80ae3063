import { describe, expect, it } from 'vitest';
import { stateForUrl } from '@/lib/platform/tab-profiles';
import type { TabState } from '@/lib/protocol/types';
import { snapshot } from '../services/helpers';

const jane: TabState = {
  snapshot: snapshot('jane-doe', 'Jane Doe'),
  details: 'read',
  seq: 1_800_000_000_000.5,
};

describe("the tab's stored profile against the tab's URL", () => {
  it('stands while the URL names the same profile', () => {
    expect(stateForUrl(jane, { network: 'linkedin', id: 'jane-doe' })).toBe(jane);
  });

  it("is no profile once the URL names another page, another person or another site's namesake", () => {
    for (const shown of [
      null,
      { network: 'linkedin', id: 'rahul-mehta' },
      { network: 'x', id: 'jane-doe' },
    ] as const) {
      expect(stateForUrl(jane, shown)).toEqual({ snapshot: null, details: 'read', seq: jane.seq });
    }
  });

  it('keeps the report time, so a newer report a view heard still wins', () => {
    expect(stateForUrl(jane, null)?.seq).toBe(jane.seq);
  });

  it('leaves no state and a state without a profile as they are', () => {
    expect(stateForUrl(null, null)).toBeNull();
    const none: TabState = { snapshot: null, details: 'read', seq: 3 };
    expect(stateForUrl(none, { network: 'linkedin', id: 'jane-doe' })).toBe(none);
  });
});
