import type { StateCreator } from 'zustand';

/** A short message for everyone: shown as a toast and read by screen readers. */
export interface Announcement {
  id: number;
  text: string;
  tone: 'info' | 'warning';
}

/** Pending announcements, oldest first. */
export interface AnnouncementSlice {
  announcements: Announcement[];
  announce(text: string, tone?: Announcement['tone']): number;
  dismiss(id: number): void;
}

/** More than this and the oldest go: a burst of flapping connectivity must not pile up toasts. */
export const MAX_ANNOUNCEMENTS = 3;

/** Initial state of {@link AnnouncementSlice}. */
export const initialAnnouncementState = { announcements: [] } satisfies Partial<AnnouncementSlice>;

let nextId = 1;

/** Creates the announcement slice. */
export const createAnnouncementSlice: StateCreator<AnnouncementSlice, [], [], AnnouncementSlice> = (set) => ({
  ...initialAnnouncementState,
  announce(text, tone = 'info') {
    const id = nextId++;
    set((state) => ({ announcements: [...state.announcements, { id, text, tone }].slice(-MAX_ANNOUNCEMENTS) }));
    return id;
  },
  dismiss(id) {
    set((state) => ({ announcements: state.announcements.filter((a) => a.id !== id) }));
  },
});
