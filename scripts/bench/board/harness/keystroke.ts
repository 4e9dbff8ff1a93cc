/**
 * Keystroke mode: the whole app on the board of a case (header, presence, persons, risk,
 * measures, contacts, timeline, the safety plan and the actions), signed in for real and
 * opened through the live session's doc manager (vault first, then the sync server), while
 * the driver types into one plan section. Measured per
 * keystroke, from the keydown event's timestamp:
 *  - to the local Yjs update of that keystroke (ProseMirror has dispatched the transaction,
 *    updated the editor DOM, and y-prosemirror has written it to the Y.Doc), and
 *  - to the next frame (a task queued from the following requestAnimationFrame: the frame
 *    that shows the character has been produced). This includes waiting for the display's
 *    next frame (vsync, up to one frame interval) that no code can shorten;
 *  - the keystroke's work: its handling (keydown to the transaction applied) plus the
 *    rendering work of the frame that shows it (from that frame's start to after its paint),
 *    which is what must fit in a 16 ms frame for typing never to drop a frame; and
 *  - whether the frame that shows it was the first frame after the keystroke was handled
 *    (otherwise other work pushed it one or more frames later: a dropped frame).
 * The browser's Event Timing entries of 16 ms and longer are collected as a cross-check.
 */
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../../../renderer/src/app/App';
import { syncRouteFromLocation } from '../../../../renderer/src/app/useHashRoute';
import { createValueStore } from '../../../../renderer/src/collab/sync-status';
import { startLiveSession } from '../../../../renderer/src/features/session/liveSession';
import type { SessionController, SessionPhase } from '../../../../renderer/src/features/session/sessionController';
import { isSecondFactorStep, signIn } from '../../../../renderer/src/features/session/signIn';
import { openVault } from '../../../../renderer/src/vault';
import { benchState, i18n, waitUntil, type HarnessParams } from './common';

const refuse = (): Promise<never> => Promise.reject(new Error('the bench signs in before the app renders'));

/** Runs keystroke mode. */
export async function runKeystroke(params: HarnessParams): Promise<void> {
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
  const live = await startLiveSession({ opened, browserOnline: navigator.onLine });
  const phase = createValueStore<SessionPhase>({ phase: 'signed-in', live }, (a, b) => a === b);
  const controller = {
    phase, signIn: refuse, completeSignIn: refuse, hasVault: refuse, signInWithOidc: refuse, confirmRecoveryCodes: () => undefined, unlock: refuse, switchUser: () => undefined, signOut: () => live.close({ logout: false }), lock: () => live.close({ logout: false }),
  } satisfies SessionController;
  // The app's board shares this doc (one doc per room in the doc manager).
  const handle = live.docManager.open(params.room);
  await handle.whenLoaded;
  await waitUntil(() => handle.status.getSnapshot().state === 'online', 30_000, 'the room to sync');

  const toUpdate: number[] = [];
  const toFrame: number[] = [];
  const work: number[] = [];
  const frameDelays: number[] = [];
  const slowEvents: { name: string; duration: number; processing: number }[] = [];
  let pending: number | null = null;
  document.addEventListener('keydown', (event) => {
    pending = event.timeStamp;
  }, true);
  handle.doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== ySyncPluginKey || pending === null) return;
    const start = pending;
    pending = null;
    const updated = performance.now();
    toUpdate.push(updated - start);
    requestAnimationFrame((frameTime) => {
      const frameStart = performance.now();
      // The frame's begin time against the handled keystroke: more than one interval means a dropped frame.
      frameDelays.push(frameTime - updated);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const painted = performance.now();
        toFrame.push(painted - start);
        work.push(updated - start + (painted - frameStart));
      };
      channel.port2.postMessage(0);
    });
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      slowEvents.push({ name: entry.name, duration: entry.duration, processing: entry.processingEnd - entry.processingStart });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);

  createRoot(document.getElementById('root') ?? document.body).render(createElement(App, { i18n, session: controller }));
  Object.assign(state, { toUpdate, toFrame, work, frameDelays, slowEvents, peers: () => handle.awareness.getStates().size - 1 });
  state.ready = true;
}
