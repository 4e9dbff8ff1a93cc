/**
 * collab/: the shared documents (Yjs) behind typed accessors. Components never touch
 * Y types; they call the functions here, which validate what peers wrote on read
 * (malformed records are skipped and reported as `skipped`, never crash the UI) and
 * tag every write with an origin from `origins.ts`.
 *
 * Module layout
 * - Schemas: `caseDoc.ts`, `meetingDoc.ts` (root keys of `case:<id>` / `meeting:<id>`,
 *   docs/design.md). `origins.ts` (transaction origins), `editContext.ts` (who/when),
 *   `errors.ts` (CollabError codes), `plainValue.ts` and `recordMap.ts` (reading
 *   Y.Map-or-plain records, field-level writes).
 * - Case board accessors: `caseHeader.ts` (meta, initCaseDoc), `persons.ts`, `risk.ts`,
 *   `measures.ts`, `contacts.ts` (one per org by key), `timeline.ts` (incl. escalate),
 *   `actions.ts` (one owner: a single LWW register), `safetyPlan.ts` (a Y.XmlFragment per
 *   section, for Tiptap), `meetingNotes.ts` (per-meeting notes/decisions/withheld, in the
 *   CASE doc for need-to-know).
 * - Meeting accessors: `meetingHeader.ts`, `participants.ts` (invitees, attendance,
 *   confidentiality), `agenda.ts` (chair's order, read deduplicated), `live.ts` (current
 *   item; followers observe, the chair ignores its own origin).
 * - Snapshot readers: `readCaseBoard.ts`, `readMeeting.ts` (plain data for lists, the
 *   chair's overview and PDF export), `frozen.ts` (approved copies), `richText.ts`
 *   (fragment → blocks/plain text, and blocks → fragment).
 * - React bridge: `docSelection.ts` (selection store), `useDocSelector.ts` (hooks).
 * - Sync: `doc-manager.ts` (rooms: vault first, then the WebsocketProvider; every local
 *   update stored in the vault before it is sent), `connection.ts`,
 *   `connection-close-codes.ts`, `sync-status.ts` (per room and app-wide), `awareness.ts`
 *   (presence: user, colour, where they are).
 * Pure rules (ordering, expiry, overdue, search) live in ../domain; storage in ../vault.
 */
export * from './actions';
export * from './agenda';
export * from './awareness';
export * from './caseDoc';
export * from './caseHeader';
export * from './contacts';
export * from './doc-manager';
export * from './docSelection';
export * from './editContext';
export * from './errors';
export * from './frozen';
export * from './live';
export * from './measures';
export * from './meetingDoc';
export * from './meetingHeader';
export * from './meetingNotes';
export * from './origins';
export * from './participants';
export * from './persons';
export * from './readCaseBoard';
export * from './readMeeting';
export * from './richText';
export * from './risk';
export * from './safetyPlan';
export * from './sync-status';
export * from './timeline';
export * from './useDocSelector';
