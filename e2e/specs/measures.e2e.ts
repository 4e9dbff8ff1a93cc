import type { Locator, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { seedUser } from '../fixtures/plan';
import { signedInPage } from '../fixtures/session';
import { describe, expect, test } from '../fixtures/test';

// Issue 16: the region's improvement measures ("Verbetermaatregelen"), one shared board
// edited live by process directors and secretaries, read by the others, with review moments.
const pim = seedUser('pim.proef');
const sanne = seedUser('sanne.secretaris');
const dirk = seedUser('dirk.deelnemer');
const hash = '#/verbetermaatregelen';
const title = 'Werkafspraken stalking borgen (fictief)';

const phase = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const measure = (scope: Page | Locator, name: string) => scope.getByRole('article', { name });

describe('the improvement measures board', () => {
  test('two users edit the board and see each other live; a review moment is recorded and read back', async ({ server, newUserContext }) => {
    const a = (await signedInPage(await newUserContext(), server.url, pim, hash)).page;
    const b = (await signedInPage(await newUserContext(), server.url, sanne, hash)).page;
    await a.getByRole('heading', { level: 1, name: 'Verbetermaatregelen' }).waitFor();
    await b.getByRole('heading', { name: 'Herkennen', exact: true }).waitFor();

    // A (process director) adds a measure under Herkennen, owned by Veilig Thuis.
    const form = a.getByRole('region', { name: 'Nieuwe maatregel', exact: true });
    await form.getByLabel('Titel van de maatregel').fill(title);
    await form.getByLabel('Fase').selectOption('herkennen');
    await form.getByLabel('Status').selectOption('lopend');
    await form.getByLabel('Eigenaar (organisatie)').selectOption('vt');
    await form.getByRole('button', { name: 'Maatregel toevoegen' }).click();

    // B (secretary) sees it live in the right phase, and sets it to gerealiseerd.
    const atB = measure(phase(b, 'Herkennen'), title);
    await atB.waitFor();
    expect(await atB.getByLabel('Eigenaar (organisatie)').inputValue()).toBe('vt');
    await atB.getByLabel('Status').selectOption('gerealiseerd');
    const atA = measure(phase(a, 'Herkennen'), title);
    await expect.poll(() => atA.getByLabel('Status').inputValue()).toBe('gerealiseerd');

    // B writes the stand van zaken; A reads it live. A writes a knelpunt; B reads it.
    await atB.getByRole('textbox', { name: `Stand van zaken bij ‘${title}’` }).click();
    await b.keyboard.type('Werkproces uitgerold bij alle partners.');
    await expect.poll(() => atA.getByRole('textbox', { name: `Stand van zaken bij ‘${title}’` }).textContent()).toContain('Werkproces uitgerold bij alle partners.');
    await atA.getByRole('textbox', { name: `Knelpunten bij ‘${title}’` }).click();
    await a.keyboard.type('Hoge werkdruk bij de partners.');
    await expect.poll(() => atB.getByRole('textbox', { name: `Knelpunten bij ‘${title}’` }).textContent()).toContain('Hoge werkdruk');
    // Each sees the other in the presence bar.
    await expect.poll(() => a.getByRole('region', { name: 'Wie heeft deze casus open', exact: true }).textContent()).toContain('Sanne Secretaris');

    await expectNoSeriousA11yViolations(a, 'measures board, editor');

    // Only the process director records a review moment.
    expect(await b.getByRole('button', { name: 'Stand vastleggen (reviewmoment)' }).count()).toBe(0);
    await a.getByRole('button', { name: 'Stand vastleggen (reviewmoment)' }).click();
    await a.getByRole('status').filter({ hasText: 'Reviewmoment 1 vastgelegd' }).waitFor();

    // The board moves on; the review keeps what it said then.
    await atA.getByLabel('Status').selectOption('gestopt');
    await expect.poll(() => atB.getByLabel('Status').inputValue()).toBe('gestopt');
    await a.getByRole('button', { name: /^Reviewmoment 1 – / }).click();
    const copy = a.getByRole('region', { name: /^Stand bij reviewmoment 1/ });
    await copy.waitFor();
    const text = (await copy.textContent()) ?? '';
    expect(text).toContain(title);
    expect(text).toContain('Gerealiseerd');
    expect(text).not.toContain('Gestopt');
    expect(text).toContain('Werkproces uitgerold bij alle partners.');
    expect(text).toContain('Hoge werkdruk bij de partners.');
    expect(text).toContain('Veilig Thuis Testregio');
    await expectNoSeriousA11yViolations(a, 'measures board, review copy');
  });

  test('a participant reads the board and its reviews but cannot change them', async ({ server, newUserContext }) => {
    const a = (await signedInPage(await newUserContext(), server.url, pim, hash)).page;
    const form = a.getByRole('region', { name: 'Nieuwe maatregel', exact: true });
    await form.getByLabel('Titel van de maatregel').fill(title);
    await form.getByRole('button', { name: 'Maatregel toevoegen' }).click();
    await a.getByRole('button', { name: 'Stand vastleggen (reviewmoment)' }).click();
    await a.getByRole('status').filter({ hasText: 'Reviewmoment 1 vastgelegd' }).waitFor();

    const d = (await signedInPage(await newUserContext(), server.url, dirk, hash)).page;
    const item = measure(phase(d, 'Nieuwe maatregelen'), title);
    await item.waitFor();
    await d.getByText('U kunt de verbetermaatregelen lezen maar niet wijzigen.').waitFor();
    expect(await item.getByRole('combobox').count()).toBe(0);
    expect(await d.getByRole('region', { name: 'Nieuwe maatregel', exact: true }).count()).toBe(0);
    expect(await d.getByRole('button', { name: 'Stand vastleggen (reviewmoment)' }).count()).toBe(0);
    await d.getByRole('button', { name: /^Reviewmoment 1 – / }).click();
    await d.getByRole('region', { name: /^Stand bij reviewmoment 1/ }).getByText(title).waitFor();
    await expectNoSeriousA11yViolations(d, 'measures board, read-only');
  });
});
