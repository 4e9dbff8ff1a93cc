/**
 * The bench's sync server: a fresh data dir, the harness as its static files (page, API and
 * WebSocket on one origin under the app's CSP), and fictional users with tokens.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { login, newServer, type TestServer } from '../../../sync-server/test/helpers';
import { buildHarness } from './build';

/** A bench user (all fictional). */
export interface BenchUser {
  username: string;
  name: string;
  org: string;
  password: string;
  token: string;
}

/** The running bench server. */
export interface BenchServer {
  url: string;
  wsUrl: string;
  admin: TestServer['admin'];
  users: BenchUser[];
  /** URL parameters that let the harness page sign in as `user`. */
  pageParams(user: BenchUser): Record<string, string>;
  close(): Promise<void>;
}

const password = 'bench-wachtwoord-fictief-1';
const orgs = [['zvh', 'ZVH Benchregio'], ['vt', 'Veilig Thuis Benchregio'], ['politie', 'Politie Benchregio'], ['om', 'OM Benchregio']] as const;

/** Builds the harness, starts the server and creates 11 users (one for the page, ten peers). */
export async function startBenchServer(): Promise<BenchServer> {
  const staticDir = await mkdtemp(join(tmpdir(), 'themakamer-bench-board-'));
  await buildHarness(staticDir);
  const test = await newServer({ staticDir });
  for (const [id, name] of orgs) await test.admin.addOrg(id, name);
  const users: BenchUser[] = [];
  for (let i = 0; i < 11; i++) {
    const org = orgs[i % orgs.length]?.[0] ?? 'zvh';
    const user = { username: `bench.user${String(i).padStart(2, '0')}`, name: `Bench Gebruiker ${i} (fictief)`, org, password };
    await test.admin.addUser({ ...user, role: i === 0 ? 'procesregisseur' : 'deelnemer' });
    const { token } = await login(test.url, user.username, password);
    users.push({ ...user, token });
  }
  return {
    url: test.url,
    wsUrl: test.wsUrl,
    admin: test.admin,
    users,
    pageParams: (user) => ({ username: user.username, name: user.name, org: user.org, password: user.password, token: user.token }),
    async close() {
      await test.close();
      await rm(staticDir, { recursive: true, force: true });
    },
  };
}
