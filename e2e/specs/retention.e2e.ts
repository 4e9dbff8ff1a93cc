import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openAdmin } from '../../sync-server/src/cli/admin';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { repoRoot } from '../fixtures/paths';
import { createTestCase, seedUser, seedWithGrants } from '../fixtures/plan';
import { defaultSeed, seedPassword, type Seed } from '../fixtures/seed';
import { signedInPage } from '../fixtures/session';
import { newSeedSecret } from '../fixtures/totp';
import { describe, expect, test } from '../fixtures/test';
import { BoardPage } from '../pages/BoardPage';
import { CasesPage } from '../pages/CasesPage';

// Issue 14, retention: "Casus afsluiten" on the board, the deletion date under the case type's
// rule, and `retention run` deleting the case only once its period has passed, in Chromium
// against the real server and the admin CLI in its own process. Every name here is invented.
const room = 'case:e2eretentie0000r1';
// createTestCase numbers a case E2E-<last four characters of its id>.
const caseNumber = 'E2E-00R1';
const label = 'Casus Bewaar-Label (fictief)';
const pieter = { username: 'pieter.privacy', name: 'Pieter Privacy (fictief)', org: 'zvh', role: 'privacyfunctionaris' as const, password: seedPassword, totpSecret: newSeedSecret() };
const seed: Seed = seedWithGrants([{ room, username: 'pim.proef', access: 'edit' }], { ...defaultSeed, users: [...defaultSeed.users, pieter] });
const pim = seedUser('pim.proef', seed);

/** A date as the app shows it (the browser runs in Europe/Amsterdam). */
const shown = (at: Date): string => new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
const plusMonths = (iso: string, months: number): Date => {
  const date = new Date(iso);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date;
};

/** `npm run admin -- …` against the test server's data dir, in its own process. */
function admin(dataDir: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'sync-server/src/cli/admin-cli.ts'), '--data-dir', dataDir, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('retention: closing a case and deleting it after its period', () => {
  test.override('seed', seed);

  test('the process director closes, reopens and closes a case; retention run keeps it at 23 months and deletes it at 25', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label });
    const { page } = await signedInPage(await newUserContext(), server.url, pim, `#/casussen/${encodeURIComponent(room)}`);
    const board = new BoardPage(page);
    await board.heading().getByText(label).waitFor();

    // The dialog asks for a reason first; the radio buttons carry the Dutch reasons as names.
    await page.getByRole('button', { name: 'Casus afsluiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Casus afsluiten' });
    await dialog.getByRole('group', { name: 'Reden van afsluiten' }).waitFor();
    await dialog.getByRole('button', { name: 'Casus afsluiten' }).click();
    await dialog.getByRole('alert').getByText('Kies een reden van afsluiten.').waitFor();
    await expectNoSeriousA11yViolations(page, 'the close dialog');
    // By keyboard: to the first reason, then the arrow keys move the choice.
    await dialog.getByRole('radio', { name: 'Doel bereikt: de veiligheid is hersteld' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: 'Overgedragen aan een andere organisatie' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowUp');
    await dialog.getByRole('button', { name: 'Casus afsluiten' }).press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    const facts = board.facts();
    await facts.getByText('Wordt verwijderd vanaf').waitFor();
    const server24 = await openAdmin({ dataDir: server.dataDir });
    let closedAt: string;
    try {
      closedAt = (await server24.auditList({ room })).filter((entry) => entry.event === 'case-close').at(-1)!.at;
    } finally {
      await server24.close();
    }
    const factsText = (await facts.textContent()) ?? '';
    expect(factsText).toContain('StatusAfgesloten');
    expect(factsText).toContain(`Afgesloten op${shown(new Date(closedAt))}`);
    // No rule for ex-partnerstalking: the default of 24 months after closing.
    expect(factsText).toContain(`Wordt verwijderd vanaf${shown(plusMonths(closedAt, 24))}`);
    await page.getByText(/^Afgesloten\. Reden: Doel bereikt: de veiligheid is hersteld\. Bewaartermijn: 24 maanden na afsluiten/u).waitFor();
    await expectNoSeriousA11yViolations(page, 'a closed case');

    // Reopened: in progress again, no deletion date; then closed again with another reason.
    await page.getByRole('button', { name: 'Casus heropenen' }).click();
    await facts.getByText('In behandeling').waitFor();
    expect(await facts.getByText('Wordt verwijderd vanaf').count()).toBe(0);
    await page.getByRole('button', { name: 'Casus afsluiten' }).click();
    await dialog.getByRole('radio', { name: 'Overgedragen aan een andere organisatie' }).check();
    await dialog.getByRole('button', { name: 'Casus afsluiten' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/^Afgesloten\. Reden: Overgedragen aan een andere organisatie\./u).waitFor();
    await page.getByRole('button', { name: 'Casus heropenen' }).waitFor();

    // A closed case stays in the list, readable, with its status.
    const cases = new CasesPage(page);
    await cases.goto();
    await expect.poll(() => cases.rowTexts(label)).toContain('Afgesloten');

    const check = await openAdmin({ dataDir: server.dataDir });
    try {
      closedAt = (await check.auditList({ room })).filter((entry) => entry.event === 'case-close').at(-1)!.at;
    } finally {
      await check.close();
    }
    const early = admin(server.dataDir, ['retention', 'run', '--now', plusMonths(closedAt, 23).toISOString()]);
    expect(early).toMatchObject({ status: 0, stdout: expect.stringContaining('0 casus(sen) verwijderd') });
    const due = admin(server.dataDir, ['retention', 'run', '--now', plusMonths(closedAt, 25).toISOString()]);
    expect(due).toMatchObject({ status: 0, stdout: expect.stringContaining('1 casus(sen) verwijderd') });
    expect(due.stdout).toContain(`${room}\t${caseNumber}\tex-partnerstalking: 24 maanden na afsluiten`);

    // At the app's next look at the server the case leaves Pim's list.
    await cases.row(label).waitFor({ state: 'detached', timeout: 30_000 });

    // The privacy officer sees the deletion, by case number.
    const officer = await signedInPage(await newUserContext(), server.url, pieter);
    await officer.page.getByRole('heading', { level: 1, name: 'Toegangslog' }).waitFor();
    const table = officer.page.getByRole('table', { name: 'Toegangslog, nieuwste eerst' });
    const deletion = table.getByRole('row').filter({ hasText: 'Casus verwijderd na bewaartermijn' });
    await deletion.first().waitFor();
    expect(await deletion.first().textContent()).toContain(`Casus ${caseNumber}`);
    await table.getByRole('row').filter({ hasText: 'Casus afgesloten' }).first().waitFor();
    await expectNoSeriousA11yViolations(officer.page, 'the access log with a deletion');
  });
});
