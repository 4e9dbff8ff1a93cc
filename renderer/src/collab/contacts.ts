/**
 * One contact point per organisation: `contacts` is keyed by org id, so a second contact
 * for the same organisation replaces the first by construction (also under concurrency:
 * one register per org, last writer wins).
 */
import type * as Y from 'yjs';
import type { SkippedRecord } from '../domain/caseBoard';
import { contactOptionalKeys, contactSchema, type Contact } from '../domain/caseRecords';
import { parseLenient, requireValid } from '../domain/validation';
import { caseDoc } from './caseDoc';
import { editTime, type EditContext } from './editContext';
import { origins } from './origins';
import { definedFields, readEach } from './recordMap';

/** A contact as entered for one organisation. */
export type ContactInput = Omit<Contact, 'org' | 'by' | 'at'>;

/** Sets the contact point of `org`, replacing any earlier one. */
export function setContact(doc: Y.Doc, org: string, input: ContactInput, context: EditContext): Contact {
  const contact = requireValid(contactSchema, { ...input, org, by: context.username, at: editTime(context) });
  // Stored whole as a plain object: the contact is one value, never merged field by field.
  const { org: _key, ...stored } = contact;
  doc.transact(() => caseDoc(doc).contacts.set(org, definedFields(stored)), origins.userEdit);
  return contact;
}

/** Removes the contact point of `org`. */
export function removeContact(doc: Y.Doc, org: string): void {
  doc.transact(() => caseDoc(doc).contacts.delete(org), origins.userEdit);
}

/** The contact points, one per organisation, sorted by org id. */
export function readContacts(doc: Y.Doc, skipped?: SkippedRecord[]): Contact[] {
  return readEach(caseDoc(doc).contacts, 'contacts', (key, raw) =>
    parseLenient(contactSchema, { ...raw, org: key }, contactOptionalKeys), skipped)
    .sort((a, b) => a.org.localeCompare(b.org));
}
