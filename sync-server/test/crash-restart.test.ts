/**
 * The server as a child process: one "listening" line on stdout, SIGTERM exits 0, and
 * kill -9 in the middle of a stream of edits loses no update that was relayed to anyone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdmin } from '../src/cli/admin';
import { addTestUser, login, newClient, testPassword, waitFor } from './helpers';

const room = 'case:crashtest00000001';

interface Child { process: ChildProcess; url: string; wsUrl: string; stdout: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }

async function spawnServer(dataDir: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/cli/cli.ts', '--require-mfa', 'off', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, THEMAKAMER_PORT: undefined },
  });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)\n/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.resume();
    void exited.then(() => reject(new Error('server exited before listening')));
    setTimeout(() => reject(new Error('server did not start')), 15_000);
  });
  return { process: child, url, wsUrl: url.replace(/^http/, 'ws'), stdout: () => out, exited };
}

describe('crash and restart (child process)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'themakamer-crash-'));
    const admin = await openAdmin({ dataDir });
    await addTestUser(admin, 'schrijver');
    await addTestUser(admin, 'lezer');
    await admin.grant(room, 'schrijver', 'edit');
    await admin.grant(room, 'lezer', 'edit');
    await admin.close();
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('prints exactly one line and exits 0 on SIGTERM', async () => {
    const child = await spawnServer(dataDir);
    expect(child.stdout()).toMatch(/^Themakamer sync server listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    expect((await fetch(`${child.url}/healthz`)).status).toBe(200);
    child.process.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.stdout().split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('loses nothing that was relayed when killed with SIGKILL mid-stream', async () => {
    const relayed = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const child = await spawnServer(dataDir);
      const writer = newClient(child.wsUrl, room, (await login(child.url, 'schrijver', testPassword)).token);
      const reader = newClient(child.wsUrl, room, (await login(child.url, 'lezer', testPassword)).token);
      await Promise.all([writer.synced, reader.synced]);
      reader.doc.getMap('m').observe((event) => { for (const key of event.keysChanged) relayed.add(key); });
      let i = 0;
      const stream = setInterval(() => {
        for (let k = 0; k < 5; k++) writer.doc.getMap('m').set(`r${round}-${i++}`, i);
      }, 2);
      await waitFor(() => relayed.size > round * 50 + 50, 5000, 'some relayed edits');
      await new Promise((resolve) => setTimeout(resolve, 50 + round * 40));
      child.process.kill('SIGKILL');
      await child.exited;
      clearInterval(stream);
      writer.destroy();
      reader.destroy();

      const restarted = await spawnServer(dataDir);
      const check = newClient(restarted.wsUrl, room, (await login(restarted.url, 'lezer', testPassword)).token);
      await check.synced;
      const stored = new Set(check.doc.getMap('m').keys());
      const lost = [...relayed].filter((key) => !stored.has(key));
      expect(lost).toEqual([]);
      check.destroy();
      restarted.process.kill('SIGTERM');
      expect((await restarted.exited).code).toBe(0);
    }
    expect(relayed.size).toBeGreaterThan(150);
  }, 60_000);
});
