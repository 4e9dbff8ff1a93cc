/**
 * A new version of the web app, as the service worker reports it, and how it is taken:
 * never in the middle of an edit. A new version installs in the background and waits; it
 * is taken at the next start (when no tab of the old one is open any more) or when the
 * user asks for it. Before any reload the session's pending edits are stored in the vault.
 */
import { createValueStore, type ExternalStore } from '../../collab/sync-status';

/** What the frame shows. */
export interface AppUpdateState {
  /** A new version is installed and waits to be taken. */
  waiting: boolean;
}

/** The app's view of its own updates. */
export interface AppUpdate {
  readonly state: ExternalStore<AppUpdateState>;
  /** Asks the browser to look for a new version now (nothing happens without a service worker). */
  check(): void;
  /** Takes the waiting version: stores pending edits, activates it, reloads. */
  apply(): Promise<void>;
  /**
   * What must run before the page reloads for an update (the signed-in session stores its
   * pending edits); returns the unregister function.
   */
  beforeReload(task: () => Promise<void>): () => void;
}

/** What an update needs from the browser (the service worker registration, or a test double). */
export interface UpdateDriver {
  /** Tells the waiting worker to take over; false when no worker is waiting any more. */
  activateWaiting(): Promise<boolean>;
  reload(): void;
  checkForUpdate(): Promise<void>;
  /** A failure worth logging; gets no content. */
  onError?(error: unknown, context: string): void;
}

/** An update controller plus the hooks the service worker registration calls. */
export interface AppUpdateController extends AppUpdate {
  /** A new version is installed and waiting. */
  versionWaiting(): void;
  /** The new version controls this page now (this tab's click, or another tab's): reload after storing. */
  versionTookOver(): Promise<void>;
}

/** Creates the controller around a driver. */
export function createAppUpdate(driver: UpdateDriver): AppUpdateController {
  const state = createValueStore<AppUpdateState>({ waiting: false }, (a, b) => a.waiting === b.waiting);
  const tasks = new Set<() => Promise<void>>();
  let reloading = false;

  const storePending = async (): Promise<void> => {
    const results = await Promise.allSettled([...tasks].map((task) => task()));
    for (const result of results) if (result.status === 'rejected') driver.onError?.(result.reason, 'store before update');
  };

  const reloadOnce = async (): Promise<void> => {
    if (reloading) return;
    reloading = true;
    await storePending();
    driver.reload();
  };

  return {
    state,
    check() {
      driver.checkForUpdate().catch((error: unknown) => driver.onError?.(error, 'update check'));
    },
    async apply() {
      await storePending();
      // Another tab may have taken it already: then this page only needs the reload.
      if (!(await driver.activateWaiting())) await reloadOnce();
    },
    beforeReload(task) {
      tasks.add(task);
      return () => {
        tasks.delete(task);
      };
    },
    versionWaiting() {
      state.set({ waiting: true });
    },
    versionTookOver: reloadOnce,
  };
}

/** For the desktop shell and browsers without service workers: there is never an update to take. */
export const noAppUpdate: AppUpdate = {
  state: createValueStore<AppUpdateState>({ waiting: false }, () => true),
  check() {},
  async apply() {},
  beforeReload: () => () => {},
};
