/**
 * Concept minutes read through a real document manager (real vault on fake-indexeddb,
 * real y-websocket, real sync server) on a device that has never seen the meeting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { minutesSeed, publishFictionalMeeting, type PublishedMeeting } from '../../../../e2e/fixtures/minutes';
import { seedDataDir, seedPassword } from '../../../../e2e/fixtures/seed';
import { newServer, type TestServer, type LoginResponse } from '../../../../sync-server/test/helpers';
import { apiLogin } from '../../../../e2e/fixtures/totp';
import { createDocManager, type DocManager } from '../../collab/doc-manager';
import { newTestVault } from '../../vault/test-support';
import { conceptFromSession } from './sessionConcept';
import { testDirectory } from './testing/fictionalDocs';

describe('concept minutes from the session', () => {
  let t: TestServer;
  let published: PublishedMeeting;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    t = await newServer();
    await seedDataDir(t.dataDir, minutesSeed);
    published = await publishFictionalMeeting(t.url, t.dataDir, { approve: false });
  }, 60_000);
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await t.close();
  });

  async function managerFor(username: string): Promise<DocManager> {
    const { token, user } = await apiLogin<LoginResponse>(t.url, username, seedPassword);
    const made = await newTestVault({ password: 'fictief-kluiswachtwoord', username, serverUrl: t.url });
    const manager = createDocManager({
      vault: made.vault, serverUrl: t.url, token, user,
      WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket, maxBackoffMs: 100,
    });
    closers.push(async () => {
      await manager.close();
      await made.vault.close();
    });
    return manager;
  }

  it('waits for the first sync and reads the meeting and every case on its agenda', async () => {
    const manager = await managerFor('sanne.secretaris');
    const data = await conceptFromSession(manager, published.meetingId, testDirectory, 'Regio Fictief');
    expect(data).toMatchObject({ status: 'concept', version: 1, region: 'Regio Fictief' });
    expect(data.items.map((item) => item.caseLabel)).toEqual(['Casus Kievit', 'Casus Grutto']);
    expect(data.items[0]?.decisions).toEqual(['Politie meldt elke overtreding direct aan het OM.']);
  }, 30_000);

  it('refuses (case-missing) when the user cannot open a case on the agenda', async () => {
    await t.admin.grant(published.meetingId, 'kees.politie', 'view');
    const manager = await managerFor('kees.politie');
    await expect(conceptFromSession(manager, published.meetingId, testDirectory, 'R')).rejects.toMatchObject({ code: 'case-missing' });
  }, 30_000);
});
