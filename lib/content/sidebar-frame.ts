import type { SidebarLayout } from '@/lib/platform/site-preferences';

/**
 * The in-page sidebar is an extension page in an iframe, inside a closed shadow root. The page's own
 * scripts can see that an iframe exists, but cannot read anything in it (it is another origin), and
 * the page's CSS cannot reach it. The iframe's URL carries no data: the sidebar asks the background
 * which profile its tab shows.
 */
export interface SidebarFrame {
  /**
   * `overPage`: sits over the page, unless it still has its room, rather than narrow it now (an in-app
   * navigation, whose page is about to be replaced: lib/content/runtime.ts); show() without it narrows it.
   */
  show(overPage?: boolean): void;
  /** `roomKept`: the page stays narrowed until hide() without it (the page being left is still there). */
  hide(roomKept?: boolean): void;
  layout(layout: SidebarLayout): void;
  remove(): void;
}

export const SIDEBAR_WIDTH_PX = 340;
/** The sidebar's host element (a custom element name, so the page's CSS selectors rarely reach it). */
export const SIDEBAR_TAG = 'rapport-sidebar';
const COLLAPSED = { width: 40, height: 132 };

/** `visible` false: made hidden, taking no page space, so it loads before the profile shows (runtime.ts). */
export function createSidebarFrame(src: string, initial: SidebarLayout, visible = true): SidebarFrame {
  const host = document.createElement(SIDEBAR_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.title = 'Rapport';
  frame.style.cssText =
    'border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; background: transparent;';
  shadow.append(frame);
  document.documentElement.append(host);

  let shown = visible;
  // Whether the page is narrowed for the sidebar: while shown, unless `overPage`; after, if `roomKept`.
  let room = visible;
  let current = initial;
  const reservation = reservePageSpace();
  const apply = () => {
    const { collapsed, side } = current;
    const size = collapsed
      ? `top: 40vh; height: ${COLLAPSED.height}px; width: ${COLLAPSED.width}px;`
      : `top: 0; bottom: 0; width: ${SIDEBAR_WIDTH_PX}px;`;
    const shadowSide = side === 'right' ? '-2px' : '2px';
    host.style.cssText = [
      'all: initial',
      'position: fixed',
      `${side}: 0`,
      'z-index: 2147483646',
      `display: ${shown ? 'block' : 'none'}`,
      `box-shadow: ${shadowSide} 0 12px rgba(0,0,0,.18)`,
      collapsed ? `border-radius: ${side === 'right' ? '8px 0 0 8px' : '0 8px 8px 0'}; overflow: hidden` : '',
    ]
      .filter(Boolean)
      .join(';')
      .concat(`;${size}`);
    // The open sidebar takes its width from the page instead of covering the site's main column.
    reservation.set(room && !collapsed ? side : null);
  };
  apply();
  return {
    show: (overPage = false) => {
      room = !overPage || room;
      shown = true;
      apply();
    },
    hide: (roomKept = false) => {
      shown = false;
      room = roomKept && room;
      apply();
    },
    layout: (layout) => {
      current = layout;
      apply();
    },
    remove: () => {
      reservation.set(null);
      host.remove();
    },
  };
}

/** Narrows the page by the sidebar's width on one side, restoring whatever inline margin was there. */
function reservePageSpace() {
  const root = document.documentElement;
  let reserved: 'left' | 'right' | null = null;
  let previous = '';
  return {
    set(side: 'left' | 'right' | null) {
      if (reserved === side) return;
      if (reserved) root.style.setProperty(`margin-${reserved}`, previous);
      reserved = side;
      if (side) {
        previous = root.style.getPropertyValue(`margin-${side}`);
        root.style.setProperty(`margin-${side}`, `${SIDEBAR_WIDTH_PX}px`, 'important');
      }
    },
  };
}
