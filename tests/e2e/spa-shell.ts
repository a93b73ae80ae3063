import { readFixture } from '../fixtures';

/**
 * A page that behaves like the sites' single-page apps: it serves every URL of a site, renders the
 * fixture for the current path, and navigates in-app with pushState, in either order real sites use:
 * the URL first and the profile's DOM later, or the DOM first and the URL later. Links are intercepted
 * like a SPA router does; back and forward re-render from `popstate`.
 *
 * From the test: `window.spaNavigate(path, { order: 'url-first' | 'dom-first', delayMs })`, and
 * `window.spaLateMs` (set with addInitScript) delays the very first render.
 */
export function spaShell(routes: Record<string, string>): string {
  const pages = Object.fromEntries(Object.entries(routes).map(([path, file]) => [path, readFixture(file)]));
  return `<!doctype html><html><head><title>Loading</title></head><body><script>
(() => {
  const pages = ${JSON.stringify(pages).replace(/</g, '\\u003c')};
  const parser = new DOMParser();
  const render = (path) => {
    const html = pages[path];
    if (!html) { document.body.replaceChildren(document.createTextNode('No fixture for ' + path)); return; }
    const doc = parser.parseFromString(html, 'text/html');
    document.title = doc.title;
    document.head.replaceChildren(...[...doc.head.childNodes].map((node) => document.importNode(node, true)));
    document.body.replaceChildren(...[...doc.body.childNodes].map((node) => document.importNode(node, true)));
  };
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  window.spaNavigate = async (path, { order = 'url-first', delayMs = 0 } = {}) => {
    if (order === 'url-first') { history.pushState({}, '', path); await sleep(delayMs); render(path); }
    else { render(path); await sleep(delayMs); history.pushState({}, '', path); }
  };
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || new URL(link.href).origin !== location.origin) return;
    event.preventDefault();
    window.spaNavigate(new URL(link.href).pathname + new URL(link.href).search);
  });
  addEventListener('popstate', () => render(location.pathname + location.search));
  const first = () => render(location.pathname + location.search);
  if (window.spaLateMs) { document.body.append('Loading…'); setTimeout(first, window.spaLateMs); } else first();
})();
</script></body></html>`;
}
