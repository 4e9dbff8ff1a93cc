import { Archive, ArchiveRestore, Eye, ShieldAlert, Pencil, Users } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { updateCaseMeta } from '../../collab/caseHeader';
import type { CaseMeta } from '../../domain/caseRecords';
import { caseStatuses, caseTypes, municipalities, type CaseStatus, type CaseType, type Municipality } from '../../domain/caseVocabulary';
import { useLanguage } from '../../i18n';
import { Button, PageHeading, Select, TextInput } from '../../ui';
import { useDirectory } from '../session';
import { FormDialog, useFieldError, type FormErrorState } from './FormDialog';

/** The header of the board: the pseudonymous label as the page heading, and the case's facts. */
export function BoardHeader({
  doc, meta, editable, manage, onEscalate, onManageAccess, onShowOpenings, onCloseCase, onReopenCase, reopening = false, closureFacts,
}: {
  doc: Y.Doc;
  meta: CaseMeta;
  editable: boolean;
  manage: boolean;
  onEscalate(): void;
  onManageAccess(): void;
  /** "Wie heeft deze casus ingezien?", for a process director; absent for other roles. */
  onShowOpenings?: () => void;
  /** "Casus afsluiten", for the case's manager while it is not (properly) closed. */
  onCloseCase?: () => void;
  /** "Casus heropenen", for the case's manager while it is closed. */
  onReopenCase?: () => void;
  reopening?: boolean;
  /** More facts (the closing and deletion dates) after the status. */
  closureFacts?: ReactNode;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { displayName } = useDirectory();
  const [editing, setEditing] = useState(false);
  return (
    <header className="board-header">
      <div className="board-header__top">
        <PageHeading>{meta.label}</PageHeading>
        {editable || manage || onShowOpenings || onCloseCase || onReopenCase ? (
          <div className="board-header__actions">
            {editable ? <Button icon={<Pencil size={18} />} onClick={() => setEditing(true)}>{t('board.header.editButton')}</Button> : null}
            {editable ? <Button icon={<ShieldAlert size={18} />} onClick={onEscalate}>{t('board.escalation.button')}</Button> : null}
            {manage ? <Button icon={<Users size={18} />} onClick={onManageAccess}>{t('board.access.button')}</Button> : null}
            {onShowOpenings ? <Button icon={<Eye size={18} />} onClick={onShowOpenings}>{t('privacy.openings.button')}</Button> : null}
            {onCloseCase ? <Button icon={<Archive size={18} />} onClick={onCloseCase}>{t('privacy.closure.button')}</Button> : null}
            {onReopenCase ? (
              <Button icon={<ArchiveRestore size={18} />} onClick={onReopenCase} disabled={reopening} aria-busy={reopening || undefined}>
                {reopening ? t('privacy.closure.reopening') : t('privacy.closure.reopen')}
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      <dl className="board-header__facts" aria-label={t('board.header.details')}>
        <div><dt>{t('board.header.caseNumber')}</dt><dd>{meta.caseNumber || '–'}</dd></div>
        <div><dt>{t('board.header.type')}</dt><dd>{caseTypes.label(meta.type, language)}</dd></div>
        <div><dt>{t('board.header.status')}</dt><dd>{caseStatuses.label(meta.status, language)}</dd></div>
        {closureFacts}
        <div>
          <dt>{t('board.header.municipality')}</dt>
          <dd>{meta.municipality ? municipalities.label(meta.municipality, language) : t('board.header.noMunicipality')}</dd>
        </div>
        <div>
          <dt>{t('board.header.procesregisseur')}</dt>
          <dd>{meta.procesregisseur ? displayName(meta.procesregisseur) : t('board.header.noProcesregisseur')}</dd>
        </div>
      </dl>
      {editable ? <HeaderDialog open={editing} onClose={() => setEditing(false)} doc={doc} meta={meta} /> : null}
    </header>
  );
}

/** Mounted only while open, so every opening starts from the current header. */
function HeaderDialog({ open, onClose, doc, meta }: { open: boolean; onClose(): void; doc: Y.Doc; meta: CaseMeta }) {
  return open ? <HeaderForm onClose={onClose} doc={doc} meta={meta} /> : null;
}

function HeaderForm({ onClose, doc, meta }: { onClose(): void; doc: Y.Doc; meta: CaseMeta }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { users } = useDirectory();
  const [label, setLabel] = useState(meta.label);
  const [caseNumber, setCaseNumber] = useState(meta.caseNumber ?? '');
  const [type, setType] = useState<CaseType>(meta.type);
  const [status, setStatus] = useState<CaseStatus>(meta.status);
  const [procesregisseur, setProcesregisseur] = useState(meta.procesregisseur ?? '');
  const [municipality, setMunicipality] = useState<Municipality | ''>(meta.municipality ?? '');
  const directors = users.filter((user) => user.role === 'procesregisseur' || user.username === meta.procesregisseur);
  const save = (): void => {
    updateCaseMeta(doc, {
      label, type, status,
      caseNumber: caseNumber.trim() === '' ? undefined : caseNumber,
      procesregisseur: procesregisseur === '' ? undefined : procesregisseur,
      municipality: municipality === '' ? undefined : municipality,
    });
  };
  return (
    <FormDialog open title={t('board.header.editTitle')} onClose={onClose} onSubmit={save}>
      {(error) => <HeaderFields {...{ error, label, setLabel, caseNumber, setCaseNumber, type, setType, status, setStatus, procesregisseur, setProcesregisseur, municipality, setMunicipality, language }}
        directors={directors.map((user) => ({ value: user.username, label: user.name }))} />}
    </FormDialog>
  );
}

function HeaderFields(props: {
  error: FormErrorState | null; language: 'nl' | 'en';
  label: string; setLabel(v: string): void; caseNumber: string; setCaseNumber(v: string): void;
  type: CaseType; setType(v: CaseType): void; status: CaseStatus; setStatus(v: CaseStatus): void;
  procesregisseur: string; setProcesregisseur(v: string): void;
  municipality: Municipality | ''; setMunicipality(v: Municipality | ''): void; directors: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const labelError = useFieldError(props.error, 'label');
  const numberError = useFieldError(props.error, 'caseNumber');
  return (
    <div className="form-grid">
      <TextInput className="form-grid__wide" label={t('board.header.label')} value={props.label} maxLength={200}
        onChange={(event) => props.setLabel(event.target.value)} error={labelError} />
      <TextInput label={t('board.header.caseNumber')} value={props.caseNumber} maxLength={200}
        onChange={(event) => props.setCaseNumber(event.target.value)} error={numberError} />
      <Select label={t('board.header.procesregisseur')} value={props.procesregisseur}
        onChange={(event) => props.setProcesregisseur(event.target.value)}
        options={[{ value: '', label: t('board.header.noProcesregisseur') }, ...props.directors]} />
      <Select label={t('board.header.type')} value={props.type}
        onChange={(event) => caseTypes.is(event.target.value) && props.setType(event.target.value)}
        options={caseTypes.values.map((value) => ({ value, label: caseTypes.label(value, props.language) }))} />
      <Select label={t('board.header.status')} value={props.status}
        onChange={(event) => caseStatuses.is(event.target.value) && props.setStatus(event.target.value)}
        options={caseStatuses.values.map((value) => ({ value, label: caseStatuses.label(value, props.language) }))} />
      <Select label={t('board.header.municipality')} value={props.municipality}
        onChange={(event) => props.setMunicipality(municipalities.is(event.target.value) ? event.target.value : '')}
        options={[{ value: '', label: t('board.header.noMunicipality') }, ...municipalities.values.map((value) => ({ value, label: municipalities.label(value, props.language) }))]} />
    </div>
  );
}
