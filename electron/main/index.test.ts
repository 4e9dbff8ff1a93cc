// The lifecycle wiring of index.ts against a stand-in `electron` module (the true edge:
// no binary here). The modules it composes have their own tests; this one checks the
// order and that every piece is actually connected.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelOf } from '../contract';
import { FakeBrowserWindow, FakeWebContents, navigationEvent } from '../test/fakes';

const userData = mkdtempSync(join(tmpdir(), 'themakamer-index-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));

/** Everything the stand-in records, in order. */
const events: string[] = [];
let fake: ReturnType<typeof makeElectron>;

function makeElectron() {
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox: () => events.push('enableSandbox'),
    requestSingleInstanceLock: () => true,
    setAppUserModelId: () => undefined,
    whenReady: () => readyPromise,
    getPath: () => userData,
    getVersion: () => '0.1.0',
    quit: () => events.push('quit'),
    exit: (code: number) => events.push(`exit ${code}`),
  });
  app.on('web-contents-created', () => undefined);
  const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  class BrowserWindow extends FakeBrowserWindow {
    constructor(options: ConstructorParameters<typeof FakeBrowserWindow>[0]) {
      super(options);
      events.push('new BrowserWindow');
    }
    static fromWebContents = () => null;
  }
  const session = {
    handlers: {} as Record<string, unknown>,
    setPermissionRequestHandler: (handler: unknown) => void (session.handlers.request = handler),
    setPermissionCheckHandler: (handler: unknown) => void (session.handlers.check = handler),
    setDevicePermissionHandler: (handler: unknown) => void (session.handlers.device = handler),
    webRequest: { onBeforeRequest: (listener: unknown) => void (session.handlers.beforeRequest = listener) },
  };
  return {
    ready,
    app,
    ipcHandlers,
    session,
    errorBoxes: [] as string[][],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    module: {
      app,
      BrowserWindow,
      dialog: {
        showErrorBox: (title: string, message: string) => fake.errorBoxes.push([title, message]),
        showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      },
      ipcMain: {
        handle: (channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) => {
          events.push(`ipc ${channel}`);
          ipcHandlers.set(channel, listener);
        },
        removeHandler: (channel: string) => ipcHandlers.delete(channel),
      },
      Menu: {
        buildFromTemplate: (template: unknown) => ({ template }),
        setApplicationMenu: () => events.push('menu'),
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: { scheme: string }[]) => events.push(`privileged ${schemes.map((s) => s.scheme).join()}`),
        handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
          events.push(`protocol ${scheme}`);
          fake.protocolHandlers.set(scheme, handler);
        },
        unhandle: () => undefined,
      },
      safeStorage: {
        isAsyncEncryptionAvailable: async () => false,
        getSelectedStorageBackend: () => 'unknown',
      },
      session: { defaultSession: session },
      shell: { openExternal: async () => undefined },
    },
  };
}

// Delegates to the current stand-in: vitest builds the mocked module once, while every
// boot() re-imports index.ts against a fresh fake.
vi.mock('electron', () => {
  const names = ['app', 'dialog', 'ipcMain', 'Menu', 'protocol', 'safeStorage', 'session', 'shell'] as const;
  const forward = (name: (typeof names)[number]) =>
    new Proxy({}, {
      get(_target, key) {
        const real: object = fake.module[name];
        const value: unknown = Reflect.get(real, key);
        return typeof value === 'function' ? value.bind(real) : value;
      },
    });
  class BrowserWindow {
    constructor(options: ConstructorParameters<typeof FakeBrowserWindow>[0]) {
      return new fake.module.BrowserWindow(options);
    }
    static fromWebContents = () => null;
  }
  return { ...Object.fromEntries(names.map((name) => [name, forward(name)])), BrowserWindow };
});

async function boot(env: Record<string, string | undefined>) {
  events.length = 0;
  fake = makeElectron();
  vi.resetModules();
  const saved = process.env.THEMAKAMER_SERVER_URL;
  process.env.THEMAKAMER_SERVER_URL = env.THEMAKAMER_SERVER_URL;
  if (env.THEMAKAMER_SERVER_URL === undefined) delete process.env.THEMAKAMER_SERVER_URL;
  try {
    await import('./index');
    events.push('-- ready --');
    fake.ready();
    await vi.waitFor(() => expect(events.some((e) => e === 'new BrowserWindow' || e.startsWith('exit'))).toBe(true));
  } finally {
    if (saved === undefined) delete process.env.THEMAKAMER_SERVER_URL;
    else process.env.THEMAKAMER_SERVER_URL = saved;
  }
}

beforeEach(() => {
  FakeBrowserWindow.created = [];
});

describe('main process lifecycle', () => {
  it('registers app:// and the sandbox before ready, then security, protocol, IPC, menu and only then the window', async () => {
    await boot({ THEMAKAMER_SERVER_URL: 'http://127.0.0.1:9999' });
    expect(events.slice(0, 3)).toEqual(['privileged app', 'enableSandbox', '-- ready --']);
    const order = (name: string) => events.indexOf(name);
    expect(order('protocol app')).toBeGreaterThan(order('-- ready --'));
    for (const channel of Object.values(channelOf)) expect(order(`ipc ${channel}`)).toBeGreaterThan(order('protocol app'));
    expect(order('menu')).toBeGreaterThan(order('ipc app-info'));
    expect(order('new BrowserWindow')).toBeGreaterThan(order('menu'));
  });

  it('opens the locked-down window on app:// with the built CommonJS preload', async () => {
    await boot({ THEMAKAMER_SERVER_URL: 'http://127.0.0.1:9999' });
    const window = FakeBrowserWindow.created[0]!;
    expect(window.loadedUrls).toEqual(['app://themakamer/index.html']);
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: true });
    expect(window.options.webPreferences?.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
  });

  it('guards every WebContents and denies permissions from the start', async () => {
    await boot({ THEMAKAMER_SERVER_URL: 'http://127.0.0.1:9999' });
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    const event = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    let granted: boolean | null = null;
    (fake.session.handlers.request as (c: unknown, p: string, cb: (g: boolean) => void) => void)({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
  });

  it('serves the renderer with a CSP whose connect-src is the configured server', async () => {
    await boot({ THEMAKAMER_SERVER_URL: 'http://127.0.0.1:9999' });
    const response = await fake.protocolHandlers.get('app')!(new Request('app://themakamer/no-such-file.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain('connect-src http://127.0.0.1:9999 ws://127.0.0.1:9999');
  });

  it('answers app-info through the IPC gate with the configured server', async () => {
    await boot({ THEMAKAMER_SERVER_URL: 'http://127.0.0.1:9999' });
    const appInfo = fake.ipcHandlers.get('app-info')!;
    const trusted = { sender: {}, senderFrame: { url: 'app://themakamer/index.html', parent: null } };
    expect(await appInfo(trusted, undefined)).toEqual({ shell: 'desktop', version: '0.1.0', serverUrl: 'http://127.0.0.1:9999', platform: process.platform });
    const untrusted = { sender: {}, senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(appInfo(untrusted, undefined)).rejects.toThrow('ipc-untrusted-sender');
  });

  it('refuses to start with an unusable server URL: a Dutch error box, exit 1, no window', async () => {
    await boot({ THEMAKAMER_SERVER_URL: 'http://sync.zvh.example' });
    expect(fake.errorBoxes).toEqual([['Themakamer kan niet starten', expect.stringContaining('Gebruik https://')]]);
    expect(events).toContain('exit 1');
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });
});
