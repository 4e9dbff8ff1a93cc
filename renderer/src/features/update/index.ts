/**
 * The app's own version: the service worker's new versions (taken at the next start or on
 * the user's click, never mid-edit) and the protocol check against the server.
 * `startAppUpdate` is for main.tsx only (it imports the service worker's virtual module).
 */
export { AppUpdateContext, useAppUpdate } from './appUpdateContext';
export { createAppUpdate, noAppUpdate, type AppUpdate, type AppUpdateState } from './appUpdate';
export { UpdateNotices } from './UpdateNotices';
export { APP_PROTOCOL_VERSION, compareProtocol, type ProtocolFit } from './protocol';
