/**
 * Running a piece of Yjs work under a wall-clock budget. Node's vm timeout interrupts
 * synchronous JavaScript (V8 TerminateExecution from a watchdog thread), which is the only
 * way to stop a super-linear path inside Yjs once it has started. The interrupted work
 * leaves its Y.Doc in an unknown state: the caller must discard that doc.
 *
 * The watchdog costs about 0.2 ms per call (a thread per run), so only updates that are
 * not provably cheap go through here (update-check.ts decides).
 */
import { createContext, Script } from 'node:vm';

/** The work did not finish within its budget and was interrupted. */
export class BudgetExceeded extends Error {
  override name = 'BudgetExceeded';
}

let job: (() => void) | null = null;
const context = createContext({ run: () => job?.() });
const script = new Script('run()');

/** Runs `work` and interrupts it after `budgetMs` (then throws BudgetExceeded); errors of `work` pass through. */
export function runWithBudget<T>(work: () => T, budgetMs: number): T {
  if (job !== null) throw new Error('runWithBudget is not reentrant');
  let result: { value: T } | null = null;
  job = () => {
    result = { value: work() };
  };
  try {
    script.runInContext(context, { timeout: budgetMs });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new BudgetExceeded(`interrupted after ${budgetMs} ms`);
    throw error;
  } finally {
    job = null;
  }
  if (result === null) throw new BudgetExceeded('interrupted');
  return (result as { value: T }).value;
}
