/**
 * The heavy half of the exports (react-pdf, node-forge, fonts), loaded by the dialogs on
 * first use so the app's first load stays small.
 */
export { ensureBrowserFonts } from './browserFonts';
export { exportMinutes } from './exportMinutes';
export { exportActionList } from './exportActionList';
export { loadApprovedMinutes, loadNeedToKnow } from './loadApprovedMinutes';
