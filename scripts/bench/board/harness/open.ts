/**
 * Open mode (timed): after a real sign-in (not timed: the password's PBKDF2 is paid once
 * per sign-in, not per case), the app starts its live session and shows the case route.
 * Timed from just before the live session starts — which opens the user's rooms from the
 * vault — until the board of the case is rendered with its safety plan text in the DOM
 * (from the vault's read copy of the case when it has one), until the next frame after
 * that, and until the board is live (the full document applied, the first plan section's
 * editor mounted).
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../../../renderer/src/app/App';
import { syncRouteFromLocation } from '../../../../renderer/src/app/useHashRoute';
import { createValueStore } from '../../../../renderer/src/collab/sync-status';
import { startLiveSession } from '../../../../renderer/src/features/session/liveSession';
import type { SessionController, SessionPhase } from '../../../../renderer/src/features/session/sessionController';
import { isSecondFactorStep, signIn } from '../../../../renderer/src/features/session/signIn';
import { openVault } from '../../../../renderer/src/vault';
import { benchState, i18n, type HarnessParams } from './common';

const refuse = (): Promise<never> => Promise.reject(new Error('the bench signs in before the app renders'));

/** Resolves when `check` holds after a DOM change (checked on every mutation, no polling delay). */
function whenDom(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) {
      resolve();
      return;
    }
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

/**
 * Resolves after the next frame has been produced: a user-blocking task queued from the
 * frame's animation callback runs right after that frame, ahead of ordinary tasks the app
 * queued meanwhile (the app applies the case's full state in one after the first paint).
 */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => {
    void scheduler.postTask(() => resolve(), { priority: 'user-blocking' });
  }));
}

declare const scheduler: { postTask(callback: () => void, options: { priority: 'user-blocking' }): Promise<void> };

/** Runs open mode. */
export async function runOpen(params: HarnessParams): Promise<void> {
  const state = benchState();
  const signedIn = await signIn(
    { server: location.origin, username: params.username, password: params.password },
    { openVault: (serverUrl, username) => openVault({ serverUrl, username }) },
  );
  // The bench server runs without two-factor sign-in (newServer's default).
  if (isSecondFactorStep(signedIn)) throw new Error('the bench server asked for a second factor');
  const opened = signedIn;
  window.history.replaceState(null, '', `#/casussen/${encodeURIComponent(params.room)}`);
  syncRouteFromLocation();
  // The board is there when its header and the plan's first section show the stored text.
  const boardShown = (): boolean => {
    const heading = document.querySelector('h1');
    const plan = document.querySelector('[data-section="situatie-en-risico"] .plan-section__content');
    return Boolean(heading?.textContent?.includes('Casus 2023-417') && plan && (plan.textContent ?? '').length > 100);
  };

  const t0 = performance.now();
  const live = await startLiveSession({ opened, browserOnline: navigator.onLine });
  const tLive = performance.now();
  const phase = createValueStore<SessionPhase>({ phase: 'signed-in', live }, (a, b) => a === b);
  const controller = {
    phase, signIn: refuse, completeSignIn: refuse, hasVault: refuse, signInWithOidc: refuse, confirmRecoveryCodes: () => undefined, unlock: refuse, switchUser: () => undefined, signOut: () => live.close({ logout: false }), lock: () => live.close({ logout: false }),
  } satisfies SessionController;
  // Split of the time: the case's document read from the vault, decrypted and applied (the
  // app's own open of the room shares this entry of the doc manager), then the render.
  const handle = live.docManager.open(params.room);
  let tLoaded = Number.NaN;
  void handle.whenLoaded.then(() => {
    tLoaded = performance.now();
  });
  const rendered = whenDom(boardShown);
  createRoot(document.getElementById('root') ?? document.body).render(createElement(App, { i18n, session: controller }));
  await rendered;
  const tBoard = performance.now();
  // Painted from the read copy (if the vault has one): the board is inert until it is live.
  const fromCopy = document.querySelector('.case-board[aria-busy="true"]') !== null;
  await nextFrame();
  const tFrame = performance.now();
  // Live: the board is on the real document and the first plan section can be typed in.
  await whenDom(() => document.querySelector('.case-board:not([aria-busy])') !== null
    && document.querySelector('[data-section="situatie-en-risico"] [contenteditable="true"]') !== null);
  const tEditable = performance.now();
  handle.release();
  // What the app does when it closes: pending vault writes (a read copy included) are stored.
  await live.docManager.flush();
  Object.assign(state, {
    liveMs: tLive - t0, loadedMs: tLoaded - t0, boardMs: tBoard - t0, frameMs: tFrame - t0, editableMs: tEditable - t0, fromCopy,
  });
  state.ready = true;
}
