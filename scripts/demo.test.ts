/**
 * `npm run demo` as a user runs it (its own process), into a fresh data dir; then the
 * result is read back through the server's own storage and used the way the app and
 * the archive export use it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCaseBoard } from '../renderer/src/collab/readCaseBoard';
import { readMeeting } from '../renderer/src/collab/readMeeting';
import { improvementsShapeProblem, improvementText, readImprovements } from '../renderer/src/collab/improvements';
import { fragmentToBlocks } from '../renderer/src/collab/richText';
import { isOverdue } from '../renderer/src/domain/actionRules';
import { isId } from '../renderer/src/domain/ids';
import { measureExpiry } from '../renderer/src/domain/measureExpiry';
import { toIsoDate } from '../renderer/src/domain/dates';
import { openAdmin } from '../sync-server/src/cli/admin';
import { openMinutesArchive } from '../sync-server/src/minutes/minutes-archive';
import { silentLogger } from '../sync-server/src/log';
import { startServer } from '../sync-server/src/server';
import { demoCases } from './demo/cases';
import { demoImprovements } from './demo/improvements';

const work = mkdtempSync(join(tmpdir(), 'themakamer-demo-test-'));
const dataDir = join(work, 'data');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const demo = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--data-dir', dataDir, ...args]);
const admin = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', '--data-dir', dataDir, ...args]);

/** Names of persons involved in the demo cases: they may appear on boards only. */
const personNames = demoCases.flatMap((demoCase) => demoCase.persons.map((person) => person.name));

