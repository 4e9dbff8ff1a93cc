/**
 * Following the chair in meeting mode. A participant's screen shows the item the chair
 * put on screen (`live.currentItem`) while following; "Niet volgen" pins the item they
 * are looking at, and picking another item also stops following (the chair must not
 * pull them away from what they chose to read). "Weer volgen" jumps back to the chair.
 */
import type { CaseId } from '../../domain/ids';
import type { CurrentItem, OPEN_ACTIONS_ITEM } from '../../domain/meetingRecords';

/** An agenda item that can be on screen: the open-actions item or a case. */
export type AgendaItemKey = typeof OPEN_ACTIONS_ITEM | CaseId;

/** A participant's follow state (UI state only: never shared). */
export type FollowState = { following: true } | { following: false; item: AgendaItemKey };

/** The state a participant starts in. */
export const initialFollowState: FollowState = { following: true };

/** What this participant's screen shows, given the chair's current item and the items on the agenda. */
export function viewedItem(state: FollowState, current: CurrentItem, items: readonly AgendaItemKey[]): AgendaItemKey | null {
  const fallback = items[0] ?? null;
  if (state.following) return current !== null && items.includes(current) ? current : fallback;
  // A pinned item taken off the agenda falls back to the chair's.
  if (items.includes(state.item)) return state.item;
  return current !== null && items.includes(current) ? current : fallback;
}

/** "Niet volgen": stay on the item now on screen. */
export function unfollow(viewing: AgendaItemKey | null, state: FollowState): FollowState {
  if (!state.following) return state;
  return viewing === null ? state : { following: false, item: viewing };
}

/** The participant opens an item themselves: they stop following. */
export function pick(item: AgendaItemKey): FollowState {
  return { following: false, item };
}

/** "Weer volgen". */
export function follow(): FollowState {
  return initialFollowState;
}

/** True when a participant who does not follow is looking at another item than the chair. */
export function awayFromChair(state: FollowState, current: CurrentItem): boolean {
  return !state.following && current !== null && state.item !== current;
}

/** The item `delta` places from `from` in agenda order, clamped to the ends; the first item when `from` is not on it. */
export function stepItem(items: readonly AgendaItemKey[], from: CurrentItem, delta: number): AgendaItemKey | null {
  if (items.length === 0) return null;
  const index = from === null ? -1 : items.indexOf(from);
  if (index === -1) return items[0] ?? null;
  return items[Math.min(items.length - 1, Math.max(0, index + delta))] ?? null;
}
