/**
 * Parse an absolute http(s) URL of a real host, or null. Rejects other schemes (javascript:, data:, ftp:),
 * userinfo tricks (https://x.com@evil.example/ has host evil.example, and https://evil@x.com is not a link
 * the sites produce) and non-default ports (not the site's public web server).
 */
export function parseHttpUrl(url: string): URL | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  return parsed;
}

/** Host name lower-cased and without the trailing root dot (`www.x.com.` is the same host). */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/\.$/, '');
}

/** `host` is `domain` itself or one of its subdomains (exact label suffix, so evil-linkedin.com fails). */
export function isHostOrSubdomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** Non-empty path segments, percent-decoded; null when the path holds malformed escapes. */
export function pathSegments(url: URL): string[] | null {
  const out: string[] = [];
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue;
    const decoded = safeDecode(raw);
    if (decoded === null) return null;
    out.push(decoded);
  }
  return out;
}

export function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
