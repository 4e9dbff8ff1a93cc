/** Who makes an edit, and the clock it is stamped with (injectable for tests). */

/** The author of an edit: every record stores `by` and `at`. */
export interface EditContext {
  username: string;
  /** Defaults to the real clock. */
  now?: () => Date;
}

/** The ISO time of an edit. */
export function editTime(context: EditContext): string {
  return (context.now?.() ?? new Date()).toISOString();
}
