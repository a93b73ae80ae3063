import { type SharedTag, SharedTags } from './SharedTags';
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
  /** The user's existing tags of a kind starting with what is typed, most used first. */
  suggest?: (kind: TagKind, prefix: string) => Promise<readonly { tag: string; count: number }[]>;
  /** Their tags that others in Rapport also have (null while not known). */
  shared?: readonly SharedTag[] | null;
  /** Opens a search of all the user's ties for a shared tag. */
  onSearch?: (tag: string) => void;
}

/** What they care about: the material for thoughtful questions and for spotting shared ground. */
export function TagsSection({ tags, editTags, suggest, shared, onSearch }: TagsSectionProps) {
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
          suggest={suggest ? (prefix) => suggest(kind, prefix) : undefined}
        />
      ))}
      <p class="hint">Separate several with commas; the arrow keys pick one of your existing tags.</p>
      {shared && shared.length > 0 ? <SharedTags shared={shared} onSearch={onSearch} /> : null}
    </details>
  );
}
