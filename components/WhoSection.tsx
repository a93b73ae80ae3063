import { useState } from 'preact/hooks';
import { NETWORK_LABELS, safeHref } from './format';
import { type PersonChoice, PersonPicker } from './PersonPicker';
import { useAction } from './use-action';

export interface IdentityLink {
  network: string;
  handle: string;
  url: string;
  lastSeenName: string | null;
}

export interface WhoSectionProps {
  known: boolean;
  /** The person's profiles on other networks (the one shown excluded). */
  otherIdentities: readonly IdentityLink[];
  onAdd: () => Promise<void>;
  searchPeople: (query: string) => Promise<PersonChoice[]>;
  onLink: (person: PersonChoice) => Promise<void>;
}

/** The person's other profiles; for someone new, one click to add them or a search to link the profile. */
export function WhoSection({ known, otherIdentities, onAdd, searchPeople, onLink }: WhoSectionProps) {
  const { busy: adding, error, run } = useAction();
  const [linking, setLinking] = useState(false);

  if (!known) {
    return (
      <section class="who" aria-label="Add to Rapport">
        <div class="actions">
          <button type="button" class="primary" disabled={adding} onClick={() => run(onAdd, 'Not added')}>
            {adding ? 'Adding…' : 'Add to Rapport'}
          </button>
          <button type="button" class="link" aria-expanded={linking} onClick={() => setLinking(!linking)}>
            Link to someone in Rapport
          </button>
        </div>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        {linking ? (
          <PersonPicker
            label="This profile belongs to"
            search={searchPeople}
            onPick={onLink}
            pickLabel="Link to"
          />
        ) : null}
      </section>
    );
  }
  if (otherIdentities.length === 0) return null;
  return (
    <section class="who" aria-label="Other profiles">
      <ul class="identities">
        {otherIdentities.map((identity) => {
          const href = safeHref(identity.url);
          const label = `${NETWORK_LABELS[identity.network] ?? identity.network} · ${identity.handle}`;
          return (
            <li key={`${identity.network}:${identity.handle}`} dir="auto">
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {label}
                </a>
              ) : (
                label
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
