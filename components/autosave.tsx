import { useEffect, useRef, useState } from 'preact/hooks';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string };

export interface AutosaveOptions<T> {
  initial: T;
  /** Persists the value; rejects with a message the user can read. */
  save: (value: T) => Promise<void>;
  /** Whether this value is worth saving at all (a blank draft is not). */
  shouldSave?: (value: T, saved: T) => boolean;
  delayMs?: number;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A value that saves itself a moment after the user stops changing it (and at once on blur or when the
 * component goes away). Saves are serialised: one in flight at a time, the latest value always wins, and a
 * failure keeps what the user typed and says what went wrong. The value is the user's from the first
 * keystroke on: a refresh of the view does not overwrite it.
 */
export function useAutosave<T>({ initial, save, shouldSave, delayMs = 400 }: AutosaveOptions<T>) {
  const [value, setValue] = useState<T>(initial);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef(initial);
  const saved = useRef(initial);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = async (): Promise<void> => {
    clearTimeout(timer.current);
    if (inFlight.current) return;
    const next = latest.current;
    if (Object.is(next, saved.current) || (shouldSave && !shouldSave(next, saved.current))) return;
    inFlight.current = true;
    setState({ kind: 'saving' });
    try {
      await saveRef.current(next);
      saved.current = next;
      setState({ kind: 'saved' });
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error) });
      inFlight.current = false;
      return;
    }
    inFlight.current = false;
    if (!Object.is(latest.current, saved.current)) void flush();
  };

  // Leaving (navigating to another person) saves what was typed, to the person it was typed for: the save
  // function belongs to this component's person, never to whoever is shown next.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (!Object.is(latest.current, saved.current)) void flush();
    },
    [],
  );

  /** Sets the value; `now` saves at once (a slider released, a date picked) instead of after a pause. */
  const change = (next: T, now = false) => {
    latest.current = next;
    setValue(next);
    clearTimeout(timer.current);
    if (now) void flush();
    else timer.current = setTimeout(() => void flush(), delayMs);
  };

  return { value, state, change, flush };
}

export function SaveStatus({
  state,
  onRetry,
  className = 'field-status',
}: {
  state: SaveState;
  onRetry: () => void;
  className?: string;
}) {
  if (state.kind === 'error') {
    return (
      <p class={`${className} error`} role="alert">
        Not saved: {state.message}{' '}
        <button type="button" class="link" onClick={onRetry}>
          Try again
        </button>
      </p>
    );
  }
  const text = state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? 'Saved' : '';
  return (
    <p class={className} aria-live="polite" data-state={state.kind}>
      {text}
    </p>
  );
}
