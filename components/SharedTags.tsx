import { useId, useState } from 'preact/hooks';

export interface SharedTag {
  tag: string;
  /** How many of the user's other ties (not archived) have it. */
  count: number;
  /** The strongest few of them; `url` is a profile to open, when one is known. */
  people: readonly { id: string; name: string; url: string | null }[];
}

/**
 * "Also into climbing: 3 of your ties". Common ground is material for a conversation or an
 * introduction, so each shared tag opens the list of who shares it.
 */
export function SharedTags({
  shared,
  onSearch,
}: {
  shared: readonly SharedTag[];
  /** Opens a search of all the user's ties for the tag (the popup's search). */
  onSearch?: (tag: string) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div class="shared-tags">
      <h3>Shared with your ties</h3>
      <ul>
        {shared.map(({ tag, count, people }, index) => {
          const expanded = open === tag;
          const listId = `${id}-${index}`;
          return (
            <li key={tag}>
              <button
                type="button"
                class="link"
                aria-expanded={expanded}
                aria-controls={expanded ? listId : undefined}
                onClick={() => setOpen(expanded ? null : tag)}
              >
                Also into <span dir="auto">“{tag}”</span>: {count} of your {count === 1 ? 'tie' : 'ties'}
              </button>
              {expanded ? (
                <ul id={listId} class="shared-people" aria-label={`Who shares ${tag}`}>
                  {people.map((person) => (
                    <li key={person.id} dir="auto">
                      {person.url ? (
                        <a href={person.url} target="_blank" rel="noopener noreferrer">
                          {person.name}
                        </a>
                      ) : (
                        person.name
                      )}
                    </li>
                  ))}
                  {count > people.length ? <li class="muted">and {count - people.length} more</li> : null}
                  {onSearch ? (
                    <li>
                      <button type="button" class="link" onClick={() => onSearch(tag)}>
                        Search all your ties for <span dir="auto">“{tag}”</span>
                      </button>
                    </li>
                  ) : null}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
