/**
 * The only place that calls ipcMain. Every request passes two gates before a handler
 * runs: the sender is the app's own top-level page (app://themakamer), and the payload
 * matches its channel's schema. Rejections carry a code, never the payload.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelOf, type Channel, type Request, type Response } from '../contract';
import { isAppUrl } from './app-origin';
import type { createAppInfo } from './app-info';
import type { createOpenLink } from './external-links';
import type { createSaveFile } from './files';
import { requestSchemas } from './ipc-schemas';
import type { createOidcSignIn } from './oidc-sign-in';
import type { Service } from './service';
import type { createSignPdf } from './signing';
import type { createVaultKey } from './vault-key';

/** The handler for each channel, typed from the functions that implement them. */
export interface Handlers {
  'app-info': ReturnType<typeof createAppInfo>;
  'file-save': ReturnType<typeof createSaveFile>;
  'pdf-sign': ReturnType<typeof createSignPdf>;
  'link-open': ReturnType<typeof createOpenLink>;
  'key-wrap': ReturnType<typeof createVaultKey>['wrapKey'];
  'key-unwrap': ReturnType<typeof createVaultKey>['unwrapKey'];
  'oidc-sign-in': ReturnType<typeof createOidcSignIn>['signIn'];
  'oidc-cancel': ReturnType<typeof createOidcSignIn>['cancel'];
}

/** What the contract asks of a handler; `Handlers` must satisfy it channel by channel. */
type ContractHandlers = { [C in Channel]: (request: Request<C>, owner: BrowserWindow | null) => Promise<Response<C>> };
type Conforms<T extends ContractHandlers> = T;
export type CheckedHandlers = Conforms<Handlers>;

/** The parts of a sender frame the gate looks at. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** Whether an IPC message comes from the app's own top-level page (not a subframe, not another origin). */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}

/** Why a request was refused; sent to the renderer as the error message. */
export type IpcRefusal = 'ipc-untrusted-sender' | 'ipc-invalid-request';

/** The invoke event as far as the gate is concerned. */
export type InvokeEvent = Pick<IpcMainInvokeEvent, 'sender'> & { senderFrame: SenderFrame | null };

/** Runs one request through both gates and the handler. */
export async function handleInvoke<C extends Channel>(
  channel: C,
  event: InvokeEvent,
  payload: unknown,
  handlers: CheckedHandlers,
  ownerOf: (sender: WebContents) => BrowserWindow | null,
): Promise<Response<C>> {
  if (!isTrustedSender(event.senderFrame)) {
    console.warn(`[ipc] ${channel}: untrusted sender refused`);
    throw new Error('ipc-untrusted-sender' satisfies IpcRefusal);
  }
  const parsed = requestSchemas[channel].safeParse(payload);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}:${issue.code}`).join(',');
    console.warn(`[ipc] ${channel}: invalid request (${where})`);
    throw new Error('ipc-invalid-request' satisfies IpcRefusal);
  }
  // The mapped types cannot follow C through the indexed access; the schema above fixed the shape.
  const handler = handlers[channel] as (request: Request<C>, owner: BrowserWindow | null) => Promise<Response<C>>;
  return handler(parsed.data, ownerOf(event.sender));
}

/** Registers one ipcMain.handle per channel; dispose removes them. */
export function ipcService(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: CheckedHandlers,
  ownerOf: (sender: WebContents) => BrowserWindow | null,
): Service {
  const channels = Object.values(channelOf);
  return {
    name: 'ipc',
    init() {
      for (const channel of channels) {
        ipcMain.handle(channel, (event, payload: unknown) => handleInvoke(channel, event, payload, handlers, ownerOf));
      }
    },
    dispose() {
      for (const channel of channels) ipcMain.removeHandler(channel);
    },
  };
}
