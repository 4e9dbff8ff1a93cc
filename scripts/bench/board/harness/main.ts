/** The bench harness page: one mode per load, chosen by the driver (scripts/bench/board.ts). */
import '../../../../renderer/src/styles/index.css';
import { benchState, readParams } from './common';
import { runFill } from './fill';
import { runKeystroke } from './keystroke';
import { runOpen } from './open';

const state = benchState();
const params = readParams();
const modes: Record<string, (p: typeof params) => Promise<void>> = {
  fill: runFill,
  keystroke: runKeystroke,
  open: runOpen,
};

(modes[params.mode] ?? (() => Promise.reject(new Error(`unknown mode ${params.mode}`))))(params).catch((error: unknown) => {
  state.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
});
