import { Plus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addTimelineEvent, readTimeline, removeTimelineEvent } from '../../collab/timeline';
import { scoped } from '../../collab/docSelection';
import { useDocSelector } from '../../collab/useDocSelector';
import type { TimelineEvent } from '../../domain/caseRecords';
import { escalationLevels, timelineTypes, type TimelineType } from '../../domain/caseVocabulary';
import { toIsoDate } from '../../domain/dates';
import { useLanguage } from '../../i18n';
import { Button, Select, StatusPill, TextInput } from '../../ui';
import { useDirectory, useSession } from '../session';
import { FormDialog, useFieldError, type FormErrorState } from './FormDialog';
import { ItemButtons } from './ItemButtons';
import { Panel } from './Panel';
import { TextArea } from './TextArea';
import { useFormatDay } from './useRecorded';

const selectTimeline = scoped(['timeline'], (doc: Y.Doc): TimelineEvent[] => readTimeline(doc));

/** Event types entered here; escalations go through "Escaleren" (they carry a level). */
const enterableTypes = timelineTypes.values.filter((type) => type !== 'escalatie');

/** Events shown before "Eerdere gebeurtenissen tonen": the recent past, which a meeting discusses. */
const recentTimelineEvents = 20;

/**
 * Tijdlijn: incidents, violations, escalations and decisions, oldest first, with who
 * recorded them. A case with years of history shows its latest events; the earlier ones
 * are one button away.
 */
export function TimelinePanel({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { displayName } = useDirectory();
  const all = useDocSelector(doc, selectTimeline);
  const day = useFormatDay();
  const [adding, setAdding] = useState(false);
  const [showEarlier, setShowEarlier] = useState(false);
  const earlier = showEarlier ? 0 : Math.max(0, all.length - recentTimelineEvents);
  const events = earlier > 0 ? all.slice(earlier) : all;
  return (
    <Panel
      id="tijdlijn"
      title={t('board.timeline.title')}
      actions={editable ? <Button icon={<Plus size={18} />} onClick={() => setAdding(true)}>{t('board.timeline.add')}</Button> : null}
    >
      {all.length > recentTimelineEvents ? (
        <Button variant="quiet" aria-expanded={showEarlier} onClick={() => setShowEarlier((shown) => !shown)}>
          {showEarlier ? t('board.timeline.hideEarlier', { count: recentTimelineEvents }) : t('board.timeline.showEarlier', { count: earlier })}
        </Button>
      ) : null}
      {events.length === 0 ? <p className="text-muted">{t('board.timeline.empty')}</p> : (
        <table className="data-table timeline-table">
          <caption>{t('board.timeline.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('board.timeline.columns.date')}</th>
              <th scope="col">{t('board.timeline.columns.type')}</th>
              <th scope="col">{t('board.timeline.columns.text')}</th>
              <th scope="col">{t('board.timeline.columns.by')}</th>
              {editable ? <th scope="col"><span className="visually-hidden">{t('board.remove')}</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} className={event.type === 'escalatie' ? 'timeline-table__escalation' : undefined}>
                <td className="data-table__num">{day(event.date)}</td>
                <td>
                  <StatusPill tone={event.type === 'escalatie' || event.type === 'overtreding' ? 'danger' : event.type === 'incident' ? 'warning' : 'neutral'}>
                    {timelineTypes.label(event.type, language)}
                  </StatusPill>
                  {event.level ? <div className="record__meta">{t('board.timeline.level', { level: escalationLevels.label(event.level, language) })}</div> : null}
                </td>
                <td className="timeline-table__text">{event.text}</td>
                <td>{displayName(event.by)}</td>
                {editable ? (
                  <td>
                    <ItemButtons name={`${timelineTypes.label(event.type, language)} ${day(event.date)}`} onRemove={() => removeTimelineEvent(doc, event.id)} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && adding ? <TimelineForm doc={doc} onClose={() => setAdding(false)} /> : null}
    </Panel>
  );
}

function TimelineForm({ doc, onClose }: { doc: Y.Doc; onClose(): void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [date, setDate] = useState(toIsoDate(new Date()));
  const [type, setType] = useState<TimelineType>('incident');
  const [text, setText] = useState('');
  return (
    <FormDialog open title={t('board.timeline.addTitle')} onClose={onClose}
      onSubmit={() => addTimelineEvent(doc, { date, type, text, level: undefined }, { username: user.username })}>
      {(error) => <TimelineFields {...{ error, date, setDate, type, setType, text, setText }} />}
    </FormDialog>
  );
}

function TimelineFields(props: {
  error: FormErrorState | null; date: string; setDate(v: string): void; type: TimelineType; setType(v: TimelineType): void;
  text: string; setText(v: string): void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="form-grid">
      <TextInput type="date" label={t('board.timeline.date')} value={props.date} onChange={(event) => props.setDate(event.target.value)}
        error={useFieldError(props.error, 'date')} />
      <Select label={t('board.timeline.type')} value={props.type}
        onChange={(event) => timelineTypes.is(event.target.value) && props.setType(event.target.value)}
        options={enterableTypes.map((value) => ({ value, label: timelineTypes.label(value, language) }))} />
      <div className="form-grid__wide">
        <TextArea label={t('board.timeline.text')} value={props.text} onChange={props.setText} error={useFieldError(props.error, 'text')} />
      </div>
    </div>
  );
}
