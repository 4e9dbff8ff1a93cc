/**
 * "Verslag exporteren" for the meeting page, wired to the signed-in session: the signer
 * is the signed-in user (name, role, organisation), the server calls use the session's
 * token. Place it where the minutes' status is shown.
 */
import { FileDown } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingId } from '../../domain/ids';
import { userRoles } from '../../domain/meetingVocabulary';
import type { MinutesData } from '../../pdf/model';
import { Button } from '../../ui';
import { useDirectory, useDocManager, useSession } from '../session';
import { ExportMinutesDialog } from './ExportMinutesDialog';
import { conceptFromSession } from './sessionConcept';
import { useMinutesServer } from './useMinutesServer';

/** Props of {@link MinutesExportButton}. */
export interface MinutesExportButtonProps {
  meetingId: MeetingId;
  /** The meeting's live status. */
  status: 'concept' | 'vastgesteld';
  /** Concept minutes (`minutesFromDocs`); defaults to reading the session's documents. */
  concept?: () => MinutesData | Promise<MinutesData>;
  /** Printed in the header; defaults to the name of the Zorg- en Veiligheidshuis organisation (`zvh`). */
  region?: string;
  /** Prefills the place of signing. */
  defaultPlace?: string;
}

/** A button that opens the export dialog for this meeting's minutes. */
export function MinutesExportButton({ meetingId, status, concept, region, defaultPlace }: MinutesExportButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { user } = useSession();
  const directory = useDirectory();
  const server = useMinutesServer();
  const docManager = useDocManager();
  const printedRegion = region ?? directory.orgs.find((org) => org.id === 'zvh')?.name ?? 'Zorg- en Veiligheidshuis';
  const signer = { name: user.name, role: userRoles.label(user.role, 'nl'), organisation: directory.orgName(user.org) };
  return (
    <>
      <Button icon={<FileDown size={18} />} onClick={() => setOpen(true)}>{t('minutes.export.open')}</Button>
      <ExportMinutesDialog
        open={open}
        onClose={() => setOpen(false)}
        meetingId={meetingId}
        status={status}
        concept={concept ?? (() => conceptFromSession(docManager, meetingId, { users: directory.users, orgs: directory.orgs }, printedRegion))}
        server={server}
        region={printedRegion}
        signer={signer}
        defaultPlace={defaultPlace}
      />
    </>
  );
}
