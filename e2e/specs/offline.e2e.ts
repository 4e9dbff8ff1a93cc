import type { BrowserContext, Locator, Page } from 'playwright-core';
import { backOnline, goOfflineWithShell } from '../fixtures/offlineShell';
import { createTestCase, seedUser, seedWithGrants } from '../fixtures/plan';
import { signedInPage } from '../fixtures/session';
import { describe, expect, test } from '../fixtures/test';
import { BoardPage } from '../pages/BoardPage';
import { PlanPage } from '../pages/PlanPage';
import type { SessionPage } from '../pages/SessionPage';

// Issue 4: local-first. Two users of different organisations on one case; B goes offline,
// both edit the same plan section (also in the middle of the same sentence) and the board,
// B comes back and both screens converge with nothing lost. B reloads while offline,
// unlocks the vault with the password and finds everything, its unsynced edits included.
const room = 'case:e2eoffline0000001';
const hash = `#/casussen/${encodeURIComponent(room)}`;
const pim = seedUser('pim.proef');
const dirk = seedUser('dirk.deelnemer');
const section = 'Situatie en risico';
const base = 'Betrokkene meldt dagelijks berichten van de ex-partner (fictief).';
const offlineNotice = 'U werkt offline; wijzigingen worden later gesynchroniseerd';

/**
 * Puts the caret right after `anchor` in a section's text (other users' caret labels are
 * skipped), by setting the DOM selection the editor follows, then types `text`.
 */
async function typeAfter(plan: PlanPage, anchor: string, text: string): Promise<void> {
  const editor = plan.editor(section);
  await editor.click();
  const placed = await editor.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('.plan-caret') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes: { node: Text; start: number }[] = [];
    let all = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node: node as Text, start: all.length });
      all += node.textContent ?? '';
    }
    const at = all.indexOf(wanted);
    if (at < 0) return false;
    const end = at + wanted.length;
    const target = nodes.findLast((entry) => entry.start < end) ?? nodes[0];
    if (!target) return false;
    window.getSelection()?.collapse(target.node, end - target.start);
    return true;
  }, anchor);
  if (!placed) throw new Error(`"${anchor}" is not in the section`);
  // The editor reads the DOM selection on selectionchange: let that event run first.
  await plan.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  await plan.page.keyboard.type(text);
}

/** `text` with each of `inserted` taken out once; throws when one is missing (so a lost word fails). */
function withoutInserts(text: string, inserted: readonly string[]): string {
  return inserted.reduce((rest, phrase) => {
    const at = rest.indexOf(phrase);
    if (at < 0) throw new Error(`"${phrase}" was lost: ${JSON.stringify(text)}`);
    return rest.slice(0, at) + rest.slice(at + phrase.length);
  }, text);
}

/** Console errors of a page, collected so the test can allow exactly the offline ones. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** Only the browser's own reports of failed requests while offline. */
function onlyNetworkErrors(errors: readonly string[]): string[] {
  return errors.filter((line) => !/ERR_INTERNET_DISCONNECTED|WebSocket connection to .* failed/u.test(line));
}

async function openBoth(serverUrl: string, newUserContext: () => Promise<BrowserContext>) {
  const aContext = await newUserContext();
  const bContext = await newUserContext();
  const a = await signedInPage(aContext, serverUrl, pim, hash);
  const b = await signedInPage(bContext, serverUrl, dirk, hash);
  const planA = new PlanPage(a.page);
  const planB = new PlanPage(b.page);
  await expect.poll(() => planA.text(section), { timeout: 15_000 }).toBe(base);
  await expect.poll(() => planB.text(section), { timeout: 15_000 }).toBe(base);
  await expect.poll(() => b.session.syncState(), { timeout: 15_000 }).toBe('online');
  return { a, b, bContext, planA, planB };
}

/** The indicator says offline, in words too, and the offline notice is shown. */
async function expectOffline(session: SessionPage): Promise<void> {
  await expect.poll(() => session.syncState()).toBe('offline');
  expect(await indicatorText(session)).toContain('Offline');
  await session.page.getByText(offlineNotice).first().waitFor();
}

/** The sync indicator ("Verbinding") as read. */
function indicatorText(session: SessionPage): Promise<string | null> {
  return session.page.getByRole('group', { name: 'Verbinding', exact: true }).textContent();
}

/**
 * Every value in every IndexedDB database of the page, flattened to text: strings as they
 * are, bytes decoded as UTF-8 (how Yjs keeps text inside an update), so plaintext shows.
 */
