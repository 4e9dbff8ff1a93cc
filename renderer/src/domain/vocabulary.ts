/**
 * A closed list of values with a Dutch and an English label each. Stored values are
 * Dutch slugs (the domain's own words); the UI shows `label(value, language)` or looks
 * up `labelKey(value)` in its messages.
 */

/** Dutch first, English second. */
export interface Label {
  nl: string;
  en: string;
}

/** The languages a label exists in. */
export type LabelLanguage = keyof Label;

/** A vocabulary: its values in order, their labels and a type guard. */
export interface Vocabulary<V extends string> {
  /** Name used in i18n keys, e.g. `actionStatus`. */
  readonly name: string;
  /** Every value, in the order the UI lists them. */
  readonly values: readonly V[];
  readonly labels: Readonly<Record<V, Label>>;
  /** True when `value` is one of this vocabulary's values. */
  is(value: unknown): value is V;
  /** The label of `value` in `language`. */
  label(value: V, language: LabelLanguage): string;
  /** The i18n key of `value`, e.g. `vocab.actionStatus.open`. */
  labelKey(value: V): string;
}

/** The value type of a vocabulary. */
export type VocabValue<T> = T extends Vocabulary<infer V> ? V : never;

/** Defines a vocabulary; the order of `labels` is the order of `values`. */
export function defineVocabulary<V extends string>(name: string, labels: Record<V, Label>): Vocabulary<V> {
  const values = Object.freeze(Object.keys(labels)) as readonly V[];
  const set = new Set<string>(values);
  return Object.freeze({
    name,
    values,
    labels: Object.freeze({ ...labels }),
    is: (value: unknown): value is V => typeof value === 'string' && set.has(value),
    label: (value: V, language: LabelLanguage) => labels[value][language],
    labelKey: (value: V) => `vocab.${name}.${value}`,
  });
}
