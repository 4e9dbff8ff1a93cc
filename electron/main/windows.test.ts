import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { FakeBrowserWindow } from '../test/fakes';
import { APP_ENTRY_URL } from './app-origin';
import { mainWindowOptions, windowsService } from './windows';

const config = { preloadPath: '/app/out/preload/index.cjs', devTools: false };

describe('main window options', () => {
  it('lock the renderer down: isolated, sandboxed, no Node, web security on, no webview', () => {
    const prefs = mainWindowOptions(config).webPreferences;
    expect(prefs).toMatchObject({
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
      spellcheck: false,
      devTools: false,
    });
    // Options that would weaken the lockdown must not be set at all.
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
  });

  it('load the CommonJS preload the build produces', () => {
    expect(mainWindowOptions(config).webPreferences?.preload).toBe('/app/out/preload/index.cjs');
  });

  it('allow DevTools only when asked (development)', () => {
    expect(mainWindowOptions({ ...config, devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('windows service', () => {
  function setUp() {
    const created: { window: FakeBrowserWindow; options: BrowserWindowConstructorOptions }[] = [];
    const service = windowsService((options) => {
      const window = new FakeBrowserWindow();
      created.push({ window, options });
      return window.asElectron();
    }, config);
    return { created, service };
  }

  it('creates one window with the locked-down options and loads the app page', async () => {
    const { created, service } = setUp();
    await service.init();
    expect(created).toHaveLength(1);
    expect(created[0]?.options).toEqual(mainWindowOptions(config));
    expect(created[0]?.window.loadedUrls).toEqual([APP_ENTRY_URL]);
  });

  it('shows the window only when it is ready, so no blank frame flashes', async () => {
    const { created, service } = setUp();
    await service.init();
    const window = created[0]!.window;
    expect(window.shown).toBe(0);
    window.emit('ready-to-show');
    expect(window.shown).toBe(1);
  });

  it('focuses the open window on a second launch and recreates it when closed', async () => {
    const { created, service } = setUp();
    await service.init();
    service.focusOrCreate();
    expect(created).toHaveLength(1);
    expect(created[0]!.window.focused).toBe(1);
    created[0]!.window.emit('closed');
    expect(service.current()).toBeNull();
    service.focusOrCreate();
    expect(created).toHaveLength(2);
    expect(created[1]!.window.loadedUrls).toEqual([APP_ENTRY_URL]);
  });

  it('destroys the window on dispose', async () => {
    const { created, service } = setUp();
    await service.init();
    service.dispose();
    expect(created[0]!.window.destroyed).toBe(true);
    expect(service.current()).toBeNull();
  });
});
