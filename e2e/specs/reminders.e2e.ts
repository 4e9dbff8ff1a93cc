import type { Locator, Page } from 'playwright-core';
import * as Y from 'yjs';
import { initMeetingDoc } from '../../renderer/src/collab/meetingHeader';
import { invite, setAttendance } from '../../renderer/src/collab/participants';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { pushDoc } from '../fixtures/minutes';
import { backOnline, goOfflineWithShell } from '../fixtures/offlineShell';
import { createTestCase, dutchDate, seedUser, seedWithGrants } from '../fixtures/plan';
import { signedInPage } from '../fixtures/session';
import { apiToken } from '../fixtures/totp';
import { describe, expect, test } from '../fixtures/test';

// Issue 17, part 2: "Mijn acties" and the reminders bell, computed in the app from the vault.
// Dirk (Veilig Thuis) owns actions in a case Pim runs, is invited to a meeting tomorrow and
// attended one whose minutes Pim approves. All content is fictional.
const caseRoom = 'case:e2eremind0000001';
const laterCaseRoom = 'case:e2eremind0000002';
const soonMeeting = 'meeting:e2eremind0000003';
const approvedMeeting = 'meeting:e2eremind0000004';
const pim = seedUser('pim.proef');
const dirk = seedUser('dirk.deelnemer');
const seed = seedWithGrants([caseRoom, laterCaseRoom, soonMeeting, approvedMeeting].flatMap((room) => [
  { room, username: 'pim.proef', access: 'edit' as const },
  { room, username: 'dirk.deelnemer', access: 'edit' as const },
]));
const victimName = 'Iris Verzonnen';
const label = 'Casus Merel (fictief)';
const caseNumber = 'E2E-0001';

const login = (url: string, username: string, password: string): Promise<string> => apiToken(url, username, password);

/** A meeting of Pim with Dirk invited; with `approve`, Dirk attended and Pim approves the minutes. */
async function publishMeeting(url: string, room: string, start: Date, approve: boolean): Promise<void> {
  const doc = new Y.Doc();
  initMeetingDoc(doc, { type: 'themakamer', start: start.toISOString(), location: 'Zaal 1 (fictief)', videoLink: '', chair: 'pim.proef' }, { username: 'pim.proef' });
  invite(doc, { username: 'pim.proef', org: 'zvh', role: 'procesregisseur' });
  invite(doc, { username: 'dirk.deelnemer', org: 'vt', role: 'deelnemer' });
  if (approve) setAttendance(doc, 'dirk.deelnemer', 'aanwezig');
  const token = await login(url, pim.username, pim.password);
  await pushDoc(url.replace(/^http/u, 'ws'), token, room, doc);
  if (!approve) return;
  const response = await fetch(`${url}/api/meetings/${encodeURIComponent(room)}/approve`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`approve: ${response.status}`);
}

/** The bell button, whatever its count. */
function bell(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: /^Herinneringen/u });
}

function panel(page: Page): Locator {
  return page.getByRole('region', { name: 'Herinneringen', exact: true });
}

async function reminderTitles(page: Page): Promise<string[]> {
  return panel(page).locator('.reminder-item__link').evaluateAll((links) => links.map((link) => (link.textContent ?? '').trim()));
}

/** The texts of the items in one group of Mijn acties (by its heading's start). */
function group(page: Page, heading: RegExp): Locator {
  return page.getByRole('region', { name: 'Mijn acties', exact: true }).getByRole('region', { name: heading });
}

