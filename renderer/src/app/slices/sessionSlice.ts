import type { StateCreator } from 'zustand';

/** What the user menu shows of the signed-in user (no other personal data goes here). */
export interface SessionView {
  name: string;
  orgName: string;
  /** Ends the session; set by whoever owns it (the data layer). */
  signOut(): void;
}

/** The signed-in user as UI state, or null when nobody is signed in. */
export interface SessionSlice {
  session: SessionView | null;
  setSession(session: SessionView | null): void;
}

/** Initial state of {@link SessionSlice}. */
export const initialSessionState = { session: null } satisfies Partial<SessionSlice>;

/** Creates the session slice. */
export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  ...initialSessionState,
  setSession(session) {
    set({ session });
  },
});
