import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { InteractionDraft } from '@/components/interaction-words';
import type { PersonChoice } from '@/components/PersonPicker';
import type { TagKind } from '@/components/TagsSection';
import { call } from '@/lib/protocol/client';
import { onDataChanged } from '@/lib/protocol/data-changed';
import { isNoAnswer } from '@/lib/protocol/envelope';
import type {
  LinkInput,
  PersonPatch,
  PersonStanding,
  PersonView,
  PopupPrompt,
  TagUse,
  WireProfileRef,
  WireProfileSnapshot,
} from '@/lib/protocol/types';

export type Load<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error'; message: string };

const SEARCH_LIMIT = 10;
/** Tag suggestions asked for: a few more than shown, since the person's own tags are left out. */
const TAG_SUGGESTIONS_ASKED = 12;

/** A write whose id the client chose is safe to send twice: once more if the worker did not answer. */
async function idempotent<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isNoAnswer(error)) return work();
    throw error;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Everything the sidebar shows about the person behind one profile, and every action on them. Nothing
 * that matters is kept here: each action goes to the background, then the view is read again, so the tie
 * model, reciprocity and follow-up always reflect what is stored.
 */
export function usePersonView(
  ref: WireProfileRef,
  snapshot: WireProfileSnapshot,
  initial?: PersonView,
  takeReadAhead?: (ref: WireProfileRef) => Promise<PersonView> | undefined,
) {
  const [view, setView] = useState<Load<PersonView>>(() =>
    initial ? { kind: 'ready', value: initial } : { kind: 'loading' },
  );
  const [refreshError, setRefreshError] = useState<string | null>(null);
  // It is still read again at once: a write that committed after that first read must not be missed.
  const current = useRef<PersonView | null>(initial ?? null);
  const seq = useRef(0);
  const alive = useRef(true);
  const snapshotRef = useRef(snapshot);
  snapshotRef.current = snapshot;

  const refresh = useCallback(
    async (readAhead?: Promise<PersonView>) => {
      const mine = ++seq.current;
      try {
        const value = await (readAhead ?? call('getPersonView', { ref }));
        if (!alive.current || mine !== seq.current) return;
        current.current = value;
        setView({ kind: 'ready', value });
        setRefreshError(null);
      } catch (error) {
        if (!alive.current || mine !== seq.current) return;
        if (current.current) setRefreshError(message(error));
        else setView({ kind: 'error', message: message(error) });
      }
    },
    [ref],
  );

  // A layout effect, so the read goes out as soon as the card is in the document: an effect waits for
  // the next frame to be painted, 5 to 10 ms of the time from an in-app navigation to the person's data
  // (tests/bench/sidebar.ts).
  useLayoutEffect(() => {
    alive.current = true;
    void refresh(takeReadAhead?.(ref));
    // A write from anywhere (the popup, another tab, an import) is read again here. It also heals the
    // one race a sequence number cannot: a read answered just before a write from this view committed.
    const stopListening = onDataChanged(() => void refresh());
    return () => {
      alive.current = false;
      stopListening();
    };
  }, [refresh]);

  const actions = useMemo(() => {
    const personId = (): string => {
      const id = current.current?.person?.id;
      if (!id) throw new Error('add them to Rapport first.');
      return id;
    };
    /** Runs a write, then reads the view again; the write's failure is the caller's to show. */
    const write = async (work: () => Promise<unknown>): Promise<void> => {
      await work();
      await refresh();
    };
    return {
      refresh: () => refresh(),
      addPerson: () => {
        const id = crypto.randomUUID();
        return write(() =>
          idempotent(() => call('addPerson', { personId: id, snapshot: snapshotRef.current })),
        );
      },
      linkTo: (person: PersonChoice) =>
        write(() => call('linkIdentity', { ref, snapshot: snapshotRef.current, personId: person.id })),
      saveNote: async (noteId: string, text: string) => {
        await call('saveNote', { ref, snapshot: snapshotRef.current, noteId, text });
        // The first note adds the person: read the view again so everything about them appears.
        if (!current.current?.person) await refresh();
      },
      deleteNote: (noteId: string) => write(() => call('deleteNote', { noteId })),
      updatePerson: (patch: PersonPatch) =>
        write(() => call('updatePerson', { personId: personId(), patch })),
      editTags: (kind: TagKind, add: string[], remove: string[]) =>
        write(() => call('editTags', { personId: personId(), kind, add, remove })),
      logInteraction: async (draft: InteractionDraft) => {
        const interaction = {
          id: crypto.randomUUID(),
          personId: personId(),
          ...draft,
          sourceUrl: snapshotRef.current.url,
        };
        return write(() => idempotent(() => call('logInteraction', { interaction })));
      },
      updateInteraction: (id: string, draft: InteractionDraft) =>
        write(() => call('updateInteraction', { id, patch: draft })),
      deleteInteraction: (id: string) => write(() => call('deleteInteraction', { id })),
      searchPeople: async (query: string): Promise<PersonChoice[]> =>
        (await call('searchPeople', { query: query.slice(0, 200), limit: SEARCH_LIMIT })).people,
      listTags: async (kind: TagKind, prefix: string): Promise<TagUse[]> =>
        (await call('listTags', { kind, prefix: prefix.slice(0, 60), limit: TAG_SUGGESTIONS_ASKED })).tags,
      /** A prompt shown in the sidebar (an introduction, a headline change): done or dismissed, as in the popup. */
      actOnPrompt: (prompt: Pick<PopupPrompt, 'key' | 'kind' | 'personIds' | 'network'>, done: boolean) => {
        const interactionId = done ? crypto.randomUUID() : null;
        return write(() =>
          idempotent(() =>
            call('actOnPrompt', {
              key: prompt.key,
              kind: prompt.kind,
              personIds: prompt.personIds,
              network: prompt.network,
              action: done ? 'done' : 'dismiss',
              until: null,
              text: null,
              interactionId,
            }),
          ),
        );
      },
      addLink: (link: LinkInput) => write(() => call('addLink', { link })),
      removeLink: (link: LinkInput) => write(() => call('removeLink', { link })),
    };
  }, [ref, refresh]);

  const details = view.kind === 'ready' ? view.value.details : null;
  const introducedByName = usePersonName(details?.introducedBy ?? null);
  const standing = useStanding(view.kind === 'ready' ? view.value : null);

  // `actions` stays the same object for the card's life, so parts that take it can skip rendering when
  // only the page's details changed (person-card.tsx).
  return { view, refreshError, introducedByName, standing, actions };
}

