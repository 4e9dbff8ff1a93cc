// The public face of renderer/src/pdf: data in, PDF (or CSV) bytes out.
export type * from './model';
export { SIGNATURE_REASON } from './model';
export { PdfDataError, parseMinutesData, parseActionListData } from './modelSchema';
export { forOrganisation, withoutNeverExport, appendixActions, type CanKnow } from './exportFilter';
export { registerFonts, preloadFonts, fontsRegistered, FONT_FILES, FONT_FAMILY, type FontSources, type FontInput } from './fonts';
export { renderMinutesPdf, renderActionListPdf, renderMonitorPdf, minutesContentHash, type MinutesRenderOptions } from './render';
export { fileSha256 } from './contentHash';
export { actionsToCsv, actionsToCsvBytes, ACTION_CSV_HEADERS } from './csv';
export { signPdf, type SignPdfInput } from './sign';
export { SignError, assertSignable, signErrorMessage, isSignError, type SignErrorCode } from './signErrors';
export { SIGNATURE_RECT, SIGNATURE_BOX } from './signatureLayout';
export { MinutesDocument } from './MinutesDocument';
export { ActionListDocument } from './ActionListDocument';
export { MonitorDocument, type MonitorPdfChart, type MonitorPdfData, type MonitorPdfValue } from './MonitorDocument';
