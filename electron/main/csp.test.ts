import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  const local = directives(contentSecurityPolicy({ origin: 'http://127.0.0.1:8470', wsOrigin: 'ws://127.0.0.1:8470' }));

  it('runs only our own scripts plus WebAssembly, never eval or inline script', () => {
    expect(local.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    const all = [...local.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(local.get('script-src')).not.toContain("'unsafe-inline'");
    expect(local.get('default-src')).toEqual(["'none'"]);
  });

  it('connects only to the configured sync server, over http and its WebSocket', () => {
    expect(local.get('connect-src')).toEqual(['http://127.0.0.1:8470', 'ws://127.0.0.1:8470']);
    const remote = directives(contentSecurityPolicy({ origin: 'https://sync.zvh.example', wsOrigin: 'wss://sync.zvh.example' }));
    expect(remote.get('connect-src')).toEqual(['https://sync.zvh.example', 'wss://sync.zvh.example']);
  });

  it('allows no remote source anywhere and no plugins, frames, base or form targets', () => {
    for (const [name, values] of local) {
      if (name === 'connect-src') continue;
      for (const value of values) expect(`${name} ${value}`).toMatch(/ ('self'|'none'|'unsafe-inline'|'wasm-unsafe-eval'|data:|blob:)$/);
    }
    for (const name of ['object-src', 'frame-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(local.get(name), name).toEqual(["'none'"]);
    }
  });
});
