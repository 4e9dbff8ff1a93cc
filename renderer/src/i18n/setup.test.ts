import { describe, expect, it } from 'vitest';
import { createI18n, currentLanguage, LANGUAGE_STORAGE_KEY, type LanguageStorage } from './setup';

/** An in-memory Storage with the two methods the i18n setup uses. */
function memoryStorage(initial: Record<string, string> = {}): LanguageStorage & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  };
}

const rootElement = () => ({ lang: '' }) as HTMLElement;

describe('createI18n', () => {
  it('starts in Dutch and sets <html lang="nl">', () => {
    const root = rootElement();
    const i18n = createI18n({ storage: memoryStorage(), root });
    expect(currentLanguage(i18n)).toBe('nl');
    expect(root.lang).toBe('nl');
    expect(i18n.t('nav.meetings')).toBe('Overleggen');
  });

  it('switches at runtime: texts, <html lang> and the remembered choice follow', async () => {
    const root = rootElement();
    const storage = memoryStorage();
    const i18n = createI18n({ storage, root });
    await i18n.changeLanguage('en');
    expect(i18n.t('nav.meetings')).toBe('Meetings');
    expect(root.lang).toBe('en');
    expect(storage.values.get(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('starts in the remembered language', () => {
    const root = rootElement();
    const i18n = createI18n({ storage: memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'en' }), root });
    expect(i18n.t('nav.cases')).toBe('Cases');
    expect(root.lang).toBe('en');
  });

  it('ignores a remembered value that is not a UI language', () => {
    const i18n = createI18n({ storage: memoryStorage({ [LANGUAGE_STORAGE_KEY]: '<script>' }), root: rootElement() });
    expect(currentLanguage(i18n)).toBe('nl');
  });

  it('works when storage throws (blocked by policy or full)', async () => {
    const broken: LanguageStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const root = rootElement();
    const i18n = createI18n({ storage: broken, root });
    expect(currentLanguage(i18n)).toBe('nl');
    await i18n.changeLanguage('en');
    expect(root.lang).toBe('en');
  });

  it('interpolates without HTML-escaping (React escapes)', () => {
    const i18n = createI18n({ storage: null, root: null });
    expect(i18n.t('app.documentTitle', { section: 'A & B' })).toBe('A & B – Themakamer');
  });
});
