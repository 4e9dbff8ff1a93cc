/**
 * One-time initial passwords made by the Beheer screen (a new account, a reset): 16 characters
 * from an alphabet without look-alikes (about 79 bits), in groups of four so they can be read
 * out. Shown once to the administrator; the user changes it with the administrator's help later.
 */
import { randomInt } from 'node:crypto';

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A fresh initial password, e.g. `k7qx-m2dp-…`. */
export function newInitialPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += alphabet[randomInt(alphabet.length)];
    groups.push(group);
  }
  return groups.join('-');
}
