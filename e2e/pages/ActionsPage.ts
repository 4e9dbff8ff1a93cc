import type { Locator, Page } from 'playwright-core';

/** Actions on a case board and the Acties view, as a user sees them: by role and Dutch name. */
export class ActionsPage {
  constructor(readonly page: Page) {}

  /** The board's actions region (its h2 "Acties"). */
  boardRegion(): Locator {
    return this.page.getByRole('region', { name: 'Acties', exact: true });
  }

  /** The action dialog ("Nieuwe actie" / "Actie wijzigen"). */
  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Opens the new-action form from the board. */
  async startNew(): Promise<void> {
    await this.boardRegion().getByRole('button', { name: 'Nieuwe actie', exact: true }).click();
    await this.dialog().getByRole('heading', { name: 'Nieuwe actie' }).waitFor();
  }

  /** Fills the form (fields left undefined stay as they are). */
  async fill(fields: { description?: string; owner?: string; due?: string; source?: string }): Promise<void> {
    const dialog = this.dialog();
    if (fields.description !== undefined) await dialog.getByLabel('Omschrijving').fill(fields.description);
    if (fields.owner !== undefined) await dialog.getByLabel('Eigenaar').selectOption({ label: fields.owner });
    if (fields.due !== undefined) await dialog.getByLabel('Deadline').fill(fields.due);
    if (fields.source !== undefined) await dialog.getByLabel('Afgesproken in').selectOption({ label: fields.source });
  }

  /** Presses "Actie opslaan". */
  async save(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Actie opslaan', exact: true }).click();
  }

  /** The form's error summary (role alert). */
  formError(): Locator {
    return this.dialog().getByRole('alert');
  }

  /** The actions listed on the board, as their visible descriptions. */
  async boardDescriptions(): Promise<string[]> {
    return this.boardRegion().locator('.action-item__description').allTextContents();
  }

  /** The Acties view's table rows (body only). */
  overviewRows(): Locator {
    return this.page.getByRole('table', { name: 'Acties, uw eigen acties eerst' }).locator('tbody tr');
  }

  /** Each row's cells as text (action, owner, due, status, case). */
  async overviewTable(): Promise<string[][]> {
    return this.overviewRows().evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim())));
  }

  /** A filter select of the Acties view by its label ("Eigenaar", "Organisatie", "Status"). */
  filter(label: string): Locator {
    return this.page.getByRole('group', { name: 'Filters' }).getByLabel(label, { exact: true });
  }

  /** The "Alleen te laat" checkbox. */
  overdueOnly(): Locator {
    return this.page.getByRole('checkbox', { name: 'Alleen te laat' });
  }
}
