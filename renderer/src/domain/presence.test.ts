import { describe, expect, it } from 'vitest';
import { colorFor, initialsOf, presenceColors } from './presence';

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

describe('presence', () => {
  it('gives a user the same colour everywhere, spread over the palette', () => {
    expect(colorFor('test.politie')).toBe(colorFor('test.politie'));
    const used = new Set(Array.from({ length: 200 }, (_, i) => colorFor(`test.user${i}`)));
    expect(used.size).toBe(presenceColors.length);
  });

  it('uses colours with at least 4.5:1 contrast against white text', () => {
    for (const color of presenceColors) expect((1.05) / (luminance(color) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('makes initials from the capitalised words of a name', () => {
    expect(initialsOf('Pim van Proef')).toBe('PP');
    expect(initialsOf('Test Anna')).toBe('TA');
    expect(initialsOf('  zoë  ')).toBe('Z');
    expect(initialsOf('')).toBe('?');
  });
});
