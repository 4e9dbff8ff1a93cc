import { describe, expect, it } from 'vitest';
import { durationParts, elapsedSeconds, formatDuration } from './meetingTimer';

describe('meeting timers', () => {
  const start = '2031-03-04T09:00:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('counts whole seconds from the recorded start', () => {
    expect(elapsedSeconds(start, at('2031-03-04T09:00:00.999Z'))).toBe(0);
    expect(elapsedSeconds(start, at('2031-03-04T09:04:05.500Z'))).toBe(245);
    expect(elapsedSeconds(start, at('2031-03-04T10:02:03.000Z'))).toBe(3723);
  });

  it('is not started without a start and never negative under clock skew', () => {
    expect(elapsedSeconds(null, at(start))).toBeNull();
    expect(elapsedSeconds('geen tijd', at(start))).toBeNull();
    expect(elapsedSeconds(start, at('2031-03-04T08:59:58.000Z'))).toBe(0);
  });

  it('formats as m:ss under an hour and h:mm:ss from an hour on', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(245)).toBe('4:05');
    expect(formatDuration(3599)).toBe('59:59');
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(-5)).toBe('0:00');
  });

  it('splits into parts for the spoken label', () => {
    expect(durationParts(3723)).toEqual({ hours: 1, minutes: 2, seconds: 3 });
    expect(durationParts(59)).toEqual({ hours: 0, minutes: 0, seconds: 59 });
  });
});
