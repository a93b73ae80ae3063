import { useState } from 'preact/hooks';
import type { LinkInput, LinkView } from '@/lib/protocol/types';
import { errorMessage } from './autosave';
import { type PersonChoice, PersonPicker } from './PersonPicker';

export interface SharedGoal {
  goal: string;
  people: readonly PersonChoice[];
}

export interface MutualTiesProps {
  personId: string;
  /** Everyone linked to this person (getWhoKnows), with how. */
  links: readonly LinkView[];
  /** Others in Rapport with one of this person's goals and no link to them yet. */
  sharedGoals: readonly SharedGoal[];
  searchPeople: (query: string) => Promise<PersonChoice[]>;
  addLink: (link: LinkInput) => Promise<void>;
  removeLink: (link: LinkInput) => Promise<void>;
}

function how(view: LinkView, personId: string): string {
  const { link } = view;
  if (link.kind === 'knows') return 'knows them';
  if (link.kind === 'works-with') return 'works with them';
  return link.fromId === personId ? 'was introduced to you by them' : 'introduced you to them';
}

/** Who among the user's ties knows this person, and who they might be worth introducing to. */
export function MutualTies({
  personId,
  links,
  sharedGoals,
  searchPeople,
  addLink,
  removeLink,
}: MutualTiesProps) {
  const [error, setError] = useState<string | null>(null);
  const linked = new Set(links.map((view) => view.other.id));
  return (
    <details class="section mutual" open>
      <summary>
        <h2>Mutual ties</h2>
      </summary>
      {links.length === 0 ? (
        <p class="hint">No one you know in Rapport is linked to them yet.</p>
      ) : (
        <ul class="mutual-list">
          {links.map((view) => (
            <li key={`${view.link.fromId}:${view.link.kind}:${view.link.toId}`}>
              <strong dir="auto">{view.other.name}</strong> {how(view, personId)}{' '}
              <button
                type="button"
                class="link"
                aria-label={`Remove link with ${view.other.name}`}
                onClick={() =>
                  removeLink({ fromId: view.link.fromId, kind: view.link.kind, toId: view.link.toId }).then(
                    () => setError(null),
                    (failure) => setError(`Not removed: ${errorMessage(failure)}`),
                  )
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <PersonPicker
        label="Someone you know who knows them"
        search={searchPeople}
        exclude={[personId, ...linked]}
        pickLabel="Knows them:"
        onPick={(other) => addLink({ fromId: other.id, kind: 'knows', toId: personId })}
      />
      {sharedGoals.length > 0 ? (
        <div class="introductions">
          <h3>Worth an introduction?</h3>
          <ul>
            {sharedGoals.map(({ goal, people }) => (
              <li key={goal}>
                Also working towards <span dir="auto">“{goal}”</span>:{' '}
                {people.map((other, index) => (
                  <span key={other.id} dir="auto">
                    {index > 0 ? ', ' : ''}
                    {other.name}
                  </span>
                ))}
                . Introducing them could help both.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </details>
  );
}
