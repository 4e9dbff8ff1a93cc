import { describe, expect, it } from 'vitest';
import { actionStatuses, isOpenStatus } from './actionVocabulary';
import { caseStatuses, caseTypes, escalationLevels, measureKinds, personRoles, riskLevels, timelineTypes } from './caseVocabulary';
import { attendanceStatuses, meetingTypes, minutesStatuses, userRoles } from './meetingVocabulary';
import { safetyPlanSections } from './safetyPlanSections';
import type { Vocabulary } from './vocabulary';

const all: Vocabulary<string>[] = [
  actionStatuses, caseStatuses, caseTypes, escalationLevels, measureKinds, personRoles, riskLevels, timelineTypes,
  attendanceStatuses, meetingTypes, minutesStatuses, userRoles, safetyPlanSections,
];

describe('vocabularies', () => {
  it('label every value in Dutch and English, with i18n keys', () => {
    for (const vocabulary of all) {
      for (const value of vocabulary.values) {
        expect(vocabulary.label(value, 'nl').length).toBeGreaterThan(0);
        expect(vocabulary.label(value, 'en').length).toBeGreaterThan(0);
        expect(vocabulary.labelKey(value)).toBe(`vocab.${vocabulary.name}.${value}`);
      }
      expect(new Set(all.map((v) => v.name)).size).toBe(all.length);
    }
  });

  it('hold the action statuses of the domain, two of them open', () => {
    expect(actionStatuses.values.map((v) => actionStatuses.label(v, 'nl'))).toEqual([
      'Open', 'Bezig', 'Gedaan', 'Niet gedaan – omstandigheden gewijzigd', 'Niet gedaan – niet opgepakt', 'Vervallen',
    ]);
    expect(actionStatuses.values.filter(isOpenStatus)).toEqual(['open', 'bezig']);
  });

  it('list the safety plan sections in the agreed order', () => {
    expect(safetyPlanSections.values.map((v) => safetyPlanSections.label(v, 'nl'))).toEqual([
      'Situatie en risico',
      'Minimale veiligheidsvoorwaarden',
      'Afspraken met het slachtoffer',
      'Beschermende maatregelen',
      'Interventies richting verdachte (incl. plegerhulp)',
      'Hulp en ondersteuning',
      'Signalen en wie wat doet',
      'Monitoring en volgende evaluatie',
    ]);
  });

  it('guard values', () => {
    expect(meetingTypes.is('mdo')).toBe(true);
    expect(meetingTypes.is('MDO')).toBe(false);
    expect(attendanceStatuses.is(undefined)).toBe(false);
    expect(meetingTypes.values.map((v) => meetingTypes.label(v, 'nl'))).toEqual(['Themakamer HG/KM', 'Casusoverleg HG', 'MDO']);
  });
});
