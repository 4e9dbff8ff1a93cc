/** The local user's awareness record, as the doc manager published it for this room. */
import type { Awareness } from 'y-protocols/awareness';
import type { AwarenessUser } from '../../collab/awareness';

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 200;

/** The `user` of the local awareness state, or null when the room has not set a valid one. */
export function localAwarenessUser(awareness: Awareness): AwarenessUser | null {
  const user = (awareness.getLocalState() as { user?: Partial<Record<keyof AwarenessUser, unknown>> } | null)?.user;
  if (!user || !isText(user.username) || !isText(user.name) || typeof user.org !== 'string') return null;
  if (typeof user.color !== 'string' || !/^#[0-9a-f]{6}$/iu.test(user.color)) return null;
  return { username: user.username, name: user.name, org: user.org, color: user.color };
}
