import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, isLanguage, type Language } from './languages';
import { en } from './messages/en';
import { nl } from './messages/nl';
import './types';

/** Where the chosen language is remembered (per browser profile, not per user). */
export const LANGUAGE_STORAGE_KEY = 'themakamer.language';

/** The storage the language choice lives in; absent or throwing storage means "don't remember". */
export type LanguageStorage = Pick<Storage, 'getItem' | 'setItem'>;

function storedLanguage(storage: LanguageStorage | null): Language {
  try {
    const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

/**
 * Creates the i18n instance: Dutch unless another language was chosen before, resources
 * bundled (no network), and `<html lang>` plus the stored choice follow every switch.
 */
export function createI18n(options: { storage?: LanguageStorage | null; root?: HTMLElement | null } = {}): i18n {
  const storage = options.storage ?? null;
  const root = options.root ?? null;
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  const follow = (language: string): void => {
    if (!isLanguage(language)) return;
    if (root) root.lang = language;
    try {
      storage?.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Private mode or a full quota: the switch still works for this session.
    }
  };
  instance.on('languageChanged', follow);
  void instance.init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng: storedLanguage(storage),
    fallbackLng: defaultLanguage,
    supportedLngs: ['nl', 'en'],
    // React escapes; i18next escaping would double-escape.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** The current UI language of an instance (Dutch when it reports anything else). */
export function currentLanguage(instance: Pick<i18n, 'language'>): Language {
  return isLanguage(instance.language) ? instance.language : defaultLanguage;
}
