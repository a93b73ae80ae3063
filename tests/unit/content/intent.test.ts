import { describe, expect, it } from 'vitest';
import { markProfileIntent, takeProfileIntent } from '@/lib/content/intent';

describe('the mark the watcher leaves for the whole script', () => {
  it('is there once it was left, and is taken once', () => {
    expect(takeProfileIntent()).toBe(false);
    markProfileIntent();
    expect(takeProfileIntent()).toBe(true);
    expect(takeProfileIntent()).toBe(false);
  });
});
