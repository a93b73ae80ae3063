import type { PromptItem } from './types';

export interface TabPersonCardProps {
  name: string | null;
  handle: string;
  known: boolean;
  strong: boolean | null;
  layer: number | null;
  lastContact: string | null;
  topPrompt: PromptItem | null;
  busy: boolean;
  onQuickLog: (kind: QuickLogKind) => void;
}

export type QuickLogKind = 'messaged' | 'congratulated' | 'answered' | 'met';

const QUICK: { kind: QuickLogKind; label: string }[] = [
  { kind: 'messaged', label: 'Messaged' },
  { kind: 'congratulated', label: 'Congratulated' },
  { kind: 'answered', label: 'Answered' },
  { kind: 'met', label: 'Met' },
];

/** The person the current tab shows: their tie, last contact, top prompt, and one-click logs. */
export function TabPersonCard(props: TabPersonCardProps) {
  const { name, handle, known, strong, layer, lastContact, topPrompt, busy } = props;
  return (
    <section class="tab-person" aria-labelledby="tab-person-title">
      <h2 id="tab-person-title">{name ?? handle}</h2>
      {!known ? (
        <p class="muted">Not in Rapport yet. Open the sidebar on the page to add them.</p>
      ) : (
        <>
          <p>
            {strong ? 'Strong tie' : 'Weak tie'}
            {layer !== null ? `, among your closest ${layer}` : ''}. Last contact:{' '}
            {lastContact ?? 'none logged'}.
          </p>
          {topPrompt && <p class="tab-top-prompt">Next: {topPrompt.reason}</p>}
          <fieldset class="quick-log">
            <legend>Log what you just did</legend>
            {QUICK.map((q) => (
              <button key={q.kind} type="button" disabled={busy} onClick={() => props.onQuickLog(q.kind)}>
                {q.label}
              </button>
            ))}
          </fieldset>
        </>
      )}
    </section>
  );
}
