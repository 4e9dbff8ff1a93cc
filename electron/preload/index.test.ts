// The preload against a stand-in `electron` module (the true edge: no binary here).
import { describe, expect, it, vi } from 'vitest';
import { channelOf, type Api } from '../contract';

const exposed = new Map<string, unknown>();
const invocations: unknown[][] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      invocations.push(args);
      return Promise.resolve({ echoed: args[0] });
    },
    send: () => {
      throw new Error('the preload must not use send');
    },
  },
}));

await import('./index');

describe('preload', () => {
  it('exposes exactly one global, window.api', () => {
    expect([...exposed.keys()]).toEqual(['api']);
  });

  it('has one function per Api method and nothing else (no ipcRenderer, no generic invoke)', () => {
    const api = exposed.get('api') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(channelOf).sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it.each(Object.entries(channelOf))('%s invokes %s with the request and returns the answer', async (method, channel) => {
    const api = exposed.get('api') as Record<keyof Api, (request?: unknown) => Promise<unknown>>;
    invocations.length = 0;
    const request = method === 'getAppInfo' || method === 'cancelOrganisationSignIn' ? undefined : { fictief: method };
    const answer = await api[method as keyof Api](request);
    expect(invocations).toEqual([[channel, request]]);
    expect(answer).toEqual({ echoed: channel });
  });
});
