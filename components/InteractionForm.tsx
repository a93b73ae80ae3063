import { useId, useState } from 'preact/hooks';
import { errorMessage } from './autosave';
import { fromDateInput, toDateInput } from './format';
import {
  CHANNEL_LABELS,
  type Channel,
  DIRECTION_LABELS,
  type Direction,
  INTERACTION_TEXT_MAX,
  type InteractionDraft,
  type InteractionKind,
  KIND_LABELS,
} from './interaction-words';

export interface InteractionFormProps {
  initial: InteractionDraft;
  submitLabel: string;
  /** Rejects with a message the user can read; the form keeps what was entered. */
  onSubmit: (draft: InteractionDraft) => Promise<void>;
  onCancel?: () => void;
  /** Empty the text after a successful submit (a new entry), or keep it (an edit closes anyway). */
  resetOnSubmit?: boolean;
  /** A new entry dated today is stamped with the moment it is submitted. */
  stampNow?: boolean;
}

/** Everything about one interaction: what, who started it, where, when, and a short text. */
export function InteractionForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  resetOnSubmit = false,
  stampNow = false,
}: InteractionFormProps) {
  const id = useId();
  const [kind, setKind] = useState<InteractionKind>(initial.kind);
  const [direction, setDirection] = useState<Direction>(initial.direction);
  const [channel, setChannel] = useState<Channel>(initial.channel);
  const [day, setDay] = useState(toDateInput(initial.at));
  const [text, setText] = useState(initial.text ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    // The day as entered; the same day as before keeps the original time of day.
    const now = Date.now();
    const at =
      stampNow && day === toDateInput(now)
        ? now
        : day === toDateInput(initial.at)
          ? initial.at
          : fromDateInput(day);
    if (at === null) {
      setError('Not saved: choose a date.');
      return;
    }
    setBusy(true);
    try {
      await onSubmit({ at, kind, direction, channel, text: text.trim() === '' ? null : text });
      setError(null);
      if (resetOnSubmit) setText('');
    } catch (failure) {
      setError(`Not saved: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="interaction-form" onSubmit={submit}>
      <div class="form-grid">
        <label for={`${id}-kind`}>What</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as InteractionKind)}
        >
          {Object.entries(KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label for={`${id}-direction`}>Who started it</label>
        <select
          id={`${id}-direction`}
          value={direction}
          onChange={(e) => setDirection(e.currentTarget.value as Direction)}
        >
          {Object.entries(DIRECTION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label for={`${id}-channel`}>Where</label>
        <select
          id={`${id}-channel`}
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value as Channel)}
        >
          {Object.entries(CHANNEL_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label for={`${id}-day`}>When</label>
        <input
          id={`${id}-day`}
          type="date"
          required
          value={day}
          onInput={(e) => setDay(e.currentTarget.value)}
        />
      </div>
      <label for={`${id}-text`}>What happened (optional)</label>
      <textarea
        id={`${id}-text`}
        rows={2}
        dir="auto"
        maxLength={INTERACTION_TEXT_MAX}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" class="link" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
