import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { chromiumArgs, contextDefaults } from '../fixtures/chromium';
import { goOfflineWithShell } from '../fixtures/offlineShell';
import { chromiumPath, repoRoot } from '../fixtures/paths';
import { createTestCase, seedUser, seedWithGrants } from '../fixtures/plan';
import { describe, expect, test } from '../fixtures/test';
import { apiToken } from '../fixtures/totp';
import { PlanPage } from '../pages/PlanPage';
import { SessionPage } from '../pages/SessionPage';
import { vaultRowsOf } from '../fixtures/vaultRows';

// Issue 14, "Laptops": when access to a case ends (revoked, deleted after its retention
// period) or the account is disabled, the vault on the laptop drops the case at its next
// connection, reports edits that could no longer be sent, and the browser profile's files
// on disk hold none of the case afterwards. The vault is encrypted, so the case's words are
// never on disk in clear; what must go is the case's ciphertext. Each test captures pieces of
// the case's stored ciphertext, closes the browser (so IndexedDB is written out), finds those
// pieces in the profile's files (the control), lets the app drop the case, closes again and
// finds none of them. Chromium keeps deleted IndexedDB rows in its LevelDB files (even those
// of a deleted database) until a compaction the page cannot start: the vault lives in a
// storage bucket of its own and moves to a fresh one when the vault next closes or opens
// after rows were deleted (renderer/src/vault/buckets.ts); a wiped vault's buckets are deleted.
const room = 'case:e2evaultdrop00001';
const caseNumber = 'E2E-0001';
const hash = `#/casussen/${encodeURIComponent(room)}`;
const pim = seedUser('pim.proef');
const dirk = seedUser('dirk.deelnemer');
const section = 'Situatie en risico';
const base = 'Fictieve casus voor het wissen van de kluis.';
const marker = 'ZWAVELGEEL-KANARIE-7731';

/** Browsers still open (closed after each test, also when it fails). */
const launched: BrowserContext[] = [];

/** A browser with its profile in `dir` (kept between launches, like a laptop's). */
async function launchProfile(dir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath, args: chromiumArgs, ...contextDefaults });
  launched.push(context);
  return context;
}

/** `npm run admin -- …` against the test server's data dir (another process, as an administrator runs it). */
function admin(dataDir: string, ...args: string[]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/admin-cli.ts', '--data-dir', dataDir, ...args], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`admin ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Pieces (hex) of the room's ciphertext rows in every vault database of the page. */
async function storedCiphertext(page: Page): Promise<string[]> {
  // Binary rows of 24 bytes or more: sealed values.
  return (await vaultRowsOf(page, room)).flatMap((row) => (row.head !== null && row.head.length >= 48 ? [row.head] : []));
}

/** The storage buckets of vaults in the page's origin. */
function vaultBuckets(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const buckets = (navigator as unknown as { storageBuckets?: { keys(): Promise<string[]> } }).storageBuckets;
    return ((await buckets?.keys()) ?? []).filter((name) => name.startsWith('themakamer-vault-'));
  });
}

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** How many of `pieces` (hex) occur in some file of the profile, and whether `text` does. */
async function foundOnDisk(profile: string, pieces: readonly string[], text: string): Promise<{ pieces: number; text: boolean; files: number }> {
  const buffers = await Promise.all((await filesUnder(profile)).map((file) => readFile(file).catch(() => Buffer.alloc(0))));
  const needles = pieces.map((hex) => Buffer.from(hex, 'hex'));
  return {
    pieces: needles.filter((needle) => buffers.some((buffer) => buffer.includes(needle))).length,
    text: buffers.some((buffer) => buffer.includes(Buffer.from(text, 'utf8')) || buffer.includes(Buffer.from(text, 'utf16le'))),
    files: buffers.length,
  };
}

/** Signs in on a fresh profile, opens the case and waits until it is synced. */
async function firstVisit(profile: string, serverUrl: string): Promise<{ context: BrowserContext; page: Page; session: SessionPage; plan: PlanPage }> {
  const context = await launchProfile(profile);
  const page = context.pages()[0] ?? await context.newPage();
  const session = new SessionPage(page, serverUrl);
  await session.open(hash);
  await session.signIn(dirk.username, dirk.password);
  const plan = new PlanPage(page);
  await expect.poll(() => plan.text(section), { timeout: 15_000 }).toBe(base);
  await expect.poll(() => session.syncState(), { timeout: 15_000 }).toBe('online');
  return { context, page, session, plan };
}

/** Opens the app again on the same profile: the unlock screen of the remembered user. */
async function nextStart(profile: string, serverUrl: string): Promise<{ context: BrowserContext; page: Page; session: SessionPage }> {
  const context = await launchProfile(profile);
  const page = context.pages()[0] ?? await context.newPage();
  const session = new SessionPage(page, serverUrl);
  await session.open('#/casussen');
  expect(await session.heading().textContent()).toBe('Ontgrendelen');
  return { context, page, session };
}

