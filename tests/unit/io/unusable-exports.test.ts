import { describe, expect, it } from 'vitest';
import { unusableExport } from '@/lib/io/unusable-exports';

describe('unusableExport', () => {
  it.each([
    ['friends_v2', '{"friends_v2": [{"name": "Jane Doe", "timestamp": 1600000000}]}'],
    ['older friends', '\uFEFF{ "friends": [ { "name": "Jane Doe", "timestamp": 1500000000 } ] }'],
    ['friend requests', '{\n  "received_requests_v2": []\n}'],
  ])("names Facebook's friends list (%s) and why it cannot be used", (_, text) => {
    expect(unusableExport(text)).toMatch(/^This is Facebook's friends list\..*no profile link or id/);
  });

  it.each([
    ['a Rapport backup', '{"format": "rapport-backup", "version": 1, "people": []}'],
    ['a backup that mentions friends later', '{"format": "rapport-backup", "friends_v2": []}'],
    ['a CSV', 'First Name,Last Name,URL\n'],
  ])('lets %s through to the worker', (_, text) => {
    expect(unusableExport(text)).toBeNull();
  });
});
