import { useEffect, useId, useRef, useState } from 'preact/hooks';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string };

export interface NoteEditorProps {
  label: string;
  initialText: string;
  placeholder?: string;
  /** Persists the whole text; rejects with a message the user can read. */
  save: (text: string) => Promise<void>;
  /** Whether an empty text is worth saving (an existing note emptied by the user is; a blank draft is not). */
  saveEmpty: boolean;
  autosaveDelayMs?: number;
}

/**
 * A plain-text note that saves itself as the user types (there is no save button to forget). Saves are
 * serialised: one in flight at a time, the latest text always wins, and a failure keeps the text and
 * says what went wrong.
 */
export function NoteEditor({
  label,
  initialText,
  placeholder,
  save,
  saveEmpty,
  autosaveDelayMs = 400,
}: NoteEditorProps) {
  const fieldId = useId();
  const [text, setText] = useState(initialText);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef(initialText);
  const saved = useRef(initialText);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = async () => {
    clearTimeout(timer.current);
    if (inFlight.current) return;
    const value = latest.current;
    if (value === saved.current || (!saveEmpty && value.trim() === '' && saved.current === '')) return;
    inFlight.current = true;
    setState({ kind: 'saving' });
    try {
      await save(value);
      saved.current = value;
      setState({ kind: 'saved' });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      inFlight.current = false;
      return;
    }
    inFlight.current = false;
    if (latest.current !== saved.current) void flush();
  };

  // Leaving (the user navigated to another person) saves what was typed, to the person it was typed for:
  // the save function is bound to this editor's person, never to whoever is shown next.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (latest.current !== saved.current) void flush();
    },
    [],
  );

  const onInput = (value: string) => {
    latest.current = value;
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), autosaveDelayMs);
  };

  return (
    <div class="note-editor">
      <label class="visually-hidden" for={fieldId}>
        {label}
      </label>
      <textarea
        id={fieldId}
        value={text}
        placeholder={placeholder}
        rows={4}
        onInput={(event) => onInput(event.currentTarget.value)}
        onBlur={() => void flush()}
      />
      <SaveStatus state={state} onRetry={() => void flush()} />
    </div>
  );
}

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  if (state.kind === 'error') {
    return (
      <p class="save-status error" role="alert">
        Not saved: {state.message}{' '}
        <button type="button" class="link" onClick={onRetry}>
          Try again
        </button>
      </p>
    );
  }
  const text = state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? 'Saved' : '';
  return (
    <p class="save-status" aria-live="polite" data-state={state.kind}>
      {text}
    </p>
  );
}
