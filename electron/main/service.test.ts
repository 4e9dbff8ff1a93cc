import { describe, expect, it } from 'vitest';
import { initServices, type Service } from './service';

function recorder() {
  const log: string[] = [];
  const service = (name: string, fail = false): Service => ({
    name,
    async init() {
      if (fail) throw new Error(`${name} failed`);
      log.push(`init ${name}`);
    },
    dispose() {
      log.push(`dispose ${name}`);
    },
  });
  return { log, service };
}

describe('initServices', () => {
  it('inits in order and disposes in reverse, once', async () => {
    const { log, service } = recorder();
    const dispose = await initServices([service('security'), service('ipc'), service('windows')]);
    dispose();
    dispose();
    expect(log).toEqual(['init security', 'init ipc', 'init windows', 'dispose windows', 'dispose ipc', 'dispose security']);
  });

  it('disposes what started when a later service fails, then rethrows', async () => {
    const { log, service } = recorder();
    await expect(initServices([service('security'), service('protocol', true), service('windows')])).rejects.toThrow('protocol failed');
    expect(log).toEqual(['init security', 'dispose security']);
  });
});
