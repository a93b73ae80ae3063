import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '@/components/format';
import { InteractionForm } from '@/components/InteractionForm';
import { InteractionLog } from '@/components/InteractionLog';
import { MilestoneBanner } from '@/components/MilestoneBanner';
import { MutualTies } from '@/components/MutualTies';
import { NotesSection } from '@/components/NotesSection';
import { PersonHeader } from '@/components/PersonHeader';
import { QuickLog } from '@/components/QuickLog';
import { ReciprocitySection } from '@/components/ReciprocitySection';
import { TagsSection } from '@/components/TagsSection';
import { TieSection } from '@/components/TieSection';
import { WhoSection } from '@/components/WhoSection';
import type { PageDetails, WireProfileSnapshot } from '@/lib/protocol/types';
import { networkLabels } from '@/lib/sites';
import { readDismissedHeadline, writeDismissedHeadline } from './milestone-dismissals';
import { usePersonView } from './use-person-view';

/**
 * Everything about the person behind one profile. Keyed by the profile in SidebarApp: its reference is
 * fixed for the card's whole life, so a save can only ever go to the person it was made for.
 */
export function PersonCard({ snapshot, details }: { snapshot: WireProfileSnapshot; details: PageDetails }) {
  const [ref] = useState(() => ({ network: snapshot.network, id: snapshot.id }));
  const [draftId] = useState(() => crypto.randomUUID());
  const [dismissed, setDismissed] = useState(() => readDismissedHeadline(ref));
  const person = usePersonView(ref, snapshot);
  const { view, refresh } = person;

  // Once the page has been read, the background has recorded any new headline: read the view again.
  useEffect(() => {
    if (details === 'read') void refresh();
  }, [details, refresh]);

  const ready = view.kind === 'ready' ? view.value : null;
  const known = ready?.person != null;
  const identity = ready?.identities.find((one) => one.network === ref.network && one.handle === ref.id);

  const lastCongratulatedAt = ready?.interactions.find((one) => one.kind === 'congratulation')?.at ?? null;

  return (
    <main class="person-card" data-person={`${ref.network}:${ref.id}`}>
      {identity ? (
        <MilestoneBanner
          history={identity.headlineHistory}
          dismissedHeadline={dismissed}
          lastCongratulatedAt={lastCongratulatedAt}
          onCongratulate={() =>
            person.logInteraction({
              at: Date.now(),
              kind: 'congratulation',
              direction: 'me',
              channel: ref.network,
              text: identity.lastSeenHeadline ? `New role: ${identity.lastSeenHeadline}` : null,
            })
          }
          onDismiss={(headline) => {
            writeDismissedHeadline(ref, headline);
            setDismissed(headline);
          }}
        />
      ) : null}
      <PersonHeader
        name={snapshot.name ?? ready?.person?.name ?? null}
        handle={ref.id}
        networkLabel={networkLabels[ref.network]}
        headline={snapshot.headline}
        avatarUrl={snapshot.avatarUrl}
        known={known}
        pageUnreadable={details === 'unreadable'}
      />
      {view.kind === 'loading' ? <p class="status">Loading…</p> : null}
      {view.kind === 'error' ? (
        <p class="status error" role="alert">
          {view.message}
        </p>
      ) : null}
      {person.refreshError ? (
        <p class="error" role="alert">
          Could not read the latest from Rapport: {person.refreshError}{' '}
          <button type="button" class="link" onClick={() => void refresh()}>
            Try again
          </button>
        </p>
      ) : null}
      {ready ? (
        <WhoSection
          known={known}
          otherIdentities={ready.identities.filter((one) => one !== identity)}
          onAdd={person.addPerson}
          searchPeople={person.searchPeople}
          onLink={person.linkTo}
        />
      ) : null}
      {ready?.details ? (
        <>
          <TieSection
            tie={ready.tie}
            details={ready.details}
            introducedByName={person.introducedByName}
            updatePerson={person.updatePerson}
            searchPeople={person.searchPeople}
          />
          {ready.tie ? (
            <ReciprocitySection
              reciprocity={ready.tie.reciprocity}
              followUp={ready.tie.followUp}
              now={ready.tie.computedAt}
            />
          ) : null}
          <details class="section log" open>
            <summary>
              <h2>What happened</h2>
            </summary>
            <QuickLog
              channel={ref.network}
              onLog={(draft) => person.logInteraction({ ...draft, at: Date.now() })}
            />
            <details class="full-form">
              <summary class="full-form-toggle">Log with details…</summary>
              <InteractionForm
                initial={{
                  at: Date.now(),
                  kind: 'message',
                  direction: 'me',
                  channel: ref.network,
                  text: null,
                }}
                submitLabel="Log it"
                stampNow
                resetOnSubmit
                onSubmit={person.logInteraction}
              />
            </details>
            <InteractionLog
              interactions={ready.interactions}
              onUpdate={person.updateInteraction}
              onDelete={person.deleteInteraction}
            />
          </details>
        </>
      ) : null}
      {ready ? (
        <NotesSection
          notes={ready.notes}
          draftId={draftId}
          saveNote={person.saveNote}
          deleteNote={known ? person.deleteNote : undefined}
          formatDate={formatDateTime}
        />
      ) : null}
      {ready?.details ? (
        <>
          <TagsSection tags={ready.details} editTags={person.editTags} findOthers={person.findOthers} />
          <MutualTies
            personId={ready.details.id}
            links={ready.links}
            sharedGoals={person.sharedGoals}
            searchPeople={person.searchPeople}
            addLink={person.addLink}
            removeLink={person.removeLink}
          />
        </>
      ) : null}
    </main>
  );
}
