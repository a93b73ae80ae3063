/**
 * The in-page sidebar is an extension page in an iframe, inside a closed shadow root. The page's own
 * scripts can see that an iframe exists, but cannot read anything in it (it is another origin), and
 * the page's CSS cannot reach it. The iframe's URL carries no data: the sidebar asks the background
 * which profile its tab shows.
 */
export interface SidebarFrame {
  show(): void;
  hide(): void;
  remove(): void;
}

const WIDTH_PX = 340;

export function createSidebarFrame(src: string): SidebarFrame {
  const host = document.createElement('rapport-sidebar');
  host.style.cssText = [
    'all: initial',
    'position: fixed',
    'top: 0',
    'right: 0',
    'bottom: 0',
    `width: ${WIDTH_PX}px`,
    'z-index: 2147483646',
    'display: block',
  ].join(';');
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = 'Rapport';
  frame.setAttribute('allow', 'clipboard-write');
  frame.style.cssText =
    'border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; ' +
    'box-shadow: -2px 0 12px rgba(0,0,0,.18); background: transparent;';
  shadow.append(frame);
  document.documentElement.append(host);
  return {
    show: () => host.style.setProperty('display', 'block'),
    hide: () => host.style.setProperty('display', 'none'),
    remove: () => host.remove(),
  };
}