/** The name of the person who introduced this one (one getPerson when it changes). */
function usePersonName(personId: string | null): string | null {
  const [name, setName] = useState<{ id: string; name: string | null } | null>(null);
  useEffect(() => {
    if (personId === null) return;
    let cancelled = false;
    call('getPerson', { personId }).then(
      ({ person }) => !cancelled && setName({ id: personId, name: person?.name ?? null }),
      () => !cancelled && setName({ id: personId, name: null }),
    );
    return () => {
      cancelled = true;
    };
  }, [personId]);
  return name !== null && name.id === personId ? name.name : null;
}

/**
 * Where the person stands among all the user's ties (layer, shared tags, an introduction, put-away
 * prompts). Read again after every read of the view, so it follows each write; the latest answer wins.
 * Null until the first answer for this person (and for someone not in Rapport).
 */
function useStanding(view: PersonView | null): Load<PersonStanding> | null {
  const [standing, setStanding] = useState<{ id: string; value: Load<PersonStanding> } | null>(null);
  const personId = view?.person?.id ?? null;
  useEffect(() => {
    if (personId === null) return;
    let cancelled = false;
    call('getPersonStanding', { personId }).then(
      (value) => !cancelled && setStanding({ id: personId, value: { kind: 'ready', value } }),
      // A failed re-read keeps what was shown; only a first failure is shown as such.
      (error) =>
        !cancelled &&
        setStanding((shown) =>
          shown?.id === personId && shown.value.kind === 'ready'
            ? shown
            : { id: personId, value: { kind: 'error', message: message(error) } },
        ),
    );
    return () => {
      cancelled = true;
    };
  }, [personId, view]);
  return standing !== null && standing.id === personId ? standing.value : null;
}
