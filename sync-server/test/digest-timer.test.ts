/**
 * The server sends due digests by itself (no cron job): a running server with a short check
 * interval delivers one digest to a real SMTP server and not a second within the day; and
 * each user sets their own choice over the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction } from '../../renderer/src/collab/actions';
import { initCaseDoc } from '../../renderer/src/collab/caseHeader';
import { addDays, toIsoDate } from '../../renderer/src/domain/dates';
import { startDigestTimer } from '../src/digest/digest-timer';
import { createMailSettings } from '../src/digest/mail-settings';
import { memoryLogger } from '../src/log';
import { openKeyedStore } from '../src/storage/keyed-data-dir';
import { createRoomStore } from '../src/storage/room-store';
import { addTestUser, login, newServer, testPassword, waitFor, type TestServer } from './helpers';
import { decoded, smtpPassword, startSmtp, testCertificate } from './smtp-helpers';

const caseRoom = 'case:digesttimer00001';
const secret = 'Casus Wulp (fictief)';

describe('the server’s digest timer', () => {
  const tls = testCertificate();
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestServer;

  beforeAll(async () => {
    smtp = await startSmtp({ key: tls.key, cert: tls.cert });
    t = await newServer({ digestCheckMs: 150, digestTls: { ca: tls.cert } });
    await addTestUser(t.admin, 'pim.proef', 'procesregisseur', 'zvh');
    await addTestUser(t.admin, 'dirk.deelnemer', 'deelnemer', 'vt');
    await t.admin.grant(caseRoom, 'dirk.deelnemer', 'edit');
    const { sql, cipher } = await openKeyedStore({ dataDir: t.dataDir });
    try {
      const doc = new Y.Doc();
      const by = { username: 'pim.proef' };
      initCaseDoc(doc, { label: secret, type: 'ex-partnerstalking', status: 'in-behandeling', procesregisseur: 'pim.proef' }, by);
      createAction(doc, { description: 'Huisbezoek (fictief)', owner: 'dirk.deelnemer', ownerOrg: 'vt', due: addDays(toIsoDate(new Date()), -2), source: null }, by);
      await createRoomStore(sql, cipher).append(caseRoom, [Y.encodeStateAsUpdate(doc)]);
      const settings = createMailSettings(sql, cipher);
      await settings.setUserAddress('dirk.deelnemer', 'dirk@vt.test');
      await settings.setSmtp({ org: 'vt', host: '127.0.0.1', port: smtp.port, username: 'digest-user', password: smtpPassword, sender: 'themakamer@vt.test', appUrl: 'https://themakamer.test/', frequency: 'daily' });
    } finally {
      await sql.close();
    }
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends the due digest by itself, once a day', async () => {
    await waitFor(() => smtp.delivered.length > 0, 10_000, 'a digest');
    const text = decoded(smtp.delivered[0]!.raw);
    expect(text).toContain('- 1 actie is te laat');
    expect(text).not.toContain(secret);
    // Many more checks: not due again within the day.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.delivered).toHaveLength(1);
  });

  it('lets each user choose: as the organisation sends it, at most weekly, or none', async () => {
    const { token } = await login(t.url, 'dirk.deelnemer', testPassword);
    const call = (method: string, body?: unknown, auth = true) => fetch(`${t.url}/api/me/digest`, {
      method, headers: { ...(auth ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(await (await call('GET')).json()).toEqual({ orgFrequency: 'daily', hasAddress: true, choice: 'org' });
    expect((await call('PUT', { choice: 'weekly' })).status).toBe(204);
    expect(await (await call('GET')).json()).toEqual({ orgFrequency: 'daily', hasAddress: true, choice: 'weekly' });
    expect((await call('PUT', { choice: 'daily' })).status).toBe(400);
    expect((await call('GET', undefined, false)).status).toBe(401);
    const { token: pim } = await login(t.url, 'pim.proef', testPassword);
    const pimView = await fetch(`${t.url}/api/me/digest`, { headers: { Authorization: `Bearer ${pim}` } });
    expect(await pimView.json()).toEqual({ orgFrequency: 'off', hasAddress: false, choice: 'org' });
  });
});

describe('startDigestTimer', () => {
  it('never overlaps runs, logs counts only, retries after a failure and stops cleanly', async () => {
    const logger = memoryLogger();
    let active = 0;
    let overlapped = false;
    let calls = 0;
    const timer = startDigestTimer({
      intervalMs: 20, firstDelayMs: 0, logger,
      async run() {
        calls++;
        overlapped ||= active > 0;
        active++;
        await new Promise((resolve) => setTimeout(resolve, 50));
        active--;
        if (calls === 2) throw new TypeError('smtp down');
        return { orgs: 1, sent: 2, empty: 0, byChoice: 0, failed: 0 };
      },
    });
    await waitFor(() => calls >= 4, 5_000, 'four runs');
    await timer.stop();
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(after);
    expect(overlapped).toBe(false);
    expect(logger.lines.some((line) => line.includes('"event":"digest-run-failed"') && line.includes('"error":"TypeError"'))).toBe(true);
    expect(logger.lines.filter((line) => line.includes('"event":"digest-run"')).length).toBeGreaterThanOrEqual(2);
  });
});
