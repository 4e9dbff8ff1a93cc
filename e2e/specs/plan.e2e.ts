import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { createTestCase, seedUser, seedWithGrants } from '../fixtures/plan';
import { signedInPage } from '../fixtures/session';
import { describe, expect, test } from '../fixtures/test';
import { PlanPage } from '../pages/PlanPage';

// Issue 4: the safety plan, co-edited live per section with remote cursors and names,
// undo of one's own edits only, read-only for view access; presence shows who types where.
const room = 'case:e2eplan000000001';
const hash = `#/casussen/${encodeURIComponent(room)}`;
const seed = seedWithGrants([
  { room, username: 'pim.proef', access: 'edit' },
  { room, username: 'dirk.deelnemer', access: 'edit' },
  { room, username: 'wendy.waarnemer', access: 'view' },
]);
const pim = seedUser('pim.proef');
const dirk = seedUser('dirk.deelnemer');
const wendy = seedUser('wendy.waarnemer');
const section = 'Situatie en risico';
const base = 'Betrokkene meldt dagelijks berichten (fictief).';

describe('safety plan', () => {
  test.override('seed', seed);

  test('A types, B sees the text live with A\'s caret and name, and where A is typing', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label: 'Casus 2026-201 (fictief)', plan: { 'situatie-en-risico': [base] } });
    const a = new PlanPage((await signedInPage(await newUserContext(), server.url, pim, hash)).page);
    const b = new PlanPage((await signedInPage(await newUserContext(), server.url, dirk, hash)).page);
    await expect.poll(() => a.text(section), { timeout: 15_000 }).toBe(base);
    await expect.poll(() => b.text(section), { timeout: 15_000 }).toBe(base);

    await a.typeAtEnd(section, ' Politie rijdt extra surveillance.');
    await expect.poll(() => b.text(section)).toBe(`${base} Politie rijdt extra surveillance.`);
    await expect.poll(() => b.caretNames(section)).toEqual(['Pim Proef (fictief)']);
    // The caret is in the section A types in, and nowhere else.
    expect(await b.caretNames('Hulp en ondersteuning')).toEqual([]);
    await expect.poll(() => b.presentUsers()).toEqual(['Pim Proef (fictief) (zvh), typt in Situatie en risico']);
    expect(await b.region().getByText('Pim Proef (fictief) typt hier').count()).toBe(1);

    // A leaves the section: B no longer sees A typing there.
    await a.page.getByRole('heading', { level: 1 }).click();
    await expect.poll(() => b.presentUsers()).toEqual(['Pim Proef (fictief) (zvh), bekijkt de casus']);
    await expect.poll(() => b.caretNames(section)).toEqual([]);
  });

  test('undo takes back only one\'s own edits; formatting from the toolbar and with shortcuts', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label: 'Casus 2026-202 (fictief)', plan: { 'situatie-en-risico': [base] } });
    const a = new PlanPage((await signedInPage(await newUserContext(), server.url, pim, hash)).page);
    const b = new PlanPage((await signedInPage(await newUserContext(), server.url, dirk, hash)).page);
    await expect.poll(() => b.text(section), { timeout: 15_000 }).toBe(base);

    await a.typeAtEnd(section, ' Van A.');
    await expect.poll(() => b.text(section)).toBe(`${base} Van A.`);
    await b.typeAtEnd(section, ' Van B.');
    await expect.poll(() => a.text(section)).toBe(`${base} Van A. Van B.`);

    // A undoes: A's words go, B's stay — on both screens.
    await a.editor(section).click();
    await a.tool(section, 'Ongedaan maken').click();
    await expect.poll(() => a.text(section)).toBe(`${base} Van B.`);
    await expect.poll(() => b.text(section)).toBe(`${base} Van B.`);
    await a.tool(section, 'Opnieuw').click();
    await expect.poll(() => b.text(section)).toBe(`${base} Van A. Van B.`);
    // B undoes with the keyboard: only B's words go.
    await b.editor(section).click();
    await b.page.keyboard.press('Control+z');
    await expect.poll(() => a.text(section)).toBe(`${base} Van A.`);

    // Bold from the keyboard shows as pressed in the toolbar and reaches the other side as bold.
    await a.typeAtEnd(section, ' ');
    await a.page.keyboard.press('Control+b');
    await a.page.keyboard.type('Belangrijk');
    expect(await a.tool(section, 'Vet').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => b.editor(section).locator('strong').allTextContents()).toEqual(['Belangrijk']);
    // A list from the toolbar button.
    await a.page.keyboard.press('Enter');
    await a.tool(section, 'Opsomming').click();
    await a.page.keyboard.type('Eerste punt');
    await expect
      .poll(() => b.editor(section).locator('ul li').evaluateAll((items) => items.map((item) => {
        const copy = item.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.plan-caret').forEach((caret) => caret.remove());
        return copy.textContent ?? '';
      })))
      .toEqual(['Eerste punt']);
  });

  test('the toolbar is one tab stop with arrow-key navigation and Dutch names', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label: 'Casus 2026-203 (fictief)' });
    const a = new PlanPage((await signedInPage(await newUserContext(), server.url, pim, hash)).page);
    const toolbar = a.toolbar(section);
    await toolbar.waitFor();
    expect(await toolbar.getByRole('button').evaluateAll((buttons) => buttons.map((b) => [b.getAttribute('aria-label'), b.getAttribute('tabindex'), b.getAttribute('aria-keyshortcuts')])))
      .toEqual([
        ['Vet', '0', 'Control+B'], ['Cursief', '-1', 'Control+I'], ['Opsomming', '-1', 'Control+Shift+8'],
        ['Genummerde lijst', '-1', 'Control+Shift+7'], ['Nooit exporteren', '-1', 'Control+Shift+E'],
        ['Ongedaan maken', '-1', 'Control+Z'], ['Opnieuw', '-1', 'Control+Shift+Z Control+Y'],
      ]);
    await a.tool(section, 'Vet').focus();
    await a.page.keyboard.press('ArrowRight');
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Cursief');
    await a.page.keyboard.press('End');
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Opnieuw');
    await a.page.keyboard.press('ArrowRight');
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Vet');
  });

  test('a passage marked "Nooit exporteren" is marked for everyone on screen, live; the mark toggles off again', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label: 'Casus 2026-205 (fictief)', plan: { 'situatie-en-risico': [base] } });
    const a = new PlanPage((await signedInPage(await newUserContext(), server.url, pim, hash)).page);
    const b = new PlanPage((await signedInPage(await newUserContext(), server.url, dirk, hash)).page);
    await expect.poll(() => b.text(section), { timeout: 15_000 }).toBe(base);
    await a.typeAtEnd(section, ' Schuiladres (fictief).');
    const tool = a.tool(section, 'Nooit exporteren');
    expect(await tool.getAttribute('aria-pressed')).toBe('false');
    await tool.click();
    await expect.poll(() => tool.getAttribute('aria-pressed')).toBe('true');
    const marked = (page: PlanPage) => page.editor(section).locator('[data-never-export]');
    await expect.poll(() => marked(b).count()).toBe(1);
    expect(await marked(b).textContent()).toContain('Schuiladres (fictief).');
    // The label is on screen, in Dutch, from the stylesheet.
    expect(await marked(b).evaluate((element) => getComputedStyle(element, '::before').content)).toBe('"Nooit exporteren: alleen op het scherm"');
    await expectNoSeriousA11yViolations(b.page, 'a never-export passage');
    // With the keyboard the mark comes off again, for both.
    await a.editor(section).focus();
    await a.page.keyboard.press('Control+Shift+E');
    await expect.poll(() => marked(b).count()).toBe(0);
    expect(await tool.getAttribute('aria-pressed')).toBe('false');
  });

  test('a user with view access reads the plan live but cannot change it', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label: 'Casus 2026-204 (fictief)', plan: { 'situatie-en-risico': [base] } });
    const a = new PlanPage((await signedInPage(await newUserContext(), server.url, pim, hash)).page);
    const w = new PlanPage((await signedInPage(await newUserContext(), server.url, wendy, hash)).page);
    await expect.poll(() => w.text(section), { timeout: 15_000 }).toBe(base);
    expect(await w.editor(section).getAttribute('contenteditable')).toBe('false');
    expect(await w.editor(section).getAttribute('aria-readonly')).toBe('true');
    expect(await w.page.getByRole('toolbar').count()).toBe(0);
    await w.editor(section).click();
    await w.page.keyboard.type('mag niet');
    await a.typeAtEnd(section, ' Nieuw.');
    await expect.poll(() => w.text(section)).toBe(`${base} Nieuw.`);
    expect(await a.text(section)).toBe(`${base} Nieuw.`);
  });

  test('the board with the live editor and another user present passes axe', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label: 'Casus 2026-205 (fictief)', plan: { 'situatie-en-risico': [base] } });
    const a = new PlanPage((await signedInPage(await newUserContext(), server.url, pim, hash)).page);
    const b = new PlanPage((await signedInPage(await newUserContext(), server.url, dirk, hash)).page);
    await a.typeAtEnd(section, ' Tekst van A.');
    await expect.poll(() => b.caretNames(section), { timeout: 15_000 }).toEqual(['Pim Proef (fictief)']);
    await b.typeAtEnd('Hulp en ondersteuning', 'Tekst van B.');
    await expectNoSeriousA11yViolations(b.page, 'the case board with the safety plan editor, a remote caret and presence');
    await expectNoSeriousA11yViolations(a.page, 'the case board while typing in the safety plan');
  });
});
