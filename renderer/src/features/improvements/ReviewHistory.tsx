import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { improvementsByPhase, improvementText, readImprovements, type Improvement } from '../../collab/improvements';
import { origins } from '../../collab/origins';
import { fragmentToBlocks } from '../../collab/richText';
import type { MeasuresId } from '../../domain/ids';
import { blocksToPlainText } from '../../domain/richText';
import { formatDate, formatTime, useLanguage } from '../../i18n';
import { Button } from '../../ui';
import type { FrozenEntry } from '../minutes/minutesServer';
import { useDirectory } from '../session';
import { useImprovementsServer } from './improvementsServer';

/** A measure as a review copy says it: the fields and the two texts as plain lines. */
interface ReviewedMeasure extends Improvement { progress: string; bottlenecks: string }

function readCopy(state: Uint8Array): ReviewedMeasure[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state, origins.frozenLoad);
    const text = (item: Improvement, field: 'progress' | 'bottlenecks') => {
      const fragment = improvementText(doc, item.id, field);
      return fragment ? blocksToPlainText(fragmentToBlocks(fragment)) : '';
    };
    return readImprovements(doc).map((item) => ({ ...item, progress: text(item, 'progress'), bottlenecks: text(item, 'bottlenecks') }));
  } finally {
    doc.destroy();
  }
}

/**
 * Review moments of the board: "Stand vastleggen" (a process director) stores the board as it
 * is now on the server, immutable; every earlier moment can be read back, read-only.
 */
export function ReviewHistory({ room, canRecord }: { room: MeasuresId; canRecord: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const server = useImprovementsServer();
  const [reviews, setReviews] = useState<FrozenEntry[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<{ entry: FrozenEntry; measures: ReviewedMeasure[] } | null>(null);

  const load = useCallback(async () => {
    try {
      setReviews(await server.reviews(room));
    } catch {
      setMessage(t('improvements.review.offline'));
    }
  }, [server, room, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const when = (iso: string) => `${formatDate(new Date(iso), { language })} ${formatTime(new Date(iso), { language })}`;
  const record = async () => {
    setBusy(true);
    try {
      const recorded = await server.review(room);
      setMessage(t('improvements.review.recorded', { version: recorded.version, when: when(recorded.createdAt) }));
      await load();
    } catch {
      setMessage(t('improvements.review.failed'));
    } finally {
      setBusy(false);
    }
  };
  const show = async (entry: FrozenEntry) => {
    try {
      setShown({ entry, measures: readCopy(await server.copy(entry.id)) });
    } catch {
      setMessage(t('improvements.review.offline'));
    }
  };

  return (
    <section className="improvements__history" aria-labelledby="reviewmomenten">
      <h2 id="reviewmomenten">{t('improvements.review.title')}</h2>
      <p>{t('improvements.review.intro')}</p>
      {canRecord ? <Button variant="primary" onClick={() => void record()} disabled={busy}>{t('improvements.review.record')}</Button> : null}
      <p role="status">{message ?? ''}</p>
      {reviews === null ? null : reviews.length === 0 ? <p>{t('improvements.review.none')}</p> : (
        <ul className="improvements__reviews">
          {reviews.map((entry) => (
            <li key={entry.id}>
              <Button variant="quiet" aria-pressed={shown?.entry.id === entry.id} onClick={() => void show(entry)}>
                {t('improvements.review.entry', { version: entry.version, when: when(entry.createdAt) })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {shown ? <ReviewCopy entry={shown.entry} measures={shown.measures} when={when(shown.entry.createdAt)} /> : null}
    </section>
  );
}

function ReviewCopy({ entry, measures, when }: { entry: FrozenEntry; measures: ReviewedMeasure[]; when: string }) {
  const { t } = useTranslation();
  const { orgName } = useDirectory();
  return (
    <section className="improvements__copy" aria-labelledby="reviewkopie" data-review={entry.version}>
      <h3 id="reviewkopie">{t('improvements.review.copyTitle', { version: entry.version, when })}</h3>
      {improvementsByPhase(measures).filter(({ items }) => items.length > 0).map(({ phase, items }) => (
        <div key={phase}>
          <h4>{t(`improvements.phase.${phase}`)}</h4>
          <ul className="improvements__list">
            {(items as ReviewedMeasure[]).map((item) => (
              <li key={item.id} className="improvement improvement--frozen">
                <p className="improvement__title"><strong>{item.title}</strong></p>
                <dl className="improvement__facts">
                  <dt>{t('improvements.statusLabel')}</dt><dd>{t(`improvements.status.${item.status}`)}</dd>
                  <dt>{t('improvements.org')}</dt><dd>{item.org ? orgName(item.org) : t('improvements.noOrg')}</dd>
                  <dt>{t('improvements.progress')}</dt><dd className="improvement__plain">{item.progress || '–'}</dd>
                  <dt>{t('improvements.bottlenecks')}</dt><dd className="improvement__plain">{item.bottlenecks || '–'}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
