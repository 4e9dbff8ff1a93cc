import { describe, expect, it } from 'vitest';
import {
  chairChoices, draftInvitees, draftToHeader, emptyMeetingDraft, invitable, meetingDraftIssues, secretaryChoices, startOf, type DirectoryPerson,
} from './newMeeting';

const users: DirectoryPerson[] = [
  { username: 'pim.proef', name: 'Pim Proef (fictief)', org: 'zvh', role: 'procesregisseur' },
  { username: 'sanne.secretaris', name: 'Sanne Secretaris (fictief)', org: 'zvh', role: 'secretaris' },
  { username: 'dirk.deelnemer', name: 'Dirk Deelnemer (fictief)', org: 'vt', role: 'deelnemer' },
  { username: 'bea.beheer', name: 'Bea Beheer (fictief)', org: 'zvh', role: 'beheerder' },
];

const filled = { ...emptyMeetingDraft('pim.proef'), type: 'themakamer', date: '2031-03-04', time: '09:30', location: 'Zaal 2', invitees: ['dirk.deelnemer'] };

describe('the new meeting form', () => {
  it('accepts a complete draft and turns it into a header with a local start time', () => {
    expect(meetingDraftIssues(filled, users)).toEqual({});
    const header = draftToHeader(filled);
    expect(header).toEqual({ type: 'themakamer', start: new Date(2031, 2, 4, 9, 30).toISOString(), location: 'Zaal 2', chair: 'pim.proef' });
  });

  it('names every problem per field', () => {
    const issues = meetingDraftIssues({ ...emptyMeetingDraft(''), invitees: ['onbekend.iemand'] }, users);
    expect(issues).toEqual({ type: 'typeMissing', date: 'dateMissing', time: 'timeMissing', place: 'placeMissing', chair: 'chairMissing', invitees: 'inviteeUnknown' });
  });

  it('refuses a non-existent date, a bad video link and a chair who is not a procesregisseur', () => {
    expect(meetingDraftIssues({ ...filled, date: '2031-02-31' }, users).date).toBe('dateInvalid');
    expect(meetingDraftIssues({ ...filled, location: '', videoLink: 'javascript:alert(1)' }, users).place).toBe('videoLinkInvalid');
    expect(meetingDraftIssues({ ...filled, location: '', videoLink: 'https://video.example.test/overleg' }, users).place).toBeUndefined();
    expect(meetingDraftIssues({ ...filled, chair: 'dirk.deelnemer' }, users).chair).toBe('chairNotDirector');
    expect(meetingDraftIssues({ ...filled, secretary: 'niemand' }, users).secretary).toBe('secretaryUnknown');
    expect(startOf('2031-03-04', '24:00')).toBeNull();
  });

  it('invites chair, secretary and creator along with the chosen invitees, each once', () => {
    const invitees = draftInvitees({ ...filled, secretary: 'sanne.secretaris', invitees: ['dirk.deelnemer', 'pim.proef'] }, 'pim.proef', users);
    expect(invitees).toEqual([
      { username: 'pim.proef', org: 'zvh', role: 'procesregisseur' },
      { username: 'sanne.secretaris', org: 'zvh', role: 'secretaris' },
      { username: 'dirk.deelnemer', org: 'vt', role: 'deelnemer' },
    ]);
  });

  it('offers no administrator anywhere and only procesregisseurs as chair', () => {
    expect(invitable(users).map((user) => user.username)).not.toContain('bea.beheer');
    expect(chairChoices(users).map((user) => user.username)).toEqual(['pim.proef']);
    expect(secretaryChoices(users).map((user) => user.username)).toEqual(['pim.proef', 'sanne.secretaris']);
  });
});
