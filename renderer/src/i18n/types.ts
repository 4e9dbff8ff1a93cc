import type { nl } from './messages/nl';

// Makes t('…') keys checked at compile time against the Dutch messages.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
  }
}
