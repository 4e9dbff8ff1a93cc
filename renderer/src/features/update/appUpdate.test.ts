import { describe, expect, it } from 'vitest';
import { createAppUpdate, type UpdateDriver } from './appUpdate';
import { compareProtocol } from './protocol';

/** A driver that records what happened, in order. */
function recordingDriver(waiting = true): UpdateDriver & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    async activateWaiting() {
      log.push(waiting ? 'activate' : 'nothing waiting');
      return waiting;
    },
    reload: () => log.push('reload'),
    async checkForUpdate() {
      log.push('check');
    },
    onError: (_error, context) => log.push(`error: ${context}`),
  };
}

describe('app update', () => {
  it('shows nothing until a new version waits', () => {
    const update = createAppUpdate(recordingDriver());
    expect(update.state.getSnapshot()).toEqual({ waiting: false });
    update.versionWaiting();
    expect(update.state.getSnapshot()).toEqual({ waiting: true });
  });

  it('stores pending edits before the new version takes over, and again before the reload', async () => {
    const driver = recordingDriver();
    const update = createAppUpdate(driver);
    update.beforeReload(async () => {
      await Promise.resolve();
      driver.log.push('stored');
    });
    await update.apply();
    expect(driver.log).toEqual(['stored', 'activate']);
    // The worker's "controlling" event follows.
    await update.versionTookOver();
    expect(driver.log).toEqual(['stored', 'activate', 'stored', 'reload']);
  });

  it('reloads once, also when another tab took the new version and the event repeats', async () => {
    const driver = recordingDriver();
    const update = createAppUpdate(driver);
    await Promise.all([update.versionTookOver(), update.versionTookOver()]);
    expect(driver.log).toEqual(['reload']);
  });

  it('with no worker waiting any more (another tab took it), stores and reloads', async () => {
    const driver = recordingDriver(false);
    const update = createAppUpdate(driver);
    update.beforeReload(async () => void driver.log.push('stored'));
    await update.apply();
    expect(driver.log).toEqual(['stored', 'nothing waiting', 'stored', 'reload']);
  });

  it('a failing store is reported and does not block the update; an unregistered task no longer runs', async () => {
    const driver = recordingDriver();
    const update = createAppUpdate(driver);
    update.beforeReload(() => Promise.reject(new Error('vault closed')));
    const unregister = update.beforeReload(async () => void driver.log.push('stored'));
    unregister();
    await update.apply();
    expect(driver.log).toEqual(['error: store before update', 'activate']);
  });

  it('asks the browser to look for a new version on request', async () => {
    const driver = recordingDriver();
    createAppUpdate(driver).check();
    await Promise.resolve();
    expect(driver.log).toEqual(['check']);
  });
});

describe('protocol', () => {
  it('compares the app with the server', () => {
    expect(compareProtocol(1, 1)).toBe('same');
    expect(compareProtocol(1, 2)).toBe('app-older');
    expect(compareProtocol(3, 2)).toBe('app-newer');
  });
});
