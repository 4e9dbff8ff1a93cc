import { Plus } from 'lucide-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addToAgenda } from '../../collab/agenda';
import { ensureMeetingNotes } from '../../collab/meetingNotes';
import { isId, type MeetingId } from '../../domain/ids';
import { Button, Select } from '../../ui';
import type { AgendaRow } from './agendaRows';
import { useCaseAccess, useCaseFacts } from './useMeetingData';

const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

/** Props of {@link AddToAgenda}. */
export interface AddToAgendaProps {
  meetingId: MeetingId;
  doc: Y.Doc;
  onAgenda: readonly AgendaRow[];
  onAdded(label: string): void;
}

/** The chair puts a case he can access on the agenda; its notes entry is set up in the case document. */
export function AddToAgenda({ meetingId, doc, onAgenda, onAdded }: AddToAgendaProps) {
  const { t } = useTranslation();
  const { caseRooms, access } = useCaseAccess();
  const { boards, docs } = useCaseFacts(caseRooms);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState(false);
  const taken = useMemo(() => new Set<string>(onAgenda.map((row) => row.key)), [onAgenda]);
  const options = useMemo(() => [...boards.values()]
    .filter((board) => !taken.has(board.id) && board.meta !== null && board.meta.status !== 'afgesloten')
    .map((board) => ({ value: board.id, label: board.meta?.label ?? board.id }))
    .sort((a, b) => collator.compare(a.label, b.label)), [boards, taken]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!isId('case', choice)) {
      setError(true);
      return;
    }
    setError(false);
    addToAgenda(doc, choice);
    const caseDoc = docs.get(choice);
    // The notes entry is written where the chair may write; otherwise the first editor sets it up.
    if (caseDoc && access(choice) === 'edit') ensureMeetingNotes(caseDoc, meetingId);
    onAdded(boards.get(choice)?.meta?.label ?? '');
    setChoice('');
  };

  return (
    <form className="mt-agenda__add" onSubmit={submit} noValidate>
      <Select
        label={t('meetings.agenda.addLabel')}
        value={choice}
        error={error ? t('meetings.agenda.addChoose') : null}
        onChange={(event) => setChoice(event.target.value)}
        options={[{ value: '', label: options.length > 0 ? t('meetings.agenda.addChoose') : t('meetings.agenda.addNone') }, ...options]}
      />
      <Button type="submit" icon={<Plus size={16} />} disabled={options.length === 0}>{t('meetings.agenda.add')}</Button>
    </form>
  );
}
