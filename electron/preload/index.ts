/**
 * The preload: exposes `window.api`, one method per IPC channel, and nothing else.
 * It runs sandboxed (CommonJS bundle, only `electron` may be required) and never hands
 * ipcRenderer or any other Electron object to the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, type Api, type Channel, type Request, type Response } from '../contract';

function invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
  return ipcRenderer.invoke(channel, request);
}

const api = {
  getAppInfo: () => invoke(channelOf.getAppInfo, undefined),
  saveFile: (request) => invoke(channelOf.saveFile, request),
  signPdf: (request) => invoke(channelOf.signPdf, request),
  openExternal: (url) => invoke(channelOf.openExternal, url),
  wrapKey: (key) => invoke(channelOf.wrapKey, key),
  unwrapKey: (wrapped) => invoke(channelOf.unwrapKey, wrapped),
  signInWithOrganisation: (request) => invoke(channelOf.signInWithOrganisation, request),
  cancelOrganisationSignIn: () => invoke(channelOf.cancelOrganisationSignIn, undefined),
} satisfies Required<Api>;

contextBridge.exposeInMainWorld('api', api);
