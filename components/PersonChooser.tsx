import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface ChooserPerson {
  id: string;
  name: string;
}

export interface PersonChooserProps {
  title: string;
  text: string | null;
  truncated: boolean;
  direction: 'me' | 'them' | 'mutual';
  results: ChooserPerson[];
  busy: boolean;
  error: string | null;
  onSearch: (query: string) => void;
  onDirection: (direction: 'me' | 'them' | 'mutual') => void;
  onChoose: (person: ChooserPerson) => void;
  onAdd: (name: string) => void;
  onCancel: () => void;
}

/** Who was this with? Search people in Rapport, or add someone new by name; the text is shown as text. */
export function PersonChooser(props: PersonChooserProps) {
  const searchId = useId();
  const directionId = useId();
  const addId = useId();
  const [newName, setNewName] = useState('');
  const search = useRef<HTMLInputElement>(null);
  // The window opens on a right-click: typing a name should just work.
  useEffect(() => search.current?.focus(), []);
  return (
    <main class="chooser">
      <h1>{props.title}</h1>
      {props.text ? (
        <blockquote class="chooser-text" dir="auto">
          {props.text}
        </blockquote>
      ) : null}
      {props.truncated ? <p class="notice">The selected text was shortened to 2,000 characters.</p> : null}
      <label for={directionId}>Who started it</label>
      <select
        id={directionId}
        value={props.direction}
        onChange={(event) => props.onDirection(event.currentTarget.value as PersonChooserProps['direction'])}
      >
        <option value="me">I did</option>
        <option value="them">They did</option>
        <option value="mutual">Both of us</option>
      </select>
      <label for={searchId}>Search people in Rapport</label>
      <input
        id={searchId}
        ref={search}
        type="search"
        placeholder="Name"
        onInput={(event) => props.onSearch(event.currentTarget.value)}
      />
      <ul class="chooser-results">
        {props.results.map((person) => (
          <li key={person.id}>
            <button type="button" disabled={props.busy} onClick={() => props.onChoose(person)} dir="auto">
              {person.name}
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (newName.trim()) props.onAdd(newName.trim());
        }}
      >
        <label for={addId}>Or add someone new</label>
        <input id={addId} value={newName} onInput={(event) => setNewName(event.currentTarget.value)} />
        <button type="submit" disabled={props.busy || newName.trim() === ''}>
          Add and log
        </button>
      </form>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <button type="button" class="link" onClick={props.onCancel}>
        Cancel
      </button>
    </main>
  );
}
