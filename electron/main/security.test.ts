import { EventEmitter } from 'node:events';
import type { App, Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { FakeWebContents, navigationEvent } from '../test/fakes';
import { mayNavigate, mayRequest } from './navigation';
import { denyPermissionCheck, denyPermissionRequest, hardenWebContents, securityService } from './security';

const server = { origin: 'http://127.0.0.1:8470', wsOrigin: 'ws://127.0.0.1:8470' };

function recordingOpener() {
  const opened: string[] = [];
  return { opened, open: async (url: string) => void opened.push(url) };
}

describe('hardenWebContents', () => {
  function hardened() {
    const contents = new FakeWebContents();
    const opener = recordingOpener();
    hardenWebContents(contents.asElectron(), opener.open);
    return { contents, opener };
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: blocks every URL outside app://themakamer', (eventName) => {
    const { contents } = hardened();
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8470/',
      'file:///etc/passwd',
      'app://themakamer.evil.example/index.html',
      'app://other/index.html',
      'app://user@themakamer/index.html',
      'about:blank',
      'not a url',
    ]) {
      const event = navigationEvent(url);
      contents.emit(eventName, event);
      expect(event.defaultPrevented, url).toBe(true);
    }
  });

  it('lets the app reload its own page', () => {
    const { contents } = hardened();
    const event = navigationEvent('app://themakamer/index.html');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('refuses to attach a webview', () => {
    const { contents } = hardened();
    const event = navigationEvent('');
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window; safe https links go to the browser, others nowhere', async () => {
    const { contents, opener } = hardened();
    const handler = contents.windowOpenHandler!;
    for (const url of ['https://meet.example/room', 'app://themakamer/index.html', 'file:///etc/passwd', 'http://meet.example/']) {
      expect(handler({ url } as Parameters<typeof handler>[0])).toEqual({ action: 'deny' });
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(opener.opened).toEqual(['https://meet.example/room']);
  });
});

describe('mayNavigate and mayRequest', () => {
  it('navigation stays on the app origin', () => {
    expect(mayNavigate('app://themakamer/')).toBe(true);
    expect(mayNavigate('app://themakamer:80/')).toBe(false);
    expect(mayNavigate('https://themakamer/')).toBe(false);
  });

  it('requests reach the app, in-memory URLs and the configured server only', () => {
    expect(mayRequest('app://themakamer/assets/index.js', server)).toBe(true);
    expect(mayRequest('data:image/png;base64,AAAA', server)).toBe(true);
    expect(mayRequest('blob:app://themakamer/1234', server)).toBe(true);
    expect(mayRequest('http://127.0.0.1:8470/api/rooms', server)).toBe(true);
    expect(mayRequest('ws://127.0.0.1:8470/case%3Aabc?token=x', server)).toBe(true);
    expect(mayRequest('http://127.0.0.1:8471/api/rooms', server)).toBe(false);
    expect(mayRequest('http://localhost:8470/api/rooms', server)).toBe(false);
    expect(mayRequest('https://127.0.0.1:8470/api/rooms', server)).toBe(false);
    expect(mayRequest('wss://127.0.0.1:8470/', server)).toBe(false);
    expect(mayRequest('http://user:pw@127.0.0.1:8470/', server)).toBe(false);
    expect(mayRequest('https://fonts.googleapis.example/css', server)).toBe(false);
    expect(mayRequest('file:///etc/passwd', server)).toBe(false);
  });

  it('for an https server, only https and wss to that host', () => {
    const remote = { origin: 'https://sync.zvh.example', wsOrigin: 'wss://sync.zvh.example' };
    expect(mayRequest('https://sync.zvh.example/api/me', remote)).toBe(true);
    expect(mayRequest('wss://sync.zvh.example/meeting%3Aabc', remote)).toBe(true);
    expect(mayRequest('http://sync.zvh.example/api/me', remote)).toBe(false);
    expect(mayRequest('ws://sync.zvh.example/', remote)).toBe(false);
    expect(mayRequest('https://sync.zvh.example:8443/', remote)).toBe(false);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'unknown'])(
    'denies a %s request',
    (permission) => {
      let granted: boolean | null = null;
      denyPermissionRequest({}, permission, (value) => (granted = value));
      expect(granted).toBe(false);
    },
  );

  it('answers every check with false', () => {
    expect(denyPermissionCheck()).toBe(false);
  });
});

describe('security service', () => {
  function setUp() {
    const app = new EventEmitter();
    const handlers: Record<string, unknown> = {};
    let beforeRequest: ((details: { url: string; resourceType: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
    const session = {
      setPermissionRequestHandler: (handler: unknown) => void (handlers.request = handler),
      setPermissionCheckHandler: (handler: unknown) => void (handlers.check = handler),
      setDevicePermissionHandler: (handler: unknown) => void (handlers.device = handler),
      webRequest: { onBeforeRequest: (listener: typeof beforeRequest) => void (beforeRequest = listener) },
    };
    const opener = recordingOpener();
    const service = securityService({
      app: app as unknown as App,
      session: session as unknown as Session,
      openExternal: opener.open,
      server,
    });
    return { app, handlers, service, request: () => beforeRequest };
  }

  it('hardens every WebContents created after init', async () => {
    const { app, service } = setUp();
    await service.init();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const event = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler).not.toBeNull();
  });

  it('installs deny-all permission handlers and keeps them after dispose', async () => {
    const { handlers, service } = setUp();
    await service.init();
    expect(handlers.request).toBe(denyPermissionRequest);
    expect(handlers.check).toBe(denyPermissionCheck);
    expect(handlers.device).toBe(denyPermissionCheck);
    service.dispose();
    expect(handlers.request).toBe(denyPermissionRequest);
  });

  it('cancels requests to anything but the app and the sync server', async () => {
    const { service, request } = setUp();
    await service.init();
    const decide = (url: string) => {
      let cancel: boolean | null = null;
      request()!({ url, resourceType: 'xhr' }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(decide('http://127.0.0.1:8470/api/me')).toBe(false);
    expect(decide('https://tracker.example/pixel.gif')).toBe(true);
  });

  it('stops hardening new WebContents after dispose (listener removed)', async () => {
    const { app, service } = setUp();
    await service.init();
    service.dispose();
    expect(app.listenerCount('web-contents-created')).toBe(0);
  });
});
