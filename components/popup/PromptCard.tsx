import { useState } from 'preact/hooks';
import { KIND_LABELS, type PromptItem, type SnoozeChoice } from './types';

export interface PromptCardProps {
  prompt: PromptItem;
  busy: boolean;
  onCopy: (text: string) => void;
  onOpen: (url: string) => void;
  onDone: (text: string) => void;
  onSnooze: (choice: SnoozeChoice) => void;
  onDismiss: () => void;
}

/** One prompt: why, an editable draft, and what the user can do. Nothing here sends anything. */
export function PromptCard({ prompt, busy, onCopy, onOpen, onDone, onSnooze, onDismiss }: PromptCardProps) {
  const [draft, setDraft] = useState(prompt.draft);
  const [snoozing, setSnoozing] = useState(false);
  const [date, setDate] = useState('');
  const id = `prompt-${prompt.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const title = prompt.names.join(' and ');
  return (
    <li class="prompt" data-kind={prompt.kind} data-key={prompt.key} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} class="prompt-title">
        <span class="prompt-kind">{KIND_LABELS[prompt.kind]}</span> {title}
      </h3>
      <p class="prompt-reason">{prompt.reason}</p>
      <label class="prompt-draft-label" for={`${id}-draft`}>
        Draft (edit before sending it yourself)
      </label>
      <textarea
        id={`${id}-draft`}
        class="prompt-draft"
        rows={3}
        value={draft}
        onInput={(event) => setDraft(event.currentTarget.value)}
      />
      <div class="prompt-actions">
        <button type="button" onClick={() => onCopy(draft)}>
          Copy draft
        </button>
        <button
          type="button"
          disabled={prompt.url === null}
          title={prompt.url === null ? 'No profile to open for this prompt' : undefined}
          onClick={() => prompt.url !== null && onOpen(prompt.url)}
        >
          Open
        </button>
        <button type="button" class="primary" disabled={busy} onClick={() => onDone(draft)}>
          Done
        </button>
        <button type="button" disabled={busy} aria-expanded={snoozing} onClick={() => setSnoozing(!snoozing)}>
          Snooze
        </button>
        <button type="button" disabled={busy} onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      {snoozing && (
        <fieldset class="prompt-snooze">
          <legend>Snooze until</legend>
          <button type="button" disabled={busy} onClick={() => onSnooze({ kind: 'day' })}>
            Tomorrow
          </button>
          <button type="button" disabled={busy} onClick={() => onSnooze({ kind: 'week' })}>
            In a week
          </button>
          <label>
            A date <input type="date" value={date} onInput={(event) => setDate(event.currentTarget.value)} />
          </label>
          <button
            type="button"
            disabled={busy || date === ''}
            onClick={() => onSnooze({ kind: 'date', date })}
          >
            Snooze to date
          </button>
        </fieldset>
      )}
    </li>
  );
}
