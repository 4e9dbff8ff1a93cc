/**
 * The session and the app's data wiring, for every feature:
 * - hooks: useSession, useDocManager, useRooms, useDirectory, useConnection, useCaseDoc /
 *   useRoomDoc (open a room while mounted); read documents with collab's useDocSelector
 * - the HTTP API client type (useSession().api) and its errors (ApiError codes)
 * - the screens the app frame shows: SignInScreen, UnlockScreen, ReLoginPrompt, OfflineBanner
 */
export { useSession, useSessionController, useSessionPhase, useLiveSession, useDocManager, useRooms, useDirectory, useConnection } from './useSession';
export type { SessionInfo, DirectoryView } from './useSession';
export { useRoomDoc, useCaseDoc, type RoomDocState } from './useCaseDoc';
export { useRoomDocs } from './useRoomDocs';
export type { AdminUser, ImportPlan, ImportPlanLine, ImportResult, OidcBinding, ApiClient, ApiUser, Access, Org, Member, RestrictedPart, RoomEntry, UserRole } from './api';
export { ApiError, isApiError, type ApiErrorCode } from './apiError';
export type { LiveSession, RoomsSnapshot, DirectorySnapshot, ConnectionSnapshot } from './liveSession';
export type { SessionController, SessionPhase } from './sessionController';
export { LiveSessionContext, SessionControllerContext } from './sessionContext';
export { createBrowserSessionController } from './browserSession';
export { SignInScreen } from './SignInScreen';
export { OidcReturnScreen } from './OidcSignIn';
export { takeOidcReturn, type OidcReturn } from './oidcSignIn';
export { UnlockScreen } from './UnlockScreen';
export { useIdleLock } from './idleLock';
export { RecoveryCodesScreen } from './RecoveryCodesScreen';
export { SetupScreen } from './SetupScreen';
export { setupTokenOf } from './setupApi';
export { ReLoginPrompt } from './ReLoginPrompt';
export { OfflineBanner } from './OfflineBanner';
export { DroppedRoomsNotice } from './DroppedRoomsNotice';
export { Notice } from './Notice';
