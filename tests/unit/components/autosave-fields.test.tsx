// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AutosaveCadence, AutosaveText, ClosenessSlider } from '@/components/AutosaveFields';
import { NotesSection } from '@/components/NotesSection';
import { button, click, labelled, mount, settle, type } from './render';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  vi.useRealTimers();
});

async function blur(field: HTMLElement) {
  field.dispatchEvent(new Event('blur'));
  field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  await settle();
}

describe('autosaved fields', () => {
  it('keep the typed text and offer to try again when the worker does not answer', async () => {
    let fail = true;
    const save = vi.fn(async (_text: string) => {
      if (fail) throw new Error("Rapport's background did not answer");
    });
    const { container, unmount } = mount(<AutosaveText label="How we met" initial="" save={save} />);
    cleanup = unmount;
    const field = labelled(container, 'How we met');
    await type(field, 'At the Lisbon meetup');
    await blur(field);
    expect(save).toHaveBeenCalledWith('At the Lisbon meetup');
    expect(field.value).toBe('At the Lisbon meetup');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Not saved');
    fail = false;
    await click(button(container, 'Try again'));
    await settle();
    expect(container.querySelector('.field-status')?.textContent).toBe('Saved');
  });

  it('saves after a pause in typing', async () => {
    vi.useFakeTimers();
    const save = vi.fn(async () => {});
    const { container, unmount } = mount(
      <AutosaveText label="How we met" initial="" save={save} delayMs={400} />,
    );
    cleanup = unmount;
    await type(labelled(container, 'How we met'), 'conference');
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(450);
    expect(save).toHaveBeenCalledWith('conference');
  });

  it('refuses a cadence that is not whole days, keeping it, and saves empty as the default', async () => {
    const save = vi.fn(async (_days: number | null) => {});
    const { container, unmount } = mount(<AutosaveCadence initial={null} defaultDays={90} save={save} />);
    cleanup = unmount;
    const field = labelled(container, 'Keep in touch every (days)');
    expect(container.textContent).toContain('Default: every 90 days');
    await type(field, '0');
    await blur(field);
    expect(save).not.toHaveBeenCalled();
    expect(field.value).toBe('0');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('whole days');
    await type(field, '14');
    await blur(field);
    expect(save).toHaveBeenLastCalledWith(14);
  });

  it('saves the closeness when the slider is released', async () => {
    const save = vi.fn(async (_value: number) => {});
    const { container, unmount } = mount(<ClosenessSlider initial={null} save={save} />);
    cleanup = unmount;
    const slider = labelled(container, 'How strong is your relationship?') as HTMLInputElement;
    expect(container.textContent).toContain('Not answered yet');
    slider.value = '0.8';
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(save).toHaveBeenCalledWith(0.8);
    expect(container.textContent).toContain('very close');
  });
});

describe('deleting a note', () => {
  it('asks for confirmation first', async () => {
    const deleteNote = vi.fn(async () => {});
    const { container, unmount } = mount(
      <NotesSection
        notes={[{ id: 'n1', text: 'hello', createdAt: 0 }]}
        draftId="draft"
        saveNote={vi.fn(async () => {})}
        deleteNote={deleteNote}
        formatDate={() => 'today'}
      />,
    );
    cleanup = unmount;
    await click(button(container, 'Delete note of today'));
    expect(deleteNote).not.toHaveBeenCalled();
    await click(button(container, 'Keep'));
    await click(button(container, 'Delete note of today'));
    await click(button(container, 'Delete note'));
    expect(deleteNote).toHaveBeenCalledWith('n1');
  });
});
