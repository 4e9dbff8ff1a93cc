/**
 * Fills a data dir with the fictional demo region, the real way: accounts through the
 * admin API, then the sync server started in-process on a free port, sign-in over HTTP,
 * rooms and grants through the app's API, documents through y-websocket providers with
 * the collab accessors, and approval through the approval endpoint (frozen copies).
 */
import type { CaseId, MeetingId } from '../../renderer/src/domain/ids';
import { Secret, TOTP } from 'otpauth';
import { openAdmin } from '../../sync-server/src/cli/admin';
import { seedTwoFactor } from '../../sync-server/src/cli/two-factor-seed';
import { newTotpSecret } from '../../sync-server/src/access/totp';
import { silentLogger } from '../../sync-server/src/log';
import { startServer } from '../../sync-server/src/server';
import { demoCases } from './cases';
import { demoClock } from './dates';
import { demoImprovements, writeImprovements, writeImprovementsLater } from './improvements';
import { demoMeetings, type DemoMeeting } from './meetings';
import { demoPassword } from './passwords';
import { demoOrgs, demoUsers, type DemoUser } from './region';
import { signIn, writeRoom, type ApiSession } from './serverApi';
import { writeCase, writeItemNotes, writeMeeting } from './writeDocs';

/** The demo refused to run; `message` is Dutch for the operator. */
export class DemoRefusedError extends Error {
  override name = 'DemoRefusedError';
}

/** Options of {@link runDemo}. */
export interface DemoOptions {
  dataDir: string;
  /** Run even when the data dir already has users (existing demo accounts get new passwords). */
  force?: boolean;
  now?: Date;
  /** Progress lines (Dutch); defaults to none. */
  progress?: (line: string) => void;
}

/** What the demo made. */
export interface DemoResult {
  /** `totpSecret`: base32, for an authenticator app (or to compute codes in a test). */
  users: (DemoUser & { password: string; totpSecret: string })[];
  cases: { label: string; room: CaseId }[];
  meetings: { key: DemoMeeting['key']; room: MeetingId; approvedVersion: number | null }[];
  /** The region's improvement-measures board and how many review moments it has. */
  improvements: { room: string; measures: number; reviews: number };
}

async function createAccounts(dataDir: string, force: boolean): Promise<DemoResult['users']> {
  const admin = await openAdmin({ dataDir });
  const users: DemoResult['users'] = [];
  try {
    const existing = (await admin.listUsers());
    if (existing.length > 0 && !force) {
      throw new DemoRefusedError(`De gegevensmap ${dataDir} heeft al ${existing.length} gebruiker(s). Kies een lege map, of voeg --force toe om de demo er toch in te zetten.`);
    }
    const orgs = new Set((await admin.listOrgs()).map((org) => org.id));
    for (const org of demoOrgs) if (!orgs.has(org.id)) await admin.addOrg(org.id, org.name);
    const names = new Set(existing.map((user) => user.username));
    for (const user of demoUsers) {
      const password = demoPassword();
      if (names.has(user.username)) await admin.setPassword(user.username, password);
      else await admin.addUser({ username: user.username, name: user.name, org: user.org, role: user.role, password });
      users.push({ ...user, password, totpSecret: newTotpSecret() });
    }
  } finally {
    await admin.close();
  }
  // Every account is enrolled, so a tester signs in at once with the printed secret.
  await seedTwoFactor({ dataDir }, users.map((user) => ({ username: user.username, secret: user.totpSecret })));
  return users;
}

/**
 * The code of the previous time step: the server accepts one step of drift, and the code on
 * the tester's phone (the current step) stays unspent for their first sign-in.
 */
const previousCode = (secret: string): string =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() - 30_000 });

const roomPath = (room: string) => encodeURIComponent(room);

async function grant(session: ApiSession, room: string, username: string, access: 'edit' | 'view'): Promise<void> {
  await session.request('PUT', `/api/rooms/${roomPath(room)}/members/${encodeURIComponent(username)}`, { access });
}

