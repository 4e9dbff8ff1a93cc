import { useTranslation } from 'react-i18next';
import { languages, useLanguage } from '../i18n';
import { selectAnnounce, useAppStore } from './store';

/**
 * NL / EN, one click each. Every option is named in its own language (and marked with
 * `lang`) so a screen reader pronounces it right whatever the current UI language.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const announce = useAppStore(selectAnnounce);
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-switch__option"
          aria-pressed={language === option}
          onClick={async () => {
            if (option === language) return;
            await setLanguage(option);
            announce(i18n.t('language.changed'));
          }}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </div>
  );
}
