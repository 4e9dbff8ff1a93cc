/** Demo passwords: random per run, printed once, never stored anywhere but as server hashes. */
import { randomInt } from 'node:crypto';

// No 0/o, 1/l/i: passwords are read off a terminal and typed in by hand.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A fresh password like `demo-k7pq-3mzx-wv2h-9tra` (about 80 bits of randomness). */
export function demoPassword(): string {
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `demo-${group()}-${group()}-${group()}-${group()}`;
}
