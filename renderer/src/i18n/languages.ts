/** The languages of the UI; Dutch first and the default. */
export const languages = ['nl', 'en'] as const;

/** A UI language. */
export type Language = (typeof languages)[number];

/** The language a new user sees. */
export const defaultLanguage: Language = 'nl';

/** Whether a value names a UI language. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The Intl locale used for dates and times in each language. */
export const localeOf: Record<Language, string> = {
  nl: 'nl-NL',
  // British English keeps day-month order and the 24-hour clock the users are used to.
  en: 'en-GB',
};
