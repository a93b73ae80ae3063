import { useState } from 'preact/hooks';
import type { LinkInput, LinkView, PopupPrompt } from '@/lib/protocol/types';
import { errorMessage } from './autosave';
import { type PersonChoice, PersonPicker } from './PersonPicker';

export interface MutualTiesProps {
  personId: string;
  /** Everyone linked to this person (getWhoKnows), with how. */
  links: readonly LinkView[];
  /** The best introduction of this person to another of the user's ties (the popup's rule), if any. */
  introduction?: Pick<PopupPrompt, 'reason' | 'draft' | 'people'> | null;
  /** Done: the user introduced them (logged for both, and linked). Otherwise: not now. */
  onIntroduction?: (done: boolean) => Promise<void>;
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
  introduction,
  onIntroduction,
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
      {introduction && onIntroduction ? (
        <Introduction
          personId={personId}
          introduction={introduction}
          act={(done) =>
            onIntroduction(done).then(
              () => setError(null),
              (failure) => setError(`Not saved: ${errorMessage(failure)}`),
            )
          }
        />
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </details>
  );
}

function Introduction({
  personId,
  introduction,
  act,
}: {
  personId: string;
  introduction: NonNullable<MutualTiesProps['introduction']>;
  act: (done: boolean) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const other = introduction.people.find((one) => one.id !== personId)?.name ?? 'them';
  const run = async (done: boolean) => {
    setBusy(true);
    await act(done);
    setBusy(false);
  };
  return (
    <div class="introductions">
      <h3>Worth an introduction?</h3>
      <p dir="auto">{introduction.reason}.</p>
      <details>
        <summary>A draft to send</summary>
        <p class="hint" dir="auto">
          {introduction.draft}
        </p>
      </details>
      <div class="actions">
        <button type="button" class="small" disabled={busy} onClick={() => void run(true)}>
          I introduced them to {other}
        </button>
        <button type="button" class="link" disabled={busy} onClick={() => void run(false)}>
          Not now
        </button>
      </div>
    </div>
  );
}
