import type { Locator, Page } from 'playwright-core';

/** The safety plan and presence on a case board, as a user sees them: by role and Dutch name. */
export class PlanPage {
  constructor(readonly page: Page) {}

  /** The plan's region (its h2 "Veiligheidsplan"). */
  region(): Locator {
    return this.page.getByRole('region', { name: 'Veiligheidsplan', exact: true });
  }

  /** The rich-text editor of a section, by the section's Dutch label. */
  editor(section: string): Locator {
    return this.page.getByRole('textbox', { name: `Veiligheidsplan: ${section}`, exact: true });
  }

  /** The formatting toolbar of a section. */
  toolbar(section: string): Locator {
    return this.page.getByRole('toolbar', { name: `Opmaak van ${section}`, exact: true });
  }

  /** A toolbar button ("Vet", "Cursief", "Opsomming", "Genummerde lijst", "Ongedaan maken", "Opnieuw"). */
  tool(section: string, name: string): Locator {
    return this.toolbar(section).getByRole('button', { name, exact: true });
  }

  /** The text of a section as its paragraphs read (one line each), without other users' caret labels. */
  async text(section: string): Promise<string> {
    return this.editor(section).evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.plan-caret').forEach((caret) => caret.remove());
      return [...copy.querySelectorAll('p')].map((p) => p.textContent ?? '').join('\n');
    });
  }

  /** Names on other users' carets shown in a section. */
  async caretNames(section: string): Promise<string[]> {
    return this.editor(section).locator('.plan-caret').evaluateAll((carets) => carets.map((caret) => caret.textContent ?? ''));
  }

  /** Clicks at the end of a section's text and types. */
  async typeAtEnd(section: string, text: string): Promise<void> {
    const editor = this.editor(section);
    await editor.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  /** The presence bar ("Wie heeft deze casus open"). */
  presence(): Locator {
    return this.page.getByRole('region', { name: 'Wie heeft deze casus open', exact: true });
  }

  /** The accessible text of each other user in the presence bar. */
  async presentUsers(): Promise<string[]> {
    return this.presence().locator('li .visually-hidden').allTextContents();
  }
}
