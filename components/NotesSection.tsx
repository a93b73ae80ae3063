import { NoteEditor } from './NoteEditor';

export interface NoteItem {
  id: string;
  text: string;
  createdAt: number;
}

export interface NotesSectionProps {
  notes: NoteItem[];
  draftId: string;
  saveNote: (noteId: string, text: string) => Promise<void>;
  formatDate: (epochMs: number) => string;
}

export function NotesSection({ notes, draftId, saveNote, formatDate }: NotesSectionProps) {
  return (
    <section class="notes" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      <NoteEditor
        key={draftId}
        label="New note"
        initialText=""
        placeholder="What do you want to remember about them?"
        saveEmpty={false}
        save={(text) => saveNote(draftId, text)}
      />
      <ul class="note-list">
        {notes
          .filter((note) => note.id !== draftId)
          .map((note) => (
            <li key={note.id}>
              <p class="note-date">{formatDate(note.createdAt)}</p>
              <NoteEditor
                label={`Note of ${formatDate(note.createdAt)}`}
                initialText={note.text}
                saveEmpty={true}
                save={(text) => saveNote(note.id, text)}
              />
            </li>
          ))}
      </ul>
    </section>
  );
}
