import { useState } from 'preact/hooks';
import type { Interaction } from '@/lib/protocol/types';
import { errorMessage } from './autosave';
import { formatDay } from './format';
import { InteractionForm } from './InteractionForm';
import { CHANNEL_LABELS, type InteractionDraft, KIND_LABELS } from './interaction-words';

export interface InteractionLogProps {
  /** Newest first. */
  interactions: readonly Interaction[];
  onUpdate: (id: string, draft: InteractionDraft) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
}

const WHO: Record<Interaction['direction'], string> = {
  me: 'you started',
  them: 'they started',
  mutual: 'together',
};

export function InteractionLog({ interactions, onUpdate, onDelete }: InteractionLogProps) {
  if (interactions.length === 0) return <p class="hint">Nothing logged yet.</p>;
  return (
    <ol class="interaction-log" aria-label="Logged interactions, newest first">
      {interactions.map((interaction) => (
        <InteractionItem
          key={interaction.id}
          interaction={interaction}
          onUpdate={onUpdate}
          onDelete={onDelete}
        />
      ))}
    </ol>
  );
}

function InteractionItem({
  interaction,
  onUpdate,
  onDelete,
}: {
  interaction: Interaction;
  onUpdate: InteractionLogProps['onUpdate'];
  onDelete: InteractionLogProps['onDelete'];
}) {
  const [mode, setMode] = useState<'show' | 'edit' | 'confirm-delete'>('show');
  const [error, setError] = useState<string | null>(null);
  const label = KIND_LABELS[interaction.kind];
  const when = formatDay(interaction.at);

  if (mode === 'edit') {
    return (
      <li data-kind={interaction.kind}>
        <InteractionForm
          initial={interaction}
          submitLabel="Save changes"
          onSubmit={async (draft) => {
            await onUpdate(interaction.id, draft);
            setMode('show');
          }}
          onCancel={() => setMode('show')}
        />
      </li>
    );
  }
  return (
    <li data-kind={interaction.kind}>
      <p class="log-line">
        <strong>{label}</strong>{' '}
        <span class="muted">
          · {WHO[interaction.direction]} · {CHANNEL_LABELS[interaction.channel]} ·{' '}
          <time dateTime={new Date(interaction.at).toISOString()}>{when}</time>
        </span>
      </p>
      {interaction.text ? (
        <p class="log-text" dir="auto">
          {interaction.text}
        </p>
      ) : null}
      {mode === 'confirm-delete' ? (
        <p class="confirm">
          Delete this entry?{' '}
          <button
            type="button"
            class="danger small"
            onClick={() =>
              onDelete(interaction.id).then(
                () => setError(null),
                (failure) => setError(`Not deleted: ${errorMessage(failure)}`),
              )
            }
          >
            Delete
          </button>{' '}
          <button type="button" class="link" onClick={() => setMode('show')}>
            Keep
          </button>
        </p>
      ) : (
        <p class="row-actions">
          <button
            type="button"
            class="link"
            aria-label={`Edit ${label} of ${when}`}
            onClick={() => setMode('edit')}
          >
            Edit
          </button>{' '}
          <button
            type="button"
            class="link"
            aria-label={`Delete ${label} of ${when}`}
            onClick={() => setMode('confirm-delete')}
          >
            Delete
          </button>
        </p>
      )}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}
