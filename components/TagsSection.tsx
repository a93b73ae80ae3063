import type { PersonChoice } from './PersonPicker';
import { TagEditor } from './TagEditor';

export type TagKind = 'interests' | 'goals' | 'expertise' | 'tools';

const KINDS: readonly { kind: TagKind; label: string; noun: string; placeholder: string }[] = [
  { kind: 'interests', label: 'Interests', noun: 'interest', placeholder: 'e.g. climbing, design systems' },
  { kind: 'goals', label: 'Goals', noun: 'goal', placeholder: 'e.g. hiring engineers' },
  { kind: 'expertise', label: 'Expertise', noun: 'expertise', placeholder: 'e.g. pricing' },
  { kind: 'tools', label: 'Tools', noun: 'tool', placeholder: 'e.g. Figma' },
];

export interface TagsSectionProps {
  tags: Record<TagKind, readonly string[]>;
  editTags: (kind: TagKind, add: string[], remove: string[]) => Promise<void>;
  findOthers?: (kind: TagKind, tag: string) => Promise<PersonChoice[]>;
}

/** What they care about: the material for thoughtful questions and for spotting shared ground. */
export function TagsSection({ tags, editTags, findOthers }: TagsSectionProps) {
  return (
    <details class="section tags-section" open>
      <summary>
        <h2>What they care about</h2>
      </summary>
      {KINDS.map(({ kind, label, noun, placeholder }) => (
        <TagEditor
          key={kind}
          label={label}
          noun={noun}
          tags={tags[kind]}
          placeholder={placeholder}
          onAdd={(add) => editTags(kind, add, [])}
          onRemove={(tag) => editTags(kind, [], [tag])}
          findOthers={findOthers ? (tag) => findOthers(kind, tag) : undefined}
        />
      ))}
      <p class="hint">Separate several with commas. Choose a tag to see who else in Rapport shares it.</p>
    </details>
  );
}
