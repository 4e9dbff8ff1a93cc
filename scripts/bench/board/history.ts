/**
 * Three years of a busy case as 20,000 separate edits, each its own Yjs update as the app
 * stores them: mostly typing in the safety plan (one keystroke per update, with backspaces,
 * new paragraphs and rewritten sentences), and the board's other records — actions created,
 * reassigned, rescheduled and closed; timeline events; measures started, extended and
 * ended; risk assessments; contacts; decisions. Runs in the browser (the bench page fills
 * the vault with it) and in Node (its test). Deterministic: a seeded generator, fixed clock.
 * All text is fictional.
 */
import * as Y from 'yjs';
import { assignOwner, createAction, setActionDue, setActionStatus } from '../../../renderer/src/collab/actions';
import { initCaseDoc, updateCaseMeta } from '../../../renderer/src/collab/caseHeader';
import { setContact } from '../../../renderer/src/collab/contacts';
import { addMeasure, removeMeasure, updateMeasure } from '../../../renderer/src/collab/measures';
import { addDecision, ensureMeetingNotes } from '../../../renderer/src/collab/meetingNotes';
import { origins } from '../../../renderer/src/collab/origins';
import { addPerson } from '../../../renderer/src/collab/persons';
import { appendBlocks } from '../../../renderer/src/collab/richText';
import { setRiskAssessment } from '../../../renderer/src/collab/risk';
import { planFragment } from '../../../renderer/src/collab/safetyPlan';
import { addTimelineEvent, removeTimelineEvent } from '../../../renderer/src/collab/timeline';
import type { ActionStatus } from '../../../renderer/src/domain/actionVocabulary';
import { createId, type ActionId, type EventId, type MeasureId } from '../../../renderer/src/domain/ids';
import { safetyPlanSections, type SafetyPlanSectionKey } from '../../../renderer/src/domain/safetyPlanSections';

/** How the edits are spread (fractions of the total after the header). */
export const editMix = {
  planTyping: 0.892,
  actions: 0.06,
  timeline: 0.0075,
  measures: 0.01,
  risk: 0.01,
  contacts: 0.005,
  decisions: 0.01,
  persons: 0.0005,
  header: 0.005,
} as const;

/** What was generated. */
export interface History {
  /** Every update, in order (one per edit). */
  updates: Uint8Array[];
  /** Edits per kind. */
  counts: Record<keyof typeof editMix | 'setup', number>;
  /** The resulting document (for checks). */
  doc: Y.Doc;
}

/** Users who edit the case over the years (fictional). */
const editors = [
  { username: 'bench.user00', org: 'zvh' }, { username: 'bench.user01', org: 'vt' },
  { username: 'bench.user02', org: 'politie' }, { username: 'bench.user03', org: 'om' },
] as const;

const words = ('de het een en van in op met voor bij na dat zij hij wordt worden heeft melding politie veilig thuis ' +
  'afspraak contact verbod signaal huisbezoek evaluatie gesprek school route alarm camera advocaat rechter voorwaarden ' +
  'toezicht reclassering slachtofferhulp plan veiligheid risico overleg procesregisseur partner bericht week maand').split(' ');

