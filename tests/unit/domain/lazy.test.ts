import { describe, expect, it } from 'vitest';
import { lazy } from '@/lib/domain/lazy';

describe('lazy', () => {
  it('builds nothing until asked, then builds once and keeps the value', () => {
    let builds = 0;
    const value = lazy(() => {
      builds++;
      return { built: builds };
    });
    expect(builds).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(builds).toBe(1);
  });

  it('keeps a value that is null or undefined instead of building it again', () => {
    let builds = 0;
    const nothing = lazy(() => {
      builds++;
      return undefined;
    });
    nothing();
    nothing();
    expect(builds).toBe(1);
  });
});
