import { defineVocabulary, type VocabValue } from './vocabulary';

/** Kinds of meeting. */
export const meetingTypes = defineVocabulary('meetingType', {
  themakamer: { nl: 'Themakamer HG/KM', en: 'Theme room DV/CA' },
  casusoverleg: { nl: 'Casusoverleg HG', en: 'Case conference DV' },
  mdo: { nl: 'MDO', en: 'Multidisciplinary meeting' },
});
export type MeetingType = VocabValue<typeof meetingTypes>;

/** Attendance of one invitee. */
export const attendanceStatuses = defineVocabulary('attendance', {
  aanwezig: { nl: 'Aanwezig', en: 'Present' },
  afwezig: { nl: 'Afwezig', en: 'Absent' },
  afgemeld: { nl: 'Afgemeld', en: 'Excused' },
});
export type AttendanceStatus = VocabValue<typeof attendanceStatuses>;

/** Status of the minutes: only the chair moves concept → vastgesteld. */
export const minutesStatuses = defineVocabulary('minutesStatus', {
  concept: { nl: 'Concept', en: 'Draft' },
  vastgesteld: { nl: 'Vastgesteld', en: 'Approved' },
});
export type MinutesStatus = VocabValue<typeof minutesStatuses>;

/** Roles of users in the app (docs/design.md). */
export const userRoles = defineVocabulary('userRole', {
  procesregisseur: { nl: 'Procesregisseur', en: 'Process director' },
  secretaris: { nl: 'Secretaris', en: 'Secretary' },
  deelnemer: { nl: 'Deelnemer', en: 'Participant' },
  waarnemer: { nl: 'Waarnemer', en: 'Observer' },
  beheerder: { nl: 'Beheerder', en: 'Administrator' },
  privacyfunctionaris: { nl: 'Privacyfunctionaris', en: 'Privacy officer' },
  management: { nl: 'Management', en: 'Management' },
});
export type UserRole = VocabValue<typeof userRoles>;
