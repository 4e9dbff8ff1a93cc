/** Whether a code unit is a C0 control character or DEL (never meaningful in a URL or file name). */
export function isControlCode(code: number): boolean {
  return code < 0x20 || code === 0x7f;
}

/** Whether the text holds any C0 control character or DEL. */
export function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    if (isControlCode(value.charCodeAt(i))) return true;
  }
  return false;
}
