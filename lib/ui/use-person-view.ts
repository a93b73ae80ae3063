import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { InteractionDraft } from '@/components/interaction-words';
import type { SharedGoal } from '@/components/MutualTies';
import type { PersonChoice } from '@/components/PersonPicker';
import type { TagKind } from '@/components/TagsSection';
import { call } from '@/lib/protocol/client';
import { RapportError } from '@/lib/protocol/envelope';
import type {
  LinkInput,
  PersonPatch,
  PersonView,
  WireProfileRef,
  WireProfileSnapshot,
} from '@/lib/protocol/types';

export type Load<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error'; message: string };

const SEARCH_LIMIT = 10;
const TAG_LOOKUP_LIMIT = 50;
const SHARED_GOALS_MAX = 10;

/** A write whose id the client chose is safe to send twice: once more if the worker did not answer. */
async function idempotent<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RapportError && error.code === 'no-answer') return work();
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
export function usePersonView(ref: WireProfileRef, snapshot: WireProfileSnapshot) {
  const [view, setView] = useState<Load<PersonView>>({ kind: 'loading' });
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const current = useRef<PersonView | null>(null);
  const seq = useRef(0);
  const alive = useRef(true);
  const snapshotRef = useRef(snapshot);
  snapshotRef.current = snapshot;

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const value = await call('getPersonView', { ref });
      if (!alive.current || mine !== seq.current) return;
      current.current = value;
      setView({ kind: 'ready', value });
      setRefreshError(null);
    } catch (error) {
      if (!alive.current || mine !== seq.current) return;
      if (current.current) setRefreshError(message(error));
      else setView({ kind: 'error', message: message(error) });
    }
  }, [ref]);

  useEffect(() => {
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
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
      refresh,
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
      findOthers: async (kind: TagKind, tag: string): Promise<PersonChoice[]> => {
        const self = current.current?.person?.id;
        const { people } = await call('findPeopleByTag', { kind, tag, limit: TAG_LOOKUP_LIMIT });
        return people.filter((person) => person.id !== self);
      },
      addLink: (link: LinkInput) => write(() => call('addLink', { link })),
      removeLink: (link: LinkInput) => write(() => call('removeLink', { link })),
    };
  }, [ref, refresh]);

  const details = view.kind === 'ready' ? view.value.details : null;
  const introducedByName = usePersonName(details?.introducedBy ?? null);
  const sharedGoals = useSharedGoals(view.kind === 'ready' ? view.value : null);

  return { view, refreshError, introducedByName, sharedGoals, ...actions };
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
 * Others in Rapport who share one of this person's goals and are not linked to them yet: one indexed
 * lookup per goal (at most ten), read again only when the goals or links change.
 */
function useSharedGoals(view: PersonView | null): SharedGoal[] {
  const [shared, setShared] = useState<SharedGoal[]>([]);
  const personId = view?.person?.id ?? null;
  const goals = view?.details?.goals ?? [];
  const linked = view?.links.map((link) => link.other.id) ?? [];
  const goalsKey = JSON.stringify(goals.slice(0, SHARED_GOALS_MAX));
  const linkedKey = JSON.stringify(linked);
  useEffect(() => {
    const wanted = JSON.parse(goalsKey) as string[];
    const exclude = new Set<string>([...(JSON.parse(linkedKey) as string[]), personId ?? '']);
    if (personId === null || wanted.length === 0) {
      setShared([]);
      return;
    }
    let cancelled = false;
    Promise.all(
      wanted.map(async (goal) => {
        const { people } = await call('findPeopleByTag', { kind: 'goals', tag: goal, limit: 6 });
        return { goal, people: people.filter((person) => !exclude.has(person.id)).slice(0, 5) };
      }),
    ).then(
      (found) => !cancelled && setShared(found.filter((entry) => entry.people.length > 0)),
      () => !cancelled && setShared([]),
    );
    return () => {
      cancelled = true;
    };
  }, [personId, goalsKey, linkedKey]);
  return shared;
}
