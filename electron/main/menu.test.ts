import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuService, menuTemplate } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

// English words Electron would show if a label were missing or left untranslated.
const ENGLISH = /\b(File|Edit|View|Window|Undo|Redo|Cut|Copy|Paste|Select All|Quit|Close|Reload|Zoom In|Zoom Out|About|Hide|Minimize|Toggle)\b/;

describe('menu', () => {
  it.each([
    ['Windows/Linux', false],
    ['macOS', true],
  ])('%s: every item has a Dutch label', (_name, isMac) => {
    const items = flatten(menuTemplate({ isMac, developerItems: true }));
    for (const item of items) {
      if (item.type === 'separator') continue;
      expect(item.label, JSON.stringify(item)).toBeTruthy();
      expect(item.label).not.toMatch(ENGLISH);
    }
    const top = menuTemplate({ isMac, developerItems: false }).map((item) => item.label);
    expect(top).toEqual(expect.arrayContaining(['Bestand', 'Bewerken', 'Beeld', 'Venster']));
  });

  it('offers reload and DevTools only in development', () => {
    const roles = (developerItems: boolean) => flatten(menuTemplate({ isMac: false, developerItems })).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('installs the menu on init and removes it on dispose', async () => {
    const set: unknown[] = [];
    const service = menuService(
      { buildFromTemplate: (template) => ({ template }) as never, setApplicationMenu: (menu) => void set.push(menu) },
      { isMac: false, developerItems: false },
    );
    await service.init();
    service.dispose();
    expect(set).toHaveLength(2);
    expect(set[0]).toMatchObject({ template: menuTemplate({ isMac: false, developerItems: false }) });
    expect(set[1]).toBeNull();
  });
});
