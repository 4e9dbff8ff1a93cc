/**
 * The renderer's only way to the shell: `window.api` from the desktop preload, or the
 * web implementation of the same contract when the page runs in a browser.
 */
import type { Api } from '../../../electron/contract';
import './window';
import { createWebApi } from './webApi';

export type { Api, AppInfo, SaveFileRequest, SaveFileResult, SignPdfRequest, SignPdfResult, SignErrorCode } from '../../../electron/contract';

let webApi: Api | null = null;

/** The platform Api: the desktop preload's when present, otherwise the web one (made once). */
export function getApi(): Api {
  if (window.api) return window.api;
  webApi ??= createWebApi(window);
  return webApi;
}
