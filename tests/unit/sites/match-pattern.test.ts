import { describe, expect, it } from 'vitest';
import { matchesPattern, scriptRunsOn } from '@/lib/sites/match-pattern';

describe('matchesPattern', () => {
  it.each([
    ['*://*.linkedin.com/in/*', 'https://www.linkedin.com/in/jane-doe/', true],
    ['*://*.linkedin.com/in/*', 'http://linkedin.com/in/jane-doe/', true],
    ['*://*.linkedin.com/in/*', 'https://www.linkedin.com/feed/', false],
    ['*://*.linkedin.com/in/*', 'https://linkedin.com.evil.example/in/jane-doe/', false],
    ['*://*.linkedin.com/in/*', 'ftp://www.linkedin.com/in/jane-doe/', false],
    ['*://*.x.com/home', 'https://x.com/home', true],
    ['*://*.x.com/home', 'https://x.com/homer', false],
    ['*://*.x.com/home?*', 'https://x.com/home?lang=en', true],
    ['*://*.x.com/*/status/*', 'https://mobile.x.com/janedoe/status/123', true],
    ['*://*.facebook.com/', 'https://www.facebook.com/', true],
    ['*://*.facebook.com/', 'https://www.facebook.com/jane.doe', false],
    ['https://x.com/*', 'http://x.com/home', false],
    ['*://*.x.com/home', 'not a url', false],
  ])('%s on %s: %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });

  it('lets exclude_matches take pages back from matches', () => {
    const script = { matches: ['*://*.x.com/*'], exclude_matches: ['*://*.x.com/home'] };
    expect(scriptRunsOn(script, 'https://x.com/janedoe')).toBe(true);
    expect(scriptRunsOn(script, 'https://x.com/home')).toBe(false);
  });
});