/** mulberry32: a small seeded generator, so every run generates the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates `total` edits (default 20,000) for the case `caseLabel`. */
export function generateHistory(total = 20_000, caseLabel = 'Casus 2023-417 (fictief)'): History {
  const rnd = random(417);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const doc = new Y.Doc();
  // Seeded client ids too: a random one would change the encoded size from run to run
  // (client ids are varints).
  doc.clientID = Math.floor(rnd() * 0x7fffffff);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const counts: History['counts'] = {
    setup: 0, planTyping: 0, actions: 0, timeline: 0, measures: 0, risk: 0, contacts: 0, decisions: 0, persons: 0, header: 0,
  };
  // Three years, evenly: each edit moves the clock on.
  const start = Date.UTC(2023, 0, 9, 8, 0, 0);
  const span = 3 * 365 * 86_400_000;
  let edit = 0;
  const now = (): Date => new Date(start + Math.floor((edit / total) * span));
  const context = () => ({ username: pick(editors).username, now });
  const day = (offsetDays = 0): string => new Date(now().getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

  initCaseDoc(doc, {
    label: caseLabel, caseNumber: 'ZVH-2023-0417', type: 'ex-partnerstalking', status: 'in-behandeling',
    procesregisseur: 'bench.user00',
  }, context());
  counts.setup++;
  edit++;

  const actions: ActionId[] = [];
  const events: EventId[] = [];
  const measures: MeasureId[] = [];
  const meetings = Array.from({ length: 40 }, () => createId('meeting'));

  // The typist's place: a section and its current paragraph's text.
  let section: SafetyPlanSectionKey = 'situatie-en-risico';
  let text: Y.XmlText | null = null;
  const newParagraph = (): void => {
    const fragment = planFragment(doc, section);
    if (!fragment) throw new Error('plan section missing');
    doc.transact(() => appendBlocks(fragment, [{ kind: 'paragraph', runs: [{ text: pick(words) }] }]), origins.userEdit);
    const paragraph = fragment.get(fragment.length - 1);
    const child = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
    text = child instanceof Y.XmlText ? child : null;
  };
  const typeOnce = (): void => {
    if (!text || rnd() < 0.004) {
      if (rnd() < 0.7) section = pick(safetyPlanSections.values);
      newParagraph();
      return;
    }
    const current = text;
    const roll = rnd();
    doc.transact(() => {
      if (roll < 0.1 && current.length > 0) current.delete(current.length - 1, 1); // backspace
      else if (roll < 0.105 && current.length > 40) current.delete(Math.floor(current.length / 2), 20); // rewrite a phrase
      else {
        const word = pick(words);
        const at = rnd() < 0.9 ? current.length : Math.floor(rnd() * current.length);
        // A keystroke types one character; a burst of a short word arrives as one update when typing fast.
        current.insert(at, rnd() < 0.7 ? (word[0] ?? 'e') : ` ${word}`);
      }
    }, origins.userEdit);
  };

  const statuses: ActionStatus[] = ['bezig', 'gedaan', 'niet-gedaan-omstandigheden', 'niet-gedaan-niet-opgepakt', 'vervallen'];
  const kinds = Object.keys(editMix) as (keyof typeof editMix)[];
  const thresholds: number[] = [];
  kinds.reduce((sum, kind) => {
    thresholds.push(sum + editMix[kind]);
    return sum + editMix[kind];
  }, 0);

  while (edit < total) {
    // A new app session every ~60 edits: a new Yjs client, as when another user or another day
    // edits. Items of different clients do not merge, so this matters for the document's size.
    if (rnd() < 1 / 60) doc.clientID = Math.floor(rnd() * 0x7fffffff);
    const roll = rnd();
    const kind = kinds[thresholds.findIndex((threshold) => roll < threshold)] ?? 'planTyping';
    const by = pick(editors);
    const ctx = { username: by.username, now };
    switch (kind) {
      case 'planTyping':
        typeOnce();
        break;
      case 'actions': {
        // About one edit in ten creates an action; the rest change status, owner or due date of existing ones.
        const id = actions.length === 0 || rnd() < 0.1 ? null : pick(actions);
        if (!id) {
          actions.push(createAction(doc, {
            description: `Actie (fictief): ${pick(words)} ${pick(words)} ${pick(words)} regelen`,
            owner: by.username, ownerOrg: by.org, due: day(14),
            source: rnd() < 0.5 ? { kind: 'section', ref: pick(safetyPlanSections.values) } : { kind: 'meeting', ref: pick(meetings) },
          }, ctx));
        } else if (rnd() < 0.4) setActionStatus(doc, id, pick(statuses));
        else if (rnd() < 0.6) {
          const owner = pick(editors);
          assignOwner(doc, id, { owner: owner.username, ownerOrg: owner.org });
        } else setActionDue(doc, id, day(Math.floor(rnd() * 30)));
        break;
      }
      case 'timeline':
        if (events.length > 20 && rnd() < 0.03) removeTimelineEvent(doc, events.splice(Math.floor(rnd() * events.length), 1)[0] as EventId);
        else {
          const type = pick(['incident', 'overtreding', 'besluit', 'overig', 'escalatie'] as const);
          events.push(addTimelineEvent(doc, {
            date: day(), type, text: `Gebeurtenis (fictief): ${pick(words)} ${pick(words)} ${pick(words)}`,
            ...(type === 'escalatie' ? { level: pick(['operationeel', 'tactisch', 'bestuurlijk'] as const) } : {}),
          }, ctx));
        }
        break;
      case 'measures':
        if (measures.length > 0 && rnd() < 0.85) {
          const id = pick(measures);
          if (rnd() < 0.05) {
            removeMeasure(doc, id);
            measures.splice(measures.indexOf(id), 1);
          } else updateMeasure(doc, id, { end: day(90) }, ctx);
        } else {
          measures.push(addMeasure(doc, {
            kind: pick(['contactverbod', 'locatieverbod', 'gedragsaanwijzing', 'enkelband', 'aware', 'camera', 'stalking-app'] as const),
            start: day(), end: day(90), note: 'Toelichting (fictief)',
          }, ctx));
        }
        break;
      case 'risk':
        setRiskAssessment(doc, pick(['sash', 'vt', 'chair'] as const), { level: pick(['laag', 'gemiddeld', 'hoog'] as const), date: day(), note: 'Beoordeling (fictief)' }, ctx);
        break;
      case 'contacts':
        setContact(doc, by.org, { username: by.username, name: `Contactpersoon ${by.org} (fictief)`, function: 'casusregisseur', phone: '010-0000000' }, ctx);
        break;
      case 'decisions': {
        const meeting = pick(meetings);
        doc.transact(() => ensureMeetingNotes(doc, meeting), origins.userEdit);
        addDecision(doc, meeting, `Besluit (fictief): ${pick(words)} ${pick(words)}`, ctx);
        break;
      }
      case 'persons':
        addPerson(doc, { role: pick(['slachtoffer', 'verdachte', 'kind', 'overig'] as const), name: `Persoon ${edit} (fictief)`, knownBy: [by.org] });
        break;
      case 'header':
        updateCaseMeta(doc, { status: pick(['in-behandeling', 'monitoring'] as const) });
        break;
    }
    counts[kind]++;
    edit++;
  }
  return { updates, counts, doc };
}
