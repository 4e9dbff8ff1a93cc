import { Info } from 'lucide-react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Button, EmptyState, IconButton, Select, StatusPill, TextInput, Toaster } from './index';

// Server rendering gives the exact markup React produces: enough to check names, labels
// and ARIA wiring. Behaviour (focus, dialogs, keyboard) is checked in Chromium (e2e/).
const html = (element: React.ReactElement): string => renderToStaticMarkup(element);

describe('shared components', () => {
  it('Button never submits by accident and hides its icon from screen readers', () => {
    const markup = html(<Button icon={<Info />}>Opslaan</Button>);
    expect(markup).toContain('type="button"');
    expect(markup).toMatch(/<span class="button__icon" aria-hidden="true">/u);
    expect(markup).toContain('<span>Opslaan</span>');
  });

  it('IconButton is named by its label', () => {
    const markup = html(<IconButton label="Sluiten" icon={<Info />} />);
    expect(markup).toContain('aria-label="Sluiten"');
    expect(markup).toContain('<span aria-hidden="true">');
  });

  it('TextInput ties label, hint and error to the input', () => {
    const markup = html(<TextInput label="Casusnummer" hint="Bijvoorbeeld ZVH-2025-001" error="Vul een casusnummer in." />);
    const inputId = /<input[^>]* id="([^"]+)"/u.exec(markup)?.[1];
    expect(inputId).toBeTruthy();
    expect(markup).toContain(`<label class="field__label" for="${inputId}">Casusnummer</label>`);
    expect(markup).toContain(`aria-describedby="${inputId}-hint ${inputId}-error"`);
    expect(markup).toContain('aria-invalid="true"');
    expect(markup).toContain(`id="${inputId}-error">Vul een casusnummer in.</p>`);
  });

  it('Select is labelled and lists its options', () => {
    const markup = html(<Select label="Organisatie" options={[{ value: 'vt', label: 'Veilig Thuis' }, { value: 'om', label: 'OM' }]} />);
    const selectId = /<select[^>]* id="([^"]+)"/u.exec(markup)?.[1];
    expect(markup).toContain(`for="${selectId}">Organisatie</label>`);
    expect(markup).toContain('<option value="vt">Veilig Thuis</option>');
    expect(markup).not.toContain('aria-invalid');
  });

  it('EmptyState has a heading and says what to do next', () => {
    const markup = html(<EmptyState title="Er zijn nog geen acties"><p>Maak een actie aan.</p></EmptyState>);
    expect(markup).toContain('<h2 class="empty-state__title">Er zijn nog geen acties</h2>');
    expect(markup).toContain('<p>Maak een actie aan.</p>');
  });

  it('StatusPill carries its meaning in text, not only colour', () => {
    expect(html(<StatusPill tone="warning">Offline</StatusPill>)).toContain('<span>Offline</span>');
  });

  it('Toaster always renders its live region, and the toasts only when there are any', () => {
    const none = html(<Toaster toasts={[]} onDismiss={() => undefined} label="Meldingen" dismissLabel="Melding sluiten" />);
    expect(none).toContain('role="status"');
    expect(none).not.toContain('aria-label="Meldingen"');
    const one = html(
      <Toaster toasts={[{ id: 1, text: 'U bent offline.', tone: 'warning' }]} onDismiss={() => undefined} label="Meldingen" dismissLabel="Melding sluiten" />,
    );
    expect(one).toMatch(/role="status"[^>]*><p>U bent offline\.<\/p>/u);
    expect(one).toContain('aria-label="Meldingen"');
    expect(one).toContain('aria-label="Melding sluiten"');
  });
});
