// Entry of the bundle platform/browser.test.ts builds with Vite and runs in Chromium: the
// real platform modules, published on globalThis for the test page to call.
import { getApi } from '../index';
import { createWebApi } from '../webApi';

/** What the test page can call. */
export const platformForTests = { getApi, createWebApi };

Object.assign(globalThis, { ThemakamerPlatform: platformForTests });
