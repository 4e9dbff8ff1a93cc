import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addToAgenda } from '../../../renderer/src/collab/agenda';
import { initCaseDoc } from '../../../renderer/src/collab/caseHeader';
import { onCurrentItemChange, readLive } from '../../../renderer/src/collab/live';
import { initMeetingDoc } from '../../../renderer/src/collab/meetingHeader';
import { readCaseBoard } from '../../../renderer/src/collab/readCaseBoard';
import type { CaseBoard } from '../../../renderer/src/domain/caseBoard';
import { createId, type CaseId } from '../../../renderer/src/domain/ids';
import { OPEN_ACTIONS_ITEM } from '../../../renderer/src/domain/meetingRecords';
import { clock } from './nodeParticipants';
import { itemLabel, RoundDriver } from './rounds';

const chair = 'bench.voorzitter';

function setUp() {
  const meetingId = createId('meeting');
  const caseIds = [createId('case'), createId('case'), createId('case')];
  const labels = new Map<CaseId, string>(caseIds.map((id, index) => [id, `Casus Test ${index + 1} (fictief)`]));
  const boards = new Map<CaseId, CaseBoard>();
  for (const [index, id] of caseIds.entries()) {
    const doc = new Y.Doc();
    initCaseDoc(doc, { label: labels.get(id) ?? '', caseNumber: `T-${index}`, type: 'huiselijk-geweld', status: 'aangemeld', procesregisseur: chair }, { username: chair });
    boards.set(id, readCaseBoard(doc, id));
  }
  const chairDoc = new Y.Doc();
  initMeetingDoc(chairDoc, { type: 'themakamer', start: new Date().toISOString(), location: 'Zaal (fictief)', chair, secretary: chair }, { username: chair });
  for (const id of caseIds) addToAgenda(chairDoc, id);
  // A participant's replica, kept in step as the server would relay (asynchronously).
  const follower = new Y.Doc();
  Y.applyUpdate(follower, Y.encodeStateAsUpdate(chairDoc));
  chairDoc.on('update', (update: Uint8Array) => setTimeout(() => Y.applyUpdate(follower, update, 'remote'), 1));
  return { meetingId, caseIds, labels, boards, chairDoc, follower };
}

describe('meeting bench rounds', () => {
  it('steps through the agenda as "Volgend punt" does, wraps to the first item, and times every participant', async () => {
    const { meetingId, caseIds, labels, boards, chairDoc, follower } = setUp();
    const driver = new RoundDriver(chairDoc, meetingId, chair, boards, labels, ['node:a', 'chromium:b']);
    onCurrentItemChange(follower, (live) => {
      driver.nodeSeen('node:a', live.currentItem, clock());
      // What a following page's heading shows for the item.
      const item = live.currentItem;
      if (item !== null) driver.headingSeen('chromium:b', `Punt 1: ${itemLabel(item, labels)}`, clock(), clock());
    });

    const items = [];
    for (let index = 0; index < 5; index++) {
      const round = await driver.advance(index, 2_000);
      expect(round.missing).toEqual([]);
      expect(round.arrivals.size).toBe(2);
      for (const arrival of round.arrivals.values()) expect(arrival.at).toBeGreaterThanOrEqual(round.setAt);
      expect(readLive(follower).currentItem).toBe(round.item);
      items.push(round.item);
    }
    // Open actions first, the three cases in agenda order, then back to the first item.
    expect(items.slice(0, 4)).toEqual([OPEN_ACTIONS_ITEM, ...caseIds]);
    expect(items[4]).toBe(OPEN_ACTIONS_ITEM);
  });

  it('counts a participant whose screen shows another item as missing', async () => {
    const { meetingId, labels, boards, chairDoc, follower } = setUp();
    const driver = new RoundDriver(chairDoc, meetingId, chair, boards, labels, ['node:a', 'chromium:b']);
    onCurrentItemChange(follower, (live) => {
      driver.nodeSeen('node:a', live.currentItem, clock());
      driver.headingSeen('chromium:b', 'Punt 2: Casus (wordt geladen)', clock(), clock());
    });
    const round = await driver.advance(0, 200);
    expect([...round.arrivals.keys()]).toEqual(['node:a']);
    expect(round.missing).toEqual(['chromium:b']);
  });
});