describe('npm run demo', () => {
  let first: ReturnType<typeof demo>;
  const passwords = new Map<string, string>();
  const secrets = new Map<string, string>();
  /** Codes used per user: each sign-in takes the next time step (one step ahead is accepted). */
  const used = new Map<string, number>();
  // One sign-in per user (sessions live in the data dir, so a token outlasts a server restart):
  // a third sign-in within a minute would need a time step the server does not accept yet.
  const tokens = new Map<string, string>();
  const signIn = async (url: string, username: string): Promise<{ status: number; token?: string }> => {
    const known = tokens.get(username);
    if (known) return { status: 200, token: known };
    const made = await freshSignIn(url, username);
    if (made.token) tokens.set(username, made.token);
    return made;
  };
  const freshSignIn = async (url: string, username: string): Promise<{ status: number; token?: string }> => {
    const post = (path: string, body: unknown) => fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const first = (await (await post('/api/login', { username, password: passwords.get(username) })).json()) as { secondFactor?: string; ticket?: string };
    if (first.secondFactor !== 'code') return { status: 0 };
    const step = Math.max(Math.floor(Date.now() / 30_000), (used.get(username) ?? 0) + 1);
    used.set(username, step);
    const code = new TOTP({ secret: Secret.fromBase32(secrets.get(username) ?? ''), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: step * 30_000 });
    const response = await post('/api/login/code', { ticket: first.ticket, code });
    return { status: response.status, ...((await response.json()) as { token?: string }) };
  };

  beforeAll(() => {
    first = demo();
    for (const match of first.stdout.matchAll(/^\s{2}(\S+)\s+(demo-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})\s+totp:([A-Z2-7]{32})\s/gmu)) {
      passwords.set(match[1] ?? '', match[2] ?? '');
      secrets.set(match[1] ?? '', match[3] ?? '');
    }
  }, 120_000);

  it('creates the organisations and one user per role, with printed passwords and two-factor secrets that work', async () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const adminApi = await openAdmin({ dataDir });
    try {
      expect((await adminApi.listOrgs()).map((org) => org.id).sort()).toEqual(['gemeente', 'om', 'politie', 'rn', 'shn', 'vt', 'zvh']);
      const users = (await adminApi.listUsers());
      expect(new Set(users.map((user) => user.role))).toEqual(new Set(['procesregisseur', 'secretaris', 'deelnemer', 'waarnemer', 'beheerder', 'privacyfunctionaris']));
      expect(new Set(users.filter((user) => user.role === 'deelnemer').map((user) => user.org)).size).toBeGreaterThanOrEqual(4);
      for (const user of users) expect(user.name).toMatch(/\(fictief\)$/u);
      expect(passwords.size).toBe(users.length);
      expect(secrets.size).toBe(users.length);
    } finally {
      await adminApi.close();
    }
    const server = await startServer({ dataDir, port: 0, logger: silentLogger });
    try {
      // Every account asks for the code of its printed secret; the current step is still free.
      for (const username of passwords.keys()) expect((await signIn(server.url, username)).status, username).toBe(200);
      // Need-to-know: not every partner sees every case; the administrator sees none.
      const roomsOf = async (username: string) => {
        const login = await signIn(server.url, username);
        const listed = (await (await fetch(`${server.url}/api/rooms`, { headers: { Authorization: `Bearer ${login.token ?? ''}` } })).json()) as { rooms: { room: string; access: string }[] };
        return listed.rooms.filter((room) => room.room.startsWith('case:'));
      };
      expect(await roomsOf('paula.procesregie')).toHaveLength(6);
      expect(await roomsOf('sara.steun')).toHaveLength(2);
      expect(await roomsOf('bert.beheer')).toHaveLength(0);
      expect(await roomsOf('pieter.privacy')).toHaveLength(0);
      expect((await roomsOf('wanda.waarnemer')).map((room) => room.access)).toEqual(['view', 'view']);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('writes six filled boards: risk, measures expiring and expired, contacts, an escalation, plan sections, actions with one owner, some overdue', async () => {
    const archive = await openMinutesArchive({ dataDir });
    const today = toIsoDate(new Date());
    try {
      const rooms = (await archive.meetingRooms());
      expect(rooms).toHaveLength(2);
      const agendas: string[] = [];
      for (const room of rooms) {
        const doc = await archive.loadRoom(room);
        try {
          agendas.push(...readMeeting(doc, room as `meeting:${string}`).agenda);
        } finally {
          doc.destroy();
        }
      }
      const docs = new Map<string, Awaited<ReturnType<typeof archive.loadRoom>>>();
      for (const caseId of new Set(agendas)) docs.set(caseId, await archive.loadRoom(caseId));
      const boards = [...docs].map(([caseId, doc]) => {
        try {
          return readCaseBoard(doc, caseId as `case:${string}`);
        } finally {
          doc.destroy();
        }
      });
      expect(boards.length).toBeGreaterThanOrEqual(5);
      for (const board of boards) {
        expect(board.skipped).toEqual([]);
        expect(board.meta?.label).toMatch(/^Casus /u);
        expect(board.persons.length).toBeGreaterThan(0);
        expect(board.plan.filter((section) => section.text.trim() !== '').length).toBeGreaterThanOrEqual(2);
        for (const action of board.actions) expect(isId('action', action.id) && typeof action.owner === 'string' && action.owner.length > 0).toBe(true);
      }
      const all = <T>(pick: (board: (typeof boards)[number]) => T[]) => boards.flatMap(pick);
      expect(all((b) => b.measures).some((m) => measureExpiry(m, today).state === 'expiring')).toBe(true);
      expect(all((b) => b.measures).some((m) => measureExpiry(m, today).state === 'expired')).toBe(true);
      expect(all((b) => b.actions).filter((a) => isOverdue(a, today)).length).toBeGreaterThanOrEqual(2);
      expect(all((b) => b.timeline).some((event) => event.type === 'escalatie')).toBe(true);
      expect(all((b) => b.contacts).length).toBeGreaterThan(0);
      expect(boards.some((b) => b.plan.filter((s) => s.text.trim() !== '').length >= 5)).toBe(true);
    } finally {
      archive.close();
    }
  });

  it('fills the region\'s improvement measures in every phase, with texts and one review moment, and no demo person\'s name', async () => {
    const server = await startServer({ dataDir, port: 0, logger: silentLogger });
    try {
      const { token } = await signIn(server.url, 'paula.procesregie');
      const headers = { Authorization: `Bearer ${token ?? ''}` };
      const { rooms } = (await (await fetch(`${server.url}/api/rooms`, { headers })).json()) as { rooms: { room: string; access: string }[] };
      const board = rooms.find((entry) => entry.room.startsWith('measures:'));
      expect(board?.access).toBe('edit');
      const { frozen } = (await (await fetch(`${server.url}/api/frozen?room=${encodeURIComponent(board?.room ?? '')}`, { headers })).json()) as { frozen: unknown[] };
      expect(frozen).toHaveLength(1);
    } finally {
      await server.close();
    }
    const archive = await openMinutesArchive({ dataDir });
    try {
      const { rooms: listed } = await (async () => {
        const adminApi = await openAdmin({ dataDir });
        try {
          return { rooms: (await adminApi.auditList()).flatMap((entry) => (entry.event === 'measures-review' && entry.room ? [entry.room] : [])) };
        } finally {
          await adminApi.close();
        }
      })();
      expect(listed).toHaveLength(1);
      const doc = await archive.loadRoom(listed[0] ?? '');
      try {
        expect(improvementsShapeProblem(doc)).toBeNull();
        const items = readImprovements(doc);
        expect(items).toHaveLength(demoImprovements.length);
        expect(new Set(items.map((item) => item.phase)).size).toBe(6);
        expect(new Set(items.map((item) => item.status)).size).toBe(4);
        for (const item of items) expect(fragmentToBlocks(improvementText(doc, item.id, 'progress')!).length).toBeGreaterThan(0);
        const text = JSON.stringify(doc.toJSON());
        for (const name of personNames) expect(text).not.toContain(name);
      } finally {
        doc.destroy();
      }
    } finally {
      archive.close();
    }
  });

  it('has an approved meeting whose minutes export (and carry no person names), and an upcoming one', () => {
    const listed = admin('minutes', 'list');
    expect(listed.status).toBe(0);
    const approved = listed.stdout.split('\n').find((line) => line.includes('\tvastgesteld\t'));
    expect(listed.stdout).toMatch(/Themakamer HG\/KM\t\S+ \S+\tconcept\tversie 0/u);
    const meetingId = approved?.split('\t')[0] ?? '';
    expect(meetingId).toMatch(/^meeting:/u);
    const out = join(work, 'verslag.pdf');
    const exported = admin('minutes', 'export', meetingId, '--out', out, '--region', 'Regio Voorbeeldstad (fictief)');
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    const text = run('pdftotext', [out, '-']).stdout;
    for (const expected of ['Casus Zilverreiger', 'Casus Kievit', 'Casus Tureluur', 'Koen Kordaat (fictief)', 'Olga Officier (fictief)', 'Informatie niet gedeeld']) {
      expect(text).toContain(expected);
    }
    for (const name of personNames) expect(text).not.toContain(name.replace(' (fictief)', ''));
    for (const name of personNames) expect(first.stdout).not.toContain(name.replace(' (fictief)', ''));
  }, 60_000);

  it('refuses a data dir that already has users, unless --force', () => {
    const again = demo();
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('heeft al 11 gebruiker(s)');
    const forced = demo('--force');
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    // New passwords on every run: none printed twice.
    for (const password of passwords.values()) expect(forced.stdout).not.toContain(password);
  }, 120_000);
});
