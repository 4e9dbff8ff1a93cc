/**
 * Minutes and action-list exports for the app:
 * - components: MinutesExportButton (button + dialog wired to the session), ExportMinutesDialog (full / per-organisation, PDF, optional signing),
 *   ExportActionsButtons (CSV and PDF of a list of actions)
 * - data: minutesFromDocs / minutesFromFrozen / toMinutesData (documents → PDF model),
 *   actionRowsFrom / minutesActionRows (→ action rows), canKnowFromMembers (need-to-know)
 * - server: createMinutesServer (frozen copies, members, directory, audit report)
 * The heavy parts (react-pdf, node-forge, fonts) load on first export (exportRuntime.ts).
 */
export { ExportMinutesDialog, type ExportMinutesDialogProps } from './ExportMinutesDialog';
export { MinutesExportButton, type MinutesExportButtonProps } from './MinutesExportButton';
export { useMinutesServer } from './useMinutesServer';
export { ExportActionsButtons, type ExportActionsButtonsProps } from './ExportActionsButtons';
export { minutesFromDocs, minutesFromFrozen, type FrozenApproval, type MinutesContext } from './fromDocs';
export { toMinutesData, type MinutesSource } from './toMinutesData';
export { actionRowsFrom, minutesActionRows, toActionListData } from './actionRows';
export { canKnowFromMembers, type RoomMember } from './needToKnow';
export { createMinutesServer, MinutesServerError, type MinutesServer, type ExportReport, type FrozenEntry } from './minutesServer';
export { MinutesSourceError, type MinutesSourceErrorCode } from './minutesSourceError';
export type { MinutesDirectory, DirectoryUser } from './directory';
export type { Signer } from './exportMinutes';
export type { MinutesOrigin } from './useExportMinutes';
