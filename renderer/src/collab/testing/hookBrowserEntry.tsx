/**
 * Browser entry for the useDocSelector test: real React 19 in Chromium, counting renders
 * per component while a real Y.Doc changes. Bundled by Vite in the test.
 */
import { createRoot } from 'react-dom/client';
import * as Y from 'yjs';
import { createAction, readActions, setActionStatus } from '../actions';
import { initCaseDoc, readCaseMeta, updateCaseMeta } from '../caseHeader';
import { addPerson } from '../persons';
import { useDocSelector } from '../useDocSelector';

const context = { username: 'test.anna' };
const renders = { label: 0, actions: 0 };
const selectLabel = (doc: Y.Doc) => readCaseMeta(doc)?.label ?? '';
const selectActionStatuses = (doc: Y.Doc) => readActions(doc).map((action) => action.status);

function Label({ doc }: { doc: Y.Doc }) {
  renders.label++;
  return <h1 id="label">{useDocSelector(doc, selectLabel)}</h1>;
}

function Statuses({ doc }: { doc: Y.Doc }) {
  renders.actions++;
  return <p id="statuses">{useDocSelector(doc, selectActionStatuses).join(',')}</p>;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Runs the scenario; returns render counts and DOM text after each step. */
async function run() {
  const doc = new Y.Doc();
  initCaseDoc(doc, { label: 'Casus A (fictief)', type: 'anders', status: 'aangemeld' }, context);
  const actionId = createAction(doc, { description: 'Fictief', owner: 'test.bram', ownerOrg: 'vt', due: '2026-03-20' }, context);
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  root.render(<><Label doc={doc} /><Statuses doc={doc} /></>);
  await tick();
  const steps: { step: string; label: number; actions: number; text: string }[] = [];
  const record = (step: string) => steps.push({ step, ...renders, text: host.textContent ?? '' });
  record('mounted');
  addPerson(doc, { role: 'overig', name: 'Fictieve Buur' });
  await tick();
  record('unrelated change');
  updateCaseMeta(doc, { label: 'Casus B (fictief)' });
  await tick();
  record('label changed');
  setActionStatus(doc, actionId, 'gedaan');
  await tick();
  record('status changed');
  root.unmount();
  await tick();
  const observers = (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('update')?.size ?? 0;
  return { steps, updateListenersAfterUnmount: observers };
}

/** What the test page calls. */
export const hookTestApi = { run };
(globalThis as unknown as { ThemakamerHookTest: typeof hookTestApi }).ThemakamerHookTest = hookTestApi;
