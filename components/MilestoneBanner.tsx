import { useAction } from './use-action';

export interface HeadlineChange {
  from: string;
  to: string;
  seenAt: number;
}

/** The latest headline change of a profile, from its history (oldest first), or null if none. */
export function headlineChange(
  history: readonly { headline: string; seenAt: number }[],
): HeadlineChange | null {
  const latest = history.at(-1);
  const previous = history.at(-2);
  if (!latest || !previous || latest.headline === previous.headline) return null;
  return { from: previous.headline, to: latest.headline, seenAt: latest.seenAt };
}

export interface MilestoneBannerProps {
  history: readonly { headline: string; seenAt: number }[];
  /** The headline the user already dismissed for this profile, if any. */
  dismissedHeadline: string | null;
  /** When the user last congratulated them (a congratulation after the change acknowledges it). */
  lastCongratulatedAt: number | null;
  onCongratulate: () => Promise<void>;
  /** Puts the banner away for this headline (stored, so it stays away after a reload). */
  onDismiss: (headline: string) => Promise<void> | void;
}

/** "Now Director at B, was Engineer at A: acknowledge it?" — recognising a success, in one click. */
export function MilestoneBanner({
  history,
  dismissedHeadline,
  lastCongratulatedAt,
  onCongratulate,
  onDismiss,
}: MilestoneBannerProps) {
  const { busy, error, run } = useAction();
  const change = headlineChange(history);
  if (!change || change.to === dismissedHeadline) return null;
  if (lastCongratulatedAt !== null && lastCongratulatedAt >= change.seenAt) return null;
  return (
    <aside class="milestone" aria-label="Headline changed">
      <p dir="auto">
        Now <strong>{change.to}</strong>, was {change.from}: acknowledge it?
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary small"
          disabled={busy}
          onClick={() => run(onCongratulate, 'Not logged')}
        >
          Log congratulation
        </button>
        <button
          type="button"
          class="link"
          disabled={busy}
          onClick={() => run(() => onDismiss(change.to), 'Not dismissed')}
        >
          Dismiss
        </button>
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </aside>
  );
}
