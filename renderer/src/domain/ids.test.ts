import { describe, expect, it } from 'vitest';
import { createId, idKinds, isId, isRoom, parseRoom, roomKind } from './ids';

describe('typed ids', () => {
  it('creates `<kind>:<16 chars a-z0-9>` for every kind, and recognises them', () => {
    for (const kind of idKinds) {
      const id = createId(kind);
      expect(id).toMatch(new RegExp(`^${kind}:[a-z0-9]{16}$`));
      expect(isId(kind, id)).toBe(true);
    }
  });

  it('does not repeat and uses the whole alphabet', () => {
    const ids = Array.from({ length: 2000 }, () => createId('action'));
    expect(new Set(ids).size).toBe(ids.length);
    const chars = new Set(ids.join('').replaceAll('action:', ''));
    expect(chars.size).toBe(36);
  });

  it('refuses other kinds, bad bodies and non-strings', () => {
    expect(isId('case', createId('meeting'))).toBe(false);
    expect(isId('case', 'case:ABCDEFGH12345678')).toBe(false);
    expect(isId('case', 'case:short')).toBe(false);
    expect(isId('case', `case:${'a'.repeat(33)}`)).toBe(false);
    expect(isId('case', 'case:abcdefgh/../x')).toBe(false);
    expect(isId('case', 42)).toBe(false);
    expect(isId('case', null)).toBe(false);
    // Rooms from the server may be 8-32 chars, as its validation allows.
    expect(isId('case', 'case:synctest0000000a')).toBe(true);
  });

  it('knows rooms and their kind', () => {
    const caseId = createId('case');
    const meetingId = createId('meeting');
    expect(isRoom(caseId) && isRoom(meetingId)).toBe(true);
    expect(isRoom(createId('action'))).toBe(false);
    expect(roomKind(caseId)).toBe('case');
    expect(roomKind(meetingId)).toBe('meeting');
    expect(parseRoom('case:../../etc')).toBeNull();
    expect(parseRoom(meetingId)).toBe(meetingId);
  });
});
