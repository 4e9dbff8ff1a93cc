/** The API client against the real sync server (sync-server/test/helpers.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, newServer, testPassword, type TestServer } from '../../../../sync-server/test/helpers';
import type { CaseId } from '../../domain/ids';
import { createApiClient, isChallenge, type LoginAnswer, type LoginResult } from './api';
import { isApiError, type ApiErrorCode } from './apiError';

let server: TestServer;

beforeAll(async () => {
  server = await newServer({ limits: { loginAttemptsPerUser: 3 } });
  await addTestUser(server.admin, 'pr.fictief', 'procesregisseur', 'zvh');
  await addTestUser(server.admin, 'dn.fictief', 'deelnemer', 'vt');
  await addTestUser(server.admin, 'beperkt.fictief', 'deelnemer', 'vt');
});
afterAll(() => server.close());

async function codeOf(promise: Promise<unknown>): Promise<ApiErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (isApiError(error)) return error.code;
    throw error;
  }
}

/** A login that must give a session at once (this server has two-factor sign-in off). */
async function sessionOf(answer: Promise<LoginAnswer>): Promise<LoginResult> {
  const value = await answer;
  if (isChallenge(value)) throw new Error('the server asked for a second factor');
  return value;
}

/** The rooms list without the region's measures board (every user with a case role has it). */
async function roomsOf(client: ReturnType<typeof createApiClient>) {
  return (await client.rooms()).filter((entry) => !entry.room.startsWith('measures:'));
}

function signedIn(token: string) {
  return createApiClient({ serverUrl: server.url, token: () => token });
}

