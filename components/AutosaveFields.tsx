import { useId } from 'preact/hooks';
import { closenessWords } from '@/lib/domain/tie-reasons';
import { SaveStatus, useAutosave } from './autosave';
import { fromDateInput, toDateInput } from './format';

// Fields of the person that save themselves, each with its own saving/saved/error line. The typed text is
// what the field keeps: a failed save leaves it in place with the reason and a way to try again.

interface FieldProps<T> {
  label: string;
  initial: T;
  save: (value: T) => Promise<void>;
  hint?: string;
  delayMs?: number;
}

export function AutosaveText({
  label,
  initial,
  save,
  hint,
  placeholder,
  multiline = false,
  delayMs,
}: FieldProps<string> & { multiline?: boolean; placeholder?: string }) {
  const id = useId();
  const { value, state, change, flush } = useAutosave({ initial, save, delayMs });
  const common = {
    id,
    value,
    placeholder,
    dir: 'auto' as const,
    onBlur: () => void flush(),
    'aria-describedby': hint ? `${id}-hint` : undefined,
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={2} onInput={(event) => change(event.currentTarget.value)} />
      ) : (
        <input {...common} type="text" onInput={(event) => change(event.currentTarget.value)} />
      )}
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <SaveStatus state={state} onRetry={() => void flush()} />
    </div>
  );
}

/** A calendar day; empty means not known. */
export function AutosaveDate({ label, initial, save, hint }: FieldProps<number | null>) {
  const id = useId();
  const { value, state, change, flush } = useAutosave({
    initial: toDateInput(initial),
    save: (text: string) => {
      const at = fromDateInput(text);
      if (text !== '' && at === null) return Promise.reject(new Error('that is not a date'));
      return save(at);
    },
  });
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(event) => change(event.currentTarget.value)}
        onBlur={() => void flush()}
      />
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <SaveStatus state={state} onRetry={() => void flush()} />
    </div>
  );
}

export const CADENCE_DAYS_MAX = 3650;

/** Days between contacts; empty uses the default for the tie, which is shown. */
export function AutosaveCadence({
  initial,
  defaultDays,
  save,
}: {
  initial: number | null;
  defaultDays: number;
  save: (days: number | null) => Promise<void>;
}) {
  const id = useId();
  const { value, state, change, flush } = useAutosave({
    initial: initial === null ? '' : String(initial),
    save: (text: string) => {
      const trimmed = text.trim();
      if (trimmed === '') return save(null);
      const days = Number(trimmed);
      if (!Number.isInteger(days) || days < 1 || days > CADENCE_DAYS_MAX) {
        return Promise.reject(new Error(`enter whole days from 1 to ${CADENCE_DAYS_MAX}, or leave it empty`));
      }
      return save(days);
    },
  });
  return (
    <div class="field">
      <label for={id}>Keep in touch every (days)</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={CADENCE_DAYS_MAX}
        step={1}
        value={value}
        placeholder={String(defaultDays)}
        aria-describedby={`${id}-hint`}
        onInput={(event) => change(event.currentTarget.value)}
        onBlur={() => void flush()}
      />
      <p class="hint" id={`${id}-hint`}>
        {value.trim() === ''
          ? `Default: every ${defaultDays} days for this tie.`
          : 'Empty it to use the default.'}
      </p>
      <SaveStatus state={state} onRetry={() => void flush()} />
    </div>
  );
}

/** "How strong is your relationship?", 0..1; unanswered until the user moves it. */
export function ClosenessSlider({
  initial,
  save,
}: {
  initial: number | null;
  save: (closeness: number) => Promise<void>;
}) {
  const id = useId();
  const { value, state, change, flush } = useAutosave<number | null>({
    initial,
    save: (closeness) => (closeness === null ? Promise.resolve() : save(closeness)),
  });
  const words = value === null ? 'not answered yet' : closenessWords(value);
  return (
    <div class="field closeness">
      <label for={id}>How strong is your relationship?</label>
      <div class="slider-row">
        <span aria-hidden="true">distant</span>
        <input
          id={id}
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={value ?? 0.5}
          aria-valuetext={words}
          aria-describedby={`${id}-words`}
          onInput={(event) => change(Number(event.currentTarget.value))}
          onChange={(event) => change(Number(event.currentTarget.value), true)}
        />
        <span aria-hidden="true">very close</span>
      </div>
      <p class="hint" id={`${id}-words`} data-closeness={value ?? ''}>
        {value === null ? 'Not answered yet: move the slider.' : `You feel ${words}.`}
      </p>
      <SaveStatus state={state} onRetry={() => void flush()} />
    </div>
  );
}
