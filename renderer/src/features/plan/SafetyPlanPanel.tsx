import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { ensurePlanSections } from '../../collab/safetyPlan';
import { readCaseMeta } from '../../collab/caseHeader';
import { scoped } from '../../collab/docSelection';
import { useDocSelector } from '../../collab/useDocSelector';
import { safetyPlanSections, type SafetyPlanSectionKey } from '../../domain/safetyPlanSections';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui';
import { typingIn } from '../presence/presenceSummary';
import { usePresence } from '../presence/usePresence';
import { localAwarenessUser } from './localUser';
import { afterNextPaint } from './nextTask';
import { PlanSectionEditor } from './PlanSectionEditor';
import { samePlanSections, selectPlanSections } from './planFragments';
import './plan.css';

/** Props every board panel of F2 takes (the board page passes the open room). */
export interface SafetyPlanPanelProps {
  room: string;
  doc: Y.Doc;
  awareness: Awareness;
  access: 'edit' | 'view';
  /** Show the sections' text only and mount no editors (the board's read copy). */
  previewOnly?: boolean;
}

const hasHeader = scoped(['meta'], (doc: Y.Doc): boolean => readCaseMeta(doc) !== null);
const selectSections = scoped(['plan'], selectPlanSections);

/**
 * The safety plan of a case: the eight sections, each co-edited live with remote carets
 * and names; read-only for view access. Sections the document does not hold yet show as
 * loading; a set-up case without them (should not happen: the creator makes them with the
 * header) can get them from an editor, explicitly.
 */
export function SafetyPlanPanel({ doc, awareness, access, previewOnly = false }: SafetyPlanPanelProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const headingId = useId();
  const slots = useDocSelector(doc, selectSections, samePlanSections);
  const headerPresent = useDocSelector(doc, hasHeader);
  const present = usePresence(awareness);
  const user = useMemo(() => localAwarenessUser(awareness), [awareness]);
  const editable = access === 'edit';
  const missing = slots.some((slot) => slot.fragment === null);
  // Editors mount one per frame after the first paint (each costs a few milliseconds on a
  // cold page); until then a section shows its text as a preview. A press on a preview
  // mounts that editor at once and focuses it.
  const [live, setLive] = useState<ReadonlySet<SafetyPlanSectionKey>>(() => new Set());
  const [woken, setWoken] = useState<SafetyPlanSectionKey | null>(null);
  const nextToMount = previewOnly ? undefined : slots.find((slot) => slot.fragment !== null && !live.has(slot.key))?.key;
  useEffect(() => {
    if (!nextToMount) return undefined;
    return afterNextPaint(() => setLive((current) => new Set([...current, nextToMount])));
  }, [nextToMount]);
  const wake = useCallback((key: SafetyPlanSectionKey) => {
    setWoken(key);
    setLive((current) => new Set([...current, key]));
  }, []);

  return (
    <section className="plan-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="plan-panel__title">{t('plan.title')}</h2>
      <p className="plan-panel__intro">{editable ? t('plan.intro') : t('plan.readOnly')}</p>
      {missing ? (
        <div className="plan-panel__missing" role="status">
          <p>{headerPresent ? t('plan.missingSections') : t('plan.loading')}</p>
          {headerPresent && editable ? (
            <Button variant="primary" onClick={() => ensurePlanSections(doc)}>{t('plan.createSections')}</Button>
          ) : null}
        </div>
      ) : null}
      {slots.map(({ key, fragment }) => fragment ? (
        <PlanSectionEditor
          key={key}
          section={key}
          label={safetyPlanSections.label(key, language)}
          fragment={fragment}
          awareness={awareness}
          user={user}
          editable={editable}
          typing={typingIn(present, key).map((person) => person.name)}
          live={live.has(key)}
          onWake={wake}
          focusOnMount={woken === key}
        />
      ) : null)}
    </section>
  );
}
