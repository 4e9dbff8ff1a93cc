import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assignOwner, createAction } from '../../collab/actions';
import { addMeasure } from '../../collab/measures';
import { initMeetingDoc } from '../../collab/meetingHeader';
import { origins } from '../../collab/origins';
import { invite } from '../../collab/participants';
import { appendBlocks } from '../../collab/richText';
import { ensurePlanSections, planFragment } from '../../collab/safetyPlan';
import { anna, bram, newCaseDoc } from '../../collab/testing/fixtures';
import { createId } from '../../domain/ids';
import { computeReminders, defaultReminderPreferences } from '../../domain/reminders';
import { createReminderSources } from './reminderSources';
import { createReminderState } from './reminderState';

const now = new Date('2026-03-10T09:00:00.000Z');

/** A vault stand-in for the JSON records (the real vault is tested in vault/reminderState.test.ts). */
function memoryVault(initial: Record<string, unknown> = {}) {
  const records = new Map(Object.entries(initial));
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    records,
    open: () => release(),
    getJson: async (key: string) => {
      await gate;
      return records.get(key) ?? null;
    },
    putJson: async (key: string, value: unknown) => {
      records.set(key, JSON.parse(JSON.stringify(value)));
    },
  };
}

describe('reminders from live documents', () => {
  it('follows action, measure and meeting changes, and ignores typing in the plan', () => {
    const one = newCaseDoc('Casus 2026-301 (fictief)');
    const meeting = { room: createId('meeting'), doc: new Y.Doc() };
    initMeetingDoc(meeting.doc, { type: 'mdo', start: '2026-03-11T13:00:00.000Z', location: '', videoLink: '', chair: 'test.anna' }, anna);
    const store = createReminderSources([{ room: one.id, doc: one.doc }, meeting]);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const kinds = () => computeReminders({ me: 'test.bram', now, ...store.getSnapshot(), fallbackLabel: '?' }).map((reminder) => reminder.kind);
    expect(kinds()).toEqual([]);

    const id = createAction(one.doc, { description: 'Huisbezoek (fictief)', owner: 'test.anna', ownerOrg: 'zvh', due: '2026-03-11', source: null }, anna);
    expect(kinds()).toEqual([]);
    assignOwner(one.doc, id, { owner: 'test.bram', ownerOrg: 'vt' });
    expect(kinds()).toEqual(['action-assigned', 'action-due']);
    addMeasure(one.doc, { kind: 'contactverbod', start: '2026-01-01', end: '2026-03-20', note: '' }, bram);
    expect(kinds()).toEqual(['action-assigned', 'action-due', 'measure-expiring']);
    invite(meeting.doc, { username: 'test.bram', org: 'vt', role: 'deelnemer' });
    expect(kinds()).toEqual(['action-assigned', 'action-due', 'meeting-soon', 'measure-expiring']);

    const before = store.getSnapshot();
    const heard = calls;
    ensurePlanSections(one.doc);
    one.doc.transact(() => {
      const fragment = planFragment(one.doc, 'situatie-en-risico');
      if (fragment) appendBlocks(fragment, [{ kind: 'paragraph', runs: [{ text: 'Getypt in het plan (fictief)' }] }]);
    }, origins.userEdit);
    expect(store.getSnapshot()).toBe(before);
    expect(calls).toBe(heard);
    unsubscribe();
  });
});

describe('reminder state', () => {
  it('loads read marks and preferences from the vault, keeps marks made while loading, and writes every change', async () => {
    const vault = memoryVault({ 'reminders:read': { old: '2026-03-01T09:00:00.000Z' }, 'reminders:preferences': { 'meeting-soon': false } });
    const state = createReminderState(vault);
    expect(state.getSnapshot().loaded).toBe(false);
    const early = state.markRead(['early'], now);
    vault.open();
    await early;
    expect(state.getSnapshot()).toMatchObject({ loaded: true, preferences: { ...defaultReminderPreferences, 'meeting-soon': false } });
    expect(Object.keys(state.getSnapshot().read).sort()).toEqual(['early', 'old']);
    expect(Object.keys(vault.records.get('reminders:read') as object).sort()).toEqual(['early', 'old']);

    await state.setPreference('action-due', false);
    expect(vault.records.get('reminders:preferences')).toEqual({ ...defaultReminderPreferences, 'meeting-soon': false, 'action-due': false });
  });
});
