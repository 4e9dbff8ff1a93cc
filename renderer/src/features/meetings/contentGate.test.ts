import { describe, expect, it } from 'vitest';
import { contentGate } from './contentGate';

describe('the confidentiality and attendance gate', () => {
  const at = '2031-03-04T09:01:00.000Z';

  it('stays closed until the participant confirmed the statement', () => {
    expect(contentGate({ confidentiality: {}, attendance: { 'dirk.deelnemer': 'aanwezig' } }, 'dirk.deelnemer')).toEqual({ open: false, reason: 'confirm' });
    // Someone else's confirmation does not open it.
    expect(contentGate({ confidentiality: { 'pim.proef': at }, attendance: {} }, 'dirk.deelnemer')).toEqual({ open: false, reason: 'confirm' });
  });

  it('opens once confirmed and present (or not yet marked)', () => {
    expect(contentGate({ confidentiality: { 'dirk.deelnemer': at }, attendance: { 'dirk.deelnemer': 'aanwezig' } }, 'dirk.deelnemer')).toEqual({ open: true, confirmedAt: at });
    expect(contentGate({ confidentiality: { 'dirk.deelnemer': at }, attendance: {} }, 'dirk.deelnemer')).toEqual({ open: true, confirmedAt: at });
  });

  it('closes for someone recorded absent or excused', () => {
    expect(contentGate({ confidentiality: { 'dirk.deelnemer': at }, attendance: { 'dirk.deelnemer': 'afwezig' } }, 'dirk.deelnemer'))
      .toEqual({ open: false, reason: 'not-present', status: 'afwezig' });
    expect(contentGate({ confidentiality: { 'dirk.deelnemer': at }, attendance: { 'dirk.deelnemer': 'afgemeld' } }, 'dirk.deelnemer'))
      .toEqual({ open: false, reason: 'not-present', status: 'afgemeld' });
  });
});
