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

/** The main window's options; the unit test pins every security-relevant field. */
export function mainWindowOptions({ preloadPath, devTools }: WindowConfig): BrowserWindowConstructorOptions {
  return {
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
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Electron's spellchecker downloads dictionaries from a Google CDN.
      spellcheck: false,
      devTools,
    },
  };
}

/** Creates BrowserWindows; Electron's constructor in the app, a fake in tests. */
export type WindowFactory = (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** The main window as a service: created on init, focused on a second launch. */
export interface WindowsService extends Service {
  /** Shows and focuses the main window, creating it when none is open (macOS dock click). */
  focusOrCreate(): void;
  /** The open main window, if any. */
  current(): BrowserWindow | null;
}

/** Makes the windows service. */
export function windowsService(createWindow: WindowFactory, config: WindowConfig): WindowsService {
  let window: BrowserWindow | null = null;

  const create = (): BrowserWindow => {
    const created = createWindow(mainWindowOptions(config));
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
