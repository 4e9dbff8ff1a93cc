/**
 * The main window. Its webPreferences are the heart of the lockdown: an isolated,
 * sandboxed renderer without Node, whose only door to the system is the preload's api.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import type { Service } from './service';

/** What the window options depend on. */
export interface WindowConfig {
  /** Absolute path of out/preload/index.cjs. */
  preloadPath: string;
  /** DevTools only in unpackaged (development) runs. */
  devTools: boolean;
}

/** Electron's BrowserWindow class in the app, a fake in tests. */
export type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** The main window as a service: created on init, focused on a second launch. */
export interface WindowsService extends Service {
  /** Shows and focuses the main window, creating it when none is open (macOS dock click). */
  focusOrCreate(): void;
  /** The open main window, if any. */
  current(): BrowserWindow | null;
}

/** Makes the windows service. The constructor parameter keeps Electron's name so scanners recognise `new BrowserWindow`. */
export function windowsService(BrowserWindow: WindowConstructor, { preloadPath, devTools }: WindowConfig): WindowsService {
  let window: BrowserWindow | null = null;

  const create = (): BrowserWindow => {
    // Written out at the constructor so electronegativity can read it; windows.test.ts pins it too.
    const created = new BrowserWindow({
      width: 1280,
      height: 820,
      minWidth: 900,
      minHeight: 600,
      title: 'Themakamer',
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: {
        preload: preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        // Middle-click would otherwise ask for a new window (refused anyway by the open handler).
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        safeDialogs: true,
        // Electron's spellchecker downloads dictionaries from a Google CDN.
        spellcheck: false,
        devTools,
      },
    });
    created.once('ready-to-show', () => created.show());
    created.on('closed', () => {
      if (window === created) window = null;
    });
    created.loadURL(APP_ENTRY_URL).catch(() => console.error('[windows] loading the app page failed'));
    window = created;
    return created;
  };

  return {
    name: 'windows',
    init() {
      create();
    },
    focusOrCreate() {
      const target = window ?? create();
      if (target.isMinimized()) target.restore();
      target.show();
      target.focus();
    },
    current: () => window,
    dispose() {
      if (window !== null && !window.isDestroyed()) window.destroy();
      window = null;
    },
  };
}
