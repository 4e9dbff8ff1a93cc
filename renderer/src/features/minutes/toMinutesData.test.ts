import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { actionsToCsv } from '../../pdf/csv';
import { forOrganisation } from '../../pdf/exportFilter';
import { parseMinutesData } from '../../pdf/modelSchema';
import { actionRowsFrom, minutesActionRows, toActionListData } from './actionRows';
import { minutesFromDocs, minutesFromFrozen, type FrozenApproval } from './fromDocs';
import { MinutesSourceError } from './minutesSourceError';
import { canKnowFromMembers } from './needToKnow';
import { NEVER_EXPORT_PASSAGE, PERSON_SECRETS, approveLikeServer, fictionalMeeting, testDirectory, type FictionalMeeting } from './testing/fictionalDocs';
import { readActions } from '../../collab/actions';
import { readCaseMeta } from '../../collab/caseHeader';

const context = { directory: testDirectory, region: 'Regio Fictief' };

function frozen(meeting: FictionalMeeting): FrozenApproval {
  return {
    meetingId: meeting.meetingId,
    meetingState: Y.encodeStateAsUpdate(meeting.meetingDoc),
    cases: [...meeting.cases].map(([caseId, doc]) => ({ caseId, state: Y.encodeStateAsUpdate(doc) })),
  };
}

describe('minutes from documents', () => {
  it('prints the meeting: header, attendance with organisations, items by pseudonym', () => {
    const meeting = fictionalMeeting();
    approveLikeServer(meeting.meetingDoc);
    const data = minutesFromDocs({ id: meeting.meetingId, doc: meeting.meetingDoc }, meeting.cases, context);
    expect(parseMinutesData(data)).toEqual(data);
    expect(data).toMatchObject({
      documentId: `${meeting.meetingId}/v1`, region: 'Regio Fictief', meetingTypeLabel: 'Themakamer HG/KM',
      status: 'vastgesteld', version: 1, approvedAt: '2026-03-12T12:00:00.000Z', approvedBy: 'Pim Proef',
      chair: { name: 'Pim Proef', org: 'zvh', orgName: 'Zorg- en Veiligheidshuis Fictief' },
      secretary: { name: 'Sanne Secretaris-Bĳl', org: 'zvh' }, location: 'Zaal IJssel (fictief)',
    });
    const attendance = Object.fromEntries(data.attendance.map((a) => [a.name, `${a.status}/${a.orgName}`]));
    expect(attendance).toEqual({
      'Pim Proef': 'aanwezig/Zorg- en Veiligheidshuis Fictief',
      'Sanne Secretaris-Bĳl': 'aanwezig/Zorg- en Veiligheidshuis Fictief',
      'Vera Veilig': 'aanwezig/Veilig Thuis Fictief',
      'Kees Kordaat': 'afgemeld/Politie Fictief',
      // Invited but nothing recorded: the record does not claim presence.
      'Rik Reclasseerder': 'afwezig/Reclassering Fictief',
    });
    expect(data.items.map((item) => item.caseLabel)).toEqual(['Casus Kievit', 'Casus Grutto']);
  });

  it('takes per item the notes, decisions and withheld notes of this meeting, the plan and the actions with their one owner', () => {
    const meeting = fictionalMeeting();
    approveLikeServer(meeting.meetingDoc);
    const [kievit, grutto] = minutesFromDocs({ id: meeting.meetingId, doc: meeting.meetingDoc }, meeting.cases, context).items;
    expect(kievit?.decisions).toEqual(['Politie meldt elke overtreding direct aan het OM.']);
    expect(kievit?.notes).toEqual([{ kind: 'paragraph', runs: [{ text: 'Besproken in het overleg (Casus Kievit).' }] }]);
    expect(kievit?.withheld).toEqual([{ orgName: 'Reclassering Fictief', text: 'Informatie uit een lopend onderzoek kan nu niet worden gedeeld.' }]);
    expect(kievit?.safetyPlan.map((s) => s.sectionTitle)).toContain('Situatie en risico');
    expect(kievit?.safetyPlan.find((s) => s.sectionTitle === 'Situatie en risico')?.blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Hoog risico na breuk; ' }, { text: 'dreigende berichten', bold: true }, { text: '.' }] },
      // Carried, marked, to the export filter that drops it from every rendering.
      { kind: 'paragraph', runs: [{ text: NEVER_EXPORT_PASSAGE }], neverExport: true },
    ]);
    // Agreed here or still open; the old, done action of another meeting is not repeated.
    expect(grutto?.actions).toEqual([{
      description: 'Advies enkelband opstellen', ownerName: 'Rik Reclasseerder', ownerOrg: 'rn',
      ownerOrgName: 'Reclassering Fictief', due: '2026-03-20', statusLabel: 'Open',
    }]);
    const summary = JSON.stringify(kievit?.summary);
    expect(summary).toContain('SASH-screening (politie)');
    expect(summary).toContain('Contactverbod');
    // On 12-03 the contact ban ends on 15-03: flagged.
    expect(summary).toContain('verloopt over 3 dagen');
  });

  it('never carries names or addresses of persons involved', () => {
    const meeting = fictionalMeeting();
    approveLikeServer(meeting.meetingDoc);
    const json = JSON.stringify(minutesFromDocs({ id: meeting.meetingId, doc: meeting.meetingDoc }, meeting.cases, context));
    for (const secret of PERSON_SECRETS) expect(json).not.toContain(secret);
  });

  it('makes concept minutes the draft of the next version', () => {
    const meeting = fictionalMeeting();
    const data = minutesFromDocs({ id: meeting.meetingId, doc: meeting.meetingDoc }, meeting.cases, context);
    expect(data).toMatchObject({ status: 'concept', version: 1, approvedAt: null, approvedBy: null, documentId: `${meeting.meetingId}/v1-concept` });
  });

  it('refuses when a case on the agenda is missing, in Dutch, naming what to do', () => {
    const meeting = fictionalMeeting();
    const [first] = meeting.cases.keys();
    if (first) meeting.cases.delete(first);
    const attempt = () => minutesFromDocs({ id: meeting.meetingId, doc: meeting.meetingDoc }, meeting.cases, context);
    expect(attempt).toThrow(MinutesSourceError);
    try {
      attempt();
    } catch (error) {
      expect((error as MinutesSourceError).code).toBe('case-missing');
      expect((error as MinutesSourceError).userMessage).toMatch(/Vraag de procesregisseur/);
      expect((error as Error).message).not.toMatch(/Kievit|Grutto/);
    }
  });
});

