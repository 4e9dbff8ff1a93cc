import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addPerson, readPersons, removePerson, updatePerson, type PersonInput } from '../../collab/persons';
import { scoped } from '../../collab/docSelection';
import { useDocSelector } from '../../collab/useDocSelector';
import type { Person } from '../../domain/caseRecords';
import { personRoles, type PersonRole } from '../../domain/caseVocabulary';
import { useLanguage } from '../../i18n';
import { Button, Select, StatusPill, TextInput } from '../../ui';
import { useDirectory } from '../session';
import { FormDialog, useFieldError, type FormErrorState } from './FormDialog';
import { ItemButtons } from './ItemButtons';
import { Panel } from './Panel';

const selectPersons = scoped(['persons'], (doc: Y.Doc): Person[] => readPersons(doc));

/** Betrokkenen: the real names of the people involved (shown here on the board and nowhere else). */
export function PersonsPanel({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { orgName } = useDirectory();
  const persons = useDocSelector(doc, selectPersons);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  return (
    <Panel
      id="betrokkenen"
      title={t('board.persons.title')}
      actions={editable ? <Button icon={<UserPlus size={18} />} onClick={() => setEditing('new')}>{t('board.persons.add')}</Button> : null}
    >
      <p className="board-panel__note">{t('board.persons.privacy')}</p>
      {persons.length === 0 ? <p className="text-muted">{t('board.persons.empty')}</p> : (
        <ul className="record-list">
          {persons.map((person) => (
            <li key={person.id} className="record">
              <div className="record__main">
                <div className="record__title">
                  <StatusPill tone={person.role === 'slachtoffer' || person.role === 'kind' ? 'busy' : 'neutral'}>{personRoles.label(person.role, language)}</StatusPill>
                  <span className="record__name">{person.name}</span>
                  {person.birthYear ? <span className="text-muted">({person.birthYear})</span> : null}
                </div>
                <dl className="record__facts">
                  {person.address ? <div><dt>{t('board.persons.address')}</dt><dd>{person.address}</dd></div> : null}
                  <div>
                    <dt>{t('board.persons.knownBy')}</dt>
                    <dd>{person.knownBy && person.knownBy.length > 0 ? person.knownBy.map(orgName).join(', ') : t('board.persons.knownByNone')}</dd>
                  </div>
                  {person.note ? <div><dt>{t('board.persons.note')}</dt><dd>{person.note}</dd></div> : null}
                </dl>
              </div>
              {editable ? <ItemButtons name={person.name} onEdit={() => setEditing(person)} onRemove={() => removePerson(doc, person.id)} /> : null}
            </li>
          ))}
        </ul>
      )}
      {editable && editing ? <PersonForm doc={doc} person={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Panel>
  );
}

function PersonForm({ doc, person, onClose }: { doc: Y.Doc; person: Person | null; onClose(): void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<PersonRole>(person?.role ?? 'slachtoffer');
  const [name, setName] = useState(person?.name ?? '');
  const [birthYear, setBirthYear] = useState(person?.birthYear ? String(person.birthYear) : '');
  const [address, setAddress] = useState(person?.address ?? '');
  const [note, setNote] = useState(person?.note ?? '');
  const [knownBy, setKnownBy] = useState<string[]>(person?.knownBy ?? []);
  const save = (): void => {
    const year = birthYear.trim() === '' ? undefined : Number(birthYear);
    const input: PersonInput = {
      role, name, knownBy,
      birthYear: year,
      address: address.trim() === '' ? undefined : address,
      note: note.trim() === '' ? undefined : note,
    };
    if (person) updatePerson(doc, person.id, input);
    else addPerson(doc, input);
  };
  return (
    <FormDialog open title={person ? t('board.persons.editTitle') : t('board.persons.addTitle')} onClose={onClose} onSubmit={save}>
      {(error) => (
        <PersonFields error={error} {...{ role, setRole, name, setName, birthYear, setBirthYear, address, setAddress, note, setNote, knownBy, setKnownBy }} />
      )}
    </FormDialog>
  );
}

function PersonFields(props: {
  error: FormErrorState | null;
  role: PersonRole; setRole(v: PersonRole): void; name: string; setName(v: string): void;
  birthYear: string; setBirthYear(v: string): void; address: string; setAddress(v: string): void;
  note: string; setNote(v: string): void; knownBy: string[]; setKnownBy(v: string[]): void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { orgs } = useDirectory();
  const nameError = useFieldError(props.error, 'name');
  const yearError = useFieldError(props.error, 'birthYear');
  return (
    <div className="form-grid">
      <Select label={t('board.persons.role')} value={props.role}
        onChange={(event) => personRoles.is(event.target.value) && props.setRole(event.target.value)}
        options={personRoles.values.map((value) => ({ value, label: personRoles.label(value, language) }))} />
      <TextInput label={t('board.persons.name')} value={props.name} maxLength={200} autoComplete="off"
        onChange={(event) => props.setName(event.target.value)} error={nameError} />
      <TextInput label={`${t('board.persons.birthYear')} ${t('board.optional')}`} value={props.birthYear} inputMode="numeric" maxLength={4}
        onChange={(event) => props.setBirthYear(event.target.value)} error={yearError} />
      <TextInput label={`${t('board.persons.address')} ${t('board.optional')}`} value={props.address} maxLength={200} autoComplete="off"
        onChange={(event) => props.setAddress(event.target.value)} />
      <TextInput className="form-grid__wide" label={`${t('board.persons.note')} ${t('board.optional')}`} value={props.note}
        onChange={(event) => props.setNote(event.target.value)} />
      <fieldset className="form-grid__wide checkbox-group">
        <legend>{t('board.persons.knownBy')}</legend>
        {orgs.map((org) => (
          <label key={org.id} className="checkbox">
            <input
              type="checkbox"
              checked={props.knownBy.includes(org.id)}
              onChange={(event) => props.setKnownBy(event.target.checked ? [...props.knownBy, org.id] : props.knownBy.filter((id) => id !== org.id))}
            />
            <span>{org.name}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
