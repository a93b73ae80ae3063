import { useState } from 'preact/hooks';
import { errorMessage } from './autosave';
import { NoteEditor } from './NoteEditor';

export interface NoteItem {
  id: string;
  text: string;
  createdAt: number;
  updatedAt?: number;
}

export interface NotesSectionProps {
  notes: NoteItem[];
  draftId: string;
  saveNote: (noteId: string, text: string) => Promise<void>;
  /** Deletes one note, after the user confirmed; absent while the person is not in Rapport. */
  deleteNote?: (noteId: string) => Promise<void>;
  formatDate: (epochMs: number) => string;
}

export function NotesSection({ notes, draftId, saveNote, deleteNote, formatDate }: NotesSectionProps) {
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
              <p class="note-date">
                {formatDate(note.createdAt)}
                {note.updatedAt !== undefined && note.updatedAt - note.createdAt > 60_000
                  ? ` · edited ${formatDate(note.updatedAt)}`
                  : ''}
              </p>
              <NoteEditor
                label={`Note of ${formatDate(note.createdAt)}`}
                initialText={note.text}
                saveEmpty={true}
                save={(text) => saveNote(note.id, text)}
              />
              {deleteNote ? (
                <DeleteNote
                  label={`note of ${formatDate(note.createdAt)}`}
                  onDelete={() => deleteNote(note.id)}
                />
              ) : null}
            </li>
          ))}
      </ul>
    </section>
  );
}

/** Deleting takes two steps, so a stray click or keypress never loses a note. */
function DeleteNote({ label, onDelete }: { label: string; onDelete: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!confirming) {
    return (
      <p class="row-actions">
        <button type="button" class="link" aria-label={`Delete ${label}`} onClick={() => setConfirming(true)}>
          Delete
        </button>
      </p>
    );
  }
  return (
    <div class="confirm">
      <p>
        Delete this note for good?{' '}
        <button
          type="button"
          class="danger small"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onDelete();
              setError(null);
            } catch (failure) {
              setError(`Not deleted: ${errorMessage(failure)}`);
            } finally {
              setBusy(false);
            }
          }}
        >
          Delete note
        </button>{' '}
        <button type="button" class="link" onClick={() => setConfirming(false)}>
          Keep
        </button>
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
