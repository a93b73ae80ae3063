import { useState } from 'preact/hooks';
import { errorMessage } from './autosave';
import type { Channel, InteractionDraft, InteractionKind } from './interaction-words';

export interface QuickAction {
  label: string;
  kind: InteractionKind;
  /** Where it happened when not on the profile's own network. */
  channel?: Channel;
  text?: string;
}

/** The common two-way moves, each one click: all started by the user, on the profile's network. */
export const QUICK_ACTIONS: readonly QuickAction[] = [
  { label: 'Congratulated', kind: 'congratulation' },
  { label: 'Asked a question', kind: 'question-asked' },
  { label: 'Answered', kind: 'question-answered' },
  { label: 'Gave feedback', kind: 'feedback-given' },
  // No kind of its own: a thank-you is a message that acknowledges them (it closes a feedback loop).
  { label: 'Thanked', kind: 'message', text: 'Thanked them' },
  { label: 'Messaged', kind: 'message' },
  // Meeting happens in person, not on the network the profile is on.
  { label: 'Met', kind: 'meeting', channel: 'in-person' },
];

export interface QuickLogProps {
  /** The network of the profile shown: quick logs happen there. */
  channel: Channel;
  onLog: (draft: Omit<InteractionDraft, 'at'>) => Promise<void>;
}

export function QuickLog({ channel, onLog }: QuickLogProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const log = async (action: QuickAction) => {
    setBusy(action.label);
    try {
      await onLog({
        kind: action.kind,
        direction: 'me',
        channel: action.channel ?? channel,
        text: action.text ?? null,
      });
      setResult({ ok: true, text: `Logged: ${action.label.toLowerCase()}.` });
    } catch (failure) {
      setResult({ ok: false, text: `Not logged (${action.label.toLowerCase()}): ${errorMessage(failure)}` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="quick-log">
      <fieldset class="chips">
        <legend class="hint">Log what you just did, in one click:</legend>
        {QUICK_ACTIONS.map((action) => (
          <button
            key={action.label}
            type="button"
            class="chip-button"
            disabled={busy !== null}
            aria-busy={busy === action.label}
            onClick={() => void log(action)}
          >
            {action.label}
          </button>
        ))}
      </fieldset>
      {result ? (
        result.ok ? (
          <p class="field-status" aria-live="polite">
            {result.text}
          </p>
        ) : (
          <p class="field-status error" role="alert">
            {result.text}
          </p>
        )
      ) : null}
    </div>
  );
}
