import { useId } from 'preact/hooks';
import { SaveStatus, useAutosave } from './autosave';

export type { SaveState } from './autosave';

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
  const { value, state, change, flush } = useAutosave({
    initial: initialText,
    save,
    delayMs: autosaveDelayMs,
    shouldSave: (text, saved) => saveEmpty || text.trim() !== '' || saved !== '',
  });

  return (
    <div class="note-editor">
      <label class="visually-hidden" for={fieldId}>
        {label}
      </label>
      <textarea
        id={fieldId}
        value={value}
        placeholder={placeholder}
        rows={4}
        dir="auto"
        onInput={(event) => change(event.currentTarget.value)}
        onBlur={() => void flush()}
      />
      <SaveStatus state={state} onRetry={() => void flush()} className="save-status" />
    </div>
  );
}
