import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { UserMenuView } from './UserMenu';

const i18n = createI18n({ storage: null, root: null });

describe('UserMenuView', () => {
  it('shows name, organisation and "Uitloggen" for a signed-in user', () => {
    const markup = renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <UserMenuView session={{ name: 'Pim Proef (fictief)', orgName: 'ZVH Testregio', signOut: () => undefined }} />
      </I18nextProvider>,
    );
    expect(markup).toContain('aria-label="Gebruiker"');
    expect(markup).toContain('Pim Proef (fictief)');
    expect(markup).toContain('ZVH Testregio');
    expect(markup).toMatch(/<button[^>]*><span class="button__icon" aria-hidden="true">.*<\/span><span>Uitloggen<\/span><\/button>/u);
  });

  it('says nobody is signed in, without a sign-out button', () => {
    const markup = renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <UserMenuView session={null} />
      </I18nextProvider>,
    );
    expect(markup).toContain('Niet ingelogd');
    expect(markup).not.toContain('<button');
  });
});