async function indexedDbText(page: Page): Promise<{ databases: number; rows: number; text: string }> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const decoder = new TextDecoder('utf-8', { fatal: false });
    const walk = (value: unknown): void => {
      if (typeof value === 'string') parts.push(value);
      else if (value instanceof ArrayBuffer) parts.push(decoder.decode(value));
      else if (ArrayBuffer.isView(value)) parts.push(decoder.decode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)));
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    let rows = 0;
    let count = 0;
    // The vault lives in a storage bucket of its own where the browser has them (renderer/src/vault/buckets.ts).
    const factories: IDBFactory[] = [indexedDB];
    const buckets = (navigator as unknown as { storageBuckets?: { keys(): Promise<string[]>; open(name: string): Promise<{ indexedDB: IDBFactory }> } }).storageBuckets;
    for (const bucket of (await buckets?.keys()) ?? []) factories.push((await buckets!.open(bucket)).indexedDB);
    for (const factory of factories) for (const info of await factory.databases()) {
      if (!info.name) continue;
      count++;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = factory.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      for (const store of [...db.objectStoreNames]) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        });
        rows += values.length;
        values.forEach(walk);
      }
      db.close();
    }
    return { databases: count, rows, text: parts.join('\n') };
  });
}

const timelineEntry = (board: BoardPage, text: string): Locator => board.panel('Tijdlijn').getByRole('row').filter({ hasText: text });

