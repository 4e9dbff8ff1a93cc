/** Creating a case against the real sync server: room first, header into the doc, visible to the creator. */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { addTestUser, newServer, testPassword, waitFor } from '../../../../sync-server/test/helpers';
import { readCaseMeta } from '../../collab/caseHeader';
import { DomainError } from '../../domain/errors';
import { startLiveSession, type LiveSession } from '../session/liveSession';
import { signIn } from '../session/signIn';
import { signedIn } from '../session/testing/signedIn';
import { fakeProfile } from '../session/testing/vaults';
import { createCase } from './createCase';

/** The region's measures board is listed for every case role; these tests look at case rooms. */
const withoutBoard = <T extends { room: string }>(list: T[]): T[] => list.filter((entry) => !entry.room.startsWith('measures:'));

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function session(): Promise<LiveSession> {
  const server = await newServer();
  cleanups.push(() => server.close());
  await addTestUser(server.admin, 'dn.fictief', 'deelnemer', 'vt');
  const opened = await signedIn(signIn({ server: server.url, username: 'dn.fictief', password: testPassword }, fakeProfile()));
  const live = await startLiveSession({ opened, WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket, pollMs: 100, onError: () => {} });
  cleanups.push(() => live.close());
  return live;
}

describe('createCase', () => {
  it('creates the room, writes the header and keeps the case in the list', async () => {
    const live = await session();
    const id = await createCase(live, { label: 'Casus 2026-001', caseNumber: 'ZVH-2026-001', type: 'huiselijk-geweld', status: 'aangemeld' });
    expect(live.accessOf(id)).toMatchObject({ access: 'edit' });
    const handle = live.docManager.open(id);
    expect(readCaseMeta(handle.doc)).toMatchObject({ label: 'Casus 2026-001', createdBy: 'dn.fictief', type: 'huiselijk-geweld' });
    await waitFor(() => live.docManager.roomStatus(id)?.state === 'online', 5000, 'header confirmed by the server');
    handle.release();
  });

  it('refuses a header without label before any room is made', async () => {
    const live = await session();
    await expect(createCase(live, { label: '  ', type: 'anders', status: 'aangemeld' })).rejects.toBeInstanceOf(DomainError);
    expect(withoutBoard(await live.api.rooms())).toEqual([]);
  });
});
