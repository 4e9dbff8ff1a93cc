import { describe, expect, it } from 'vitest';
import { diffLines, diffSafetyPlan, MAX_DIFF_LINES } from './textDiff';

describe('line diff', () => {
  it('keeps common lines and marks removed and added ones in order', () => {
    expect(diffLines('a\nb\nc', 'a\nx\nc\nd')).toEqual([
      { kind: 'same', text: 'a' }, { kind: 'removed', text: 'b' }, { kind: 'added', text: 'x' },
      { kind: 'same', text: 'c' }, { kind: 'added', text: 'd' },
    ]);
    expect(diffLines('', 'nieuw')).toEqual([{ kind: 'added', text: 'nieuw' }]);
    expect(diffLines('weg', '')).toEqual([{ kind: 'removed', text: 'weg' }]);
    expect(diffLines('gelijk', 'gelijk')).toEqual([{ kind: 'same', text: 'gelijk' }]);
  });

  it('falls back to whole replacement for very long texts', () => {
    const long = Array.from({ length: MAX_DIFF_LINES + 1 }, (_, i) => `r${i}`).join('\n');
    const lines = diffLines(long, 'kort');
    expect(lines.filter((l) => l.kind === 'removed')).toHaveLength(MAX_DIFF_LINES + 1);
    expect(lines.at(-1)).toEqual({ kind: 'added', text: 'kort' });
  });

  it('diffs the safety plan per section in plan order', () => {
    const diff = diffSafetyPlan(
      [{ key: 'hulp-en-ondersteuning', blocks: [], text: 'oud' }],
      [{ key: 'hulp-en-ondersteuning', blocks: [], text: 'nieuw' }, { key: 'situatie-en-risico', blocks: [], text: 'x' }],
    );
    expect(diff).toHaveLength(8);
    expect(diff.filter((s) => s.changed).map((s) => s.key)).toEqual(['situatie-en-risico', 'hulp-en-ondersteuning']);
  });
});
