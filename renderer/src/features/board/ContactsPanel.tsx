import { Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { readContacts, removeContact, setContact } from '../../collab/contacts';
import { scoped } from '../../collab/docSelection';
import { useDocSelector } from '../../collab/useDocSelector';
import type { Contact } from '../../domain/caseRecords';
import { Button, Select, TextInput } from '../../ui';
import { Notice, useDirectory, useSession } from '../session';
import { FormDialog, useFieldError, type FormErrorState } from './FormDialog';
import { ItemButtons } from './ItemButtons';
import { Panel } from './Panel';
import { useRecorded } from './useRecorded';

const selectContacts = scoped(['contacts'], (doc: Y.Doc): Contact[] => readContacts(doc));

/** Contactpersonen: one per organisation (a second one for the same organisation replaces the first). */
export function ContactsPanel({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const { t } = useTranslation();
  const { orgName } = useDirectory();
  const contacts = useDocSelector(doc, selectContacts);
  const recorded = useRecorded();
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  return (
    <Panel
      id="contactpersonen"
      title={t('board.contacts.title')}
      actions={editable ? <Button icon={<Plus size={18} />} onClick={() => setEditing('new')}>{t('board.contacts.add')}</Button> : null}
    >
      <p className="board-panel__note">{t('board.contacts.intro')}</p>
      {contacts.length === 0 ? <p className="text-muted">{t('board.contacts.empty')}</p> : (
        <ul className="record-list">
          {contacts.map((contact) => (
            <li key={contact.org} className="record">
              <div className="record__main">
                <div className="record__title">
                  <span className="record__org">{orgName(contact.org)}</span>
                </div>
                <p className="record__line">
                  <span className="record__name">{contact.name}</span>
                  {contact.function ? <span className="text-muted"> · {contact.function}</span> : null}
                  {contact.phone ? <span> · {contact.phone}</span> : null}
                </p>
                <p className="record__meta">{recorded(contact.by, contact.at)}</p>
              </div>
              {editable ? (
                <ItemButtons name={`${t('board.contacts.item')} ${orgName(contact.org)}`} onEdit={() => setEditing(contact)} onRemove={() => removeContact(doc, contact.org)} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable && editing ? <ContactForm doc={doc} contacts={contacts} contact={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Panel>
  );
}

function ContactForm({ doc, contacts, contact, onClose }: { doc: Y.Doc; contacts: readonly Contact[]; contact: Contact | null; onClose(): void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { orgs, users } = useDirectory();
  const firstFree = orgs.find((org) => !contacts.some((existing) => existing.org === org.id))?.id ?? orgs[0]?.id ?? '';
  const [org, setOrg] = useState(contact?.org ?? firstFree);
  const [username, setUsername] = useState(contact?.username ?? '');
  const [name, setName] = useState(contact?.name ?? '');
  const [fn, setFn] = useState(contact?.function ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const usersOfOrg = useMemo(() => users.filter((candidate) => candidate.org === org), [users, org]);
  const pickUser = (value: string): void => {
    setUsername(value);
    const picked = users.find((candidate) => candidate.username === value);
    if (picked) setName(picked.name);
  };
  const save = (): void => {
    setContact(doc, org, {
      name,
      username: username === '' ? undefined : username,
      function: fn.trim() === '' ? undefined : fn,
      phone: phone.trim() === '' ? undefined : phone,
    }, { username: user.username });
  };
  // Keyed by organisation in the model: saving for an organisation that has one replaces it.
  const replaced = contacts.find((existing) => existing.org === org && existing.org !== contact?.org) ?? null;
  return (
    <FormDialog open title={contact ? t('board.contacts.editTitle') : t('board.contacts.addTitle')} onClose={onClose} onSubmit={save}>
      {(error) => (
        <ContactFields
          {...{ error, org, setOrg, username, pickUser, name, setName, fn, setFn, phone, setPhone, replaced }}
          orgLocked={contact !== null}
          orgOptions={orgs.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          userOptions={usersOfOrg.map((candidate) => ({ value: candidate.username, label: candidate.name }))}
        />
      )}
    </FormDialog>
  );
}

function ContactFields(props: {
  error: FormErrorState | null; org: string; setOrg(v: string): void; username: string; pickUser(v: string): void;
  name: string; setName(v: string): void; fn: string; setFn(v: string): void; phone: string; setPhone(v: string): void;
  replaced: Contact | null; orgLocked: boolean; orgOptions: { value: string; label: string }[]; userOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const { orgName } = useDirectory();
  return (
    <>
      <div className="form-grid">
        <Select label={t('board.contacts.org')} value={props.org} onChange={(event) => props.setOrg(event.target.value)} options={props.orgOptions}
          disabled={props.orgLocked}
          error={useFieldError(props.error, 'org')} />
        <Select label={`${t('board.contacts.user')} ${t('board.optional')}`} value={props.username} onChange={(event) => props.pickUser(event.target.value)}
          options={[{ value: '', label: t('board.contacts.noUser') }, ...props.userOptions]} />
        <TextInput label={t('board.contacts.name')} value={props.name} maxLength={200} onChange={(event) => props.setName(event.target.value)}
          error={useFieldError(props.error, 'name')} />
        <TextInput label={`${t('board.contacts.function')} ${t('board.optional')}`} hint={t('board.contacts.functionHint')} value={props.fn} maxLength={200}
          onChange={(event) => props.setFn(event.target.value)} />
        <TextInput type="tel" label={`${t('board.contacts.phone')} ${t('board.optional')}`} value={props.phone} maxLength={200}
          onChange={(event) => props.setPhone(event.target.value)} />
      </div>
      <div aria-live="polite">
        {props.replaced ? (
          <Notice tone="info"><p>{t('board.contacts.replaces', { org: orgName(props.replaced.org), name: props.replaced.name })}</p></Notice>
        ) : null}
      </div>
    </>
  );
}