describe('the vault drops a case whose access ended', () => {
  test.override('seed', seedWithGrants([
    { room, username: 'pim.proef', access: 'edit' },
    { room, username: 'dirk.deelnemer', access: 'edit' },
  ]));
  const profiles: string[] = [];
  const newProfile = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'themakamer-profile-'));
    profiles.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const context of launched.splice(0)) await context.close().catch(() => {});
    for (const dir of profiles.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  /**
   * A first visit types the marker into the case and syncs it; the browser closes, and the
   * case's ciphertext is found in the profile's files (the control the later checks rest on).
   */
  const markerSyncedAndOnDisk = async (serverUrl: string): Promise<{ profile: string; pieces: string[] }> => {
    const profile = await newProfile();
    const first = await firstVisit(profile, serverUrl);
    await first.plan.typeAtEnd(section, ` ${marker}.`);
    await expect.poll(() => first.session.syncState(), { timeout: 15_000 }).toBe('online');
    const pieces = await storedCiphertext(first.page);
    await first.context.close();
    expect((await foundOnDisk(profile, pieces, marker)).pieces).toBeGreaterThan(0);
    return { profile, pieces };
  };

  test('revoked while offline with an unsent edit: at the next connection the case goes, the edit is reported, no byte of it stays on disk', async ({ server }) => {
    await createTestCase(server.url, pim, { room, label: 'Casus vault-drop A (fictief)', plan: { 'situatie-en-risico': [base] } });
    const profile = await newProfile();
    const first = await firstVisit(profile, server.url);
    await first.plan.typeAtEnd(section, ` ${marker} online.`);
    await expect.poll(() => first.session.syncState(), { timeout: 15_000 }).toBe('online');
    await goOfflineWithShell(first.context, server.url);
    await expect.poll(() => first.session.syncState(), { timeout: 15_000 }).toBe('offline');
    await first.plan.typeAtEnd(section, ` ${marker} offline.`);
    const pieces = await storedCiphertext(first.page);
    expect(pieces.length).toBeGreaterThan(0);
    await first.context.close();
    // Control: the scan finds the case's ciphertext in the profile's files.
    const before = await foundOnDisk(profile, pieces, marker);
    expect(before.pieces).toBeGreaterThan(0);
    expect(before.text).toBe(false); // encrypted at rest

    admin(server.dataDir, 'revoke', room, dirk.username);

    const next = await nextStart(profile, server.url);
    await next.session.unlock(dirk.password);
    const notice = next.page.getByRole('alert').filter({ hasText: `Uw wijzigingen in casus ${caseNumber} konden niet meer worden verstuurd` });
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toMatch(/Het ging om \d+ wijziging/u);
    expect(await notice.textContent()).not.toContain(marker);
    await expect.poll(() => storedCiphertext(next.page), { timeout: 10_000 }).toEqual([]);
    await expectNoSeriousA11yViolations(next.page, 'the notice of unsent changes');
    // The notice stays until it is acknowledged, also over a reload.
    await next.page.reload();
    await next.session.unlock(dirk.password);
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Begrepen' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await next.context.close();

    const after = await foundOnDisk(profile, pieces, marker);
    expect(after.files).toBeGreaterThan(0);
    expect(after).toMatchObject({ pieces: 0, text: false });
  });

  test('deleted by retention after closing: gone at the next connection, no byte of it on disk', async ({ server }) => {
    await createTestCase(server.url, pim, { room, label: 'Casus vault-drop B (fictief)', plan: { 'situatie-en-risico': [base] } });
    const { profile, pieces } = await markerSyncedAndOnDisk(server.url);

    const token = await apiToken(server.url, pim.username, pim.password);
    const closed = await fetch(`${server.url}/api/rooms/${encodeURIComponent(room)}/close`, {
      method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: 'doel-bereikt' }),
    });
    expect(closed.status).toBe(200);
    expect(admin(server.dataDir, 'retention', 'run', '--now', '2099-01-01T00:00:00Z')).toContain('1 casus(sen) verwijderd');

    const next = await nextStart(profile, server.url);
    await next.session.unlock(dirk.password);
    await expect.poll(() => storedCiphertext(next.page), { timeout: 20_000 }).toEqual([]);
    await expect.poll(() => next.page.getByText('Casus vault-drop B (fictief)').count(), { timeout: 10_000 }).toBe(0);
    // Nothing was unsent: no notice.
    expect(await next.page.getByText('konden niet meer worden verstuurd').count()).toBe(0);
    // Signing out closes the vault, which moves it to a new bucket without the case's rows.
    await next.session.signOut();
    await expect.poll(() => vaultBuckets(next.page)).toEqual([expect.stringMatching(/^themakamer-vault-[0-9a-f]{16}-g2$/u)]);
    await next.context.close();
    expect(await foundOnDisk(profile, pieces, marker)).toMatchObject({ pieces: 0, text: false });
  });

  test('account disabled: at the next start the whole vault is wiped and the sign-in screen says why', async ({ server }) => {
    await createTestCase(server.url, pim, { room, label: 'Casus vault-drop C (fictief)', plan: { 'situatie-en-risico': [base] } });
    const { profile, pieces } = await markerSyncedAndOnDisk(server.url);

    admin(server.dataDir, 'user', 'disable', dirk.username);

    const next = await nextStart(profile, server.url);
    await next.session.passwordField().fill(dirk.password);
    await next.page.getByRole('button', { name: 'Ontgrendelen', exact: true }).click();
    await next.page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor({ timeout: 15_000 });
    await next.page.getByRole('alert').filter({ hasText: 'Uw account is geblokkeerd. Alle gegevens van dit account op dit apparaat zijn gewist.' }).waitFor();
    expect(await next.page.evaluate(async () => {
      const buckets = (navigator as unknown as { storageBuckets?: { keys(): Promise<string[]> } }).storageBuckets;
      const names = [...(await indexedDB.databases()).map((info) => info.name ?? ''), ...((await buckets?.keys()) ?? [])];
      return names.filter((name) => name.startsWith('themakamer-vault-'));
    })).toEqual([]);
    await expectNoSeriousA11yViolations(next.page, 'the sign-in screen after a disabled account');
    await next.context.close();
    expect(await foundOnDisk(profile, pieces, marker)).toMatchObject({ pieces: 0, text: false });
  });
});
