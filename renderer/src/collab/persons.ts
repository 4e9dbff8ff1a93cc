/** Persons involved (betrokkenen): names live on the board only, never in lists or titles. */
import type * as Y from 'yjs';
import type { SkippedRecord } from '../domain/caseBoard';
import { personOptionalKeys, personSchema, type Person } from '../domain/caseRecords';
import { createId, isId, type PersonId } from '../domain/ids';
import { parseLenient, requireValid } from '../domain/validation';
import { caseDoc } from './caseDoc';
import { CollabError } from './errors';
import { origins } from './origins';
import { readEach, writeFields } from './recordMap';

/** A person as entered (the id is made on add). */
export type PersonInput = Omit<Person, 'id'>;

/** Adds a person; returns the new id. */
export function addPerson(doc: Y.Doc, input: PersonInput): PersonId {
  const id = createId('person');
  const person = requireValid(personSchema, { ...input, id });
  doc.transact(() => writeFields(caseDoc(doc).persons, id, { ...person, id: undefined }), origins.userEdit);
  return id;
}

/** Changes fields of a person; other fields (maybe edited by a peer right now) stay. */
export function updatePerson(doc: Y.Doc, id: PersonId, patch: Partial<PersonInput>): void {
  const current = readPersons(doc).find((person) => person.id === id);
  if (!current) throw new CollabError('not-found', id);
  const next = requireValid(personSchema, { ...current, ...patch });
  const fields = Object.fromEntries(Object.keys(patch).map((key) => [key, next[key as keyof Person]]));
  doc.transact(() => writeFields(caseDoc(doc).persons, id, fields), origins.userEdit);
}

/** Removes a person (their text is gone from the live board once GC runs). */
export function removePerson(doc: Y.Doc, id: PersonId): void {
  doc.transact(() => caseDoc(doc).persons.delete(id), origins.userEdit);
}

/** The persons, victim first, then suspect, children, others; by name within a role. */
export function readPersons(doc: Y.Doc, skipped?: SkippedRecord[]): Person[] {
  const order = ['slachtoffer', 'verdachte', 'kind', 'overig'];
  return readEach(caseDoc(doc).persons, 'persons', (key, raw) =>
    (isId('person', key) ? parseLenient(personSchema, { ...raw, id: key }, personOptionalKeys) : null), skipped)
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.name.localeCompare(b.name, 'nl'));
}
