/**
 * Keystroke mode: the safety plan of a case opened through the real doc manager (vault
 * first, then the sync server) with the presence bar, while the driver types. Measured per
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
import { I18nextProvider } from 'react-i18next';
import { createDocManager } from '../../../../renderer/src/collab/doc-manager';
import { SafetyPlanPanel } from '../../../../renderer/src/features/plan/SafetyPlanPanel';
import { PresenceBar } from '../../../../renderer/src/features/presence/PresenceBar';
import { benchState, i18n, unlockVault, waitUntil, type HarnessParams } from './common';

/** Runs keystroke mode. */
export async function runKeystroke(params: HarnessParams): Promise<void> {
  const state = benchState();
  const vault = await unlockVault(params);
  const manager = createDocManager({
    vault, serverUrl: location.origin, token: params.token,
    user: { username: params.username, name: params.name, org: params.org },
  });
  const handle = manager.open(params.room);
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

  const props = { room: params.room, doc: handle.doc, awareness: handle.awareness, access: 'edit' as const };
  createRoot(document.getElementById('root') ?? document.body).render(
    createElement(I18nextProvider, { i18n },
      createElement('main', { className: 'bench-board' },
        createElement(PresenceBar, props),
        createElement(SafetyPlanPanel, props))),
  );
  Object.assign(state, { toUpdate, toFrame, work, frameDelays, slowEvents, peers: () => handle.awareness.getStates().size - 1 });
  state.ready = true;
}
