import { describe, expect, it } from 'vitest';
import { en } from './messages/en';
import { nl } from './messages/nl';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map((m) => m[1] ?? '').sort();

describe('messages', () => {
  const dutch = leaves(nl);
  const english = leaves(en);

  it('English has exactly the Dutch keys (the compiler checks this too; this guards casts)', () => {
    expect([...english.keys()].sort()).toEqual([...dutch.keys()].sort());
  });

  it('no text is empty or untrimmed', () => {
    for (const [key, text] of [...dutch, ...english]) {
      expect(text.trim(), key).toBe(text);
      expect(text.length, key).toBeGreaterThan(0);
    }
  });

  it('both languages use the same placeholders per key', () => {
    for (const [key, text] of dutch) {
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('the sections the brief names are Dutch: Overleggen, Casussen, Acties', () => {
    expect([nl.nav.meetings, nl.nav.cases, nl.nav.actions]).toEqual(['Overleggen', 'Casussen', 'Acties']);
  });
});