describe('api client', () => {
  it('logs in, reads me, rooms, users and orgs, and creates and shares a case room', async () => {
    const anonymous = createApiClient({ serverUrl: server.url });
    const login = await sessionOf(anonymous.login('pr.fictief', testPassword));
    expect(login.user).toEqual({ username: 'pr.fictief', name: 'Test pr.fictief', org: 'zvh', role: 'procesregisseur' });
    const api = signedIn(login.token);
    expect((await api.me()).username).toBe('pr.fictief');
    expect(await roomsOf(api)).toEqual([]);
    const created = await api.createRoom('case');
    expect(created).toMatchObject({ access: 'edit', manage: true });
    expect(created.room).toMatch(/^case:[a-z0-9]+$/);
    expect(await roomsOf(api)).toEqual([created]);
    expect((await api.users()).map((u) => u.username)).toContain('dn.fictief');
    expect((await api.orgs()).map((o) => o.id).sort()).toEqual(['vt', 'zvh']);

    await api.setMember(created.room, 'dn.fictief', 'view');
    const members = await api.members(created.room);
    expect(members.map((m) => [m.username, m.access])).toEqual(expect.arrayContaining([['dn.fictief', 'view'], ['pr.fictief', 'edit']]));
    const partner = signedIn((await sessionOf(anonymous.login('dn.fictief', testPassword))).token);
    expect(await roomsOf(partner)).toEqual([{ room: created.room, access: 'view', manage: false }]);
    // A partner without manage rights cannot change who has access.
    expect(await codeOf(partner.setMember(created.room, 'beperkt.fictief', 'edit'))).toBe('forbidden');

    // A restricted part of the case for the partner's organisation is its own room: the
    // partner sees it in the rooms list and in the case's parts; the director (zvh) sees that
    // it exists but may not open it, and changes its organisations.
    expect(await codeOf(partner.createPart(created.room as CaseId, 'Afgeschermd (fictief)', ['vt']))).toBe('forbidden');
    const part = await api.createPart(created.room as CaseId, 'Afgeschermd (fictief)', ['vt']);
    expect(part).toMatchObject({ title: 'Afgeschermd (fictief)', orgs: ['vt'], access: null });
    expect(await partner.parts(created.room as CaseId)).toEqual([{ ...part, access: 'view' }]);
    const partnerRooms = await roomsOf(partner);
    expect(partnerRooms).toHaveLength(2);
    expect(partnerRooms).toEqual(expect.arrayContaining([{ room: created.room, access: 'view', manage: false }, { room: part.room, access: 'view', manage: false }]));
    expect((await roomsOf(api)).some((entry) => entry.room === part.room)).toBe(false);
    expect(await api.setPartOrgs(part.room, ['zvh'])).toMatchObject({ orgs: ['zvh'], access: 'edit' });
    expect((await roomsOf(partner)).map((entry) => entry.room)).toEqual([created.room]);
    expect(await partner.parts(created.room as CaseId)).toEqual([{ ...part, orgs: ['zvh'], access: null }]);

    await api.removeMember(created.room, 'dn.fictief');
    expect(await roomsOf(partner)).toEqual([]);
    expect(await codeOf(partner.members(created.room))).toBe('forbidden');
    expect(await codeOf(api.setMember(created.room, 'niemand.fictief', 'edit'))).toBe('not-found');
  });

  it('previews and applies a CSV import as bytes, and carries the server\'s Dutch message for a bad file', async () => {
    await addTestUser(server.admin, 'bh.fictief', 'beheerder', 'zvh');
    const admin = signedIn((await sessionOf(createApiClient({ serverUrl: server.url }).login('bh.fictief', testPassword))).token);
    const csv = new TextEncoder().encode('gebruikersnaam,naam,organisatie,rol\nnieuw.fictief,Nieuw (fictief),vt,deelnemer\ndn.fictief,,,waarnemer\n');
    const plan = await admin.adminImportPreview(csv);
    expect(plan.lines.map((line) => line.status)).toEqual(['add', 'change']);
    const result = await admin.adminImport(csv, plan.hash);
    expect(result.created.map((user) => user.username)).toEqual(['nieuw.fictief']);
    expect(result.counts).toEqual({ add: 1, change: 1, unchanged: 0, error: 0 });
    const stale = await admin.adminImport(csv, plan.hash).catch((error: unknown) => error);
    expect(isApiError(stale) && [stale.status, stale.serverCode]).toEqual([409, 'plan_changed']);
    const bad = await admin.adminImportPreview(new TextEncoder().encode('naam;rol\n')).catch((error: unknown) => error);
    expect(isApiError(bad) && bad.serverMessage).toContain('Regel 1: de kolom gebruikersnaam ontbreekt');
    expect(await admin.adminUpdateUser('dn.fictief', { role: 'deelnemer' })).toEqual(['role']);
  });

  it('maps refusals to codes: wrong password, expired token, rate limit', async () => {
    const anonymous = createApiClient({ serverUrl: server.url });
    expect(await codeOf(anonymous.login('beperkt.fictief', 'fout-wachtwoord'))).toBe('invalid-credentials');
    expect(await codeOf(anonymous.login('bestaat.niet', 'fout-wachtwoord'))).toBe('invalid-credentials');
    expect(await codeOf(signedIn('ongeldig-token').rooms())).toBe('unauthorized');
    const deelnemer = signedIn((await sessionOf(anonymous.login('dn.fictief', testPassword))).token);
    expect(await codeOf(deelnemer.createRoom('meeting'))).toBe('forbidden');
    // loginAttemptsPerUser is 3 on this server: the 4th attempt in the window is refused.
    await codeOf(anonymous.login('beperkt.fictief', 'fout-wachtwoord'));
    await codeOf(anonymous.login('beperkt.fictief', 'fout-wachtwoord'));
    expect(await codeOf(anonymous.login('beperkt.fictief', testPassword))).toBe('rate-limited');
  });

  it('says unreachable, and reports reachability, when nothing answers', async () => {
    const reports: boolean[] = [];
    const stopped = await newServer();
    const url = stopped.url;
    await stopped.close();
    const api = createApiClient({ serverUrl: url, onReachability: (r) => reports.push(r) });
    expect(await codeOf(api.login('pr.fictief', testPassword))).toBe('unreachable');
    expect(reports).toEqual([false]);
  });

  it('treats an answer it does not understand as a server error', async () => {
    const api = createApiClient({
      serverUrl: 'http://example.invalid',
      fetch: async () => new Response(JSON.stringify({ rooms: [{ room: 'geen-kamer', access: 'edit', manage: true }] }), { status: 200 }),
    });
    expect(await codeOf(api.rooms())).toBe('server');
    const proxy = createApiClient({
      serverUrl: 'http://example.invalid',
      fetch: async () => new Response('<html>Bad gateway</html>', { status: 502 }),
    });
    expect(await codeOf(proxy.rooms())).toBe('unreachable');
  });
});
