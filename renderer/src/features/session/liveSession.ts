/**
 * A signed-in session at work: the unlocked vault, the document manager keeping every
 * room the user may access open, the rooms list and the directory (from the server,
 * cached in the vault for offline use), and the connection state for the indicator.
 *
 * What must hold:
 * - Need-to-know ends on this device when it ends on the server: a room the server no
 *   longer lists, or that closes with 4403/4410, leaves the list, the doc manager and the
 *   vault.
 * - An expired token (401 / 4401) never stops local work: documents stay open and keep
 *   writing to the vault; `reauthenticate` resumes syncing without reopening anything.
 * - The indicator says offline when the server does not answer, whatever the browser says.
 */
import { createDocManager, type DocManager } from '../../collab/doc-manager';
import { createValueStore, type ExternalStore } from '../../collab/sync-status';
import { isRoom, type Room } from '../../domain/ids';
import { cachedOrgs, cachedRooms, cachedUsers, type StoredSession, type Vault } from '../../vault';
import { createApiClient, isChallenge, type ApiClient, type ApiUser, type LoginResult, type Org, type RoomEntry } from './api';
import { isApiError } from './apiError';
import { dropRoom, loadDroppedRooms, saveDroppedRooms, type DroppedRoom } from './droppedRooms';
import type { OpenedSession } from './signIn';
import { SignInError } from './signInError';
import { connectionState, type AppConnectionState } from './syncState';

/** The rooms the user may open. */
export interface RoomsSnapshot {
  entries: readonly RoomEntry[];
  /** Where the list came from: the server this session, the vault's copy, or nowhere yet. */
  source: 'server' | 'cache' | 'none';
}

/** Users and organisations for pickers and names. */
export interface DirectorySnapshot {
  users: readonly ApiUser[];
  orgs: readonly Org[];
}

/** What the sync indicator and the re-login prompt show. */
export interface ConnectionSnapshot {
  state: AppConnectionState;
  /** Epoch ms of the last confirmed sync, or null. */
  lastSyncedAt: number | null;
  /** The server refused the token: show "Log opnieuw in om te synchroniseren". */
  needsLogin: boolean;
  /** Signed in without the server (the password unlocked the vault). */
  startedOffline: boolean;
}

/** How to start a live session. */
export interface LiveSessionOptions {
  opened: OpenedSession;
  fetch?: typeof fetch;
  /** WebSocket implementation (Node tests pass `ws`). */
  WebSocketImpl?: typeof WebSocket;
  /** How often the rooms list is fetched (default 5 s): new grants appear, revoked rooms go. */
  pollMs?: number;
  /** Upper bound of the sockets' reconnect backoff (default 5 s). */
  maxBackoffMs?: number;
  /** Whether the browser has a network at the start (default true). */
  browserOnline?: boolean;
  /** A failure worth logging; gets ids only. */
  onError?(error: unknown, context: string): void;
  /** A new login said the account is disabled: the session is closed and its vault wiped. */
  onAccountDisabled?(): void;
}

/** A running session. */
export interface LiveSession {
  readonly user: ApiUser;
  readonly serverUrl: string;
  readonly vault: Vault;
  readonly docManager: DocManager;
  readonly api: ApiClient;
  readonly rooms: ExternalStore<RoomsSnapshot>;
  readonly directory: ExternalStore<DirectorySnapshot>;
  readonly connection: ExternalStore<ConnectionSnapshot>;
  /** Rooms dropped from this device with changes that could no longer be sent (kept until acknowledged). */
  readonly dropped: ExternalStore<readonly DroppedRoom[]>;
  /** The user has read the notice of `room`: it goes (from the vault too). */
  acknowledgeDropped(room: string): Promise<void>;
  /** The user's entry for `room`, or null when the room is not (or no longer) theirs. */
  accessOf(room: string): RoomEntry | null;
  /** Fetches the rooms list now (also done every `pollMs`). */
  refreshRooms(): Promise<void>;
  /** Creates a room on the server; the creator gets edit access and the room opens at once. */
  createRoom(kind: 'case' | 'meeting'): Promise<RoomEntry>;
  /**
   * A new login with the same username after the token expired; throws SignInError.
   * Resolves 'code-needed' when the server asks for the second factor: answer with `reauthenticateCode`.
   */
  reauthenticate(password: string): Promise<'done' | 'code-needed'>;
  /** The second step of a new login: a TOTP or recovery code; throws SignInError. */
  reauthenticateCode(code: string): Promise<void>;
  /** Follows the browser's online/offline events. */
  setBrowserOnline(online: boolean): void;
  /** Stores what is pending and closes rooms and sockets; `logout` also ends the token on the server. */
  close(options?: { logout?: boolean }): Promise<void>;
}

