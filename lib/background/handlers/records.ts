import {
  deleteInteraction,
  listInteractions,
  logInteraction,
  updateInteraction,
} from '@/lib/services/interactions';
import { addLink, removeLink, whoKnows } from '@/lib/services/links';
import { deleteNote, saveNote } from '@/lib/services/notes';
import type { BackgroundDeps, HandlerGroup } from './deps';

type RecordMessages =
  | 'saveNote'
  | 'deleteNote'
  | 'logInteraction'
  | 'updateInteraction'
  | 'deleteInteraction'
  | 'listInteractions'
  | 'addLink'
  | 'removeLink'
  | 'getWhoKnows';

/** Notes, interactions and links: what the user records about people. */
export function recordHandlers({ db, clock }: BackgroundDeps): HandlerGroup<RecordMessages> {
  return {
    saveNote: async (request) => ({ note: await saveNote(db, request, clock) }),
    deleteNote: async ({ noteId }) => ({ deleted: await deleteNote(db, noteId) }),
    logInteraction: async ({ interaction }) => ({
      interaction: await logInteraction(db, interaction, clock),
    }),
    updateInteraction: async (request) => ({ interaction: await updateInteraction(db, request, clock) }),
    deleteInteraction: async ({ id }) => ({ deleted: await deleteInteraction(db, id) }),
    listInteractions: async (request) => ({ interactions: await listInteractions(db, request) }),
    addLink: async ({ link }) => ({ link: await addLink(db, link, clock) }),
    removeLink: async ({ link }) => ({ removed: await removeLink(db, link) }),
    getWhoKnows: async ({ personId }) => ({ links: await whoKnows(db, personId) }),
  };
}
