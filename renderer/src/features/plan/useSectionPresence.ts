import { useCallback, useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { replaceLocalFields } from '../../collab/awareness';
import type { SafetyPlanSectionKey } from '../../domain/safetyPlanSections';
import { SECTION_FIELD } from '../presence/presenceSummary';

/**
 * Publishes the section this user is typing in while its editor has focus, and takes it
 * away on blur and when the editor goes (so nobody is shown typing in a closed board).
 */
export function useSectionPresence(awareness: Awareness, section: SafetyPlanSectionKey): { onFocus(): void; onBlur(): void } {
  const onFocus = useCallback(() => {
    replaceLocalFields(awareness, [SECTION_FIELD], { [SECTION_FIELD]: section });
  }, [awareness, section]);
  const onBlur = useCallback(() => {
    const current = (awareness.getLocalState() as Record<string, unknown> | null)?.[SECTION_FIELD];
    // Focus may already have moved to another section, which then owns the field.
    if (current === section) replaceLocalFields(awareness, [SECTION_FIELD], {});
  }, [awareness, section]);
  useEffect(() => onBlur, [onBlur]);
  return { onFocus, onBlur };
}
