import { useId, useRef, useState } from 'preact/hooks';
import { errorMessage } from './autosave';

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
  /** The user's tags of this kind starting with the text typed, most used first. */
  suggest?: (prefix: string) => Promise<readonly { tag: string; count: number }[]>;
}

/** Suggestions shown at once. */
export const SUGGESTIONS_SHOWN = 8;

/** What is being typed: the part after the last comma (commas separate several tags). */
const lastPart = (text: string) => text.slice(text.lastIndexOf(',') + 1);

export function TagEditor({ label, noun, tags, placeholder, onAdd, onRemove, suggest }: TagEditorProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const combo = useSuggestions(tags, suggest);

  const add = async (typed = text) => {
    combo.close();
    setText(typed);
    const adding = newTags(typed, tags);
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

  /** A suggestion replaces what is being typed, and the tags are added at once. */
  const choose = (tag: string) => {
    const before = text.slice(0, text.length - lastPart(text).length);
    void add(`${before}${tag}`);
  };

  return (
    <div class="tag-editor" data-kind={noun}>
      <label for={id}>{label}</label>
      {tags.length > 0 ? (
        <ul class="tags" aria-label={`Current ${label.toLowerCase()}`}>
          {tags.map((tag) => (
            <li key={tag} class="tag">
              <span class="tag-name" dir="auto">
                {tag}
              </span>
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
      <div class="tag-input">
        <input
          id={id}
          type="text"
          dir="auto"
          value={text}
          placeholder={placeholder}
          maxLength={TAG_MAX_LENGTH * 4}
          readOnly={busy}
          autoComplete="off"
          {...(suggest
            ? {
                role: 'combobox',
                'aria-autocomplete': 'list',
                'aria-expanded': combo.shown.length > 0,
                'aria-controls': `${id}-suggestions`,
                'aria-activedescendant': combo.active >= 0 ? `${id}-option-${combo.active}` : undefined,
              }
            : {})}
          onFocus={(event) => combo.ask(lastPart(event.currentTarget.value))}
          onBlur={combo.close}
          onInput={(event) => {
            setText(event.currentTarget.value);
            combo.ask(lastPart(event.currentTarget.value));
          }}
          onKeyDown={(event) => {
            const picked = combo.shown[combo.active];
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              combo.move(event.key === 'ArrowDown' ? 1 : -1);
            } else if (event.key === 'Escape' && combo.shown.length > 0) {
              event.preventDefault();
              combo.close();
            } else if (event.key === 'Enter') {
              event.preventDefault();
              if (picked) choose(picked.tag);
              else void add();
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
      {suggest ? (
        <div
          id={`${id}-suggestions`}
          class="tag-suggestions"
          role="listbox"
          aria-label={`Your ${label.toLowerCase()}`}
          hidden={combo.shown.length === 0}
        >
          {combo.shown.map((one, index) => (
            // The ARIA combobox pattern: the keyboard stays in the field, which marks an option with
            // aria-activedescendant, so options are neither focused nor given key handlers of their own.
            // biome-ignore lint/a11y/useKeyWithClickEvents: see above; Enter in the field picks the marked one.
            // biome-ignore lint/a11y/useFocusableInteractive: see above; focus stays in the combobox.
            <div
              key={one.tag}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === combo.active}
              dir="auto"
              // Keeps the focus in the field, so the list does not close before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(one.tag)}
            >
              {one.tag}
              <span class="muted">
                {' '}
                · {one.count} {one.count === 1 ? 'person' : 'people'}
              </span>
            </div>
          ))}
        </div>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The suggestion list of one tag field: the answer to the latest text typed wins, tags the person already
 * has are left out, and nothing is marked until the arrows move (so Enter adds what was typed).
 */
function useSuggestions(tags: readonly string[], suggest: TagEditorProps['suggest']) {
  const [shown, setShown] = useState<readonly { tag: string; count: number }[]>([]);
  const [active, setActive] = useState(-1);
  const seq = useRef(0);
  const close = () => {
    seq.current += 1;
    setShown([]);
    setActive(-1);
  };
  const ask = (typed: string) => {
    if (!suggest) return;
    const mine = ++seq.current;
    const have = new Set(tags.map((tag) => tag.toLocaleLowerCase()));
    suggest(normalizeTag(typed)).then(
      (found) => {
        if (mine !== seq.current) return;
        setShown(found.filter((one) => !have.has(one.tag.toLocaleLowerCase())).slice(0, SUGGESTIONS_SHOWN));
        setActive(-1);
      },
      // Suggestions are a convenience: without them the field works as before.
      () => mine === seq.current && setShown([]),
    );
  };
  const move = (step: number) => {
    if (shown.length === 0) return;
    // -1 is the field itself: the arrows cycle through the options and back to what was typed.
    const slots = shown.length + 1;
    setActive((index) => ((((index + 1 + step) % slots) + slots) % slots) - 1);
  };
  return { shown, active, ask, close, move };
}