describe('Mijn acties and the reminders bell', () => {
  test.override('seed', seed);

  test('groups my actions, counts and lists my reminders, marks them read once per user, keeps choices, and works offline', async ({ server, newUserContext, pageErrors }) => {
    await createTestCase(server.url, pim, {
      room: caseRoom, label, personName: victimName,
      actions: [
        { description: 'Risicotaxatie bespreken (fictief)', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: dutchDate(-3), source: null },
        { description: 'Slachtoffer terugbellen (fictief)', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: dutchDate(1), source: null },
        { description: 'Verslag aan OM sturen (fictief)', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: dutchDate(5), source: null },
        { description: 'Dossier overdragen (fictief)', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: dutchDate(20), source: null },
        { description: 'Al afgerond (fictief)', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: dutchDate(-1), source: null, status: 'gedaan' },
        { description: 'Actie van Pim (fictief)', owner: 'pim.proef', ownerOrg: 'zvh', due: dutchDate(-1), source: null },
      ],
      measures: [
        { kind: 'contactverbod', start: dutchDate(-60), end: dutchDate(10), note: '' },
        { kind: 'locatieverbod', start: dutchDate(-60), end: dutchDate(60), note: '' },
      ],
    });
    await publishMeeting(server.url, soonMeeting, new Date(Date.now() + 24 * 3_600_000), false);
    await publishMeeting(server.url, approvedMeeting, new Date(Date.now() - 7 * 24 * 3_600_000), true);

    const context = await newUserContext();
    const { page, session } = await signedInPage(context, server.url, dirk, '#/acties');
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // Mijn acties: only Dirk's open actions, by urgency, each with case number and label.
    const mine = page.getByRole('region', { name: 'Mijn acties', exact: true });
    await expect.poll(() => group(page, /^Te laat/u).getByRole('listitem').count(), { timeout: 15_000 }).toBe(1);
    expect(await group(page, /^Te laat/u).getByRole('heading').textContent()).toBe('Te laat (1)');
    expect(await group(page, /^Deze week/u).locator('.action-item__description').allTextContents()).toEqual(['Slachtoffer terugbellen (fictief)', 'Verslag aan OM sturen (fictief)']);
    expect(await group(page, /^Later/u).locator('.action-item__description').allTextContents()).toEqual(['Dossier overdragen (fictief)']);
    const overdue = group(page, /^Te laat/u).getByRole('listitem');
    expect(await overdue.textContent()).toContain('3 dagen te laat');
    const caseLink = overdue.getByRole('link', { name: `${caseNumber} · ${label}` });
    expect(await caseLink.getAttribute('href')).toBe(`#/casussen/${encodeURIComponent(caseRoom)}`);
    expect(await mine.textContent()).not.toContain('Actie van Pim');
    expect(await mine.textContent()).not.toContain('Al afgerond');

    // The bell: 4 assigned by Pim, 2 due (overdue, tomorrow), 1 measure, 1 meeting tomorrow, 1 approved minutes.
    await expect.poll(() => bell(page).getAttribute('aria-label'), { timeout: 15_000 }).toBe('Herinneringen, 9 ongelezen');
    await bell(page).focus();
    await page.keyboard.press('Enter');
    expect(await bell(page).getAttribute('aria-expanded')).toBe('true');
    const titles = await reminderTitles(page);
    expect(titles).toHaveLength(9);
    expect(titles.map((title) => title.replace(/^Nieuw /u, ''))).toEqual(expect.arrayContaining([
      '3 dagen te laat: Risicotaxatie bespreken (fictief)',
      'Deadline morgen: Slachtoffer terugbellen (fictief)',
      'Actie voor u: Dossier overdragen (fictief)',
      expect.stringMatching(/^Contactverbod loopt af op \d\d-\d\d-\d{4}$/u),
      'Overleg binnenkort: Themakamer HG/KM',
      'Verslag vastgesteld: Themakamer HG/KM',
    ]));
    // Overdue first; the locatieverbod (two months left) and Pim's own action are not Dirk's reminders.
    expect(titles[0]).toContain('3 dagen te laat');
    expect(titles.join('\n')).not.toMatch(/Locatieverbod|Actie van Pim|Al afgerond/u);
    expect(await page.content()).not.toContain(victimName);
    await expectNoSeriousA11yViolations(page, 'the reminders panel');

    // One marked read: the count drops; Escape closes the panel and focus returns to the bell.
    await panel(page).getByRole('button', { name: 'Markeer als gelezen: Overleg binnenkort: Themakamer HG/KM' }).click();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Herinneringen, 8 ongelezen');
    expect(await panel(page).getByRole('status').textContent()).toBe('8 ongelezen');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    expect(await bell(page).evaluate((element) => element === document.activeElement)).toBe(true);

    // Preferences: no more reminders about measures.
    await bell(page).click();
    await panel(page).getByRole('button', { name: 'Welke herinneringen?' }).click();
    await panel(page).getByRole('checkbox', { name: /^Maatregelen in mijn casussen/u }).uncheck();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Herinneringen, 7 ongelezen');
    expect((await reminderTitles(page)).join('\n')).not.toContain('Contactverbod');
    await expectNoSeriousA11yViolations(page, 'the reminders panel with its settings');

    // Offline: the app shell from disk, everything else from the vault. The read mark and
    // the choice are the user's, kept in the vault: nothing nags again after the reload.
    await goOfflineWithShell(context, server.url);
    await page.reload();
    await session.unlock(dirk.password);
    await expect.poll(() => session.syncState(), { timeout: 15_000 }).toBe('offline');
    await expect.poll(() => group(page, /^Deze week/u).getByRole('listitem').count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => bell(page).getAttribute('aria-label'), { timeout: 15_000 }).toBe('Herinneringen, 7 ongelezen');
    await bell(page).click();
    await panel(page).getByRole('button', { name: 'Alles gelezen' }).click();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Herinneringen');
    expect(await panel(page).getByRole('status').textContent()).toBe('0 ongelezen');
    // Read reminders stay in the list (without "Nieuw"); the measure is switched off.
    const afterAllRead = await reminderTitles(page);
    expect(afterAllRead).toHaveLength(8);
    expect(afterAllRead.filter((title) => title.startsWith('Nieuw'))).toEqual([]);

    // Back online, a new action for Dirk in another case: only that one counts.
    await backOnline(context, server.url);
    await expect.poll(() => session.syncState(), { timeout: 20_000 }).toBe('online');
    await createTestCase(server.url, pim, {
      room: laterCaseRoom, label: 'Casus Spreeuw (fictief)',
      actions: [{ description: 'Nieuwe afspraak maken (fictief)', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: dutchDate(30), source: null }],
    });
    await expect.poll(() => bell(page).getAttribute('aria-label'), { timeout: 20_000 }).toBe('Herinneringen, 1 ongelezen');
    await page.reload();
    await session.unlock(dirk.password);
    await expect.poll(() => bell(page).getAttribute('aria-label'), { timeout: 15_000 }).toBe('Herinneringen, 1 ongelezen');
    await bell(page).click();
    const link = panel(page).getByRole('link', { name: 'Nieuw Actie voor u: Nieuwe afspraak maken (fictief)' });
    await link.click();
    await expect.poll(() => page.url()).toContain(encodeURIComponent(laterCaseRoom));
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Herinneringen');
  });

  test('another user of the same browser has their own reminders and read marks', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, {
      room: caseRoom, label,
      actions: [
        { description: 'Dirk zijn actie (fictief)', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: dutchDate(1), source: null },
        { description: 'Pim zijn actie (fictief)', owner: 'pim.proef', ownerOrg: 'zvh', due: dutchDate(-2), source: null },
      ],
    });
    const context = await newUserContext();
    const { page, session } = await signedInPage(context, server.url, dirk, '#/acties');
    await expect.poll(() => bell(page).getAttribute('aria-label'), { timeout: 15_000 }).toBe('Herinneringen, 2 ongelezen');
    await bell(page).click();
    await panel(page).getByRole('button', { name: 'Alles gelezen' }).click();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Herinneringen');
    await session.signOut();

    await session.signIn(pim.username, pim.password);
    // Pim's own action is overdue; he gave it to himself, so it is not "assigned to him".
    await expect.poll(() => bell(page).getAttribute('aria-label'), { timeout: 15_000 }).toBe('Herinneringen, 1 ongelezen');
    await bell(page).click();
    expect(await reminderTitles(page)).toEqual(['Nieuw 2 dagen te laat: Pim zijn actie (fictief)']);
    await expect.poll(() => page.getByRole('region', { name: 'Mijn acties', exact: true }).locator('.action-item__description').allTextContents())
      .toEqual(['Pim zijn actie (fictief)']);
  });

  test('the clock moves on: a read "due tomorrow" comes back once as overdue, and Mijn acties moves it', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, {
      room: caseRoom, label,
      actions: [{ description: 'Risicoplan afronden (fictief)', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: dutchDate(1), source: null }],
    });
    const context = await newUserContext();
    const { page, session } = await signedInPage(context, server.url, dirk, '#/acties');
    await expect.poll(() => bell(page).getAttribute('aria-label'), { timeout: 15_000 }).toBe('Herinneringen, 2 ongelezen');
    await bell(page).click();
    await panel(page).getByRole('button', { name: 'Alles gelezen' }).click();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Herinneringen');
    expect(await group(page, /^Deze week/u).locator('.action-item__description').allTextContents()).toEqual(['Risicoplan afronden (fictief)']);

    // Two days later (the browser's clock, set by the test; it keeps running from there).
    await context.clock.install({ time: Date.now() + 2 * 24 * 3_600_000 });
    await page.reload();
    await session.unlock(dirk.password);
    await expect.poll(() => bell(page).getAttribute('aria-label'), { timeout: 15_000 }).toBe('Herinneringen, 1 ongelezen');
    await bell(page).click();
    expect(await reminderTitles(page)).toEqual(['Nieuw 1 dag te laat: Risicoplan afronden (fictief)', 'Actie voor u: Risicoplan afronden (fictief)']);
    await expect.poll(() => group(page, /^Te laat/u).locator('.action-item__description').allTextContents()).toEqual(['Risicoplan afronden (fictief)']);
  });
});
