import type { Locator, Page } from 'playwright-core';

/** A meeting page (`#/overleggen/<id>`) as a participant sees it: by role and Dutch name. */
export class MeetingScreenPage {
  constructor(readonly page: Page) {}

  /** Confirms the confidentiality statement (and presence) on the gate card. */
  async confirmConfidentiality(): Promise<void> {
    await this.page.getByRole('button', { name: 'Ik bevestig de geheimhouding en ben aanwezig', exact: true }).click();
    await this.agenda().waitFor({ timeout: 15_000 });
  }

  /** The agenda region (its heading "Agenda"). */
  agenda(): Locator {
    return this.page.getByRole('heading', { name: 'Agenda', exact: true, level: 2 });
  }

  /** The agenda rows' labels, in order. */
  async agendaLabels(): Promise<string[]> {
    return this.page.locator('ol.mt-agenda__list .mt-agenda__label').allTextContents();
  }

  /** The heading of the item on screen ("Punt 2: Casus Linde"). */
  currentItemHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: /^Punt \d+: / });
  }

  async currentItem(): Promise<string | null> {
    const heading = this.currentItemHeading();
    if ((await heading.count()) === 0) return null;
    return (await heading.first().textContent())?.trim() ?? null;
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The attendance table row of a person by display name. */
  attendanceRow(name: string): Locator {
    return this.page.locator('table').filter({ hasText: 'Geheimhouding' }).getByRole('row').filter({ hasText: name });
  }
}
