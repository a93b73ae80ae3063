import { useEffect, useState } from 'preact/hooks';
import { type ChooserPerson, PersonChooser } from '@/components/PersonChooser';
import { menuKindById } from '@/lib/menu/kinds';
import { forgetMenuDraft, type MenuDraft, readMenuDraft } from '@/lib/platform/menu-draft';
import { call } from '@/lib/protocol/client';

type Direction = 'me' | 'them' | 'mutual';

/** The context menu's chooser window: logs the draft for the person the user picks or adds, then closes. */
export function ChooserApp({ draftId }: { draftId: string }) {
  const [draft, setDraft] = useState<MenuDraft | null | 'missing'>(null);
  const [direction, setDirection] = useState<Direction>('me');
  const [results, setResults] = useState<ChooserPerson[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    readMenuDraft(draftId).then(
      (found) => {
        setDraft(found ?? 'missing');
        const entry = found ? menuKindById(found.entryId) : null;
        if (entry) setDirection(entry.direction);
      },
      () => setDraft('missing'),
    );
  }, [draftId]);

  if (draft === null) return <p class="status">Loading…</p>;
  if (draft === 'missing') return <p class="status">This log has already been saved or cancelled.</p>;
  const entry = menuKindById(draft.entryId);
  if (!entry) return <p class="status error">Unknown kind of interaction.</p>;

  const log = async (personId: string) => {
    await call('logInteraction', {
      interaction: {
        id: crypto.randomUUID(),
        personId,
        at: Date.now(),
        kind: entry.kind,
        direction,
        channel: 'other',
        text: draft.text,
        sourceUrl: draft.sourceUrl,
      },
    });
    await forgetMenuDraft(draftId);
    window.close();
  };
  const run = (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    work().catch((failure: Error) => {
      setError(`Not logged: ${failure.message}`);
      setBusy(false);
    });
  };

  return (
    <PersonChooser
      title={entry.title}
      text={draft.text}
      truncated={draft.truncated}
      direction={direction}
      results={results}
      busy={busy}
      error={error}
      onDirection={setDirection}
      onSearch={(query) => {
        if (query.trim() === '') return setResults([]);
        call('searchPeople', { query, limit: 10 }).then(
          ({ people }) => setResults(people.map((person) => ({ id: person.id, name: person.name }))),
          (failure: Error) => setError(failure.message),
        );
      }}
      onChoose={(person) => run(() => log(person.id))}
      onAdd={(name) =>
        run(async () => {
          const { person } = await call('createPerson', { personId: crypto.randomUUID(), name });
          await log(person.id);
        })
      }
      onCancel={() => {
        void forgetMenuDraft(draftId).finally(() => window.close());
      }}
    />
  );
}
