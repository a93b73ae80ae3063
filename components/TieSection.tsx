import { useState } from 'preact/hooks';
import { STRONG_CADENCE_DAYS, WEAK_CADENCE_DAYS } from '@/lib/domain/cadence';
import type { PersonDetails, PersonPatch, TieView } from '@/lib/protocol/types';
import { AutosaveCadence, AutosaveDate, AutosaveText, ClosenessSlider } from './AutosaveFields';
import { errorMessage } from './autosave';
import { DunbarPlace, type DunbarPlaceProps } from './DunbarPlace';
import { type PersonChoice, PersonPicker } from './PersonPicker';

export interface TieSummaryProps {
  tie: Pick<TieView, 'score' | 'strong' | 'reasons'>;
}

/** How strong the tie is and why, in the model's own plain words, so the user can disagree with it. */
export function TieSummary({ tie }: TieSummaryProps) {
  const percent = Math.round(tie.score * 100);
  return (
    <div class="tie-summary" data-strength={tie.strong ? 'strong' : 'weak'}>
      <p class="tie-headline">
        <strong>{tie.strong ? 'Strong tie' : 'Weak tie'}</strong>{' '}
        <span class="muted">· strength {percent} of 100</span>
      </p>
      <meter min={0} max={1} value={tie.score} aria-label={`Tie strength ${percent} of 100`} />
      <p class="hint">
        {tie.strong
          ? 'Strong ties need regular investment.'
          : 'Weak ties bring new perspectives; a little contact keeps them alive.'}
      </p>
      <ul class="tie-reasons" aria-label="Why">
        {tie.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}

export interface TieSectionProps {
  tie: TieView | null;
  details: PersonDetails;
  introducedByName: string | null;
  updatePerson: (patch: PersonPatch) => Promise<void>;
  searchPeople: (query: string) => Promise<PersonChoice[]>;
  /** Where they sit among all the user's ties; null until known. */
  place?: DunbarPlaceProps | null;
}

export function TieSection({
  tie,
  details,
  introducedByName,
  updatePerson,
  searchPeople,
  place,
}: TieSectionProps) {
  const strong = tie?.strong ?? false;
  return (
    <details class="section tie" open>
      <summary>
        <h2>The tie</h2>
      </summary>
      {tie ? <TieSummary tie={tie} /> : null}
      {place ? <DunbarPlace {...place} /> : null}
      <ClosenessSlider initial={details.closeness} save={(closeness) => updatePerson({ closeness })} />
      <AutosaveText
        label="How we met"
        multiline
        initial={details.howWeMet}
        placeholder="Where, through whom, what you talked about"
        save={(howWeMet) => updatePerson({ howWeMet })}
      />
      <AutosaveDate label="Met on" initial={details.metAt} save={(metAt) => updatePerson({ metAt })} />
      <IntroducedBy
        personId={details.id}
        name={details.introducedBy === null ? null : (introducedByName ?? 'someone no longer found')}
        updatePerson={updatePerson}
        searchPeople={searchPeople}
      />
      <AutosaveCadence
        initial={details.cadenceDays}
        defaultDays={strong ? STRONG_CADENCE_DAYS : WEAK_CADENCE_DAYS}
        save={(cadenceDays) => updatePerson({ cadenceDays })}
      />
    </details>
  );
}

function IntroducedBy({
  personId,
  name,
  updatePerson,
  searchPeople,
}: {
  personId: string;
  name: string | null;
  updatePerson: (patch: PersonPatch) => Promise<void>;
  searchPeople: (query: string) => Promise<PersonChoice[]>;
}) {
  const [error, setError] = useState<string | null>(null);
  if (name === null) {
    return (
      <div class="field">
        <PersonPicker
          label="Introduced by"
          search={searchPeople}
          exclude={[personId]}
          pickLabel="Introduced by"
          onPick={(person) => updatePerson({ introducedBy: person.id })}
        />
      </div>
    );
  }
  return (
    <div class="field">
      <p>
        Introduced by <strong dir="auto">{name}</strong>{' '}
        <button
          type="button"
          class="link"
          aria-label={`Clear introduced by ${name}`}
          onClick={() =>
            updatePerson({ introducedBy: null }).then(
              () => setError(null),
              (failure) => setError(`Not saved: ${errorMessage(failure)}`),
            )
          }
        >
          Clear
        </button>
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
