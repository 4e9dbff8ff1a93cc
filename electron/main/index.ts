/**
 * Main-process lifecycle only: resolve the configuration, then compose the services
 * (security first, so no WebContents exists unguarded) and dispose them on quit.
 * All logic lives in the modules it imports; this is the one file that imports electron.
 */
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { createAppInfo } from './app-info';
import { appProtocolService, nodeAppFiles, registerAppScheme } from './app-protocol';
import { contentSecurityPolicy } from './csp';
import { createOpenLink } from './external-links';
import { createSaveFile } from './files';
import { ipcService } from './ipc';
import { menuService } from './menu';
import { createOidcSignIn } from './oidc-sign-in';
import { securityService } from './security';
import { readSettingsText, resolveServerUrl, ServerUrlError } from './server-url';
import { initServices } from './service';
import { createSignPdf } from './signing';
import { createVaultKey } from './vault-key';
import { windowsService } from './windows';

const APP_ID = 'nl.zorgenveiligheidshuizen.themakamer';

// Both must happen before `ready`.
registerAppScheme(protocol);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setAppUserModelId(APP_ID);
  app.whenReady().then(start).catch(failToStart);
}

async function start(): Promise<void> {
  const server = resolveServerUrl({ env: process.env, settingsText: await readSettingsText(app.getPath('userData')) });
  console.info(`[main] sync server from ${server.source}`);
  const openExternal = (url: string): Promise<void> => shell.openExternal(url);
  const vaultKey = createVaultKey(safeStorage, process.platform);
  const oidcSignIn = createOidcSignIn({ serverOrigin: server.origin, openExternal });
  const windows = windowsService(BrowserWindow, {
    preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
    devTools: !app.isPackaged,
  });

  const dispose = await initServices([
    securityService({ app, session: session.defaultSession, openExternal, server }),
    appProtocolService(protocol, nodeAppFiles(fileURLToPath(new URL('../renderer', import.meta.url))), contentSecurityPolicy(server)),
    ipcService(ipcMain, {
      'app-info': createAppInfo(app.getVersion(), server, process.platform),
      'file-save': createSaveFile({
        showSaveDialog: (owner, options) => (owner === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(owner, options)),
        defaultDir: () => app.getPath('documents'),
      }),
      'pdf-sign': createSignPdf(),
      'link-open': createOpenLink(openExternal),
      'key-wrap': vaultKey.wrapKey,
      'key-unwrap': vaultKey.unwrapKey,
      'oidc-sign-in': oidcSignIn.signIn,
      'oidc-cancel': oidcSignIn.cancel,
    }, (sender) => BrowserWindow.fromWebContents(sender)),
    menuService(Menu, { isMac: process.platform === 'darwin', developerItems: !app.isPackaged }),
    windows,
  ]);

  app.on('second-instance', () => windows.focusOrCreate());
  app.on('activate', () => windows.focusOrCreate());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.once('will-quit', dispose);
}

function failToStart(error: unknown): void {
  const message = error instanceof ServerUrlError
    ? error.message
    : 'Er ging iets mis bij het starten. Start Themakamer opnieuw; lukt dat niet, neem dan contact op met de beheerder.';
  console.error(`[main] start failed: ${error instanceof Error ? error.name : 'unknown'}`);
  dialog.showErrorBox('Themakamer kan niet starten', message);
  app.exit(1);
}
