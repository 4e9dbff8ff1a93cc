/**
 * The application menu, in Dutch. Items use Electron roles so shortcuts and platform
 * behaviour stay native; only the labels are ours.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { Service } from './service';

/** What the menu depends on. */
export interface MenuConfig {
  isMac: boolean;
  /** Reload and DevTools only in development. */
  developerItems: boolean;
}

/** The menu template; every label is Dutch. */
export function menuTemplate({ isMac, developerItems }: MenuConfig): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [{
        label: 'Themakamer',
        submenu: [
          { role: 'about', label: 'Over Themakamer' },
          { type: 'separator' },
          { role: 'hide', label: 'Themakamer verbergen' },
          { role: 'hideOthers', label: 'Andere verbergen' },
          { role: 'unhide', label: 'Alles tonen' },
          { type: 'separator' },
          { role: 'quit', label: 'Themakamer afsluiten' },
        ],
      }]
    : [];
  const developer: MenuItemConstructorOptions[] = developerItems
    ? [
        { type: 'separator' },
        { role: 'reload', label: 'Opnieuw laden' },
        { role: 'toggleDevTools', label: 'Ontwikkelaarshulpmiddelen' },
      ]
    : [];
  const windowItems: MenuItemConstructorOptions[] = isMac
    ? [{ role: 'zoom', label: 'Zoomen' }, { role: 'front', label: 'Alles naar voren' }]
    : [{ role: 'close', label: 'Sluiten' }];
  // macOS shows "about" in the app menu; elsewhere it lives under Help.
  const helpItems: MenuItemConstructorOptions[] = isMac ? [] : [{ role: 'about', label: 'Over Themakamer' }];
  return [
    ...appMenu,
    {
      label: 'Bestand',
      submenu: [isMac ? { role: 'close', label: 'Venster sluiten' } : { role: 'quit', label: 'Afsluiten' }],
    },
    {
      label: 'Bewerken',
      submenu: [
        { role: 'undo', label: 'Ongedaan maken' },
        { role: 'redo', label: 'Opnieuw uitvoeren' },
        { type: 'separator' },
        { role: 'cut', label: 'Knippen' },
        { role: 'copy', label: 'Kopiëren' },
        { role: 'paste', label: 'Plakken' },
        { role: 'selectAll', label: 'Alles selecteren' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        { role: 'resetZoom', label: 'Werkelijke grootte' },
        { role: 'zoomIn', label: 'Inzoomen' },
        { role: 'zoomOut', label: 'Uitzoomen' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Volledig scherm' },
        ...developer,
      ],
    },
    {
      label: 'Venster',
      submenu: [
        { role: 'minimize', label: 'Minimaliseren' },
        ...windowItems,
      ],
    },
    ...(helpItems.length > 0 ? [{ role: 'help', label: 'Help', submenu: helpItems } satisfies MenuItemConstructorOptions] : []),
  ];
}

/** Installs the menu; Electron's Menu in the app. */
export function menuService(menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>, config: MenuConfig): Service {
  return {
    name: 'menu',
    init() {
      menu.setApplicationMenu(menu.buildFromTemplate(menuTemplate(config)));
    },
    dispose() {
      menu.setApplicationMenu(null);
    },
  };
}