describe('minutes from frozen copies', () => {
  it('reads the approved state, not later edits', () => {
    const meeting = fictionalMeeting();
    approveLikeServer(meeting.meetingDoc);
    const copies = frozen(meeting);
    // Edits after approval change the live docs, never the frozen record.
    for (const doc of meeting.cases.values()) doc.getMap('meta').set('label', 'Later gewijzigd');
    const data = minutesFromFrozen(copies, context);
    expect(data.items.map((item) => item.caseLabel)).toEqual(['Casus Kievit', 'Casus Grutto']);
    expect(data.status).toBe('vastgesteld');
  });

  it('refuses a concept copy and a damaged copy', () => {
    const meeting = fictionalMeeting();
    expect(() => minutesFromFrozen(frozen(meeting), context)).toThrow(expect.objectContaining({ code: 'not-approved' }));
    approveLikeServer(meeting.meetingDoc);
    const copies = frozen(meeting);
    const damaged = { ...copies, meetingState: copies.meetingState.slice(0, copies.meetingState.length - 7) };
    expect(() => minutesFromFrozen(damaged, context)).toThrow(expect.objectContaining({ code: 'meeting-unreadable' }));
  });

  it('prints only the frozen cases when the agenda names one that was never frozen', () => {
    const meeting = fictionalMeeting();
    approveLikeServer(meeting.meetingDoc);
    const copies = frozen(meeting);
    const data = minutesFromFrozen({ ...copies, cases: copies.cases.slice(1) }, context);
    expect(data.items.map((item) => item.caseLabel)).toEqual(['Casus Grutto']);
  });
});

describe('per-organisation version and action lists', () => {
  it('keeps only the cases an organisation has a member in', () => {
    const meeting = fictionalMeeting();
    approveLikeServer(meeting.meetingDoc);
    const data = minutesFromDocs({ id: meeting.meetingId, doc: meeting.meetingDoc }, meeting.cases, context);
    const [kievit, grutto] = [...meeting.cases.keys()];
    const canKnow = canKnowFromMembers(new Map([
      [kievit ?? '', [{ username: 'kees.politie', org: 'politie' }, { username: 'pim.proef', org: 'zvh' }]],
      [grutto ?? '', [{ username: 'rik.rn', org: 'rn' }, { username: 'pim.proef', org: 'zvh' }]],
    ]));
    expect(forOrganisation(data, 'politie', canKnow).items.map((i) => i.caseLabel)).toEqual(['Casus Kievit']);
    expect(forOrganisation(data, 'zvh', canKnow).items).toHaveLength(2);
    expect(forOrganisation(data, 'vt', canKnow).items).toHaveLength(0);
    expect(minutesActionRows(forOrganisation(data, 'rn', canKnow)).map((row) => row.caseLabel)).toEqual(['Casus Grutto']);
  });

  it('names owners in action rows and CSV', () => {
    const meeting = fictionalMeeting();
    const items = [...meeting.cases].flatMap(([caseId, doc]) =>
      readActions(doc).map((action) => ({ ...action, caseId, caseLabel: readCaseMeta(doc)?.label ?? '' })));
    const rows = actionRowsFrom(items, testDirectory);
    expect(rows.map((row) => `${row.caseLabel}|${row.ownerName}|${row.ownerOrgName}|${row.statusLabel}`)).toEqual(expect.arrayContaining([
      'Casus Kievit|Kees Kordaat|Politie Fictief|Open',
      'Casus Kievit|Vera Veilig|Veilig Thuis Fictief|Gedaan',
      'Casus Grutto|Rik Reclasseerder|Reclassering Fictief|Open',
    ]));
    const csv = actionsToCsv(rows);
    expect(csv).toContain('Rik Reclasseerder');
    expect(csv).toContain('20-03-2026');
    const list = toActionListData({ documentId: 'acties/2026-03-12', region: 'Regio Fictief', scopeLabel: 'Alle acties', generatedAt: '2026-03-12T10:00:00.000Z' }, rows);
    expect(list.actions).toHaveLength(rows.length);
  });
});
