import { describe, expect, it } from 'vitest';
import { defaultReminderPreferences } from '../domain/reminders';
import { loadReadReminders, loadReminderPreferences, saveReadReminders, saveReminderPreferences } from './reminderState';
import { containsMarker, dumpDatabase, newTestVault } from './test-support';

const password = 'fictief-wachtwoord-1';

describe('reminder state in the vault', () => {
  it('keeps read marks and preferences per user, sealed, across a lock and unlock', async () => {
    const { vault, indexedDB, options } = await newTestVault({ password });
    expect(await loadReadReminders(vault)).toEqual({});
    expect(await loadReminderPreferences(vault)).toEqual(defaultReminderPreferences);

    const key = 'action-due:case:markerremind0001:action:markerremind0002:2026-03-12:due-soon';
    await saveReadReminders(vault, { [key]: '2026-03-10T08:00:00.000Z' });
    await saveReminderPreferences(vault, { ...defaultReminderPreferences, 'meeting-soon': false });
    expect(containsMarker(await dumpDatabase(indexedDB, vault.name), 'markerremind')).toBe(false);

    await vault.close();
    const { vault: again } = await newTestVault({ ...options, password });
    expect(await loadReadReminders(again)).toEqual({ [key]: '2026-03-10T08:00:00.000Z' });
    expect((await loadReminderPreferences(again))['meeting-soon']).toBe(false);
    expect((await loadReminderPreferences(again))['action-due']).toBe(true);

    const { vault: other } = await newTestVault({ ...options, username: 'andere-gebruiker', password });
    expect(await loadReadReminders(other)).toEqual({});
  });

  it('treats an unreadable record as none', async () => {
    const { vault } = await newTestVault({ password });
    await vault.putJson('reminders:read', { key: 'not a time' });
    await vault.putJson('reminders:preferences', 'nonsense');
    expect(await loadReadReminders(vault)).toEqual({});
    expect(await loadReminderPreferences(vault)).toEqual(defaultReminderPreferences);
  });
});
