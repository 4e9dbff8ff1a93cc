import { describe, expect, it } from 'vitest';
import { emptyAccessLogForm, queryOfForm } from './accessLogForm';
import { accessLogSearch } from './privacyApi';

describe('access log filter form', () => {
  it('asks for everything when empty', () => {
    expect(queryOfForm(emptyAccessLogForm)).toEqual({ ok: true, query: {} });
    expect(accessLogSearch({})).toBe('');
  });

  it('turns the local days into a period that includes the last day', () => {
    const result = queryOfForm({ ...emptyAccessLogForm, from: '2026-03-01', until: '2026-03-31' });
    expect(result).toEqual({ ok: true, query: { from: new Date(2026, 2, 1).toISOString(), until: new Date(2026, 3, 1).toISOString() } });
    // One day: from its start to the next day's start.
    const day = queryOfForm({ ...emptyAccessLogForm, from: '2026-12-31', until: '2026-12-31' });
    expect(day).toEqual({ ok: true, query: { from: new Date(2026, 11, 31).toISOString(), until: new Date(2027, 0, 1).toISOString() } });
  });

  it('refuses a period that ends before it starts', () => {
    expect(queryOfForm({ ...emptyAccessLogForm, from: '2026-03-02', until: '2026-03-01' })).toEqual({ ok: false, error: 'period-reversed' });
  });

  it('trims the case number and keeps person, organisation and kind', () => {
    const result = queryOfForm({ ...emptyAccessLogForm, user: 'koen.kordaat', org: 'politie', caseNumber: '  ZVH-2026-011 ', category: 'export' });
    expect(result).toEqual({ ok: true, query: { user: 'koen.kordaat', org: 'politie', caseNumber: 'ZVH-2026-011', category: 'export' } });
    if (result.ok) expect(accessLogSearch(result.query)).toBe('?user=koen.kordaat&org=politie&caseNumber=ZVH-2026-011&category=export');
  });
});
