import { useRef } from 'preact/hooks';

export interface SurfaceBarProps {
  surface: 'page' | 'panel';
  networkLabel: string;
  onMove: () => void;
  error: string | null;
  /** In-page sidebar only: which side it is on, and how to collapse it or flip it to the other side. */
  side?: 'left' | 'right';
  onCollapse?: () => void;
  onFlip?: () => void;
}

/** Dragging the title this far towards the other side moves the sidebar there. */
const FLIP_DRAG_PX = 80;

/** Rapport's title bar: collapse, move to the other side (button or drag), or move to the side panel. */
export function SurfaceBar({
  surface,
  networkLabel,
  onMove,
  error,
  side,
  onCollapse,
  onFlip,
}: SurfaceBarProps) {
  const dragStart = useRef<number | null>(null);
  const other = side === 'right' ? 'left' : 'right';
  return (
    <div class="surface-bar">
      <span
        class="brand"
        title={onFlip ? `Drag to move Rapport to the ${other}` : undefined}
        onPointerDown={(event) => {
          if (!onFlip) return;
          dragStart.current = event.clientX;
          event.currentTarget.setPointerCapture(event.pointerId);
        }}
        onPointerUp={(event) => {
          const start = dragStart.current;
          dragStart.current = null;
          if (start === null || !onFlip) return;
          const moved = event.clientX - start;
          if ((side === 'right' && moved < -FLIP_DRAG_PX) || (side === 'left' && moved > FLIP_DRAG_PX))
            onFlip();
        }}
      >
        Rapport
      </span>
      <span class="surface-actions">
        {onFlip ? (
          <button type="button" class="link" onClick={onFlip}>
            Move {other}
          </button>
        ) : null}
        <button
          type="button"
          class="link"
          onClick={onMove}
          title={
            surface === 'page'
              ? `Leave ${networkLabel} pages untouched: show Rapport in the browser's side panel`
              : `Show Rapport inside ${networkLabel} pages again`
          }
        >
          {surface === 'page' ? 'Side panel' : 'Show on the page'}
        </button>
        {onCollapse ? (
          <button type="button" class="link" onClick={onCollapse} aria-label="Collapse Rapport">
            Collapse
          </button>
        ) : null}
      </span>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The collapsed sidebar: a small tab at the edge of the page that opens Rapport again. */
export function CollapsedTab({ onExpand }: { onExpand: () => void }) {
  return (
    <button type="button" class="collapsed-tab" onClick={onExpand} aria-label="Open Rapport">
      <span aria-hidden="true">Rapport</span>
    </button>
  );
}
