import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestP12 } from '../../renderer/src/pdf/testing/certificates';
import { openAdmin } from '../../sync-server/src/cli/admin';
import { expectNoSeriousA11yViolations } from '../fixtures/axe';
import { minutesSeed, publishFictionalMeeting } from '../fixtures/minutes';
import { signedInPage } from '../fixtures/session';
import { describe, expect, test } from '../fixtures/test';
import { MinutesExportPage } from '../pages/MinutesExportPage';

// Issue 6: the chair approves a meeting, the secretary exports the minutes signed with a
// certificate made in the test; the downloaded file passes pdfsig and the export is audited.
const user = (username: string) => {
  const found = minutesSeed.users.find((candidate) => candidate.username === username);
  if (!found) throw new Error(`no seed user ${username}`);
  return found;
};

describe('minutes export', () => {
  test.override('seed', minutesSeed);

  test('approve, then export signed minutes in the browser: pdfsig accepts the download, the audit log has its hash', async ({ server, newUserContext, pageErrors }) => {
    const work = mkdtempSync(join(tmpdir(), 'themakamer-e2e-minutes-'));
    try {
      const p12Path = join(work, 'secretaris.p12');
      // ASCII names only: node-forge cannot MAC a PKCS#12 whose certificate names hold characters above U+00FF.
      writeFileSync(p12Path, makeTestP12({ passphrase: 'fictief-e2e-certificaat', commonName: 'Sanne Secretaris (fictief)' }));
      const meeting = await publishFictionalMeeting(server.url, server.dataDir, { approve: false });
      const hash = `#/overleggen/${encodeURIComponent(meeting.meetingId)}`;

      const chair = await signedInPage(await newUserContext(), server.url, user('pim.proef'), hash);
      chair.page.on('pageerror', (error) => pageErrors.push(error.message));
      await new MinutesExportPage(chair.page).approve();

      const secretary = await signedInPage(await newUserContext(), server.url, user('sanne.secretaris'), hash);
      secretary.page.on('pageerror', (error) => pageErrors.push(error.message));
      const minutes = new MinutesExportPage(secretary.page);
      const dialog = await minutes.openDialog();
      await dialog.getByText(/^Versie 1, vastgesteld op \d{2}-\d{2}-\d{4}\.$/u).waitFor();
      await expectNoSeriousA11yViolations(secretary.page, 'the minutes export dialog');

      // The place is asked for: without it the dialog says what is missing and exports nothing.
      await minutes.fillSigning(p12Path, 'fictief-e2e-certificaat');
      await dialog.getByRole('button', { name: 'Exporteren' }).click();
      await dialog.getByText('Vul de plaats van ondertekening in.').waitFor();
      await dialog.getByLabel('Plaats van ondertekening').fill('Voorbeeldstad');
      const download = await minutes.exportAndDownload();
      const path = join(work, download.suggestedFilename());
      await download.saveAs(path);
      await minutes.result().waitFor();
      expect(download.suggestedFilename()).toMatch(/ondertekend\.pdf$/u);

      const verdict = spawnSync('pdfsig', [path], { encoding: 'utf8' }).stdout;
      expect(verdict).toContain('Signature is Valid');
      expect(verdict).toContain('Total document signed');
      const text = spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('Casus Kievit');
      expect(text).toContain('Politie meldt elke overtreding direct aan het OM.');
      expect(text).not.toContain('Xaviera');

      const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
      const admin = await openAdmin({ dataDir: server.dataDir });
      try {
        const exports = (await admin.auditList({ room: meeting.meetingId })).filter((entry) => entry.event === 'export');
        expect(exports.at(-1)).toMatchObject({ actor: 'sanne.secretaris', detail: { kind: 'minutes', version: 1, signed: true, sha256 } });
      } finally {
        await admin.close();
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
