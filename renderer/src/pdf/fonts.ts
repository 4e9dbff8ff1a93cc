import { Font } from '@react-pdf/renderer';

/** The family every document uses: Noto Sans, which draws all of Dutch, "ĳ" (U+0133) included. */
export const FONT_FAMILY = 'Noto Sans';

/** File names of the shipped fonts in `assets/fonts/` (OFL, see OFL.txt there). */
export const FONT_FILES = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  italic: 'NotoSans-Italic.ttf',
} as const;

/**
 * A font file: its bytes, a URL (browser: from a Vite `?url` import), or in Node a file path.
 */
export type FontInput = Uint8Array | string;

/** The font files to embed; italic falls back to regular when absent. */
export interface FontSources {
  regular: FontInput;
  bold: FontInput;
  italic?: FontInput;
}

let registered = false;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  }
  return btoa(binary);
}

function toSrc(input: FontInput): string {
  // react-pdf loads bytes only from a base64 data URL, in Node and in the browser alike.
  return typeof input === 'string' ? input : `data:font/ttf;base64,${toBase64(input)}`;
}

/**
 * Registers the document font. Call once before rendering; later calls are ignored
 * (react-pdf keeps one global font store, and mixing two sources of a family would
 * make the output depend on call order).
 */
export function registerFonts(sources: FontSources): void {
  if (registered) return;
  const regular = toSrc(sources.regular);
  const bold = toSrc(sources.bold);
  const italic = sources.italic === undefined ? regular : toSrc(sources.italic);
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: regular, fontWeight: 400, fontStyle: 'normal' },
      { src: bold, fontWeight: 700, fontStyle: 'normal' },
      { src: italic, fontWeight: 400, fontStyle: 'italic' },
      // No bold-italic file is shipped: bold italic text prints upright bold.
      { src: bold, fontWeight: 700, fontStyle: 'italic' },
    ],
  });
  // react-pdf hyphenates with English patterns by default, which breaks Dutch words wrongly.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

/** Whether `registerFonts` has run; rendering refuses to fall back to Helvetica, which cannot draw "ĳ". */
export function fontsRegistered(): boolean {
  return registered;
}

/**
 * Loads and parses the registered font files ahead of the first render (e.g. when
 * the export dialog opens), so the first export does not wait for them.
 */
export async function preloadFonts(): Promise<void> {
  if (!registered) throw new Error('fonts not registered: call registerFonts() first');
  await Promise.all(
    ([[400, 'normal'], [700, 'normal'], [400, 'italic']] as const).map(([fontWeight, fontStyle]) =>
      Font.load({ fontFamily: FONT_FAMILY, fontWeight, fontStyle }),
    ),
  );
}
