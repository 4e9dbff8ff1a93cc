// electron-builder.yml read and validated by electron-builder's own loader and schema.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

const { getConfig, validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
type DebugLogger = Parameters<typeof validateConfiguration>[1];
// Only `add` and `isEnabled` are touched during validation.
const logger = { add() {}, isEnabled: false } as unknown as DebugLogger;
const config = await getConfig(root, 'electron-builder.yml', null);

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema; a misspelt key would not", async () => {
    await expect(validateConfiguration(structuredClone(config), logger)).resolves.toBeUndefined();
    const misspelt = { ...structuredClone(config), electronFuse: {} } satisfies Record<string, unknown>;
    await expect(validateConfiguration(misspelt, logger)).rejects.toThrow(/Invalid configuration/);
  });

  it('names the app and targets Windows (NSIS, MSI), macOS (dmg) and Linux (AppImage, deb)', () => {
    expect(config).toMatchObject({
      appId: 'nl.zorgenveiligheidshuizen.themakamer',
      productName: 'Themakamer',
      asar: true,
      win: { target: ['nsis', 'msi'] },
      mac: { target: ['dmg'] },
      linux: { target: ['AppImage', 'deb'] },
    });
  });

  it('sets the Electron fuses of the security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships only the build output and package.json', () => {
    // electron-builder normalises the list into one file set.
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json', '!node_modules/**', '!**/*.map'] }]);
  });

  it('points at icons that exist and have the sizes the platforms need', () => {
    const pngSize = (path: string) => {
      const bytes = readFileSync(`${root}/${path}`);
      expect(bytes.subarray(1, 4).toString('latin1'), path).toBe('PNG');
      return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    };
    expect(pngSize('assets/icon.png')).toEqual([1024, 1024]);
    expect(pngSize('assets/icons/256x256.png')).toEqual([256, 256]);
    for (const size of [16, 32, 48, 64, 128, 512]) expect(pngSize(`assets/icons/${size}x${size}.png`)).toEqual([size, size]);
    for (const icon of [config.win?.icon, config.mac?.icon, config.linux?.icon]) expect(existsSync(`${root}/${String(icon)}`), String(icon)).toBe(true);
  });
});
