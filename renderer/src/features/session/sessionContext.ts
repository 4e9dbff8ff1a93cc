/** React contexts of the session: the controller for the whole app, the live session inside the signed-in part. */
import { createContext } from 'react';
import type { LiveSession } from './liveSession';
import type { SessionController } from './sessionController';

/** The window's session controller (provided by SessionProvider). */
export const SessionControllerContext = createContext<SessionController | null>(null);

/** The signed-in session (provided by SessionGate only while signed in). */
export const LiveSessionContext = createContext<LiveSession | null>(null);
