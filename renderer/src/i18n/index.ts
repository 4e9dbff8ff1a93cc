/** Texts and formats of the UI: Dutch first, English switchable at runtime. */
export { createI18n, currentLanguage, LANGUAGE_STORAGE_KEY, type LanguageStorage } from './setup';
export { languages, defaultLanguage, isLanguage, localeOf, type Language } from './languages';
export { formatDate, formatTime, formatMinutesAgo, daysBetween, type DateFormatOptions } from './dates';
export { formatMoment } from './moment';
export { useLanguage } from './useLanguage';
