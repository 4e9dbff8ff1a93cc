/**
 * `npm run demo -- --data-dir D [--force]`: fills a data dir with a fictional region
 * (organisations, one user per role, six cases, two meetings of which one approved) so
 * `npm run web -- --data-dir D` shows a living product. Passwords are made per run and
 * printed once.
 */
import { parseArgs } from 'node:util';
import { DEMO_REGION } from './demo/region';
import { DemoRefusedError, runDemo } from './demo/run';

const usage = `Gebruik: npm run demo -- --data-dir MAP [--force]
  --data-dir MAP  de gegevensmap van de server (standaard ./data)
  --force         ook als de map al gebruikers heeft (bestaande demo-accounts krijgen een nieuw wachtwoord)`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { 'data-dir': { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const dataDir = values['data-dir'] ?? process.env.THEMAKAMER_DATA_DIR ?? './data';
  const out = (line = '') => void process.stdout.write(`${line}\n`);
  try {
    const result = await runDemo({ dataDir, force: values.force ?? false, progress: out });
    out();
    out(`Demo voor ${DEMO_REGION} staat in ${dataDir}. Alle namen zijn verzonnen.`);
    out('Accounts (wachtwoorden en tweestapssleutels zijn voor deze keer gemaakt en staan nergens anders; bewaar ze als u de demo wilt gebruiken).');
    out('Zet de sleutel achter totp: in een authenticator-app (tijdgebaseerd, 6 cijfers) en log in met wachtwoord en code:');
    const width = Math.max(...result.users.map((user) => user.username.length));
    for (const user of result.users) out(`  ${user.username.padEnd(width)}  ${user.password}  totp:${user.totpSecret}  ${user.role.padEnd(15)} ${user.org.padEnd(9)} ${user.purpose}`);
    out();
    for (const meeting of result.meetings) {
      out(meeting.approvedVersion === null
        ? `Komend overleg:        ${meeting.room}`
        : `Vastgesteld overleg:   ${meeting.room} (versie ${meeting.approvedVersion})`);
    }
    out();
    out(`Starten:   npm run web -- --data-dir ${dataDir}`);
    const approved = result.meetings.find((meeting) => meeting.approvedVersion !== null);
    if (approved) out(`Archief:   npm run admin -- --data-dir ${dataDir} minutes export ${approved.room} --out verslag.pdf --region "${DEMO_REGION}"`);
    return 0;
  } catch (error) {
    if (error instanceof DemoRefusedError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`Demo mislukt: ${(error as Error).name}: ${(error as Error).message}\n`);
  process.exit(1);
});
