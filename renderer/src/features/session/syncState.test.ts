import { describe, expect, it } from 'vitest';
import { aggregateStatus } from '../../collab/sync-status';
import { connectionState, type ConnectionFacts } from './syncState';

const none = aggregateStatus([], null);
const room = (state: 'online' | 'offline' | 'syncing' | 'forbidden') =>
  ({ room: 'case:abcdefgh', state, loaded: true, unconfirmed: 0, lastSyncedAt: 1, storageError: false, closeCode: null });
const facts = (over: Partial<ConnectionFacts>): ConnectionFacts =>
  ({ rooms: none, openRooms: 0, apiReachable: true, browserOnline: true, needsLogin: false, ...over });

describe('connectionState', () => {
  it('is offline when the server does not answer although the browser has a network', () => {
    expect(connectionState(facts({ apiReachable: false }))).toBe('offline');
    expect(connectionState(facts({ apiReachable: false, rooms: aggregateStatus([room('syncing')], null), openRooms: 1 }))).toBe('offline');
  });

  it('with no room open, follows the API; before its first answer it is still syncing', () => {
    expect(connectionState(facts({}))).toBe('online');
    expect(connectionState(facts({ apiReachable: null }))).toBe('syncing');
    expect(connectionState(facts({ browserOnline: false }))).toBe('offline');
  });

  it('with rooms open, follows their aggregate; rooms without access do not count', () => {
    expect(connectionState(facts({ rooms: aggregateStatus([room('syncing')], null), openRooms: 1 }))).toBe('syncing');
    expect(connectionState(facts({ rooms: aggregateStatus([room('online')], null), openRooms: 1 }))).toBe('online');
    expect(connectionState(facts({ rooms: aggregateStatus([room('forbidden')], null), openRooms: 1 }))).toBe('online');
  });

  it('asks for a new login whenever the token was refused', () => {
    expect(connectionState(facts({ needsLogin: true }))).toBe('unauthorized');
    expect(connectionState(facts({ needsLogin: true, apiReachable: false }))).toBe('unauthorized');
  });
});
