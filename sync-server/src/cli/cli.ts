/**
 * `npm run sync-server -- [--port P] [--data-dir D | --database-url URL [--redis-url URL]] [--static DIR] [--tls-cert F --tls-key F] [--host H] [--require-mfa on|off]`.
 * Prints exactly one line on stdout once listening (then, on a store without users, the
 * one-time setup link: docs/design.md, "First run"); logs go to stderr as JSON lines.
 * SIGTERM/SIGINT: stop accepting, write snapshots, exit 0.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataKeyError } from '../storage/data-key';
import { StoreInUseError } from '../storage/store-lock';
import { startServer } from '../server';

const usage = `Usage: npm run sync-server -- [options]
  --port P            port (env THEMAKAMER_PORT, default 8470; 0 = any free port)
  --host H            address to bind (env THEMAKAMER_HOST, default 127.0.0.1)
  --data-dir D        data directory (env THEMAKAMER_DATA_DIR, default ./data): embedded SQLite
  --database-url URL  postgres://USER:PW@HOST:PORT/DB instead of the data dir (env THEMAKAMER_DATABASE_URL);
                      the data key must then come from THEMAKAMER_DATA_KEY, the same on every instance
  --redis-url URL     redis://HOST:PORT (env THEMAKAMER_REDIS_URL): instances with the same database and
                      Redis form one service behind a load balancer (no sticky sessions needed)
  --static DIR        serve the built renderer from DIR (env THEMAKAMER_STATIC_DIR)
  --tls-cert F        PEM certificate chain (env THEMAKAMER_TLS_CERT); with --tls-key: https/wss
  --tls-key F         PEM private key (env THEMAKAMER_TLS_KEY)
  --allow-origin O    origin allowed to call the API cross-origin; repeatable (env THEMAKAMER_ALLOW_ORIGINS, comma-separated)
  --require-mfa on|off  two-factor sign-in (TOTP) for every password user (env THEMAKAMER_REQUIRE_MFA, default on;
                      off only when a gateway in front of this server already asks a second factor: see sync-server/README.md)
  --digest-check-minutes N  how often to send the e-mail digests that are due (env THEMAKAMER_DIGEST_CHECK_MINUTES,
                      default 60; 0 = never, when \`npm run admin -- digest send\` runs from cron instead)
  --idle-lock-minutes N  the app locks after N minutes without input and asks the password again
                      (env THEMAKAMER_IDLE_LOCK_MINUTES, default 15; 0 = never; decimals allowed)
  --retention-interval-hours H  how often to delete closed cases past their retention period, as
                      \`npm run admin -- retention run\` does (env THEMAKAMER_RETENTION_INTERVAL_HOURS, default 24;
                      0 = never; instances on one database run it once per interval)
  --public-url URL    the app's address as browsers reach it, e.g. https://themakamer.example.nl (env THEMAKAMER_PUBLIC_URL);
                      needed for sign-in with an organisation's identity provider (redirect URI <URL>/api/oidc/callback)
  --durability M      normal (survives a killed process) or full (also power loss) (env THEMAKAMER_DURABILITY)
  --max-connections-per-ip N    (env THEMAKAMER_MAX_CONNECTIONS_PER_IP, default 2000; raise behind a shared NAT)
  --max-connections-per-user N  (env THEMAKAMER_MAX_CONNECTIONS_PER_USER, default 256: the app keeps one socket per room it syncs)
  --max-message-bytes N         (env THEMAKAMER_MAX_MESSAGE_BYTES, default 1048576)
The data key comes from env THEMAKAMER_DATA_KEY (base64 of 32 bytes) or the key file <data-dir>/data.key (created 0600).`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' }, static: { type: 'string' },
        'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' }, 'allow-origin': { type: 'string', multiple: true },
        durability: { type: 'string' }, 'database-url': { type: 'string' }, 'redis-url': { type: 'string' }, 'require-mfa': { type: 'string' }, 'digest-check-minutes': { type: 'string' }, 'idle-lock-minutes': { type: 'string' }, 'retention-interval-hours': { type: 'string' }, 'public-url': { type: 'string' }, help: { type: 'boolean', short: 'h' },
        'max-connections-per-ip': { type: 'string' }, 'max-connections-per-user': { type: 'string' }, 'max-message-bytes': { type: 'string' },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
  if (values.help) {
    process.stdout.write(usage + '\n');
    return;
  }
  const env = process.env;
  const portText = values.port ?? env.THEMAKAMER_PORT ?? '8470';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Invalid port: ${portText}`);
  const certFile = values['tls-cert'] ?? env.THEMAKAMER_TLS_CERT;
  const keyFile = values['tls-key'] ?? env.THEMAKAMER_TLS_KEY;
  if (Boolean(certFile) !== Boolean(keyFile)) fail('--tls-cert and --tls-key go together.');
  const durability = values.durability ?? env.THEMAKAMER_DURABILITY ?? 'normal';
  if (durability !== 'normal' && durability !== 'full') fail('--durability is normal or full.');
  const requireMfa = values['require-mfa'] ?? env.THEMAKAMER_REQUIRE_MFA ?? 'on';
  if (requireMfa !== 'on' && requireMfa !== 'off') fail('--require-mfa is on or off.');
  const digestText = values['digest-check-minutes'] ?? env.THEMAKAMER_DIGEST_CHECK_MINUTES ?? '60';
  const digestMinutes = Number(digestText);
  if (!Number.isSafeInteger(digestMinutes) || digestMinutes < 0) fail('--digest-check-minutes must be a whole number of minutes (0 = never).');
  const idleText = values['idle-lock-minutes'] ?? env.THEMAKAMER_IDLE_LOCK_MINUTES ?? '15';
  const idleLockMinutes = Number(idleText);
  if (!Number.isFinite(idleLockMinutes) || idleLockMinutes < 0 || idleLockMinutes > 24 * 60) fail('--idle-lock-minutes must be a number of minutes from 0 (never) to 1440.');
  const retentionText = values['retention-interval-hours'] ?? env.THEMAKAMER_RETENTION_INTERVAL_HOURS ?? '24';
  const retentionHours = Number(retentionText);
  if (retentionText.trim() === '' || !Number.isFinite(retentionHours) || retentionHours < 0 || retentionHours > 24 * 366) fail('--retention-interval-hours must be a number of hours from 0 (never) to 8784.');
  const publicUrl = values['public-url'] ?? env.THEMAKAMER_PUBLIC_URL ?? null;
  if (publicUrl !== null && !/^https?:\/\/[^/?#]+\/?$/.test(publicUrl)) fail('--public-url is an origin such as https://themakamer.example.nl (no path).');
  const allowedOrigins = values['allow-origin'] ?? (env.THEMAKAMER_ALLOW_ORIGINS ? env.THEMAKAMER_ALLOW_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : []);

  const limit = (flag: string | undefined, envValue: string | undefined, name: string): number | undefined => {
    const text = flag ?? envValue;
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < 1) fail(`--${name} must be a positive whole number.`);
    return value;
  };
  const limits = {
    maxConnectionsPerIp: limit(values['max-connections-per-ip'], env.THEMAKAMER_MAX_CONNECTIONS_PER_IP, 'max-connections-per-ip'),
    maxConnectionsPerUser: limit(values['max-connections-per-user'], env.THEMAKAMER_MAX_CONNECTIONS_PER_USER, 'max-connections-per-user'),
    maxMessageBytes: limit(values['max-message-bytes'], env.THEMAKAMER_MAX_MESSAGE_BYTES, 'max-message-bytes'),
  };
  const setLimits = Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined));

  const databaseUrl = values['database-url'] ?? env.THEMAKAMER_DATABASE_URL ?? null;
  const redisUrl = values['redis-url'] ?? env.THEMAKAMER_REDIS_URL ?? null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) fail('--database-url must be a postgres:// URL.');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) fail('--redis-url must be a redis:// or rediss:// URL.');
  if (redisUrl && !databaseUrl) fail('--redis-url needs --database-url: instances share state through PostgreSQL.');

  let server;
  try {
    server = await startServer({
      port,
      host: values.host ?? env.THEMAKAMER_HOST ?? '127.0.0.1',
      dataDir: values['data-dir'] ?? env.THEMAKAMER_DATA_DIR ?? './data',
      staticDir: values.static ?? env.THEMAKAMER_STATIC_DIR,
      tls: certFile && keyFile ? { cert: readFileSync(certFile), key: readFileSync(keyFile) } : undefined,
      dataKey: env.THEMAKAMER_DATA_KEY,
      databaseUrl,
      redisUrl,
      allowedOrigins,
      durability,
      requireMfa: requireMfa === 'on',
      digestCheckMs: digestMinutes * 60_000,
      idleLockMinutes,
      retentionIntervalMs: Math.round(retentionHours * 60 * 60_000),
      publicUrl,
      limits: setLimits,
    });
  } catch (error) {
    if (error instanceof DataKeyError || error instanceof StoreInUseError) fail(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`Port ${port} is already in use.`);
    if (code === 'ENOENT' || code === 'EACCES') fail(`Cannot read a file or directory (${code}): check --data-dir and the TLS files.`);
    throw error;
  }
  process.stdout.write(`Themakamer sync server listening on ${server.url}\n`);
  if (server.setupToken !== null && !values.static && !env.THEMAKAMER_STATIC_DIR) {
    // Without the web app on this origin (the desktop's local server) the link would open nothing.
    process.stdout.write('Themakamer setup: deze server heeft nog geen gebruikers. Start hem met npm run web voor de inrichtingslink, of maak ze aan met npm run admin.\n');
  } else if (server.setupToken !== null) {
    // Only here, on the operator's terminal: the link lets anyone who has it create the first administrator.
    const link = `${server.url}/#/inrichten/${server.setupToken}`;
    process.stdout.write(`Themakamer setup: deze server heeft nog geen gebruikers. Open deze eenmalige inrichtingslink: ${link}\n`);
    process.stdout.write(`Themakamer setup: this server has no users yet. Open this one-time setup link: ${link}\n`);
  }

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Sync server failed to start: ${(error as Error).name}: ${(error as Error).message}\n`);
  process.exit(1);
});
