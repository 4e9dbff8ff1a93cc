import type { nl } from './nl';

/** The same tree of keys as `T`, every leaf a string. */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every language's messages must have: Dutch is the source. */
export type Messages = Strings<typeof nl>;
