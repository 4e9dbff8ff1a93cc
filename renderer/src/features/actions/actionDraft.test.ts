import { describe, expect, it } from 'vitest';
import { draftIssues, draftToNewAction, emptyDraft, firstIssueField, parseSource, sourceValue } from './actionDraft';
import { messageKeyForCode } from './actionErrors';
import { ownerChoices, type ActionDirectory } from './directory';

const directory: ActionDirectory = {
  users: [
    { username: 'test.bram', name: 'Bram Fictief', org: 'vt' },
    { username: 'test.anna', name: 'Anna Fictief', org: 'zvh' },
    { username: 'test.zonder', name: 'Zonder Organisatie', org: '' },
  ],
  orgs: [{ id: 'vt', name: 'Veilig Thuis Testregio' }, { id: 'zvh', name: 'ZVH Testregio' }],
};

const complete = { description: 'Huisbezoek plannen (fictief)', owner: 'test.bram', due: '2026-04-01', source: 'section:hulp-en-ondersteuning' };

describe('action draft', () => {
  it('takes the owner organisation from the directory and the source from the choice', () => {
    expect(draftToNewAction(complete, directory)).toEqual({
      description: 'Huisbezoek plannen (fictief)', owner: 'test.bram', ownerOrg: 'vt', due: '2026-04-01',
      source: { kind: 'section', ref: 'hulp-en-ondersteuning' },
    });
    expect(draftIssues(complete, directory)).toEqual({});
  });

  it('refuses an empty form on every required field at once, description first', () => {
    const issues = draftIssues(emptyDraft, directory);
    expect(issues).toEqual({ description: 'action-description-missing', owner: 'action-owner-missing', due: 'action-due-missing' });
    expect(firstIssueField(issues)).toBe('description');
    expect(messageKeyForCode(issues.owner ?? 'record-invalid')).toBe('action-owner-missing');
  });

  it('refuses an action without owner, or with an owner nobody knows', () => {
    expect(draftIssues({ ...complete, owner: '' }, directory)).toEqual({ owner: 'action-owner-missing' });
    expect(draftIssues({ ...complete, owner: 'test.onbekend' }, directory)).toEqual({ owner: 'action-owner-org-missing' });
    expect(draftIssues({ ...complete, owner: 'test.zonder' }, directory)).toEqual({ owner: 'action-owner-org-missing' });
  });

  it('keeps the current owner valid while editing offline, even if the directory does not list them', () => {
    const current = { username: 'test.weg', org: 'politie' };
    expect(draftIssues({ ...complete, owner: 'test.weg' }, directory, current)).toEqual({});
    expect(draftToNewAction({ ...complete, owner: 'test.weg' }, directory, current).ownerOrg).toBe('politie');
  });

  it('refuses a missing or impossible due date and an overlong description', () => {
    expect(draftIssues({ ...complete, due: '' }, directory)).toEqual({ due: 'action-due-missing' });
    expect(draftIssues({ ...complete, due: '2026-02-30' }, directory)).toEqual({ due: 'date-invalid' });
    expect(draftIssues({ ...complete, description: '   ' }, directory)).toEqual({ description: 'action-description-missing' });
    expect(draftIssues({ ...complete, description: 'x'.repeat(4001) }, directory)).toEqual({ description: 'text-too-long' });
  });

  it('reads source choices both ways and drops ones that name nothing', () => {
    expect(parseSource('')).toBeNull();
    expect(parseSource('section:bestaat-niet')).toBeNull();
    expect(parseSource('meeting:meeting:abcdefgh12345678')).toEqual({ kind: 'meeting', ref: 'meeting:abcdefgh12345678' });
    expect(sourceValue({ kind: 'section', ref: 'situatie-en-risico' })).toBe('section:situatie-en-risico');
    expect(sourceValue(null)).toBe('');
  });

  it('orders owner choices by organisation, then name', () => {
    expect(ownerChoices(directory).map((user) => user.username)).toEqual(['test.zonder', 'test.bram', 'test.anna']);
  });
});
