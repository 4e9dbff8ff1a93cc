import type { Api } from '../../../electron/contract';

declare global {
  interface Window {
    /** Set by the desktop preload; absent in a browser, where platform/ supplies the web Api. */
    api?: Api;
  }
}

export {};
