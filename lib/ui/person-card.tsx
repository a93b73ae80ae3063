import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '@/components/format';
import { InteractionForm } from '@/components/InteractionForm';
import { InteractionLog } from '@/components/InteractionLog';
import { LazyDetails } from '@/components/LazyDetails';
import { headlineChange, MilestoneBanner } from '@/components/MilestoneBanner';
import { MutualTies } from '@/components/MutualTies';
import { NotesSection } from '@/components/NotesSection';
import { PersonHeader } from '@/components/PersonHeader';
import { QuickLog } from '@/components/QuickLog';
import { ReciprocitySection } from '@/components/ReciprocitySection';
import { TagsSection } from '@/components/TagsSection';
import { TieSection } from '@/components/TieSection';
import { WhoSection } from '@/components/WhoSection';
import { openSearch } from '@/lib/platform/open-search';
import type {
  PageDetails,
  PersonStanding,
  PersonView,
  WireProfileRef,
  WireProfileSnapshot,
} from '@/lib/protocol/types';
import { type Network, networkLabels } from '@/lib/sites';
import { memo } from './memo';
import { milestonePromptKey } from './milestone-dismissals';
import { usePersonView } from './use-person-view';

/**
 * Everything about the person behind one profile. Keyed by the profile in SidebarApp: its reference is
 * fixed for the card's whole life, so a save can only ever go to the person it was made for.
 */
export function PersonCard({
  snapshot,
  details,
  recorded,
  initialView,
  takeReadAhead,
}: {
  snapshot: WireProfileSnapshot;
  details: PageDetails;
  /** Whether the worker has recorded this report (false while the view has only heard it directly). */
  recorded: boolean;
  /** The person's view when it came with the tab's first read: shown at once, then read again. */
  initialView?: PersonView;
  /** The person's view read ahead of this card (SidebarApp's useReadAhead), taken once at its start. */
  takeReadAhead?: (ref: WireProfileRef) => Promise<PersonView> | undefined;
}) {
  const [ref] = useState(() => ({ network: snapshot.network, id: snapshot.id }));
  const [draftId] = useState(() => crypto.randomUUID());
  const person = usePersonView(ref, snapshot, initialView, takeReadAhead);
  const { view, standing, actions } = person;
  const { refresh } = actions;

  // Once the page has been read and the worker has recorded it (any new headline), read the view again.
  useEffect(() => {
    if (details === 'read' && recorded) void refresh();
  }, [details, recorded, refresh]);

  const ready = view.kind === 'ready' ? view.value : null;
  const known = ready?.person != null;
  const identity = ready?.identities.find((one) => one.network === ref.network && one.handle === ref.id);

  const lastCongratulatedAt = ready?.interactions.find((one) => one.kind === 'congratulation')?.at ?? null;
  const placed = standing?.kind === 'ready' ? standing.value : null;

  // The banner's dismissal is the popup's prompt state for this headline change (milestone-dismissals.ts).
  const change = identity ? headlineChange(identity.headlineHistory) : null;
  const bannerPrompt =
    change && ready?.person
      ? {
          key: milestonePromptKey(ready.person.id, ref.network, change.seenAt),
          kind: 'acknowledge-success' as const,
          personIds: [ready.person.id],
          network: ref.network,
        }
      : null;
  const bannerPutAway = bannerPrompt !== null && placed?.hiddenPrompts.includes(bannerPrompt.key) === true;

  return (
    <main class="person-card" data-person={`${ref.network}:${ref.id}`}>
      {identity && bannerPrompt && standing !== null ? (
        <MilestoneBanner
          history={identity.headlineHistory}
          dismissedHeadline={bannerPutAway ? (change?.to ?? null) : null}
          lastCongratulatedAt={lastCongratulatedAt}
          onCongratulate={() =>
            actions.logInteraction({
              at: Date.now(),
              kind: 'congratulation',
              direction: 'me',
              channel: ref.network,
              text: identity.lastSeenHeadline ? `New role: ${identity.lastSeenHeadline}` : null,
            })
          }
          onDismiss={() => actions.actOnPrompt(bannerPrompt, false)}
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
        <PersonBody
          network={ref.network}
          ready={ready}
          identity={identity}
          known={known}
          placed={placed}
          introducedByName={person.introducedByName}
          actions={actions}
          draftId={draftId}
        />
      ) : null}
    </main>
  );
}

type Actions = ReturnType<typeof usePersonView>['actions'];

/**
 * Everything below the header, from the stored view. A report that only changes the page's details (the
 * name, the headline, the photo) renders the header alone: this part keeps the same props then, and the
 * name shows within a frame of the page's DOM (issue #3), not after the whole card was rendered again.
 */
const PersonBody = memo(function PersonBody({
  network,
  ready,
  identity,
  known,
  placed,
  introducedByName,
  actions,
  draftId,
}: {
  network: Network;
  ready: PersonView;
  identity: PersonView['identities'][number] | undefined;
  known: boolean;
  placed: PersonStanding | null;
  introducedByName: string | null;
  actions: Actions;
  draftId: string;
}) {
  return (
    <>
      <WhoSection
        known={known}
        otherIdentities={ready.identities.filter((one) => one !== identity)}
        onAdd={actions.addPerson}
        searchPeople={actions.searchPeople}
        onLink={actions.linkTo}
      />
      {ready.details ? (
        <>
          <TieSection
            tie={ready.tie}
            details={ready.details}
            introducedByName={introducedByName}
            updatePerson={actions.updatePerson}
            searchPeople={actions.searchPeople}
            place={placed}
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
              channel={network}
              onLog={(draft) => actions.logInteraction({ ...draft, at: Date.now() })}
            />
            <LazyDetails class="full-form" summaryClass="full-form-toggle" summary="Log with details…">
              <InteractionForm
                initial={{
                  at: Date.now(),
                  kind: 'message',
                  direction: 'me',
                  channel: network,
                  text: null,
                }}
                submitLabel="Log it"
                stampNow
                resetOnSubmit
                onSubmit={actions.logInteraction}
              />
            </LazyDetails>
            <InteractionLog
              interactions={ready.interactions}
              onUpdate={actions.updateInteraction}
              onDelete={actions.deleteInteraction}
            />
          </details>
        </>
      ) : null}
      <NotesSection
        notes={ready.notes}
        draftId={draftId}
        saveNote={actions.saveNote}
        deleteNote={known ? actions.deleteNote : undefined}
        formatDate={formatDateTime}
      />
      {ready.details ? (
        <>
          <TagsSection
            tags={ready.details}
            editTags={actions.editTags}
            suggest={actions.listTags}
            shared={placed?.shared ?? null}
            onSearch={(tag) =>
              openSearch(tag).catch((error: unknown) =>
                console.warn('Rapport: could not open the search', error),
              )
            }
          />
          <MutualTies
            personId={ready.details.id}
            links={ready.links}
            introduction={placed?.introduction ?? null}
            onIntroduction={(done) =>
              placed?.introduction ? actions.actOnPrompt(placed.introduction, done) : Promise.resolve()
            }
            searchPeople={actions.searchPeople}
            addLink={actions.addLink}
            removeLink={actions.removeLink}
          />
        </>
      ) : null}
    </>
  );
});
