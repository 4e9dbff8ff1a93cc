/** How other users are shown where they work: initials and a stable colour. */

/** Colours for remote cursors and avatars; each passes 4.5:1 against white text. */
export const presenceColors = ['#1f5fa8', '#a3341f', '#1d6b3a', '#7a3e9d', '#8a5a00', '#0f6a73', '#a1286a', '#4a5568'] as const;

/** A stable colour for `username` (the same on every screen). */
export function colorFor(username: string): string {
  let hash = 2166136261;
  for (let i = 0; i < username.length; i++) {
    hash ^= username.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return presenceColors[(hash >>> 0) % presenceColors.length] ?? presenceColors[0];
}

/** Up to two initials of a display name ("Pim van Proef" → "PP"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((word) => /^\p{Lu}/u.test(word));
  const picked = words.length > 0 ? words : name.trim().split(/\s+/);
  const first = picked[0]?.[0] ?? '?';
  const last = picked.length > 1 ? picked[picked.length - 1]?.[0] ?? '' : '';
  return (first + last).toUpperCase();
}
