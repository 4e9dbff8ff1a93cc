import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { chromiumArgs, contextDefaults } from '../fixtures/chromium';
import { chromiumPath } from '../fixtures/paths';
import { createTestCase, seedUser } from '../fixtures/plan';
import { defaultSeed, seedPassword, type Seed } from '../fixtures/seed';
import { signedInPage } from '../fixtures/session';
import { describe, expect, test } from '../fixtures/test';
import { apiToken, newSeedSecret } from '../fixtures/totp';
import { SessionPage } from '../pages/SessionPage';
import { vaultRowsOf } from '../fixtures/vaultRows';

// Issue 14, "Need-to-know inside a case": a restricted part is its own room. A user of an
// organisation not on the part sees that it exists and for whom, and receives none of its
// content: not in the DOM, not in any WebSocket frame, not in the vault on disk. When the
// process director adds the organisation the part opens live; removing it again takes it away.
const room = 'case:e2erestricted0001';
const hash = `#/casussen/${encodeURIComponent(room)}`;
const partTitle = 'Politie- en justitie-informatie';
const marker = 'KORENBLOEM-ZEBRAVINK-4417';
const closedLine = `Afgeschermd deel: ${partTitle} — alleen voor OM Testarrondissement, Politie Testeenheid`;

const seed: Seed = {
  orgs: [...defaultSeed.orgs, { id: 'om', name: 'OM Testarrondissement' }],
  users: [...defaultSeed.users, { username: 'paula.politie', name: 'Paula Politie (fictief)', org: 'politie', role: 'deelnemer', password: seedPassword, totpSecret: newSeedSecret() }],
  grants: [
    { room, username: 'pim.proef', access: 'edit' },
    { room, username: 'paula.politie', access: 'edit' },
    { room, username: 'dirk.deelnemer', access: 'edit' },
    { room, username: 'wendy.waarnemer', access: 'view' },
  ],
};
const pim = seedUser('pim.proef', seed);
const paula = seedUser('paula.politie', seed);
const dirk = seedUser('dirk.deelnemer', seed);
const wendy = seedUser('wendy.waarnemer', seed);

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Rows of `wanted` in every vault database of the page. */
const vaultRows = async (page: Page, wanted: string): Promise<number> => (await vaultRowsOf(page, wanted)).length;

/** Every binary frame the page's WebSockets received, as they arrive. */
function recordFrames(page: Page): Buffer[] {
  const frames: Buffer[] = [];
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      frames.push(typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload));
    });
  });
  return frames;
}

const launched: BrowserContext[] = [];
const profiles: string[] = [];

/** The Veilig Thuis user's browser, with a profile on disk (kept between launches, like a laptop's). */
async function launchProfile(dir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath, args: chromiumArgs, ...contextDefaults });
  launched.push(context);
  return { context, page: context.pages()[0] ?? await context.newPage() };
}

