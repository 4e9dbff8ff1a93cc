import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction, setActionStatus } from '../../collab/actions';
import { initCaseDoc } from '../../collab/caseHeader';
import { readFrozenCaseBoard } from '../../collab/frozen';
import { addDecision, ensureMeetingNotes, readMeetingNotes, removeDecision, setWithheld } from '../../collab/meetingNotes';
import { origins } from '../../collab/origins';
import { readCaseBoard } from '../../collab/readCaseBoard';
import { appendBlocks } from '../../collab/richText';
import { planFragment } from '../../collab/safetyPlan';
import type { CaseId, MeetingId } from '../../domain/ids';
import { caseChangesSinceApproval } from './approvalDiff';

const caseId = 'case:aaaaaaaaaaaaaaaa' satisfies CaseId;
const meetingId = 'meeting:mmmmmmmmmmmmmmmm' satisfies MeetingId;
const me = { username: 'pim.proef' };

function setup(): Y.Doc {
  const doc = new Y.Doc();
  initCaseDoc(doc, { label: 'Casus Linde', type: 'ex-partnerstalking', status: 'in-behandeling' }, me);
  ensureMeetingNotes(doc, meetingId);
  addDecision(doc, meetingId, 'Locatieverbod aanvragen.', me);
  setWithheld(doc, meetingId, 'politie', 'Lopend onderzoek.', me);
  createAction(doc, { description: 'SASH herhalen', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: '2031-03-20', source: { kind: 'meeting', ref: meetingId } }, me);
  const fragment = planFragment(doc, 'situatie-en-risico');
  doc.transact(() => appendBlocks(fragment!, [{ kind: 'paragraph', runs: [{ text: 'Verdachte houdt zich niet aan het contactverbod.' }] }]), origins.userEdit);
  return doc;
}

describe('changes since approval', () => {
  it('finds nothing when the live board is the approved one', () => {
    const doc = setup();
    const approved = readFrozenCaseBoard(Y.encodeStateAsUpdate(doc), caseId);
    expect(caseChangesSinceApproval(approved, readCaseBoard(doc, caseId), meetingId).unchanged).toBe(true);
  });

  it('lists plan lines, decisions, withheld notes and action fields changed after approval', () => {
    const doc = setup();
    const approved = readFrozenCaseBoard(Y.encodeStateAsUpdate(doc), caseId);
    const [decision] = readMeetingNotes(doc)[0]!.decisions;
    removeDecision(doc, meetingId, decision!.id);
    addDecision(doc, meetingId, 'Enkelband adviseren.', me);
    setWithheld(doc, meetingId, 'politie', 'Lopend onderzoek; gedeeld na toestemming OM.', me);
    const [action] = readCaseBoard(doc, caseId).actions;
    setActionStatus(doc, action!.id, 'gedaan');
    doc.transact(() => appendBlocks(planFragment(doc, 'situatie-en-risico')!, [{ kind: 'paragraph', runs: [{ text: 'Nieuwe melding op 5 maart.' }] }]), origins.userEdit);

    const changes = caseChangesSinceApproval(approved, readCaseBoard(doc, caseId), meetingId);
    expect(changes.unchanged).toBe(false);
    expect(changes.decisions.removed.map((d) => d.text)).toEqual(['Locatieverbod aanvragen.']);
    expect(changes.decisions.added.map((d) => d.text)).toEqual(['Enkelband adviseren.']);
    expect(changes.withheld.changed.map(({ after }) => after.text)).toEqual(['Lopend onderzoek; gedeeld na toestemming OM.']);
    expect(changes.actions.fields[action!.id]).toEqual(['status']);
    expect(changes.plan.map((section) => section.key)).toEqual(['situatie-en-risico']);
    expect(changes.plan[0]!.lines.filter((line) => line.kind === 'added').map((line) => line.text)).toEqual(['Nieuwe melding op 5 maart.']);
    // The approved copy itself is untouched by the edits.
    expect(approved.meetingNotes[0]!.decisions.map((d) => d.text)).toEqual(['Locatieverbod aanvragen.']);
  });
});
