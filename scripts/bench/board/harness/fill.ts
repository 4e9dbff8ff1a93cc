/**
 * Fill mode: signs in (real sign-in: login, vault unlock with PBKDF2, session sealed in the
 * vault), writes the generated three-year history of one case into the vault as the app
 * would (each edit one update, stored in batches, compacted in the background), waits for
 * compaction, then syncs it once to the server through the doc manager so the timed runs
 * open a case that the vault and the server both hold.
 */
import { createDocManager } from '../../../../renderer/src/collab/doc-manager';
import { isSecondFactorStep, signIn } from '../../../../renderer/src/features/session/signIn';
import { openVault } from '../../../../renderer/src/vault';
import { generateHistory } from '../history';
import { benchState, waitUntil, type HarnessParams } from './common';

/** Runs fill mode; `edits` from the URL (default 20,000). */
export async function runFill(params: HarnessParams): Promise<void> {
  const state = benchState();
  const edits = Number(new URLSearchParams(location.search).get('edits') ?? 20_000);
  const signedIn = await signIn(
    { server: location.origin, username: params.username, password: params.password },
    { openVault: (serverUrl, username) => openVault({ serverUrl, username }) },
  );
  // The bench server runs without two-factor sign-in (newServer's default).
  if (isSecondFactorStep(signedIn)) throw new Error('the bench server asked for a second factor');
  const opened = signedIn;
  const started = performance.now();
  const history = generateHistory(edits);
  const generatedMs = performance.now() - started;
  const { vault } = opened;
  const batch = 20;
  for (let index = 0; index < history.updates.length; index += batch) {
    await vault.appendUpdates(params.room, history.updates.slice(index, index + batch));
  }
  await vault.flush();
  const storedMs = performance.now() - started - generatedMs;

  const manager = createDocManager({
    vault, serverUrl: location.origin, token: opened.session.token,
    user: { username: params.username, name: params.name, org: params.org },
  });
  const handle = manager.open(params.room);
  await handle.whenLoaded;
  await waitUntil(() => handle.status.getSnapshot().state === 'online', 60_000, 'the server to hold the case');
  handle.release();
  await manager.close();
  Object.assign(state, {
    counts: history.counts,
    updates: history.updates.length,
    updateBytes: history.updates.reduce((sum, update) => sum + update.length, 0),
    rowsAfterCompaction: await vault.countUpdateRows(params.room),
    generatedMs,
    storedMs,
  });
  await vault.close();
  state.ready = true;
}
