/**
 * The domain of Themakamer: pure TypeScript (no React, Yjs, Dexie, Electron or network;
 * an ESLint rule keeps it so). Types, vocabularies, validation and rules.
 */
export * from './actionRecord';
export * from './actionRules';
export * from './actionVocabulary';
export * from './agenda';
export * from './caseBoard';
export * from './caseList';
export * from './caseRecords';
export * from './caseVocabulary';
export * from './chairOverview';
export * from './dates';
export * from './errors';
export * from './ids';
export * from './measureExpiry';
export * from './meeting';
export * from './meetingRecords';
export * from './meetingVocabulary';
export * from './presence';
export * from './richText';
export * from './safetyPlanSections';
export * from './schemaParts';
export * from './validation';
export * from './vocabulary';
export * from './textDiff';
export * from './meetingSchedule';
export * from './actionList';
export * from './reminders';
