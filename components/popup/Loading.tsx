import { useEffect, useState } from 'preact/hooks';

/** After this long, the wait is probably the one-off pass over everyone, and worth explaining. */
export const SLOW_AFTER_MS = 1_500;

/**
 * "Loading…", and if it lasts, why: after an update or a large import Rapport goes through everyone once
 * (13 s for 10,000 people and 128 s for 50,000 on a 2-core machine), and the popup is quick after that.
 */
export function Loading() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div class="muted" role="status">
      <p>Loading…</p>
      {slow ? (
        <p>
          Rapport is going through everyone you know once, as it does after an update or a large import (one
          to three seconds per thousand people). It is quick again after that.
        </p>
      ) : null}
    </div>
  );
}
