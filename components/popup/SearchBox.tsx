import { useState } from 'preact/hooks';
import type { SearchItem } from './types';

export type StrengthFilter = 'any' | 'strong' | 'weak';
export type NetworkFilter = 'any' | 'linkedin' | 'facebook' | 'x';

export interface SearchBoxProps {
  query: string;
  strength: StrengthFilter;
  network: NetworkFilter;
  results: SearchItem[];
  matched: number;
  status: string | null;
  onQuery: (query: string) => void;
  onStrength: (strength: StrengthFilter) => void;
  onNetwork: (network: NetworkFilter) => void;
  onOpen: (item: SearchItem) => void;
}

/**
 * "Who has experience with X?": type to search, Up and Down move through the results, Enter opens the
 * highlighted person's profile. The list is a listbox owned by the input (aria-activedescendant), so focus
 * stays in the field while moving.
 */
export function SearchBox(props: SearchBoxProps) {
  const { query, strength, network, results, matched, status } = props;
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, results.length - 1));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive(Math.min(results.length - 1, current + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(Math.max(0, current - 1));
    } else if (event.key === 'Enter') {
      const item = results[current];
      if (item) {
        event.preventDefault();
        props.onOpen(item);
      }
    }
  };
  return (
    <div class="search">
      <label for="search-input">Search people, tags, notes</label>
      <input
        id="search-input"
        type="search"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls="search-results"
        aria-activedescendant={results[current] ? `search-result-${current}` : undefined}
        autocomplete="off"
        placeholder="Who has experience with…"
        value={query}
        onInput={(event) => {
          setActive(0);
          props.onQuery(event.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
      />
      <div class="search-filters">
        <label>
          Tie{' '}
          <select
            value={strength}
            onChange={(event) => props.onStrength(event.currentTarget.value as StrengthFilter)}
          >
            <option value="any">Any</option>
            <option value="strong">Strong</option>
            <option value="weak">Weak</option>
          </select>
        </label>
        <label>
          Network{' '}
          <select
            value={network}
            onChange={(event) => props.onNetwork(event.currentTarget.value as NetworkFilter)}
          >
            <option value="any">Any</option>
            <option value="linkedin">LinkedIn</option>
            <option value="x">X</option>
            <option value="facebook">Facebook</option>
          </select>
        </label>
      </div>
      <p class="muted" aria-live="polite">
        {status ?? (query.trim() === '' ? '' : `${matched} ${matched === 1 ? 'match' : 'matches'}`)}
      </p>
      <div id="search-results" role="listbox" aria-label="Search results" class="search-results">
        {results.map((item, index) => (
          <div
            key={item.personId}
            id={`search-result-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === current}
            class={index === current ? 'active' : undefined}
            onClick={() => props.onOpen(item)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') props.onOpen(item);
            }}
          >
            <span class="result-name">{item.name}</span>{' '}
            <span class={item.strong ? 'tie strong' : 'tie weak'}>{item.strong ? 'strong' : 'weak'}</span>{' '}
            <span class="muted">
              {item.matchedIn.length > 0 ? `in ${item.matchedIn.join(', ')}` : ''}
              {item.url === null ? ' (no profile)' : ''}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