/** Runs the demo into `options.dataDir`. */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const progress = options.progress ?? (() => undefined);
  const clock = demoClock(options.now ?? new Date());
  const users = await createAccounts(options.dataDir, options.force ?? false);
  progress(`Organisaties en ${users.length} gebruikers aangemaakt.`);
  const account = (username: string) => {
    const user = users.find((candidate) => candidate.username === username);
    if (!user) throw new Error(`not a demo user: ${username}`);
    return user;
  };

  const server = await startServer({ dataDir: options.dataDir, port: 0, logger: silentLogger });
  try {
    const chair = 'paula.procesregie';
    const session = await signIn(server.url, chair, account(chair).password, previousCode(account(chair).totpSecret));
    const newRoom = async (kind: 'case' | 'meeting') => (await session.request<{ room: string }>('POST', '/api/rooms', { kind })).room;

    const meetingRooms = new Map<DemoMeeting['key'], MeetingId>();
    for (const meeting of demoMeetings) meetingRooms.set(meeting.key, (await newRoom('meeting')) as MeetingId);
    const caseRooms = new Map<string, CaseId>();
    for (const demo of demoCases) caseRooms.set(demo.key, (await newRoom('case')) as CaseId);
    const pastId = meetingRooms.get('past');
    if (!pastId) throw new Error('past meeting missing');

    for (const demo of demoCases) {
      const room = caseRooms.get(demo.key) ?? '';
      // The secretary writes the minutes of every case conference: access to every case.
      await grant(session, room, 'sem.secretaris', 'edit');
      for (const partner of demo.partners) await grant(session, room, partner.username, partner.access);
      await writeRoom(server.wsUrl, session.token, room, (doc) => {
        writeCase(doc, demo, clock, chair, pastId);
        for (const meeting of demoMeetings) {
          const meetingId = meetingRooms.get(meeting.key);
          if (meetingId && meeting.agenda.includes(demo.key)) writeItemNotes(doc, meeting, meetingId, demo.key, clock);
        }
      });
    }
    progress(`${demoCases.length} casussen met borden, veiligheidsplannen en acties geschreven.`);

    const meetings: DemoResult['meetings'] = [];
    for (const meeting of demoMeetings) {
      const room = meetingRooms.get(meeting.key) ?? pastId;
      for (const username of meeting.invitees) {
        if (username !== chair) await grant(session, room, username, username === 'wanda.waarnemer' ? 'view' : 'edit');
      }
      const agenda = meeting.agenda.map((key) => caseRooms.get(key)).filter((id): id is CaseId => id !== undefined);
      await writeRoom(server.wsUrl, session.token, room, (doc) => writeMeeting(doc, meeting, agenda, clock));
      let approvedVersion: number | null = null;
      if (meeting.approve) {
        const approved = await session.request<{ version: number; frozen: unknown[] }>('POST', `/api/meetings/${roomPath(room)}/approve`);
        if (approved.frozen.length !== agenda.length + 1) throw new Error(`approval froze ${approved.frozen.length} of ${agenda.length + 1} documents`);
        approvedVersion = approved.version;
      }
      meetings.push({ key: meeting.key, room, approvedVersion });
    }
    progress('Twee overleggen geschreven; het afgelopen casusoverleg is vastgesteld.');

    // The region's improvement measures (made by the server): written, reviewed once, then moved on.
    const { rooms } = await session.request<{ rooms: { room: string }[] }>('GET', '/api/rooms');
    const board = rooms.find((entry) => entry.room.startsWith('measures:'))?.room;
    if (!board) throw new Error('the server made no measures board');
    const earlier = new Date(Date.parse(clock.at(-60, '10:00')));
    await writeRoom(server.wsUrl, session.token, board, (doc) => writeImprovements(doc, chair, () => earlier));
    await session.request('POST', `/api/measures/${roomPath(board)}/review`);
    await writeRoom(server.wsUrl, session.token, board, (doc) => writeImprovementsLater(doc, chair, () => new Date()));
    progress(`${demoImprovements.length} verbetermaatregelen geschreven, met één reviewmoment.`);
    await session.request('POST', '/api/logout');
    return {
      users,
      cases: demoCases.map((demo) => ({ label: demo.label, room: caseRooms.get(demo.key) as CaseId })),
      meetings,
      improvements: { room: board, measures: demoImprovements.length, reviews: 1 },
    };
  } finally {
    // Writes every room's snapshot and closes the database.
    await server.close();
  }
}
