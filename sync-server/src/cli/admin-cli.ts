/**
 * `npm run admin -- --data-dir D <command>`: account, access and audit administration.
 * Passwords are read from stdin, never from argv (argv is visible to other users of the machine).
 */
import { monitorUsage, runMonitorCommand } from './monitor-cli';
import { parseArgs } from 'node:util';
import { openAdmin, type Admin } from './admin';
import { readFile } from 'node:fs/promises';
import { DirectoryError } from '../access/directory';
import { decodeCsv, ImportFileError, StalePlanError, type PlanLine } from '../access/user-import';
import { isAccess, isRole } from '../access/names';
// --- minutes export (archive) ---
import { minutesOptions, minutesUsage, runMinutesCommand } from './minutes-cli';
// --- end minutes export ---
import { retentionUsage, runRetentionCommand } from './retention-cli';
import { roomUsage, runRoomCommand } from './room-cli';
import { isTransferCommand, runTransferCommand, transferOptions, transferUsage } from './transfer-cli';
import { digestOptions, digestUsage, isDigestCommand, runDigestCommand } from './digest-cli';
import { isOidcCommand, oidcOptions, oidcUsage, runOidcCommand } from './oidc-cli';

const usage = `Gebruik: npm run admin -- [--data-dir DIR | --database-url postgres://…] <opdracht>
  org add <id> <naam>
  org rename <id> <nieuwe naam>
  org list
  user add <gebruikersnaam> --org <id> --role procesregisseur|secretaris|deelnemer|waarnemer|beheerder|privacyfunctionaris|management [--name "Naam"]   (wachtwoord via stdin)
  user set <gebruikersnaam> [--name "Naam"] [--org <id>] [--role <rol>]   (naam, organisatie en/of rol wijzigen)
  user import <bestand.csv> [--dry-run]   (CSV: gebruikersnaam;naam;organisatie;rol; toont eerst per regel wat er gebeurt)
  user disable <gebruikersnaam>
  user enable <gebruikersnaam>
  user password <gebruikersnaam>   (wachtwoord via stdin)
  user reset-mfa <gebruikersnaam>  (tweestapsverificatie opnieuw instellen bij de volgende keer inloggen)
  user list
  grant <kamer> <gebruikersnaam> --access edit|view
  revoke <kamer> <gebruikersnaam>
  audit verify
  audit list [--user U] [--room R] [--since ISO-tijd]
${minutesUsage}
${roomUsage}
${retentionUsage}
${monitorUsage}
${digestUsage}
${transferUsage}
${oidcUsage}
De map komt ook uit THEMAKAMER_DATA_DIR (standaard ./data), de database-URL uit THEMAKAMER_DATABASE_URL.`;

class UsageError extends Error {}

const fieldNames = { name: 'naam', org: 'organisatie', role: 'rol' } as const;

/** One line of an import plan for the terminal. */
function describeLine(line: PlanLine): string {
  switch (line.status) {
    case 'add': return `Regel ${line.line}: ${line.username} toevoegen (${line.org}, ${line.role}).`;
    case 'change': return `Regel ${line.line}: ${line.username} wijzigen: ${line.changes.map((change) => `${fieldNames[change.field]} ${change.from} → ${change.to}`).join(', ')}.`;
    case 'unchanged': return `Regel ${line.line}: ${line.username} ongewijzigd.`;
    case 'error': return line.message;
  }
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Wachtwoord (daarna Enter, invoer wordt getoond; gebruik liever een pipe): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const firstLine = text.split(/\r?\n/)[0] ?? '';
  if (firstLine.length === 0) throw new UsageError('Geen wachtwoord ontvangen op stdin.');
  return firstLine;
}

