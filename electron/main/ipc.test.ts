import type { BrowserWindow, IpcMain, WebContents } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { channelOf, type Channel } from '../contract';
import { FakeBrowserWindow } from '../test/fakes';
import { ipcService, isTrustedSender, type CheckedHandlers } from './ipc';
import { MAX_P12_BYTES } from './ipc-schemas';

type Listener = (event: unknown, payload: unknown) => Promise<unknown>;

/** ipcMain as far as registration goes: a map of channel → listener. */
class FakeIpcMain {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }
  invoke(channel: string, payload: unknown, frame: { url: string; parent: unknown } | null = appFrame): Promise<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ sender: sender, senderFrame: frame }, payload);
  }
}

const appFrame = { url: 'app://themakamer/index.html', parent: null };
const sender = {} as WebContents;
const owner = new FakeBrowserWindow().asElectron();
const bytes = (length: number) => new Uint8Array(length).fill(7);

const validRequests: { [C in Channel]: unknown } = {
  'app-info': undefined,
  'file-save': { suggestedName: 'verslag-2025-03-04.pdf', mimeType: 'application/pdf', data: bytes(10) },
  'pdf-sign': {
    pdf: bytes(100),
    p12: bytes(100),
    passphrase: 'fictief',
    reason: 'Vastgesteld verslag',
    location: 'Rotterdam',
    signerName: 'Fictieve Secretaris',
    signingTime: '2025-03-04T10:00:00.000Z',
  },
  'link-open': 'https://meet.example/room',
  'key-wrap': bytes(32),
  'key-unwrap': bytes(80),
  'oidc-sign-in': { serverUrl: 'https://themakamer.zvh-testregio.test', org: 'politie' },
  'oidc-cancel': undefined,
};

let calls: { channel: Channel; request: unknown; owner: BrowserWindow | null }[];
let ipc: FakeIpcMain;

function recordingHandlers(): CheckedHandlers {
  // Rest parameters so one recorder fits every handler signature.
  const record = <R>(channel: Channel, response: R) => async (...args: unknown[]) => {
    calls.push({ channel, request: args[0], owner: (args[1] ?? null) as BrowserWindow | null });
    return response;
  };
  return {
    'app-info': record('app-info', { shell: 'desktop' as const, version: '0.1.0', serverUrl: 'http://127.0.0.1:8470', platform: 'linux' }),
    'file-save': record('file-save', { saved: false as const }),
    'pdf-sign': record('pdf-sign', { ok: false as const, code: 'failed' as const }),
    'link-open': record('link-open', true),
    'key-wrap': record('key-wrap', { available: false, data: null }),
    'key-unwrap': record('key-unwrap', { available: false, data: null }),
    'oidc-sign-in': record('oidc-sign-in', { ok: false as const, error: 'cancelled' }),
    'oidc-cancel': record('oidc-cancel', false),
  };
}

beforeEach(async () => {
  calls = [];
  ipc = new FakeIpcMain();
  await ipcService(ipc as unknown as IpcMain, recordingHandlers(), (from) => (from === sender ? owner : null)).init();
});

describe('ipc service', () => {
  it('registers exactly one handler per contract channel', () => {
    expect([...ipc.listeners.keys()].sort()).toEqual(Object.values(channelOf).sort());
  });

  it.each(Object.values(channelOf))('%s: passes a valid request from the app page to its handler, with the owner window', async (channel) => {
    await ipc.invoke(channel, validRequests[channel]);
    expect(calls).toEqual([{ channel, request: validRequests[channel], owner }]);
  });

  it.each([
    ['a remote page', { url: 'https://evil.example/', parent: null }],
    ['a file page', { url: 'file:///tmp/index.html', parent: null }],
    ['a look-alike host', { url: 'app://themakamer.evil/index.html', parent: null }],
    ['the dev server', { url: 'http://localhost:5173/', parent: null }],
    ['a subframe of the app', { url: 'app://themakamer/index.html', parent: appFrame }],
    ['a destroyed frame', null],
  ])('refuses every channel from %s before looking at the payload', async (_name, frame) => {
    for (const channel of Object.values(channelOf)) {
      await expect(ipc.invoke(channel, validRequests[channel], frame)).rejects.toThrow('ipc-untrusted-sender');
    }
    expect(calls).toEqual([]);
  });

  it.each<[Channel, string, unknown]>([
    ['app-info', 'an argument', { sneaky: true }],
    ['file-save', 'an over-long name', { ...(validRequests['file-save'] as object), suggestedName: 'a'.repeat(201) }],
    ['file-save', 'a missing name', { mimeType: 'application/pdf', data: bytes(1) }],
    ['file-save', 'data as an array', { ...(validRequests['file-save'] as object), data: [1, 2, 3] }],
    ['file-save', 'a bad MIME type', { ...(validRequests['file-save'] as object), mimeType: 'text/html<script>' }],
    ['file-save', 'an extra key', { ...(validRequests['file-save'] as object), path: '/etc/passwd' }],
    ['pdf-sign', 'an empty PDF', { ...(validRequests['pdf-sign'] as object), pdf: new Uint8Array(0) }],
    ['pdf-sign', 'an oversized p12', { ...(validRequests['pdf-sign'] as object), p12: bytes(MAX_P12_BYTES + 1) }],
    ['pdf-sign', 'a non-ISO time', { ...(validRequests['pdf-sign'] as object), signingTime: '4 maart 2025' }],
    ['pdf-sign', 'a numeric passphrase', { ...(validRequests['pdf-sign'] as object), passphrase: 1234 }],
    ['link-open', 'a number', 42],
    ['link-open', 'an empty string', ''],
    ['key-wrap', 'a short key', bytes(8)],
    ['key-wrap', 'a string', 'c2VjcmV0'],
    ['key-unwrap', 'nothing', undefined],
    ['oidc-sign-in', 'a file URL', { serverUrl: 'file:///etc/passwd', org: 'politie' }],
    ['oidc-sign-in', 'an organisation that is no id', { serverUrl: 'https://themakamer.zvh-testregio.test', org: 'Politie&return=x' }],
    ['oidc-sign-in', 'an extra key', { serverUrl: 'https://themakamer.zvh-testregio.test', org: 'politie', return: 'http://127.0.0.1:5555/callback' }],
    ['oidc-cancel', 'an argument', 'politie'],
  ])('%s: refuses %s without calling the handler', async (channel, _name, payload) => {
    await expect(ipc.invoke(channel, payload)).rejects.toThrow('ipc-invalid-request');
    expect(calls).toEqual([]);
  });

  it('does not echo the payload in the refusal', async () => {
    const error = await ipc.invoke('link-open', 'x'.repeat(5000)).catch((caught: unknown) => caught);
    expect(String(error)).not.toContain('xxxx');
  });

  it('removes its handlers on dispose', async () => {
    const service = ipcService(ipc as unknown as IpcMain, recordingHandlers(), () => null);
    service.dispose();
    expect(ipc.listeners.size).toBe(0);
  });
});

describe('isTrustedSender', () => {
  it('accepts only the top-level app page', () => {
    expect(isTrustedSender(appFrame)).toBe(true);
    expect(isTrustedSender({ url: 'app://themakamer/', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://themakamer/', parent: undefined })).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
