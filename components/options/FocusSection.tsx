import { TagEditor } from '@/components/TagEditor';
import type { Settings } from '@/lib/settings/schema';

export type FocusKind = keyof Settings['focus'];

export interface FocusSectionProps {
  focus: Settings['focus'];
  /** Each rejects with a message when nothing was saved; the editor shows it and keeps the typed text. */
  onAdd: (kind: FocusKind, tags: string[]) => Promise<void>;
  onRemove: (kind: FocusKind, tag: string) => Promise<void>;
}

/**
 * What the user is working on or curious about now. The popup's "ask a thoughtful question" prompts go
 * to ties who share one of these, weak ties first, and name the shared topic in the draft.
 */
export function FocusSection({ focus, onAdd, onRemove }: FocusSectionProps) {
  return (
    <div class="options-focus" data-testid="focus-editor">
      <p class="options-hint">
        What you are working on or curious about now. Rapport suggests questions to ask the people you know
        who share one of these (weak ties first: they bring the new perspectives), and favours them in
        introductions and reconnects. Separate several with commas.
      </p>
      <TagEditor
        label="Your interests"
        noun="interest"
        tags={focus.interests}
        placeholder="e.g. climate tech, Rust"
        onAdd={(tags) => onAdd('interests', tags)}
        onRemove={(tag) => onRemove('interests', tag)}
      />
      <TagEditor
        label="Your goals"
        noun="goal"
        tags={focus.goals}
        placeholder="e.g. hiring designers"
        onAdd={(tags) => onAdd('goals', tags)}
        onRemove={(tag) => onRemove('goals', tag)}
      />
    </div>
  );
}
