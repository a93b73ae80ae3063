import { useId, useState } from 'preact/hooks';
import { errorMessage } from './autosave';
import type { PersonChoice } from './PersonPicker';

export const TAG_MAX_LENGTH = 60;
export const TAGS_PER_KIND_MAX = 30;

/** As the store keeps tags: trimmed, inner whitespace collapsed, at most 60 characters; '' for nothing. */
export function normalizeTag(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, TAG_MAX_LENGTH).trim();
}

/** The tags typed (commas separate several), normalised, without ones already there (any case). */
export function newTags(raw: string, existing: readonly string[]): string[] {
  const seen = new Set(existing.map((tag) => tag.toLocaleLowerCase()));
  const out: string[] = [];
  for (const part of raw.split(',')) {
    const tag = normalizeTag(part);
    const key = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

export interface TagEditorProps {
  label: string;
  /** Singular, for "Remove interest AI". */
  noun: string;
  tags: readonly string[];
  placeholder?: string;
  onAdd: (tags: string[]) => Promise<void>;
  onRemove: (tag: string) => Promise<void>;
  /** Who else in Rapport has this tag, asked for on demand (one lookup per click). */
  findOthers?: (tag: string) => Promise<PersonChoice[]>;
}

export function TagEditor({ label, noun, tags, placeholder, onAdd, onRemove, findOthers }: TagEditorProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [others, setOthers] = useState<{ tag: string; people: PersonChoice[] } | null>(null);

  const add = async () => {
    const adding = newTags(text, tags);
    if (adding.length === 0) {
      setText('');
      return;
    }
    if (tags.length + adding.length > TAGS_PER_KIND_MAX) {
      setError(`Not saved: at most ${TAGS_PER_KIND_MAX} ${label.toLowerCase()}.`);
      return;
    }
    setBusy(true);
    try {
      await onAdd(adding);
      setText('');
      setError(null);
    } catch (failure) {
      // The typed text stays in the field, to try again.
      setError(`Not saved: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (tag: string) => {
    try {
      await onRemove(tag);
      setError(null);
    } catch (failure) {
      setError(`Not removed: ${errorMessage(failure)}`);
    }
  };

  const showOthers = async (tag: string) => {
    if (!findOthers) return;
    if (others?.tag === tag) {
      setOthers(null);
      return;
    }
    try {
      setOthers({ tag, people: await findOthers(tag) });
    } catch (failure) {
      setError(`Could not look up ${tag}: ${errorMessage(failure)}`);
    }
  };

  return (
    <div class="tag-editor" data-kind={noun}>
      <label for={id}>{label}</label>
      {tags.length > 0 ? (
        <ul class="tags" aria-label={`Current ${label.toLowerCase()}`}>
          {tags.map((tag) => (
            <li key={tag} class="tag">
              {findOthers ? (
                <button
                  type="button"
                  class="tag-name"
                  dir="auto"
                  aria-expanded={others?.tag === tag}
                  title={`Who else is into ${tag}?`}
                  onClick={() => void showOthers(tag)}
                >
                  {tag}
                </button>
              ) : (
                <span class="tag-name" dir="auto">
                  {tag}
                </span>
              )}
              <button
                type="button"
                class="tag-remove"
                aria-label={`Remove ${noun} ${tag}`}
                onClick={() => void remove(tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {others ? <OthersLine noun={noun} tag={others.tag} people={others.people} /> : null}
      <div class="tag-input">
        <input
          id={id}
          type="text"
          dir="auto"
          value={text}
          placeholder={placeholder}
          maxLength={TAG_MAX_LENGTH * 4}
          readOnly={busy}
          onInput={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void add();
            }
          }}
        />
        <button
          type="button"
          class="small"
          disabled={busy}
          onClick={() => void add()}
          aria-label={`Add ${noun}`}
        >
          Add
        </button>
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function OthersLine({ noun, tag, people }: { noun: string; tag: string; people: PersonChoice[] }) {
  if (people.length === 0)
    return (
      <p class="hint">
        No one else in Rapport has the {noun} “{tag}” yet.
      </p>
    );
  return (
    <p class="hint others" aria-live="polite">
      Also {noun === 'goal' ? 'working towards' : 'into'} <span dir="auto">“{tag}”</span>: {people.length} of
      your ties (
      {people.map((person, index) => (
        <span key={person.id} dir="auto">
          {index > 0 ? ', ' : ''}
          {person.name}
        </span>
      ))}
      )
    </p>
  );
}
