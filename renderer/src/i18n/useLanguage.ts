import { useTranslation } from 'react-i18next';
import { currentLanguage } from './setup';
import type { Language } from './languages';

/** The current UI language and a way to switch it (re-renders on every switch). */
export function useLanguage(): { language: Language; setLanguage: (language: Language) => Promise<void> } {
  const { i18n } = useTranslation();
  return {
    language: currentLanguage(i18n),
    setLanguage: async (language) => {
      await i18n.changeLanguage(language);
    },
  };
}