const sameEntries = (a: readonly RoomEntry[], b: readonly RoomEntry[]): boolean =>
  a.length === b.length && a.every((entry, i) => entry.room === b[i]?.room && entry.access === b[i]?.access && entry.manage === b[i]?.manage);

const sortEntries = (entries: readonly RoomEntry[]): RoomEntry[] => [...entries].sort((x, y) => x.room.localeCompare(y.room));

/** Starts a session from a successful sign-in; resolves once the cached lists are shown. */
export async function startLiveSession(options: LiveSessionOptions): Promise<LiveSession> {
  const { vault } = options.opened;
  const stored: StoredSession = options.opened.session;
  const startedOffline = options.opened.mode === 'offline';
  const user = stored.user;
  const serverUrl = stored.serverUrl;
  const onError = options.onError ?? ((error, context) => console.warn(`session: ${context}`, error instanceof Error ? error.name : 'error'));

  let token = stored.token;
  let apiReachable: boolean | null = startedOffline ? false : true;
  let browserOnline = options.browserOnline ?? true;
  let needsLogin = false;
  let closed = false;
  /** Bumped by every local change of the list; a fetch that started before one is stale. */
  let listEpoch = 0;

  const api = createApiClient({
    serverUrl,
    token: () => token,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    onReachability(reachable) {
      const regained = reachable && apiReachable === false;
      apiReachable = reachable;
      publishConnection();
      if (regained) void refreshDirectory();
    },
  });

  const [roomsCache, usersCache, orgsCache] = await Promise.all([
    cachedRooms.load(vault).catch(() => null),
    cachedUsers.load(vault).catch(() => null),
    cachedOrgs.load(vault).catch(() => null),
  ]);
  const rooms = createValueStore<RoomsSnapshot>(
    { entries: sortEntries(roomsCache ?? []), source: roomsCache ? 'cache' : 'none' },
    (a, b) => a.source === b.source && sameEntries(a.entries, b.entries),
  );
  const dropped = createValueStore<readonly DroppedRoom[]>(await loadDroppedRooms(vault).catch(() => []), (a, b) => a === b);
  /** Notice-list writes, in order. */
  let droppedWrites: Promise<void> = Promise.resolve();
  const updateDropped = (change: (list: readonly DroppedRoom[]) => readonly DroppedRoom[]): Promise<void> => {
    droppedWrites = droppedWrites.then(async () => {
      dropped.set(change(dropped.getSnapshot()));
      await saveDroppedRooms(vault, dropped.getSnapshot());
    }).catch((error: unknown) => onError(error, 'dropped rooms'));
    return droppedWrites;
  };
  const directory = createValueStore<DirectorySnapshot>({ users: usersCache ?? [], orgs: orgsCache ?? [] }, (a, b) => a === b);

  const docManager = createDocManager({
    vault,
    serverUrl,
    token,
    user: { username: user.username, name: user.name, org: user.org },
    ...(options.WebSocketImpl ? { WebSocketImpl: options.WebSocketImpl } : {}),
    ...(options.maxBackoffMs !== undefined ? { maxBackoffMs: options.maxBackoffMs } : {}),
    onError: (error, room) => onError(error, `room ${room}`),
  });
  docManager.setNetworkAvailable(browserOnline);

  const connection = createValueStore<ConnectionSnapshot>(
    { state: 'syncing', lastSyncedAt: null, needsLogin: false, startedOffline },
    (a, b) => a.state === b.state && a.lastSyncedAt === b.lastSyncedAt && a.needsLogin === b.needsLogin && a.startedOffline === b.startedOffline,
  );
  function publishConnection(): void {
    const roomStatus = docManager.status.getSnapshot();
    const openRooms = rooms.getSnapshot().entries.length;
    const state = connectionState({ rooms: roomStatus, openRooms, apiReachable, browserOnline, needsLogin });
    connection.set({
      state,
      // Documents are what gets synchronised: with none open there is no "last synced" to report.
      lastSyncedAt: openRooms > 0 ? roomStatus.lastSyncedAt : null,
      needsLogin: needsLogin || roomStatus.state === 'unauthorized',
      startedOffline,
    });
  }

  /** Publishes a new list; returns false when nothing changed (then nothing is written either). */
  const setEntries = (entries: readonly RoomEntry[], source: RoomsSnapshot['source']): boolean => {
    const before = rooms.getSnapshot();
    rooms.set({ entries: sortEntries(entries), source });
    if (rooms.getSnapshot() === before) return false;
    if (!closed) docManager.keepInSync(rooms.getSnapshot().entries.map((entry) => entry.room));
    cachedRooms.save(vault, rooms.getSnapshot().entries).catch((error: unknown) => onError(error, 'rooms cache'));
    publishConnection();
    return true;
  };

  /** Removes rooms from the list, the doc manager and the vault. */
  const forgetRooms = async (gone: readonly Room[]): Promise<void> => {
    if (gone.length === 0) return;
    await docManager.flush();
    const notices: DroppedRoom[] = [];
    for (const room of gone) {
      // Changes the server never confirmed are reported, not silently lost (their content goes with the room).
      const notice = await dropRoom(vault, room, Date.now()).catch((error: unknown) => {
        onError(error, `forget ${room}`);
        return null;
      });
      if (notice) notices.push(notice);
    }
    if (notices.length > 0) {
      await updateDropped((list) => [...list.filter((entry) => !notices.some((notice) => notice.room === entry.room)), ...notices]);
    }
  };

  const handledForbidden = new Set<string>();
  const dropForbidden = (): void => {
    const forbidden = docManager.status.getSnapshot().forbidden.filter((room) => !handledForbidden.has(room));
    if (forbidden.length === 0) return;
    forbidden.forEach((room) => handledForbidden.add(room));
    listEpoch++;
    const entries = rooms.getSnapshot().entries;
    const gone = entries.filter((entry) => forbidden.includes(entry.room)).map((entry) => entry.room);
    setEntries(entries.filter((entry) => !forbidden.includes(entry.room)), rooms.getSnapshot().source);
    void forgetRooms(gone);
  };

  const unsubscribeStatus = docManager.status.subscribe(() => {
    publishConnection();
    dropForbidden();
  });

  const noteUnauthorized = (error: unknown): boolean => {
    if (!isApiError(error, 'unauthorized')) return false;
    needsLogin = true;
    publishConnection();
    return true;
  };

  let refreshing: Promise<void> | null = null;
  const refreshRooms = (): Promise<void> => {
    if (closed) return Promise.resolve();
    refreshing ??= (async () => {
      const epoch = listEpoch;
      try {
        const list = await api.rooms();
        if (closed || epoch !== listEpoch) return; // a local change raced this fetch; the next one is current
        const keep = new Set<string>(list.map((entry) => entry.room));
        // A room granted again after a revoke may be opened again.
        for (const room of [...handledForbidden]) if (keep.has(room)) handledForbidden.delete(room);
        // The vault can only hold rooms that were on a list: with an unchanged list there is nothing to clean.
        if (!setEntries(list, 'server')) return;
        const gone = (await vault.listRooms()).filter((room): room is Room => !keep.has(room) && isRoom(room));
        await forgetRooms(gone);
      } catch (error) {
        if (!noteUnauthorized(error) && !isApiError(error, 'unreachable')) onError(error, 'rooms');
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  };

  const refreshDirectory = async (): Promise<void> => {
    if (closed) return;
    try {
      const [users, orgs] = await Promise.all([api.users(), api.orgs()]);
      if (closed) return;
      directory.set({ users, orgs });
      await Promise.all([cachedUsers.save(vault, users), cachedOrgs.save(vault, orgs)]);
    } catch (error) {
      if (!noteUnauthorized(error) && !isApiError(error, 'unreachable')) onError(error, 'directory');
    }
  };

  docManager.keepInSync(rooms.getSnapshot().entries.map((entry) => entry.room));
  publishConnection();
  if (!startedOffline) {
    void refreshRooms();
    void refreshDirectory();
  } else {
    // Try at once: the server may be back already.
    void refreshRooms();
  }
  const poll = setInterval(() => {
    if (!needsLogin) void refreshRooms();
  }, options.pollMs ?? 5_000);

  /** The ticket between password and code of a new login (memory only). */
  let pendingTicket: string | null = null;
  /** The account was disabled: nothing of this user may stay on the device. */
  const wipe = async (): Promise<SignInError> => {
    await live.close().catch((error: unknown) => onError(error, 'close'));
    await vault.destroy().catch((error: unknown) => onError(error, 'wipe'));
    options.onAccountDisabled?.();
    return new SignInError('account-disabled');
  };
  const reloginError = (error: unknown): SignInError => {
    if (isApiError(error, 'invalid-credentials')) return new SignInError('invalid-credentials');
    if (isApiError(error, 'invalid-code')) return new SignInError('invalid-code');
    if (isApiError(error, 'ticket-expired')) return new SignInError('ticket-expired');
    if (isApiError(error, 'rate-limited')) return new SignInError('rate-limited');
    if (isApiError(error, 'unreachable')) return new SignInError('offline-no-vault');
    return new SignInError('server-error');
  };
  const resume = async (login: LoginResult): Promise<void> => {
    token = login.token;
    await vault.saveSession({ ...stored, token: login.token, expiresAt: login.expiresAt, user: login.user });
    needsLogin = false;
    docManager.setToken(token);
    publishConnection();
    void refreshRooms();
    void refreshDirectory();
  };

  const live: LiveSession = {
    user,
    serverUrl,
    vault,
    docManager,
    api,
    rooms,
    directory,
    connection,
    dropped,
    acknowledgeDropped: (room) => updateDropped((list) => list.filter((entry) => entry.room !== room)),
    accessOf: (room) => rooms.getSnapshot().entries.find((entry) => entry.room === room) ?? null,
    refreshRooms,
    async createRoom(kind) {
      listEpoch++;
      const entry = await api.createRoom(kind).catch((error: unknown) => {
        noteUnauthorized(error);
        throw error;
      });
      listEpoch++;
      const others = rooms.getSnapshot().entries.filter((existing) => existing.room !== entry.room);
      setEntries([...others, entry], rooms.getSnapshot().source === 'none' ? 'server' : rooms.getSnapshot().source);
      return entry;
    },
    async reauthenticate(password) {
      if (password === '') throw new SignInError('password-missing');
      pendingTicket = null;
      let login;
      try {
        login = await api.login(user.username, password);
      } catch (error) {
        if (isApiError(error, 'account-disabled')) throw await wipe();
        throw reloginError(error);
      }
      if (!isChallenge(login)) {
        await resume(login);
        return 'done';
      }
      // A reset second factor is set up again through the full sign-in (it shows the QR code).
      if (login.secondFactor === 'enrol') throw new SignInError('enrol-needed');
      pendingTicket = login.ticket;
      return 'code-needed';
    },
    async reauthenticateCode(code) {
      if (code.trim() === '') throw new SignInError('code-missing');
      if (pendingTicket === null) throw new SignInError('ticket-expired');
      let login;
      try {
        login = await api.loginCode(pendingTicket, code.trim());
      } catch (error) {
        if (isApiError(error, 'ticket-expired')) pendingTicket = null;
        throw reloginError(error);
      }
      pendingTicket = null;
      await resume(login);
    },
    setBrowserOnline(online) {
      if (online === browserOnline) return;
      browserOnline = online;
      docManager.setNetworkAvailable(online);
      publishConnection();
      if (online) void refreshRooms();
    },
    async close(closeOptions = {}) {
      if (closed) return;
      closed = true;
      clearInterval(poll);
      unsubscribeStatus();
      await docManager.close();
      await droppedWrites;
      if (closeOptions.logout && apiReachable !== false && !needsLogin) {
        // Best effort: a token that outlives an offline sign-out expires on its own.
        await api.logout().catch(() => {});
      }
      await vault.close();
    },
  };
  return live;
}
