// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newTags, normalizeTag, TagEditor } from '@/components/TagEditor';
import { button, click, labelled, mount, type } from './render';

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

  it('shows who else has a tag when asked', async () => {
    const findOthers = vi.fn(async () => [
      { id: 'a', name: 'Rahul Mehta' },
      { id: 'b', name: 'سارا' },
    ]);
    const { container, unmount } = mount(
      <TagEditor
        label="Interests"
        noun="interest"
        tags={['AI']}
        onAdd={vi.fn()}
        onRemove={vi.fn()}
        findOthers={findOthers}
      />,
    );
    cleanup = unmount;
    await click(button(container, 'AI'));
    expect(findOthers).toHaveBeenCalledWith('AI');
    expect(container.querySelector('.others')?.textContent).toContain('2 of your ties');
    expect(container.querySelector('.others')?.textContent).toContain('Rahul Mehta');
  });
});
