import type { Locator, Page } from 'playwright-core';

/** The "Casussen" list as a user sees it: by role and Dutch accessible name. */
export class CasesPage {
  constructor(readonly page: Page) {}

  /** Goes to Casussen through the main menu (no reload: a reload would lock the vault). */
  async goto(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Casussen', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Casussen' }).waitFor();
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Casussen waartoe u toegang hebt' });
  }

  /** The case links in the table, in order (their text is the case label). */
  labels(): Promise<string[]> {
    return this.table().getByRole('rowheader').allTextContents();
  }

  /** The row of a case by its label. */
  row(label: string): Locator {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('link', { name: label, exact: true }) });
  }

  /** The cells of a case's row as text. */
  async rowTexts(label: string): Promise<string[]> {
    return this.row(label).locator('th, td').allTextContents();
  }

  search(): Locator {
    return this.page.getByRole('searchbox', { name: /^Zoeken/ });
  }

  filter(name: 'Type' | 'Status' | 'Risico'): Locator {
    return this.page.getByRole('search').getByLabel(name, { exact: true });
  }

  newCaseButton(): Locator {
    return this.page.getByRole('button', { name: 'Nieuwe casus', exact: true });
  }

  /**
   * "Nieuwe casus" with the suggested label (or `label`): creates it and waits on the new
   * board. Returns the case id from the address and the label.
   */
  async createCase(options: { label?: string; type?: string } = {}): Promise<{ caseId: string; label: string }> {
    await this.newCaseButton().click();
    const dialog = this.page.getByRole('dialog', { name: 'Nieuwe casus' });
    await dialog.waitFor();
    const labelField = dialog.getByLabel(/^Label/);
    if (options.label) await labelField.fill(options.label);
    const label = await labelField.inputValue();
    if (options.type) await dialog.getByLabel('Type', { exact: true }).selectOption(options.type);
    await dialog.getByRole('button', { name: 'Casus aanleggen' }).click();
    await this.page.getByRole('heading', { level: 1, name: label }).waitFor();
    const caseId = decodeURIComponent(new URL(this.page.url()).hash.replace('#/casussen/', ''));
    return { caseId, label };
  }
}
