// Small stand-ins for the Electron edge (no Electron binary in tests). Only what the
// modules under test call is implemented; everything else stays undefined on purpose.
import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';

/** A navigation event as Electron passes it; records preventDefault. */
export function navigationEvent(url: string): { url: string; defaultPrevented: boolean; preventDefault(): void } {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** A WebContents: a real EventEmitter plus the window-open handler slot. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  /** Typed as Electron's, for passing to code under test. */
  asElectron(): WebContents {
    return this as unknown as WebContents;
  }
}

/** A BrowserWindow that records its options and what was loaded and shown. */
export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  loadedUrls: string[] = [];
  shown = 0;
  focused = 0;
  destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    FakeBrowserWindow.created.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  show(): void {
    this.shown += 1;
  }
  focus(): void {
    this.focused += 1;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('closed');
  }
  asElectron(): BrowserWindow {
    return this as unknown as BrowserWindow;
  }

  /** The class, typed as Electron's constructor. */
  static asConstructor(): new (options: BrowserWindowConstructorOptions) => BrowserWindow {
    return FakeBrowserWindow as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  }
}
