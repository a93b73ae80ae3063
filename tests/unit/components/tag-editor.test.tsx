// @vitest-environment happy-dom

import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newTags, normalizeTag, TagEditor } from '@/components/TagEditor';
import { button, click, labelled, mount, settle, type } from './render';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('tag normalisation', () => {
  it('trims, collapses whitespace and caps the length', () => {
    expect(normalizeTag('  design \n  systems ')).toBe('design systems');
    expect(normalizeTag('x'.repeat(80))).toHaveLength(60);
  });
  it('splits on commas and drops duplicates of any case', () => {
    expect(newTags('AI, Hiring , ai,, hiring', ['Climbing'])).toEqual(['AI', 'Hiring']);
    expect(newTags('climbing', ['Climbing'])).toEqual([]);
  });
});

describe('TagEditor', () => {
  it('adds the normalised tags typed, then empties the field', async () => {
    const onAdd = vi.fn(async () => {});
    const { container, unmount } = mount(
      <TagEditor label="Interests" noun="interest" tags={['Climbing']} onAdd={onAdd} onRemove={vi.fn()} />,
    );
    cleanup = unmount;
    const field = labelled(container, 'Interests');
    await type(field, '  design   systems , CLIMBING');
    await click(button(container, 'Add interest'));
    expect(onAdd).toHaveBeenCalledWith(['design systems']);
    expect(field.value).toBe('');
  });

  it('removes one tag', async () => {
    const onRemove = vi.fn(async () => {});
    const { container, unmount } = mount(
      <TagEditor label="Tools" noun="tool" tags={['Figma', 'Notion']} onAdd={vi.fn()} onRemove={onRemove} />,
    );
    cleanup = unmount;
    await click(button(container, 'Remove tool Notion'));
    expect(onRemove).toHaveBeenCalledWith('Notion');
  });

  it('keeps the typed text and says why when saving fails', async () => {
    const onAdd = vi.fn(async () => {
      throw new Error("Rapport's background did not answer");
    });
    const { container, unmount } = mount(
      <TagEditor label="Goals" noun="goal" tags={[]} onAdd={onAdd} onRemove={vi.fn()} />,
    );
    cleanup = unmount;
    const field = labelled(container, 'Goals');
    await type(field, 'hiring engineers');
    await click(button(container, 'Add goal'));
    expect(field.value).toBe('hiring engineers');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('did not answer');
  });
});

describe('TagEditor suggestions (combobox)', () => {
  const uses = [
    { tag: 'Climbing', count: 5 },
    { tag: 'Chess', count: 3 },
    { tag: 'Cooking', count: 1 },
  ];

  function editor(onAdd = vi.fn(async () => {}), tags = ['chess']) {
    const suggest = vi.fn(async (_prefix: string) => uses);
    const mounted = mount(
      <TagEditor
        label="Interests"
        noun="interest"
        tags={tags}
        onAdd={onAdd}
        onRemove={vi.fn()}
        suggest={suggest}
      />,
    );
    cleanup = mounted.unmount;
    const field = labelled(mounted.container, 'Interests') as HTMLInputElement;
    const options = () => [...mounted.container.querySelectorAll('[role="option"]')];
    return { ...mounted, field, suggest, onAdd, options };
  }

  const key = async (field: HTMLElement, name: string) =>
    act(async () => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
    });

  it('offers the user’s tags for what is typed after the last comma, leaving out the person’s own', async () => {
    const { field, suggest, options, container } = editor();
    await type(field, 'Design, c');
    await settle();
    expect(suggest).toHaveBeenLastCalledWith('c');
    expect(field.getAttribute('role')).toBe('combobox');
    expect(field.getAttribute('aria-expanded')).toBe('true');
    const listbox = container.querySelector('[role="listbox"]');
    expect(field.getAttribute('aria-controls')).toBe(listbox?.id);
    expect(listbox?.getAttribute('aria-label')).toBe('Your interests');
    // "Chess" is already theirs (any case): not offered.
    expect(options().map((o) => o.textContent)).toEqual(['Climbing · 5 people', 'Cooking · 1 person']);
  });

  it('moves with the arrows and adds the marked one with Enter, keeping the earlier tags typed', async () => {
    const { field, options, onAdd } = editor();
    await type(field, 'Design, co');
    await settle();
    expect(field.hasAttribute('aria-activedescendant')).toBe(false);
    await key(field, 'ArrowDown');
    expect(field.getAttribute('aria-activedescendant')).toBe(options()[0]?.id);
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true');
    await key(field, 'ArrowDown');
    await key(field, 'ArrowDown');
    // Past the last option the field itself is marked again, then the arrows wrap.
    expect(field.hasAttribute('aria-activedescendant')).toBe(false);
    await key(field, 'ArrowUp');
    expect(field.getAttribute('aria-activedescendant')).toBe(options()[1]?.id);
    await key(field, 'Enter');
    expect(onAdd).toHaveBeenCalledWith(['Design', 'Cooking']);
    expect(field.value).toBe('');
    expect(options()).toHaveLength(0);
  });

  it('adds what was typed with Enter when nothing is marked, and Escape closes the list', async () => {
    const { field, options, onAdd } = editor();
    await type(field, 'Cl');
    await settle();
    expect(options()).toHaveLength(2);
    await key(field, 'Escape');
    expect(options()).toHaveLength(0);
    expect(field.getAttribute('aria-expanded')).toBe('false');
    await key(field, 'Enter');
    expect(onAdd).toHaveBeenCalledWith(['Cl']);
  });

  it('adds a suggestion clicked with the mouse', async () => {
    const { field, options, onAdd } = editor();
    await type(field, 'c');
    await settle();
    await click(options()[0] as HTMLElement);
    expect(onAdd).toHaveBeenCalledWith(['Climbing']);
  });

  it('ignores an answer that arrives after newer typing, and works without suggestions on failure', async () => {
    let release: (value: typeof uses) => void = () => {};
    const slow = new Promise<typeof uses>((resolve) => {
      release = resolve;
    });
    const suggest = vi
      .fn<(prefix: string) => Promise<typeof uses>>()
      .mockReturnValueOnce(slow)
      .mockResolvedValueOnce([{ tag: 'Cooking', count: 1 }])
      .mockRejectedValue(new Error('no answer'));
    const { container, unmount } = mount(
      <TagEditor label="Tools" noun="tool" tags={[]} onAdd={vi.fn()} onRemove={vi.fn()} suggest={suggest} />,
    );
    cleanup = unmount;
    const field = labelled(container, 'Tools');
    await type(field, 'c');
    await type(field, 'co');
    await settle();
    await act(async () => release(uses));
    await settle();
    expect([...container.querySelectorAll('[role="option"]')].map((o) => o.textContent)).toEqual([
      'Cooking · 1 person',
    ]);
    await type(field, 'cox');
    await settle();
    expect(container.querySelectorAll('[role="option"]')).toHaveLength(0);
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });
});
