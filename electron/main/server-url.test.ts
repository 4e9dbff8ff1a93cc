import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_URL, readSettingsText, resolveServerUrl, ServerUrlError, SETTINGS_FILE } from './server-url';

describe('resolveServerUrl', () => {
  it('defaults to the local sync server of npm start', () => {
    expect(resolveServerUrl({ env: {}, settingsText: null })).toEqual({
      origin: DEFAULT_SERVER_URL,
      wsOrigin: 'ws://127.0.0.1:8470',
      source: 'default',
    });
  });

  it('takes the environment first, then the settings file', () => {
    const settingsText = JSON.stringify({ serverUrl: 'https://sync.zvh.example' });
    expect(resolveServerUrl({ env: { THEMAKAMER_SERVER_URL: 'http://localhost:9000' }, settingsText })).toMatchObject({
      origin: 'http://localhost:9000',
      wsOrigin: 'ws://localhost:9000',
      source: 'env',
    });
    expect(resolveServerUrl({ env: { THEMAKAMER_SERVER_URL: '  ' }, settingsText })).toEqual({
      origin: 'https://sync.zvh.example',
      wsOrigin: 'wss://sync.zvh.example',
      source: 'settings',
    });
    expect(resolveServerUrl({ env: {}, settingsText: '{"theme":"licht"}' }).source).toBe('default');
  });

  it('keeps the port and drops a trailing slash', () => {
    expect(resolveServerUrl({ env: { THEMAKAMER_SERVER_URL: 'https://sync.zvh.example:8443/' }, settingsText: null })).toMatchObject({
      origin: 'https://sync.zvh.example:8443',
      wsOrigin: 'wss://sync.zvh.example:8443',
    });
  });

  it.each([
    ['not a URL', 'sync server', /geen geldig webadres/],
    ['another scheme', 'ftp://sync.zvh.example', /moet met https:\/\/ beginnen/],
    ['plain http to another machine', 'http://sync.zvh.example', /gebruikt http:\/\/ naar een andere computer/],
    ['a path', 'https://sync.zvh.example/api', /alleen schema, naam en poort/],
    ['credentials', 'https://beheer:geheim@sync.zvh.example', /alleen schema, naam en poort/],
    ['a query', 'https://sync.zvh.example/?x=1', /alleen schema, naam en poort/],
  ])('refuses %s with a Dutch message naming the setting', (_name, value, message) => {
    const attempt = () => resolveServerUrl({ env: { THEMAKAMER_SERVER_URL: value }, settingsText: null });
    expect(attempt).toThrow(ServerUrlError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(/THEMAKAMER_SERVER_URL/);
  });

  it('refuses a broken settings file without guessing', () => {
    expect(() => resolveServerUrl({ env: {}, settingsText: '{serverUrl:' })).toThrow(/geen geldige JSON/);
    expect(() => resolveServerUrl({ env: {}, settingsText: '[]' })).toThrow(/JSON-object/);
    expect(() => resolveServerUrl({ env: {}, settingsText: '{"serverUrl": 8470}' })).toThrow(/moet tekst zijn/);
  });
});

describe('readSettingsText', () => {
  const dir = mkdtempSync(join(tmpdir(), 'themakamer-settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the file, or null when there is none', async () => {
    expect(await readSettingsText(dir)).toBeNull();
    writeFileSync(join(dir, SETTINGS_FILE), '{"serverUrl":"https://sync.zvh.example"}');
    expect(await readSettingsText(dir)).toBe('{"serverUrl":"https://sync.zvh.example"}');
  });

  it('reports an unreadable file as a ServerUrlError', async () => {
    const notADir = join(dir, SETTINGS_FILE);
    await expect(readSettingsText(notADir)).rejects.toThrow(ServerUrlError);
  });
});
