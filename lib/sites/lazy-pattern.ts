import { lazy } from '../domain/lazy';

/**
 * A regular expression compiled on first use. A literal with Unicode property classes (`\p{L}`) costs
 * about a millisecond to compile when the script is parsed (measured on the sites' feeds: issue #9), and
 * content scripts are parsed on every page of the sites, most of which never use the pattern.
 */
export function lazyPattern(source: string, flags: string): () => RegExp {
  const compiled = lazy(() => new RegExp(source, flags));
  return () => {
    const pattern = compiled();
    // A global pattern is shared: start each use from the beginning.
    pattern.lastIndex = 0;
    return pattern;
  };
}