async function run(admin: Admin, words: string[], flags: Record<string, string | undefined> & { 'dry-run'?: boolean }): Promise<number> {
  const [group, verb, ...rest] = words;
  const out = (text: string): void => void process.stdout.write(text + '\n');
  switch (`${group} ${verb ?? ''}`.trim()) {
    case 'org add': {
      const [id, ...nameWords] = rest;
      if (!id || nameWords.length === 0) throw new UsageError('org add <id> <naam>');
      await admin.addOrg(id, nameWords.join(' '));
      out(`Organisatie ${id} toegevoegd.`);
      return 0;
    }
    case 'org rename': {
      const [id, ...nameWords] = rest;
      if (!id || nameWords.length === 0) throw new UsageError('org rename <id> <nieuwe naam>');
      await admin.renameOrg(id, nameWords.join(' '));
      out(`Organisatie ${id} heet nu ${nameWords.join(' ')}.`);
      return 0;
    }
    case 'org list':
      for (const org of await admin.listOrgs()) out(`${org.id}\t${org.name}`);
      return 0;
    case 'user add': {
      const [username] = rest;
      if (!username || !flags.org || !flags.role) throw new UsageError('user add <gebruikersnaam> --org <id> --role <rol>');
      if (!isRole(flags.role)) throw new UsageError('Onbekende rol; kies procesregisseur, secretaris, deelnemer, waarnemer, beheerder, privacyfunctionaris of management.');
      const password = await readPassword();
      await admin.addUser({ username, name: flags.name, org: flags.org, role: flags.role, password });
      out(`Gebruiker ${username} toegevoegd.`);
      return 0;
    }
    case 'user set': {
      const [username] = rest;
      if (!username || (flags.name === undefined && flags.org === undefined && flags.role === undefined)) throw new UsageError('user set <gebruikersnaam> [--name "Naam"] [--org <id>] [--role <rol>]');
      if (flags.role !== undefined && !isRole(flags.role)) throw new UsageError('Onbekende rol; kies procesregisseur, secretaris, deelnemer, waarnemer, beheerder of privacyfunctionaris.');
      const changed = await admin.updateUser(username, { name: flags.name, org: flags.org, role: flags.role });
      out(changed.length === 0 ? `Gebruiker ${username} was al zo; niets gewijzigd.` : `Gebruiker ${username} gewijzigd: ${changed.map((field) => fieldNames[field]).join(', ')}.`);
      return 0;
    }
    case 'user import': {
      const [file] = rest;
      if (!file) throw new UsageError('user import <bestand.csv> [--dry-run]');
      let text: string;
      try {
        text = decodeCsv(await readFile(file));
      } catch (error) {
        if (error instanceof ImportFileError) throw error;
        throw new UsageError(`Kan ${file} niet lezen.`);
      }
      const plan = await admin.previewImport(text);
      for (const line of plan.lines) out(describeLine(line));
      const { add, change, unchanged, error } = plan.counts;
      out(`${add} toe te voegen, ${change} te wijzigen, ${unchanged} ongewijzigd, ${error} met een fout.`);
      if (flags['dry-run']) {
        out('Proefimport: er is niets gewijzigd.');
        return error > 0 ? 1 : 0;
      }
      const result = await admin.applyImport(text, plan.hash);
      out(`Geïmporteerd: ${result.created.length} toegevoegd, ${result.changed} gewijzigd${error > 0 ? `; ${error} regel(s) met een fout overgeslagen` : ''}.`);
      if (result.created.length > 0) {
        out('Eenmalige wachtwoorden (worden niet bewaard; geef ze veilig door):');
        out('gebruikersnaam;naam;wachtwoord');
        for (const user of result.created) out(`${user.username};${user.name};${user.initialPassword}`);
      }
      return error > 0 ? 1 : 0;
    }
    case 'user enable': {
      const [username] = rest;
      if (!username) throw new UsageError('user enable <gebruikersnaam>');
      await admin.enableUser(username);
      out(`Gebruiker ${username} weer actief.`);
      return 0;
    }
    case 'user disable': {
      const [username] = rest;
      if (!username) throw new UsageError('user disable <gebruikersnaam>');
      await admin.disableUser(username);
      out(`Gebruiker ${username} geblokkeerd; open verbindingen worden gesloten.`);
      return 0;
    }
    case 'user password': {
      const [username] = rest;
      if (!username) throw new UsageError('user password <gebruikersnaam>');
      await admin.setPassword(username, await readPassword());
      out(`Wachtwoord van ${username} gewijzigd; bestaande sessies zijn beëindigd.`);
      return 0;
    }
    case 'user reset-mfa': {
      const [username] = rest;
      if (!username) throw new UsageError('user reset-mfa <gebruikersnaam>');
      await admin.resetTwoFactor(username);
      out(`Tweestapsverificatie van ${username} gewist; bij de volgende keer inloggen stelt ${username} haar opnieuw in. Bestaande sessies zijn beëindigd.`);
      return 0;
    }
    case 'user list':
      for (const user of await admin.listUsers()) out(`${user.username}\t${user.org}\t${user.role}\t${user.disabled ? 'geblokkeerd' : 'actief'}\t${user.name}`);
      return 0;
    case 'audit verify': {
      const verdict = await admin.auditVerify();
      if (verdict.ok) {
        out(`Auditlog intact: ${verdict.entries} regels, kop ${verdict.head}`);
        return 0;
      }
      process.stderr.write(`Auditlog BESCHADIGD: eerste foute regel ${verdict.firstBad} (${verdict.reason}).\n`);
      return 3;
    }
    case 'audit list': {
      for (const entry of await admin.auditList({ user: flags.user, room: flags.room, since: flags.since })) {
        out(JSON.stringify({ seq: entry.seq, at: entry.at, event: entry.event, actor: entry.actor, room: entry.room, target: entry.target, ip: entry.ip, detail: entry.detail }));
      }
      return 0;
    }
  }
  if (group === 'grant') {
    const [room, username] = [verb, ...rest];
    if (!room || !username || !isAccess(flags.access)) throw new UsageError('grant <kamer> <gebruikersnaam> --access edit|view');
    await admin.grant(room, username, flags.access);
    out(`${username} heeft nu ${flags.access}-toegang tot ${room}.`);
    return 0;
  }
  if (group === 'revoke') {
    const [room, username] = [verb, ...rest];
    if (!room || !username) throw new UsageError('revoke <kamer> <gebruikersnaam>');
    const removed = await admin.revoke(room, username);
    out(removed ? `Toegang van ${username} tot ${room} ingetrokken; open verbindingen worden gesloten.` : `${username} had geen toegang tot ${room}.`);
    return 0;
  }
  throw new UsageError('Onbekende opdracht.');
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, org: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' },
        access: { type: 'string' }, user: { type: 'string' }, room: { type: 'string' }, since: { type: 'string' }, now: { type: 'string' },
        help: { type: 'boolean', short: 'h' }, 'dry-run': { type: 'boolean' },
        // --- minutes export (archive) ---
        ...minutesOptions,
        // --- end minutes export ---
        ...digestOptions,
        ...transferOptions,
        ...oidcOptions,
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  if (parsed.values.help || parsed.positionals.length === 0) {
    process.stdout.write(usage + '\n');
    return parsed.values.help ? 0 : 2;
  }
  const dataDir = parsed.values['data-dir'] ?? process.env.THEMAKAMER_DATA_DIR ?? './data';
  const databaseUrl = parsed.values['database-url'] ?? process.env.THEMAKAMER_DATABASE_URL ?? null;
  // --- minutes export (archive): reads documents, so it opens the data dir with the data key itself ---
  if (parsed.positionals[0] === 'minutes') return runMinutesCommand(parsed.positionals, parsed.values, { dataDir, databaseUrl });
  // --- end minutes export ---
  if (parsed.positionals[0] === 'room') return runRoomCommand(parsed.positionals, parsed.values, { dataDir, databaseUrl });
  if (parsed.positionals[0] === 'monitor') return runMonitorCommand(parsed.positionals, { dataDir, databaseUrl });
  if (parsed.positionals[0] === 'retention' || parsed.positionals[0] === 'deletions') return runRetentionCommand(parsed.positionals, parsed.values, { dataDir, databaseUrl });
  if (isTransferCommand(parsed.positionals)) return runTransferCommand(parsed.positionals, parsed.values, { dataDir, databaseUrl });
  if (isDigestCommand(parsed.positionals)) return runDigestCommand(parsed.positionals, parsed.values, { dataDir, databaseUrl }, readPassword);
  if (isOidcCommand(parsed.positionals)) return runOidcCommand(parsed.positionals, parsed.values, { dataDir, databaseUrl }, readPassword);
  const admin = await openAdmin({ dataDir, databaseUrl });
  try {
    return await run(admin, parsed.positionals, parsed.values as Record<string, string | undefined> & { 'dry-run'?: boolean });
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${usage}\n`);
      return 2;
    }
    if (error instanceof DirectoryError || error instanceof ImportFileError || error instanceof StalePlanError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await admin.close();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`Onverwachte fout: ${(error as Error).name}\n`);
  process.exit(1);
});