describe('offline and back', () => {
  test.override('seed', seedWithGrants([
    { room, username: 'pim.proef', access: 'edit' },
    { room, username: 'dirk.deelnemer', access: 'edit' },
  ]));

  test('A online and B offline edit the same sentence and the board; after B returns both screens hold every word of both', async ({ server, newUserContext }) => {
    await createTestCase(server.url, pim, { room, label: 'Casus 2026-501 (fictief)', plan: { 'situatie-en-risico': [base] } });
    const { a, b, bContext, planA, planB } = await openBoth(server.url, newUserContext);
    const aErrors = collectErrors(a.page);
    const bErrors = collectErrors(b.page);

    await goOfflineWithShell(bContext, server.url);
    await expectOffline(b.session);

    // Several separate edits each, interleaved in time; two of them at the very same spot
    // ("dagelijks"), two at the end of the sentence, the rest elsewhere in the same sentence.
    const fromA = [' (slachtoffer)', ' ongewenste', ' Wijkagent rijdt extra surveillance.'];
    const fromB = [' dreigende', ' en voicemails', ' Noodknop AWARE aangevraagd.'];
    await typeAfter(planA, 'Betrokkene', fromA[0]!);
    await typeAfter(planB, 'dagelijks', fromB[0]!);
    await typeAfter(planA, 'dagelijks', fromA[1]!);
    await typeAfter(planB, 'berichten', fromB[1]!);
    await planA.typeAtEnd(section, fromA[2]!);
    await planB.typeAtEnd(section, fromB[2]!);
    expect(await planA.text(section)).toBe('Betrokkene (slachtoffer) meldt dagelijks ongewenste berichten van de ex-partner (fictief). Wijkagent rijdt extra surveillance.');
    expect(await planB.text(section)).toBe('Betrokkene meldt dagelijks dreigende berichten en voicemails van de ex-partner (fictief). Noodknop AWARE aangevraagd.');

    // The board too: B records an incident offline, A adds a person online.
    const boardA = new BoardPage(a.page);
    const boardB = new BoardPage(b.page);
    await boardB.panel('Tijdlijn').getByRole('button', { name: 'Gebeurtenis toevoegen' }).click();
    await boardB.select('Soort', 'incident');
    await boardB.fill('Omschrijving', 'Fictief: bericht vanaf een nieuw nummer ontvangen.');
    await boardB.save();
    await timelineEntry(boardB, 'nieuw nummer').waitFor();
    await boardA.addPerson('overig', 'Otto Onbestaand');

    // While B is offline nothing of it reaches A, and B sees nothing of A's.
    expect(await b.session.syncState()).toBe('offline');
    expect(await planA.text(section)).not.toContain('dreigende');
    expect(await timelineEntry(boardA, 'nieuw nummer').count()).toBe(0);
    expect(await boardB.panel('Betrokkenen').getByText('Otto Onbestaand').count()).toBe(0);

    await backOnline(bContext, server.url);
    await expect.poll(() => b.session.syncState(), { timeout: 20_000 }).toBe('online');
    expect(await indicatorText(b.session)).toContain('Online');
    await expect.poll(() => planA.text(section), { timeout: 15_000 }).toContain('Noodknop AWARE aangevraagd.');
    await expect.poll(() => planB.text(section), { timeout: 15_000 }).toContain('Wijkagent rijdt extra surveillance.');
    await expect.poll(async () => (await planA.text(section)) === (await planB.text(section))).toBe(true);

    // Every word of both, each once, and the original sentence around them.
    const merged = await planA.text(section);
    expect(withoutInserts(merged, [...fromA, ...fromB])).toBe(base);
    expect(merged.startsWith('Betrokkene (slachtoffer) meldt dagelijks ')).toBe(true);
    // The two inserts at the same spot stay whole, one after the other.
    expect(merged).toMatch(/dagelijks( ongewenste dreigende| dreigende ongewenste) berichten en voicemails van/u);

    await timelineEntry(boardA, 'nieuw nummer').waitFor({ timeout: 15_000 });
    expect(await timelineEntry(boardA, 'nieuw nummer').textContent()).toContain('Dirk Deelnemer (fictief)');
    await boardB.panel('Betrokkenen').getByRole('listitem').filter({ hasText: 'Otto Onbestaand' }).waitFor({ timeout: 15_000 });
    expect(onlyNetworkErrors(bErrors)).toEqual([]);
    expect(aErrors).toEqual([]);
  });

  test('B reloads while offline, unlocks the vault with the password and sees everything including its unsynced edits; back online A receives them', async ({ server, newUserContext }) => {
    const label = 'Casus 2026-502 (fictief)';
    await createTestCase(server.url, pim, { room, label, plan: { 'situatie-en-risico': [base] } });
    const { a, b, bContext, planA, planB } = await openBoth(server.url, newUserContext);
    const aErrors = collectErrors(a.page);
    const bErrors = collectErrors(b.page);
    const boardA = new BoardPage(a.page);
    const boardB = new BoardPage(b.page);
    // Seen by B while online: it must be there after the offline reload too.
    await planA.typeAtEnd(section, ' Gezien door beiden.');
    await expect.poll(() => planB.text(section)).toBe(`${base} Gezien door beiden.`);

    await goOfflineWithShell(bContext, server.url);
    await expectOffline(b.session);
    await typeAfter(planB, 'dagelijks', ' dreigende');
    await planB.typeAtEnd(section, ' Offline aangevuld door Veilig Thuis.');
    await boardB.addPerson('overig', 'Olga Offline');
    await planA.typeAtEnd(section, ' Pim vult online aan.');
    // The vault holds it, encrypted: no word of the case in clear in the browser's IndexedDB.
    const stored = await indexedDbText(b.page);
    expect(stored.rows).toBeGreaterThan(0);
    // Control: the room id is an index and in clear, so the scan does read the rows. The
    // person and the seeded text were each written whole (one string in one update): in
    // clear they would show here; typed words come one key per update.
    expect(stored.text).toContain(room);
    for (const secret of ['Offline aangevuld', 'Olga Offline', 'dreigende', 'Gezien door beiden', 'Betrokkene meldt', label]) {
      expect(stored.text).not.toContain(secret);
    }
    // The last words typed right before the reload count too.
    await planB.typeAtEnd(section, ' Vlak voor herladen.');
    const offlineText = 'Betrokkene meldt dagelijks dreigende berichten van de ex-partner (fictief). Gezien door beiden. Offline aangevuld door Veilig Thuis. Vlak voor herladen.';
    expect(await planB.text(section)).toBe(offlineText);

    // The reload: the shell comes from disk, the case from the encrypted vault.
    await b.page.reload();
    await b.session.heading().waitFor();
    expect(await b.session.heading().textContent()).toBe('Ontgrendelen');
    await b.session.unlock(dirk.password);
    await expectOffline(b.session);
    await boardB.heading().getByText(label).waitFor({ timeout: 15_000 });
    await expect.poll(() => planB.text(section), { timeout: 15_000 }).toBe(offlineText);
    await boardB.panel('Betrokkenen').getByRole('listitem').filter({ hasText: 'Olga Offline' }).waitFor();
    // Still offline after the reload: A's later words have not arrived, B's have not left.
    expect(await planA.text(section)).not.toContain('Offline aangevuld');
    // And B keeps working offline after the reload.
    await planB.typeAtEnd(section, ' Na herladen.');

    await backOnline(bContext, server.url);
    await expect.poll(() => b.session.syncState(), { timeout: 20_000 }).toBe('online');
    const final = 'Betrokkene meldt dagelijks dreigende berichten van de ex-partner (fictief). Gezien door beiden. Pim vult online aan. Offline aangevuld door Veilig Thuis. Vlak voor herladen. Na herladen.';
    const finalOtherOrder = 'Betrokkene meldt dagelijks dreigende berichten van de ex-partner (fictief). Gezien door beiden. Offline aangevuld door Veilig Thuis. Vlak voor herladen. Na herladen. Pim vult online aan.';
    await expect.poll(() => planA.text(section), { timeout: 15_000 }).toContain('Na herladen.');
    const merged = await planA.text(section);
    expect([final, finalOtherOrder]).toContain(merged);
    await expect.poll(() => planB.text(section)).toBe(merged);
    await boardA.panel('Betrokkenen').getByRole('listitem').filter({ hasText: 'Olga Offline' }).waitFor({ timeout: 15_000 });
    expect(onlyNetworkErrors(bErrors)).toEqual([]);
    expect(aErrors).toEqual([]);
  });
});
