/**
 * Test page for the export components (built with Vite, served by the sync server under
 * the app's CSP, driven by ExportMinutesDialog.browser.test.ts). It opens the meeting
 * and its cases over y-websocket like the app does and mounts the real components with
 * the real web platform Api. Configuration comes in the URL hash (test only).
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readActions } from '../../../../collab/actions';
import { readCaseMeta } from '../../../../collab/caseHeader';
import type { CaseId, MeetingId } from '../../../../domain/ids';
import { createI18n } from '../../../../i18n';
import '../../../../styles/index.css';
import { Button } from '../../../../ui';
import { actionRowsFrom } from '../../actionRows';
import { ExportActionsButtons } from '../../ExportActionsButtons';
import { ExportMinutesDialog } from '../../ExportMinutesDialog';
import { minutesFromDocs } from '../../fromDocs';
import { createMinutesServer } from '../../minutesServer';

interface HarnessConfig {
  token: string;
  meetingId: MeetingId;
  caseIds: CaseId[];
  status: 'concept' | 'vastgesteld';
}

const config = JSON.parse(decodeURIComponent(location.hash.slice(1))) as HarnessConfig;
const server = createMinutesServer({ serverUrl: location.origin, token: () => config.token });
const wsUrl = location.origin.replace(/^http/u, 'ws');

function open(room: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, { params: { token: config.token }, disableBc: true });
  return new Promise((resolve) => provider.once('sync', () => resolve(doc)));
}

const region = 'Regio Fictief';
const signer = { name: 'Sanne Secretaris-Bĳl', role: 'Secretaris', organisation: 'Zorg- en Veiligheidshuis Fictief' };

function Harness({ meetingDoc, cases, directory }: { meetingDoc: Y.Doc; cases: Map<CaseId, Y.Doc>; directory: { users: { username: string; name: string; org: string }[]; orgs: { id: string; name: string }[] } }) {
  const [dialog, setDialog] = useState(false);
  const rows = actionRowsFrom([...cases].flatMap(([caseId, doc]) =>
    readActions(doc).map((action) => ({ ...action, caseId, caseLabel: readCaseMeta(doc)?.label ?? '' }))), directory);
  const concept = () => minutesFromDocs({ id: config.meetingId, doc: meetingDoc }, cases, { directory, region });
  return (
    <main>
      <h1>Exporttest (fictief)</h1>
      <Button variant="primary" onClick={() => setDialog(true)}>Verslag exporteren</Button>
      <h2>Acties</h2>
      <ExportActionsButtons rows={rows} scopeLabel="Acties van het overleg" documentId={`${config.meetingId}/acties`} region={region} rooms={[...cases.keys()]} server={server} />
      <ExportMinutesDialog open={dialog} onClose={() => setDialog(false)} meetingId={config.meetingId} status={config.status}
        concept={concept} server={server} region={region} signer={signer} defaultPlace="Voorbeeldstad" />
    </main>
  );
}

void (async () => {
  const [meetingDoc, caseDocs, users, orgs] = await Promise.all([
    open(config.meetingId),
    Promise.all(config.caseIds.map(async (caseId) => [caseId, await open(caseId)] as const)),
    server.users(),
    server.orgs(),
  ]);
  const root = document.getElementById('root');
  if (!root) throw new Error('no root');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={createI18n({ root: document.documentElement })}>
        <Harness meetingDoc={meetingDoc} cases={new Map(caseDocs)} directory={{ users, orgs }} />
      </I18nextProvider>
    </StrictMode>,
  );
})();
