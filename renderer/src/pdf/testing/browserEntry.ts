// Entry of the browser bundle that browser.test.ts builds with Vite and loads in
// Chromium as a module script: the same modules the app uses, with fictional
// data to feed them, published on globalThis for the test to call.
import { registerFonts } from '../fonts';
import { renderMinutesPdf } from '../render';
import { signPdf } from '../sign';
import { fictionalMinutes } from './fixtures';

/** What the test page can call. */
export const browserApi = { registerFonts, renderMinutesPdf, signPdf, fictionalMinutes };

Object.assign(globalThis, { ThemakamerPdf: browserApi });
