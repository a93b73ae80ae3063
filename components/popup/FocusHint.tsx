/**
 * Shown while the user has set no focus: "ask a thoughtful question" prompts need one (ties who share an
 * interest or goal with it), so the popup says where to set it.
 */
export function FocusHint({ onSetFocus }: { onSetFocus: () => void }) {
  return (
    <p class="muted small" data-testid="focus-hint">
      Want questions to ask people who share your interests or goals?{' '}
      <button type="button" class="link" onClick={onSetFocus}>
        Set your focus
      </button>{' '}
      in the options.
    </p>
  );
}
