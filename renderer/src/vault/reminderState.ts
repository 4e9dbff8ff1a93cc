/**
 * The user's reminder state, sealed in their vault like every other record: which reminders
 * they have read (so the bell does not nag twice for the same thing) and which kinds they
 * want. Only reminder keys (kind, room and record ids, dates) and times are stored, never a
 * label, description or name. Read back through a schema: unreadable counts as empty.
 */
import { z } from 'zod';
import { defaultReminderPreferences, reminderKinds, type ReadReminders, type ReminderPreferences } from '../domain/reminders';
import type { Vault } from './vault';

/** The part of a vault the reminder state needs. */
type JsonStore = Pick<Vault, 'getJson' | 'putJson'>;

const readKey = 'reminders:read';
const preferencesKey = 'reminders:preferences';

const readSchema = z.record(z.string().min(1).max(200), z.iso.datetime());
const preferencesSchema = z.object(Object.fromEntries(reminderKinds.map((kind) => [kind, z.boolean().optional()]))).partial();

/** The read marks (key → ISO time read); empty when none or unreadable. */
export async function loadReadReminders(vault: JsonStore): Promise<ReadReminders> {
  const parsed = readSchema.safeParse(await vault.getJson(readKey));
  return parsed.success ? parsed.data : {};
}

/** Replaces the read marks. */
export function saveReadReminders(vault: JsonStore, read: ReadReminders): Promise<void> {
  return vault.putJson(readKey, read);
}

/** The user's choice of reminder kinds; kinds not chosen yet are on. */
export async function loadReminderPreferences(vault: JsonStore): Promise<ReminderPreferences> {
  const parsed = preferencesSchema.safeParse(await vault.getJson(preferencesKey));
  const chosen = parsed.success ? parsed.data : {};
  return Object.fromEntries(reminderKinds.map((kind) => [kind, chosen[kind] ?? defaultReminderPreferences[kind]])) as ReminderPreferences;
}

/** Replaces the user's choice of reminder kinds. */
export function saveReminderPreferences(vault: JsonStore, preferences: ReminderPreferences): Promise<void> {
  return vault.putJson(preferencesKey, preferences);
}
