import { describe, expect, it } from 'vitest';
import type { CaseId } from '../../domain/ids';
import { OPEN_ACTIONS_ITEM } from '../../domain/meetingRecords';
import { awayFromChair, follow, initialFollowState, pick, stepItem, unfollow, viewedItem, type AgendaItemKey } from './followState';

const a = 'case:aaaaaaaaaaaaaaaa' satisfies CaseId;
const b = 'case:bbbbbbbbbbbbbbbb' satisfies CaseId;
const c = 'case:cccccccccccccccc' satisfies CaseId;
const items: AgendaItemKey[] = [OPEN_ACTIONS_ITEM, a, b, c];

describe('following the chair', () => {
  it('shows the chair item while following, the first item before the chair chose one', () => {
    expect(viewedItem(initialFollowState, a, items)).toBe(a);
    expect(viewedItem(initialFollowState, c, items)).toBe(c);
    expect(viewedItem(initialFollowState, null, items)).toBe(OPEN_ACTIONS_ITEM);
    expect(viewedItem(initialFollowState, null, [])).toBeNull();
  });

  it('stays on the pinned item when the chair moves on after "Niet volgen"', () => {
    const pinned = unfollow(viewedItem(initialFollowState, a, items), initialFollowState);
    expect(pinned).toEqual({ following: false, item: a });
    expect(viewedItem(pinned, b, items)).toBe(a);
    expect(viewedItem(pinned, c, items)).toBe(a);
    expect(awayFromChair(pinned, c)).toBe(true);
    expect(awayFromChair(pinned, a)).toBe(false);
  });

  it('jumps back to the chair on "Weer volgen"', () => {
    const pinned = unfollow(a, initialFollowState);
    const again = follow();
    expect(viewedItem(again, c, items)).toBe(c);
    expect(awayFromChair(again, c)).toBe(false);
    expect(unfollow(b, pinned)).toBe(pinned);
  });

  it('stops following when the participant picks an item', () => {
    const state = pick(b);
    expect(viewedItem(state, c, items)).toBe(b);
  });

  it('falls back to the chair when the pinned item left the agenda', () => {
    const state = pick(b);
    expect(viewedItem(state, c, [OPEN_ACTIONS_ITEM, a, c])).toBe(c);
    expect(viewedItem(state, null, [OPEN_ACTIONS_ITEM, a, c])).toBe(OPEN_ACTIONS_ITEM);
  });

  it('steps through the agenda and stops at both ends', () => {
    expect(stepItem(items, null, 1)).toBe(OPEN_ACTIONS_ITEM);
    expect(stepItem(items, OPEN_ACTIONS_ITEM, 1)).toBe(a);
    expect(stepItem(items, c, 1)).toBe(c);
    expect(stepItem(items, a, -1)).toBe(OPEN_ACTIONS_ITEM);
    expect(stepItem(items, OPEN_ACTIONS_ITEM, -1)).toBe(OPEN_ACTIONS_ITEM);
    expect(stepItem(items, 'case:zzzzzzzzzzzzzzzz', 1)).toBe(OPEN_ACTIONS_ITEM);
    expect(stepItem([], a, 1)).toBeNull();
  });
});
