import { linkIdentity } from '@/lib/services/identities';
import { mergePeople, splitIdentity } from '@/lib/services/merge';
import {
  addPerson,
  archivePerson,
  createPerson,
  deletePerson,
  editTags,
  getPerson,
  searchPeople,
  updatePerson,
} from '@/lib/services/people';
import { getPersonStanding, getPersonView } from '@/lib/services/person-view';
import { listTags } from '@/lib/services/tags';
import { readFocus } from '@/lib/settings';
import type { BackgroundDeps, HandlerGroup } from './deps';

type PeopleMessages =
  | 'getPersonView'
  | 'addPerson'
  | 'createPerson'
  | 'getPerson'
  | 'updatePerson'
  | 'editTags'
  | 'archivePerson'
  | 'deletePerson'
  | 'searchPeople'
  | 'listTags'
  | 'getPersonStanding'
  | 'linkIdentity'
  | 'mergePeople'
  | 'splitIdentity';

export function peopleHandlers({ db, clock }: BackgroundDeps): HandlerGroup<PeopleMessages> {
  return {
    // The settings are read while the database is: the focus only counts shared tags.
    getPersonView: ({ ref }) => getPersonView(db, ref, clock, readFocus()),
    addPerson: async (request) => ({ person: await addPerson(db, request, clock) }),
    createPerson: async (request) => ({ person: await createPerson(db, request, clock) }),
    getPerson: async ({ personId }) => ({ person: await getPerson(db, personId) }),
    updatePerson: async (request) => ({ person: await updatePerson(db, request, clock) }),
    editTags: async (request) => ({ person: await editTags(db, request, clock) }),
    archivePerson: async ({ personId, archived }) => ({
      person: await archivePerson(db, personId, archived, clock),
    }),
    deletePerson: async ({ personId }) => ({ deleted: await deletePerson(db, personId) }),
    searchPeople: async (request) => ({ people: await searchPeople(db, request) }),
    listTags: async (request) => ({ tags: await listTags(db, request) }),
    getPersonStanding: async ({ personId }) =>
      getPersonStanding(db, personId, clock.now(), await readFocus()),
    linkIdentity: async (request) => ({ identity: await linkIdentity(db, request, clock) }),
    mergePeople: async (request) => ({ person: await mergePeople(db, request, clock) }),
    splitIdentity: async (request) => ({ person: await splitIdentity(db, request, clock) }),
  };
}
