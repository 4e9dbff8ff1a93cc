import type { Download, Locator, Page } from 'playwright-core';

/** The minutes on the meeting page and the export dialog, found by role and Dutch name. */
export class MinutesExportPage {
  constructor(readonly page: Page) {}

  /** The chair approves the minutes ("Verslag vaststellen", then "Vaststellen" in the confirmation). */
  async approve(): Promise<void> {
    await this.page.getByRole('button', { name: 'Verslag vaststellen' }).click();
    await this.page.getByRole('dialog', { name: 'Verslag vaststellen?' }).getByRole('button', { name: 'Vaststellen' }).click();
    await this.page.getByText(/Vastgesteld op .* \(versie \d+\)\./u).first().waitFor();
  }

  /** Opens "Verslag exporteren" and waits until the minutes are loaded. */
  async openDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Verslag exporteren' }).click();
    const dialog = this.dialog();
    await dialog.getByRole('button', { name: 'Exporteren' }).waitFor();
    return dialog;
  }

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Verslag exporteren' });
  }

  /** Ticks signing and fills certificate, passphrase and (optionally) place. */
  async fillSigning(p12Path: string, passphrase: string): Promise<void> {
    const dialog = this.dialog();
    await dialog.getByRole('checkbox', { name: 'Digitaal ondertekenen' }).check();
    await dialog.getByLabel('Certificaatbestand (.p12)').setInputFiles(p12Path);
    await dialog.getByLabel('Wachtwoord van het certificaat').fill(passphrase);
  }

  /** Presses "Exporteren" and resolves with the download it starts. */
  async exportAndDownload(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.dialog().getByRole('button', { name: 'Exporteren' }).click();
    return download;
  }

  /** The polite result line ("… opgeslagen als …"). */
  result(): Locator {
    return this.dialog().getByRole('status').filter({ hasText: 'opgeslagen' });
  }
}