describe('restricted parts of a case', () => {
  test.override('seed', seed);
  afterEach(async () => {
    for (const context of launched.splice(0)) await context.close().catch(() => {});
    for (const dir of profiles.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  test('only the named organisations receive a part; the others see its title and for whom, live as the list changes', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label: 'Casus afgeschermd (fictief)', plan: { 'situatie-en-risico': ['Fictieve casus met een afgeschermd deel.'] } });

    // The process director adds the part for Politie and OM (and is not on it himself).
    const director = (await signedInPage(await newUserContext(), server.url, pim, hash)).page;
    const panel = director.getByRole('region', { name: 'Afgeschermde delen', exact: true });
    await panel.getByText('Deze casus heeft geen afgeschermde delen.').waitFor({ timeout: 15_000 });
    await panel.getByRole('button', { name: 'Afgeschermd deel toevoegen' }).click();
    const dialog = director.getByRole('dialog', { name: 'Afgeschermd deel toevoegen' });
    await dialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await dialog.getByText('Vul een titel in van hoogstens 120 tekens.').waitFor();
    await dialog.getByRole('textbox', { name: 'Titel' }).fill(partTitle);
    await dialog.getByRole('checkbox', { name: 'Politie Testeenheid' }).check();
    await dialog.getByRole('checkbox', { name: 'OM Testarrondissement' }).check();
    await expectNoSeriousA11yViolations(director, 'the dialog that adds a restricted part');
    await dialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await panel.getByText(closedLine).waitFor({ timeout: 10_000 });
    const token = await apiToken(server.url, pim.username, pim.password);
    const listed = await (await fetch(`${server.url}/api/rooms/${encodeURIComponent(room)}/parts`, { headers: { Authorization: `Bearer ${token}` } })).json() as { parts: { room: string }[] };
    const part = listed.parts[0]!.room;
    expect(part).toMatch(/^part:[a-z0-9]+$/u);

    // The police user writes into it.
    const police = (await signedInPage(await newUserContext(), server.url, paula, hash)).page;
    const editor = police.getByRole('textbox', { name: `Tekst van ‘${partTitle}’` });
    await editor.waitFor({ timeout: 15_000 });
    await police.getByText('Alleen voor: OM Testarrondissement, Politie Testeenheid').waitFor();
    await editor.click();
    await police.keyboard.type(`Fictief proces-verbaal ${marker}.`);
    await expect.poll(() => new SessionPage(police, server.url).syncState(), { timeout: 15_000 }).toBe('online');
    await expectNoSeriousA11yViolations(police, 'the board with an open restricted part');

    // A police user with view access reads the part live but cannot change it.
    const viewer = (await signedInPage(await newUserContext(), server.url, wendy, hash)).page;
    const viewerEditor = viewer.getByRole('textbox', { name: `Tekst van ‘${partTitle}’` });
    await expect.poll(() => viewerEditor.textContent().catch(() => null), { timeout: 15_000 }).toContain(marker);
    expect(await viewerEditor.getAttribute('contenteditable')).toBe('false');
    expect(await viewer.getByRole('button', { name: 'Afgeschermd deel toevoegen' }).count()).toBe(0);
    await viewer.context().close();

    // The Veilig Thuis user on the same case: the title and the organisations, nothing else.
    const profile = await mkdtemp(join(tmpdir(), 'themakamer-profile-'));
    profiles.push(profile);
    const vt = await launchProfile(profile);
    const frames = recordFrames(vt.page);
    const vtSession = new SessionPage(vt.page, server.url);
    await vtSession.open(hash);
    await vtSession.signIn(dirk.username, dirk.password);
    const vtPanel = vt.page.getByRole('region', { name: 'Afgeschermde delen', exact: true });
    await vtPanel.getByText(closedLine).waitFor({ timeout: 15_000 });
    await expect.poll(() => vtSession.syncState(), { timeout: 15_000 }).toBe('online');
    // A few polls of the parts and the rooms list, so anything that would leak has had its chance.
    await vt.page.waitForTimeout(6_000);
    expect(frames.length).toBeGreaterThan(0);
    expect(await vt.page.content()).not.toContain(marker);
    expect(await vtPanel.getByRole('textbox').count()).toBe(0);
    const needle = Buffer.from(marker, 'utf8');
    expect(frames.some((frame) => frame.includes(needle))).toBe(false);
    expect(await vaultRows(vt.page, part)).toBe(0);
    await expectNoSeriousA11yViolations(vt.page, 'the board with a part the user may not open');
    await vt.context.close();
    const files = await Promise.all((await filesUnder(profile)).map((file) => readFile(file).catch(() => Buffer.alloc(0))));
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((file) => file.includes(needle) || file.includes(Buffer.from(marker, 'utf16le')) || file.includes(Buffer.from(part, 'utf8')))).toBe(false);

    // The director adds Veilig Thuis: the VT user gets the part, live.
    const again = await launchProfile(profile);
    const againFrames = recordFrames(again.page);
    const againSession = new SessionPage(again.page, server.url);
    await againSession.open(hash);
    await againSession.unlock(dirk.password);
    const againPanel = again.page.getByRole('region', { name: 'Afgeschermde delen', exact: true });
    await againPanel.getByText(closedLine).waitFor({ timeout: 15_000 });
    await panel.getByRole('button', { name: `Organisaties van ‘${partTitle}’ wijzigen` }).click();
    const orgsDialog = director.getByRole('dialog', { name: `Organisaties van ‘${partTitle}’` });
    expect(await orgsDialog.getByRole('checkbox', { name: 'Politie Testeenheid' }).isChecked()).toBe(true);
    await orgsDialog.getByRole('checkbox', { name: 'Veilig Thuis Testregio' }).check();
    await orgsDialog.getByRole('button', { name: 'Opslaan' }).click();
    const vtEditor = again.page.getByRole('textbox', { name: `Tekst van ‘${partTitle}’` });
    await expect.poll(() => vtEditor.textContent().catch(() => null), { timeout: 20_000 }).toContain(marker);
    expect(againFrames.some((frame) => frame.includes(needle))).toBe(true); // the control for the frame check
    await expect.poll(() => vaultRows(again.page, part), { timeout: 10_000 }).toBeGreaterThan(0);

    // And removes it again: the part leaves the VT user's board and vault.
    await panel.getByRole('button', { name: `Organisaties van ‘${partTitle}’ wijzigen` }).click();
    await director.getByRole('dialog', { name: `Organisaties van ‘${partTitle}’` }).getByRole('checkbox', { name: 'Veilig Thuis Testregio' }).uncheck();
    await director.getByRole('dialog', { name: `Organisaties van ‘${partTitle}’` }).getByRole('button', { name: 'Opslaan' }).click();
    await againPanel.getByText(closedLine).waitFor({ timeout: 20_000 });
    expect(await vtEditor.count()).toBe(0);
    expect(await again.page.content()).not.toContain(marker);
    await expect.poll(() => vaultRows(again.page, part), { timeout: 10_000 }).toBe(0);
  });
});
