/**
 * Creating a meeting and approving its minutes against the real sync server: real HTTP
 * API, real y-websocket clients, real frozen copies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, login, newClient, newServer, rawSocket, waitFor, type TestClient, type TestServer } from '../../../../sync-server/test/helpers';
import { addToAgenda } from '../../collab/agenda';
import { initCaseDoc } from '../../collab/caseHeader';
import { readFrozenCaseBoard, readFrozenMeeting } from '../../collab/frozen';
import { readMeetingMeta } from '../../collab/meetingHeader';
import { addDecision, ensureMeetingNotes, readMeetingNotes, removeDecision } from '../../collab/meetingNotes';
import { readInvitees } from '../../collab/participants';
import { isId, type CaseId, type MeetingId } from '../../domain/ids';
import { createApiClient } from '../session/api';
import { createMeetingApi, MeetingApiError } from './meetingApi';
import { createMeeting, grantInvitees } from './meetingSetup';
import { draftInvitees, draftToHeader, type DirectoryPerson } from './newMeeting';

let server: TestServer;
const clients: TestClient[] = [];
const tokens = new Map<string, string>();

const people: DirectoryPerson[] = [
  { username: 'pr.fictief', name: 'Test pr.fictief', org: 'zvh', role: 'procesregisseur' },
  { username: 'dn.fictief', name: 'Test dn.fictief', org: 'vt', role: 'deelnemer' },
  { username: 'po.fictief', name: 'Test po.fictief', org: 'politie', role: 'deelnemer' },
  { username: 'buiten.fictief', name: 'Test buiten.fictief', org: 'rn', role: 'deelnemer' },
];

beforeAll(async () => {
  server = await newServer();
  for (const person of people) {
    await addTestUser(server.admin, person.username, person.role, person.org);
    tokens.set(person.username, (await login(server.url, person.username, 'test-wachtwoord-1')).token);
  }
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.close();
});

const token = (username: string): string => tokens.get(username) ?? '';
function connect(room: string, username: string): TestClient {
  const client = newClient(server.wsUrl, room, token(username));
  clients.push(client);
  return client;
}
const api = (username: string) => createApiClient({ serverUrl: server.url, token: () => token(username) });
const meetingApi = (username: string) => createMeetingApi({ serverUrl: server.url, token: async () => token(username) });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof MeetingApiError) return error.code;
    throw error;
  }
}

async function newMeetingAsChair(): Promise<MeetingId> {
  const chairApi = api('pr.fictief');
  const draft = { type: 'themakamer', date: '2031-03-04', time: '09:30', location: 'Zaal 2 (fictief)', videoLink: '', chair: 'pr.fictief', secretary: '', invitees: ['dn.fictief', 'po.fictief'] };
  const created = await createMeeting({
    createRoom: () => chairApi.createRoom('meeting'),
    openDoc: (room) => {
      const client = connect(room, 'pr.fictief');
      return { doc: client.doc, whenLoaded: client.synced, release: () => {} };
    },
    members: (room) => chairApi.members(room),
    setMember: (room, username, access) => chairApi.setMember(room, username, access),
  }, draftToHeader(draft), draftInvitees(draft, 'pr.fictief', people), { username: 'pr.fictief' });
  expect(created.notGranted).toEqual([]);
  return created.meetingId;
}

describe('creating a meeting', () => {
  it('sets up the document as concept and gives exactly the invitees access', async () => {
    const meetingId = await newMeetingAsChair();
    const invitee = connect(meetingId, 'dn.fictief');
    await invitee.synced;
    await waitFor(() => readMeetingMeta(invitee.doc) !== null, 5000, 'meeting header at the invitee');
    expect(readMeetingMeta(invitee.doc)).toMatchObject({ type: 'themakamer', chair: 'pr.fictief', status: 'concept', version: 0, location: 'Zaal 2 (fictief)' });
    expect(readInvitees(invitee.doc).map((entry) => entry.username)).toEqual(['dn.fictief', 'po.fictief', 'pr.fictief']);
    expect((await api('pr.fictief').members(meetingId)).map((member) => member.username).sort()).toEqual(['dn.fictief', 'po.fictief', 'pr.fictief']);
    // Someone not invited is refused before any content.
    const outsider = rawSocket(server.wsUrl, meetingId, token('buiten.fictief'));
    expect((await outsider.closed).code).toBe(4403);
  });

  it('reports the invitees it could not grant and grants them on retry', async () => {
    const meetingId = await newMeetingAsChair();
    const chairApi = api('pr.fictief');
    const extra = [{ username: 'buiten.fictief', org: 'rn', role: 'deelnemer' as const }];
    const failing = await grantInvitees({ members: (room) => chairApi.members(room), setMember: () => Promise.reject(new Error('offline')) }, meetingId, extra);
    expect(failing).toEqual(['buiten.fictief']);
    const retried = await grantInvitees({ members: (room) => chairApi.members(room), setMember: (room, username, access) => chairApi.setMember(room, username, access) }, meetingId, extra);
    expect(retried).toEqual([]);
    expect((await chairApi.members(meetingId)).some((member) => member.username === 'buiten.fictief')).toBe(true);
  });
});

describe('approving the minutes', () => {
  it('freezes meeting and case; later edits leave the approved copy unchanged; reopen makes a new concept', async () => {
    const meetingId = await newMeetingAsChair();
    const caseRoom = (await api('pr.fictief').createRoom('case')).room;
    if (!isId('case', caseRoom)) throw new Error('expected a case room');
    const caseId: CaseId = caseRoom;
    const board = connect(caseId, 'pr.fictief');
    await board.synced;
    initCaseDoc(board.doc, { label: 'Casus Berk', type: 'ex-partnerstalking', status: 'in-behandeling' }, { username: 'pr.fictief' });
    ensureMeetingNotes(board.doc, meetingId);
    addDecision(board.doc, meetingId, 'Contactverbod wordt gehandhaafd (fictief).', { username: 'pr.fictief' });
    const chairMeeting = connect(meetingId, 'pr.fictief');
    await chairMeeting.synced;
    addToAgenda(chairMeeting.doc, caseId);
    // Let the server hold the edits: a fresh client must see them.
    const check = connect(caseId, 'pr.fictief');
    await check.synced;
    await waitFor(() => readMeetingNotes(check.doc)[0]?.decisions.length === 1, 5000, 'decision on the server');

    expect(await codeOf(meetingApi('dn.fictief').approve(meetingId))).toBe('not-chair');
    const approved = await meetingApi('pr.fictief').approve(meetingId);
    expect(approved.version).toBe(1);
    expect(approved.frozen.map((copy) => copy.room).sort()).toEqual([caseId, meetingId].sort());
    expect(await codeOf(meetingApi('pr.fictief').approve(meetingId))).toBe('already-approved');
    await waitFor(() => readMeetingMeta(chairMeeting.doc)?.status === 'vastgesteld', 5000, 'approval relayed');

    // Edits after approval: the approved decision is removed from the live board, another added.
    const [approvedDecision] = readMeetingNotes(board.doc)[0]?.decisions ?? [];
    removeDecision(board.doc, meetingId, approvedDecision!.id);
    addDecision(board.doc, meetingId, 'Nieuw besluit na vaststelling (fictief).', { username: 'pr.fictief' });
    const list = await meetingApi('dn.fictief').frozenList(caseId).catch((error: unknown) => error);
    expect(list).toBeInstanceOf(MeetingApiError); // dn has no access to the case room
    const frozen = await meetingApi('pr.fictief').frozenList(caseId);
    expect(frozen).toHaveLength(1);
    expect(frozen[0]).toMatchObject({ meeting: meetingId, version: 1 });
    const copy = readFrozenCaseBoard(await meetingApi('pr.fictief').frozenCopy(frozen[0]!.id), caseId);
    expect(copy.meetingNotes[0]?.decisions.map((decision) => decision.text)).toEqual(['Contactverbod wordt gehandhaafd (fictief).']);
    const [meetingCopy] = await meetingApi('dn.fictief').frozenList(meetingId);
    const frozenMeeting = readFrozenMeeting(await meetingApi('dn.fictief').frozenCopy(meetingCopy!.id), meetingId);
    expect(frozenMeeting.agenda).toEqual([caseId]);
    expect(frozenMeeting.meta?.status).toBe('vastgesteld');

    await meetingApi('pr.fictief').reopen(meetingId);
    await waitFor(() => readMeetingMeta(chairMeeting.doc)?.status === 'concept', 5000, 'reopen relayed');
    const second = await meetingApi('pr.fictief').approve(meetingId);
    expect(second.version).toBe(2);
    const versions = (await meetingApi('pr.fictief').frozenList(caseId)).map((entry) => entry.version);
    expect(versions).toEqual([1, 2]);
    const latest = readFrozenCaseBoard(await meetingApi('pr.fictief').frozenCopy((await meetingApi('pr.fictief').frozenList(caseId))[1]!.id), caseId);
    expect(latest.meetingNotes[0]?.decisions.map((decision) => decision.text)).toEqual(['Nieuw besluit na vaststelling (fictief).']);
  });

  it('says unreachable when the server does not answer', async () => {
    const offline = createMeetingApi({ serverUrl: 'http://127.0.0.1:9', token: () => 'x', timeoutMs: 2000 });
    expect(await codeOf(offline.frozenList('case:aaaaaaaaaaaaaaaa'))).toBe('unreachable');
    expect(await codeOf(offline.frozenCopy('niet-een-id'))).toBe('invalid-request');
  });
});
