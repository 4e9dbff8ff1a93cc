import { beforeEach, describe, expect, it } from 'vitest';
import { FakeBrowserWindow } from '../test/fakes';
import { APP_ENTRY_URL } from './app-origin';
import { windowsService } from './windows';

const config = { preloadPath: '/app/out/preload/index.cjs', devTools: false };

beforeEach(() => {
  FakeBrowserWindow.created = [];
});

async function openWindow(windowConfig = config) {
  const service = windowsService(FakeBrowserWindow.asConstructor(), windowConfig);
  await service.init();
  return { service, window: FakeBrowserWindow.created[0]! };
}

describe('main window options', () => {
  it('lock the renderer down: isolated, sandboxed, no Node, web security on, no webview', async () => {
    const { window } = await openWindow();
    const prefs = window.options.webPreferences;
    expect(prefs).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
  });

  it('allow DevTools only when asked (development)', async () => {
    const { window } = await openWindow({ ...config, devTools: true });
    expect(window.options.webPreferences?.devTools).toBe(true);
  });
});

describe('windows service', () => {
  it('creates one window and loads the app page from app://', async () => {
    const { window } = await openWindow();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window.loadedUrls).toEqual([APP_ENTRY_URL]);
    expect(APP_ENTRY_URL).toBe('app://themakamer/index.html');
  });

  it('shows the window only when it is ready, so no blank frame flashes', async () => {
    const { window } = await openWindow();
    expect(window.options.show).toBe(false);
    expect(window.shown).toBe(0);
    window.emit('ready-to-show');
    expect(window.shown).toBe(1);
  });

  it('focuses the open window on a second launch and recreates it when closed', async () => {
    const { service, window } = await openWindow();
    service.focusOrCreate();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(window.focused).toBe(1);
    window.emit('closed');
    expect(service.current()).toBeNull();
    service.focusOrCreate();
    expect(FakeBrowserWindow.created).toHaveLength(2);
    expect(FakeBrowserWindow.created[1]!.loadedUrls).toEqual([APP_ENTRY_URL]);
    expect(FakeBrowserWindow.created[1]!.options).toEqual(window.options);
  });

  it('destroys the window on dispose', async () => {
    const { service, window } = await openWindow();
    service.dispose();
    expect(window.destroyed).toBe(true);
    expect(service.current()).toBeNull();
  });
});
