/**
 * Small server lists kept sealed in the vault so the app starts and fills its pickers
 * offline: the rooms the user may open, the users and the organisations. Each is read
 * back through its schema; a record that does not parse counts as absent.
 */
import { z } from 'zod';
import { isRoom, type Room } from '../domain/ids';
import { publicUserSchema } from './session';
import type { Vault } from './vault';

/** One cached list: save replaces it, load returns it or null. */
export interface CachedList<T> {
  save(vault: Vault, value: readonly T[]): Promise<void>;
  load(vault: Vault): Promise<T[] | null>;
}

function cachedList<S extends z.ZodType>(key: string, item: S): CachedList<z.infer<S>> {
  const schema = z.object({ savedAt: z.number(), items: z.array(item) });
  return {
    save: (vault, items) => vault.putJson(`cache:${key}`, { savedAt: Date.now(), items }),
    async load(vault) {
      const parsed = schema.safeParse(await vault.getJson(`cache:${key}`));
      return parsed.success ? (parsed.data.items as z.infer<S>[]) : null;
    },
  };
}

/** `GET /api/rooms` entries. */
export const cachedRooms = cachedList('rooms', z.object({
  room: z.custom<Room>((value) => isRoom(value)),
  access: z.enum(['edit', 'view']),
  manage: z.boolean(),
}));

/** `GET /api/users` entries (for pickers). */
export const cachedUsers = cachedList('users', publicUserSchema);

/** `GET /api/orgs` entries. */
export const cachedOrgs = cachedList('orgs', z.object({ id: z.string().min(1), name: z.string() }));
