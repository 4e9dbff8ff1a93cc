/** True on macOS, where Tiptap's `Mod` is ⌘ (Meta) instead of Ctrl. */
export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/u.test(navigator.platform);
}
