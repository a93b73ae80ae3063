/**
 * Whether a WebExtension match pattern (`*://*.x.com/home?*`) matches `url`, as Chromium matches content
 * scripts: the scheme (`*` is http or https), the host (`*.` also matches the domain itself) and the path
 * with its query, where `*` is any run of characters. Not a URL at all: no match.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const [, scheme, host, path] = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern) ?? [];
  if (scheme === undefined || host === undefined || path === undefined) return false;
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed) return false;
  const protocol = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  const { hostname } = parsed;
  if (host.startsWith('*.')) {
    const domain = host.slice(2);
    if (hostname !== domain && !hostname.endsWith(`.${domain}`)) return false;
  } else if (hostname !== host) return false;
  const glob = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return glob.test(parsed.pathname + parsed.search);
}

/** Whether a content script with these `matches` and `exclude_matches` runs on `url`. */
export function scriptRunsOn(
  script: { matches?: string[]; exclude_matches?: string[] },
  url: string,
): boolean {
  return (
    (script.matches ?? []).some((pattern) => matchesPattern(pattern, url)) &&
    !(script.exclude_matches ?? []).some((pattern) => matchesPattern(pattern, url))
  );
}
