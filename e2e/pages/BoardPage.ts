import type { Locator, Page } from 'playwright-core';

/** A case board as a user sees it: panels by their headings, controls by Dutch names. */
export class BoardPage {
  constructor(readonly page: Page) {}

  /** Opens a case by changing the hash (no reload) and waits for its heading or the no-access page. */
  async open(caseId: string): Promise<void> {
    await this.page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/casussen/${encodeURIComponent(caseId)}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** A panel (region) by its title: Betrokkenen, Risico, Maatregelen, Contactpersonen, Tijdlijn. */
  panel(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The dialog open now. */
  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** The header facts ("Gegevens van de casus") as text. */
  facts(): Locator {
    return this.page.getByLabel('Gegevens van de casus');
  }

  /** Every button on the board that changes something (none for view access). */
  editControls(): Locator {
    return this.page.getByRole('main').getByRole('button', {
      name: /^(Gegevens wijzigen|Escaleren|Toegang beheren|Betrokkene toevoegen|Vastleggen|Maatregel toevoegen|Contactpersoon vastleggen|Gebeurtenis toevoegen|Wijzigen|Verwijderen)/u,
    });
  }

  /** Fills a dialog field by its label (regex for labels with "(optioneel)"). */
  async fill(label: string | RegExp, value: string): Promise<void> {
    await this.dialog().getByLabel(label, typeof label === 'string' ? { exact: true } : undefined).fill(value);
  }

  async select(label: string | RegExp, value: string): Promise<void> {
    await this.dialog().getByLabel(label, typeof label === 'string' ? { exact: true } : undefined).selectOption(value);
  }

  /** Presses the dialog's submit ("Opslaan" unless named) and waits for the dialog to close. */
  async save(name = 'Opslaan'): Promise<void> {
    await this.dialog().getByRole('button', { name, exact: true }).click();
    await this.dialog().waitFor({ state: 'detached' }).catch(async () => {
      await this.page.getByRole('dialog').waitFor({ state: 'hidden' });
    });
  }

  /** Adds a person through "Betrokkene toevoegen". */
  async addPerson(role: string, name: string): Promise<void> {
    await this.panel('Betrokkenen').getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    await this.select('Rol', role);
    await this.fill('Naam', name);
    await this.save();
  }
}
