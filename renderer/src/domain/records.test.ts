import { describe, expect, it } from 'vitest';
import { actionOptionalKeys, actionSchema, validateNewAction } from './actionRecord';
import {
  caseMetaSchema, escalationInputSchema, measureSchema, personOptionalKeys, personSchema, timelineEventSchema,
} from './caseRecords';
import { DomainError } from './errors';
import { createId } from './ids';
import { meetingMetaSchema } from './meetingRecords';
import { parseLenient, requireValid, validateWith } from './validation';

const at = '2026-03-02T10:00:00.000Z';
const fictionalAction = {
  description: 'Gesprek plannen met fictieve school',
  owner: 'test.politie',
  ownerOrg: 'politie',
  due: '2026-03-20',
};

describe('new actions', () => {
  it('accept description, owner, organisation and due date', () => {
    const result = validateNewAction(fictionalAction);
    expect(result).toEqual({ ok: true, value: { ...fictionalAction, source: null } });
  });

  it('refuse an action without owner, with a typed code', () => {
    expect(validateNewAction({ ...fictionalAction, owner: undefined })).toEqual({
      ok: false, issue: { code: 'action-owner-missing', field: 'owner' },
    });
    expect(validateNewAction({ ...fictionalAction, owner: '' })).toEqual({
      ok: false, issue: { code: 'action-owner-missing', field: 'owner' },
    });
  });

  it('refuse an action without due date, or with an impossible one', () => {
    const { due: _due, ...withoutDue } = fictionalAction;
    expect(validateNewAction(withoutDue)).toMatchObject({ ok: false, issue: { code: 'action-due-missing', field: 'due' } });
    expect(validateNewAction({ ...fictionalAction, due: '2026-02-30' })).toMatchObject({ ok: false, issue: { code: 'date-invalid' } });
  });

  it('refuse an owner list (one owner only) and a blank description', () => {
    expect(validateNewAction({ ...fictionalAction, owner: ['a.b', 'c.d'] })).toMatchObject({ ok: false, issue: { code: 'action-owner-missing' } });
    expect(validateNewAction({ ...fictionalAction, description: '   ' })).toMatchObject({ ok: false, issue: { code: 'action-description-missing' } });
    expect(validateNewAction({ ...fictionalAction, ownerOrg: undefined })).toMatchObject({ ok: false, issue: { code: 'action-owner-org-missing' } });
  });

  it('link an action to a plan section or a meeting that exists as such', () => {
    const meetingId = createId('meeting');
    expect(validateNewAction({ ...fictionalAction, source: { kind: 'meeting', ref: meetingId } })).toMatchObject({ ok: true });
    expect(validateNewAction({ ...fictionalAction, source: { kind: 'section', ref: 'hulp-en-ondersteuning' } })).toMatchObject({ ok: true });
    expect(validateNewAction({ ...fictionalAction, source: { kind: 'section', ref: meetingId } }))
      .toMatchObject({ ok: false, issue: { code: 'value-unknown', field: 'source.ref' } });
    expect(validateNewAction({ ...fictionalAction, source: { kind: 'meeting', ref: 'gisteren' } })).toMatchObject({ ok: false });
  });

  it('throw a DomainError with code and field from requireValid', () => {
    try {
      requireValid(actionSchema, { ...fictionalAction, id: createId('action'), status: 'open', source: null, createdBy: 'a.b', createdAt: at, owner: '' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'action-owner-missing', field: 'owner' });
    }
  });
});

describe('board records', () => {
  it('check the case header', () => {
    const meta = { label: 'Casus 2026-014', caseNumber: 'ZVH-014', type: 'ex-partnerstalking', status: 'aangemeld', createdAt: at, createdBy: 'test.zvh' };
    expect(validateWith(caseMetaSchema, meta).ok).toBe(true);
    expect(validateWith(caseMetaSchema, { ...meta, type: 'stalking' })).toMatchObject({ ok: false, issue: { code: 'value-unknown', field: 'type' } });
    expect(validateWith(caseMetaSchema, { ...meta, label: '' })).toMatchObject({ ok: false, issue: { code: 'text-missing', field: 'label' } });
  });

  it('refuse a measure that ends before it starts', () => {
    const measure = { id: createId('measure'), kind: 'contactverbod', start: '2026-03-01', end: '2026-02-01', by: 'test.om', at };
    expect(validateWith(measureSchema, measure)).toMatchObject({ ok: false, issue: { code: 'date-range-invalid', field: 'end' } });
    expect(validateWith(measureSchema, { ...measure, end: null }).ok).toBe(true);
  });

  it('need a level and a reason for an escalation', () => {
    expect(validateWith(escalationInputSchema, { level: 'tactisch', reason: ' ', date: '2026-03-02' }))
      .toMatchObject({ ok: false, issue: { code: 'escalation-reason-missing' } });
    expect(validateWith(escalationInputSchema, { level: 'hoog', reason: 'Geen voortgang', date: '2026-03-02' }))
      .toMatchObject({ ok: false, issue: { code: 'value-unknown', field: 'level' } });
    const event = { id: createId('event'), date: '2026-03-02', type: 'escalatie', text: 'Geen voortgang', by: 'test.zvh', at };
    expect(validateWith(timelineEventSchema, event)).toMatchObject({ ok: false, issue: { field: 'level' } });
    expect(validateWith(timelineEventSchema, { ...event, level: 'bestuurlijk' }).ok).toBe(true);
  });

  it('check meeting meta', () => {
    const meta = { type: 'mdo', start: at, chair: 'test.zvh', status: 'concept', version: 0, createdBy: 'test.zvh' };
    expect(validateWith(meetingMetaSchema, meta).ok).toBe(true);
    expect(validateWith(meetingMetaSchema, { ...meta, status: 'goedgekeurd' }).ok).toBe(false);
  });
});

describe('reading peer data leniently', () => {
  const person = { id: createId('person'), role: 'kind', name: 'Fictief Kind' };

  it('drops malformed optional fields and keeps the record', () => {
    const read = parseLenient(personSchema, { ...person, birthYear: 'twee', note: 7, knownBy: ['politie', 'NOT AN ORG'] }, personOptionalKeys);
    expect(read).toEqual(person);
  });

  it('skips a record whose required fields are malformed', () => {
    expect(parseLenient(personSchema, { ...person, role: 'buurman' }, personOptionalKeys)).toBeNull();
    expect(parseLenient(personSchema, { ...person, name: 5, note: 7 }, personOptionalKeys)).toBeNull();
    expect(parseLenient(personSchema, 'x', personOptionalKeys)).toBeNull();
    expect(parseLenient(personSchema, [person], personOptionalKeys)).toBeNull();
  });

  it('keeps an action whose source is garbled, but never one without owner', () => {
    const action = {
      ...fictionalAction, id: createId('action'), status: 'open', source: { kind: 'elders' }, createdBy: 'test.zvh', createdAt: at,
    };
    expect(parseLenient(actionSchema, action, actionOptionalKeys)).toMatchObject({ owner: 'test.politie', source: null });
    expect(parseLenient(actionSchema, { ...action, owner: undefined }, actionOptionalKeys)).toBeNull();
    expect(parseLenient(actionSchema, { ...action, owner: ['a.b', 'c.d'] }, actionOptionalKeys)).toBeNull();
  });
});
