/// <reference types="vite/client" />
/**
 * The document font in the app (browser and desktop renderer): the shipped Noto Sans
 * files as Vite asset URLs, registered once. Loaded with the export code, never at start.
 */
// The reference above: Node-side type checks (tests importing the export UI) see `?url` imports too.
import bold from '../../../../assets/fonts/NotoSans-Bold.ttf?url';
import italic from '../../../../assets/fonts/NotoSans-Italic.ttf?url';
import regular from '../../../../assets/fonts/NotoSans-Regular.ttf?url';
import { preloadFonts, registerFonts } from '../../pdf/fonts';

/** Registers and loads the fonts (safe to call again). */
export async function ensureBrowserFonts(): Promise<void> {
  registerFonts({ regular, bold, italic });
  await preloadFonts();
}
