/**
 * Two-factor sign-in in Chromium against the real server (`npm run web`, two-factor required
 * by default): enrolment at the first sign-in from the QR code's key, a wrong code, a reused
 * code and a recovery code. Codes are computed here, as an authenticator app would.
 */
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { defaultSeed, seedPassword, type Seed } from '../fixtures/seed';
import { describe, expect, test } from '../fixtures/test';
import { codeAtStep, nextCode, secretOf } from '../fixtures/totp';
import { SessionPage } from '../pages/SessionPage';

/** A fictional user who has never signed in: not enrolled. */
const newcomer = { username: 'nina.nieuw', name: 'Nina Nieuw (fictief)', org: 'zvh', role: 'deelnemer' as const, password: seedPassword };
const seed: Seed = { ...defaultSeed, users: [...defaultSeed.users, newcomer] };

describe('two-factor sign-in', () => {
  test.override('seed', seed);

  test('the first sign-in sets up the authenticator from a QR code or the key in text, then shows ten recovery codes once', async ({ page, server, pageErrors }) => {
    const session = new SessionPage(page, server.url);
    await session.open('#/acties');
    await session.submitSignIn(newcomer.username, newcomer.password);
    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }).waitFor();
    await page.getByRole('img', { name: 'QR-code voor uw authenticator-app' }).waitFor();
    const secret = (await page.locator('code[data-secret]').getAttribute('data-secret')) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // The key as shown: in groups of four, as apps accept it.
    expect((await page.locator('code[data-secret]').textContent())?.replace(/ /g, '')).toBe(secret);
    await expectNoSeriousA11yViolations(page, 'two-factor enrolment');

    // A wrong code: refused, nothing enrolled, the field is empty and focused again.
    const step = Math.floor(Date.now() / 30_000);
    await page.getByLabel('Code uit de app', { exact: true }).fill(codeAtStep(secret, step + 10));
    await page.getByRole('button', { name: 'Instellen en inloggen' }).click();
    await session.error().getByText('onjuist of al gebruikt').waitFor();
    expect(await page.getByLabel('Code uit de app', { exact: true }).inputValue()).toBe('');

    await page.getByLabel('Code uit de app', { exact: true }).fill(await nextCode(server.url, newcomer.username, secret));
    await page.getByRole('button', { name: 'Instellen en inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bewaar uw herstelcodes' }).waitFor();
    const codes = await page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem').allTextContents();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    await expectNoSeriousA11yViolations(page, 'the recovery codes');
    await page.getByRole('button', { name: 'Ik heb de herstelcodes bewaard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acties' }).waitFor();

    // Signed out, the same account now asks for a code, and a recovery code works once.
    await session.signOut();
    await session.submitSignIn(newcomer.username, newcomer.password);
    await page.getByRole('heading', { level: 1, name: 'Code invullen' }).waitFor();
    await session.submitCode(codes[0] ?? '');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await session.signOut();
    await session.submitSignIn(newcomer.username, newcomer.password);
    await session.submitCode(codes[0] ?? '');
    await session.error().getByText('onjuist of al gebruikt').waitFor();
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    // The refused codes were answered 401: the browser logs them.
    pageErrors.splice(0);
  });

  test('an enrolled user: a wrong code and a reused code are refused with one message; the next code signs in', async ({ page, server, newUserContext, pageErrors }) => {
    const pim = defaultSeed.users[0]!;
    const session = new SessionPage(page, server.url);
    await session.open();
    await session.submitSignIn(pim.username, pim.password);
    await page.getByRole('heading', { level: 1, name: 'Code invullen' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the code step');
    await session.submitCode(codeAtStep(secretOf(pim.username), Math.floor(Date.now() / 30_000) + 10));
    await session.error().getByText('onjuist of al gebruikt').waitFor();
    expect(await session.error().textContent()).toBe('De code is onjuist of al gebruikt. Een code werkt maar één keer: wacht op de volgende code in uw app en probeer het opnieuw.');

    // The right code signs in; the same code in another browser is refused.
    const code = await nextCode(server.url, pim.username);
    await session.submitCode(code);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    const other = new SessionPage(await (await newUserContext()).newPage(), server.url);
    await other.open();
    await other.submitSignIn(pim.username, pim.password);
    await other.submitCode(code);
    await other.error().getByText('onjuist of al gebruikt').waitFor();
    expect(await other.page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    // "Terug" starts again from the password.
    await other.page.getByRole('button', { name: 'Terug' }).click();
    await other.page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await other.passwordField().inputValue()).toBe('');
    await other.signIn(pim.username, pim.password);
    // The refused codes were answered 401: the browser logs them.
    pageErrors.splice(0);
  });
});
