import { useId, useRef, useState } from 'preact/hooks';
import { errorMessage } from './autosave';

export interface PersonChoice {
  id: string;
  name: string;
}

export interface PersonPickerProps {
  label: string;
  /** Finds people by name; rejects with a message the user can read. */
  search: (query: string) => Promise<PersonChoice[]>;
  /** What choosing someone does; rejects with a message the user can read (the choice stays offered). */
  onPick: (person: PersonChoice) => Promise<void>;
  /** People who cannot be picked (the person shown, for instance). */
  exclude?: readonly string[];
  pickLabel?: string;
}

/** Search by name, then pick one of the results with a button: plain buttons keep it keyboard friendly. */
export function PersonPicker({
  label,
  search,
  onPick,
  exclude = [],
  pickLabel = 'Choose',
}: PersonPickerProps) {
  const fieldId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PersonChoice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const run = async (text: string) => {
    clearTimeout(timer.current);
    const mine = ++seq.current;
    if (text.trim() === '') {
      setResults(null);
      return;
    }
    try {
      const found = await search(text);
      if (mine !== seq.current) return;
      setResults(found.filter((person) => !exclude.includes(person.id)));
      setError(null);
    } catch (failure) {
      if (mine === seq.current) setError(`Search failed: ${errorMessage(failure)}`);
    }
  };

  const pick = async (person: PersonChoice) => {
    setBusy(true);
    try {
      await onPick(person);
      setQuery('');
      setResults(null);
      setError(null);
    } catch (failure) {
      setError(`Could not choose ${person.name}: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="person-picker">
      <label for={fieldId}>{label}</label>
      <input
        id={fieldId}
        type="search"
        dir="auto"
        value={query}
        placeholder="Search by name"
        autocomplete="off"
        onInput={(event) => {
          const text = event.currentTarget.value;
          setQuery(text);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void run(text), 200);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void run(query);
          }
        }}
      />
      {results !== null ? (
        results.length === 0 ? (
          <p class="hint">No one in Rapport by that name.</p>
        ) : (
          <ul class="picker-results">
            {results.map((person) => (
              <li key={person.id}>
                <span dir="auto">{person.name}</span>{' '}
                <button
                  type="button"
                  class="small"
                  disabled={busy}
                  onClick={() => void pick(person)}
                  aria-label={`${pickLabel} ${person.name}`}
                >
                  {pickLabel}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
