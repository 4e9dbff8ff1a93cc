/**
 * A typed client for the sync server's HTTP API (docs/design.md, "Sync server HTTP API").
 * Every answer is checked against a schema; every failure is an {@link ApiError} with a
 * code. Nothing here logs bodies: they may hold names.
 */
import { z } from 'zod';
import { isId, isRoom, type CaseId, type PartId, type Room } from '../../domain/ids';
import { ApiError, codeForStatus } from './apiError';

/** A user as the API returns it. */
export const apiUserSchema = z.object({
  username: z.string().min(1),
  name: z.string(),
  org: z.string(),
  role: z.enum(['procesregisseur', 'secretaris', 'deelnemer', 'waarnemer', 'beheerder', 'privacyfunctionaris', 'management']),
});
/** A user of the directory. */
export type ApiUser = z.infer<typeof apiUserSchema>;
/** A role of a user. */
export type UserRole = ApiUser['role'];

const accessSchema = z.enum(['edit', 'view']);
/** Access to a room. */
export type Access = z.infer<typeof accessSchema>;

const roomSchema = z.custom<Room>((value) => isRoom(value));
const roomEntrySchema = z.object({ room: roomSchema, access: accessSchema, manage: z.boolean() });
/** A room the user may open. */
export type RoomEntry = z.infer<typeof roomEntrySchema>;
/** A well-formed room name of another kind (the server's `<kind>:<id>`). */
const otherRoomSchema = z.object({ room: z.string().regex(/^[a-z]{1,16}:[a-z0-9]{8,32}$/), access: accessSchema, manage: z.boolean() });

const partSchema = z.object({
  room: z.custom<PartId>((value) => isId('part', value)),
  title: z.string(),
  orgs: z.array(z.string()),
  access: accessSchema.nullable(),
});
/** A restricted part of a case as its members see it (docs/design.md, "Restricted parts"). */
export type RestrictedPart = z.infer<typeof partSchema>;

const orgSchema = z.object({ id: z.string().min(1), name: z.string() });
/** An organisation. */
export type Org = z.infer<typeof orgSchema>;

const memberSchema = apiUserSchema.extend({ access: accessSchema });
/** A member of a room with their effective access. */
export type Member = z.infer<typeof memberSchema>;

const loginSchema = z.object({ token: z.string().min(1), expiresAt: z.string().min(1), user: apiUserSchema });
/** A successful login. */
export type LoginResult = z.infer<typeof loginSchema>;

const challengeSchema = z.union([
  z.object({ secondFactor: z.literal('code'), ticket: z.string().min(1) }),
  z.object({ secondFactor: z.literal('enrol'), ticket: z.string().min(1), secret: z.string().regex(/^[A-Z2-7]+$/), otpauthUri: z.string().startsWith('otpauth://totp/') }),
]);
/** The password was right; the server asks a code next (`enrol`: set up the authenticator app first). */
export type SecondFactorChallenge = z.infer<typeof challengeSchema>;

/** The answer to the password step: a session, or the second step. */
export type LoginAnswer = LoginResult | SecondFactorChallenge;

const codeResultSchema = loginSchema.extend({ recoveryCodes: z.array(z.string()).optional() });
/** The answer to the code step; recovery codes only right after enrolment (shown once). */
export type CodeLoginResult = z.infer<typeof codeResultSchema>;

/** True when the password step asked for a second factor. */
export const isChallenge = (answer: LoginAnswer): answer is SecondFactorChallenge => 'secondFactor' in answer;

const adminUserSchema = apiUserSchema.extend({ disabled: z.boolean(), twoFactor: z.boolean() });
/** A user as the Beheer screen sees it. */
export type AdminUser = z.infer<typeof adminUserSchema>;
const initialPasswordSchema = z.object({ initialPassword: z.string().min(8) });
const roleSchema = z.enum(['procesregisseur', 'secretaris', 'deelnemer', 'waarnemer', 'beheerder', 'privacyfunctionaris']);
const planLineSchema = z.discriminatedUnion('status', [
  z.object({ line: z.number(), status: z.literal('add'), username: z.string(), name: z.string(), org: z.string(), role: roleSchema }),
  z.object({
    line: z.number(), status: z.literal('change'), username: z.string(), name: z.string(), org: z.string(), role: roleSchema,
    changes: z.array(z.object({ field: z.enum(['name', 'org', 'role']), from: z.string(), to: z.string() })),
  }),
  z.object({ line: z.number(), status: z.literal('unchanged'), username: z.string(), name: z.string(), org: z.string(), role: roleSchema }),
  z.object({ line: z.number(), status: z.literal('error'), username: z.string(), message: z.string() }),
]);
const importCountsSchema = z.object({ add: z.number(), change: z.number(), unchanged: z.number(), error: z.number() });
const importPlanSchema = z.object({ lines: z.array(planLineSchema), counts: importCountsSchema, hash: z.string().regex(/^[0-9a-f]{64}$/) });
/** What a CSV import of users would do, line by line (the server's Dutch message per error). */
export type ImportPlan = z.infer<typeof importPlanSchema>;
/** One line of an {@link ImportPlan}. */
export type ImportPlanLine = z.infer<typeof planLineSchema>;
const importResultSchema = z.object({
  counts: importCountsSchema,
  created: z.array(z.object({ line: z.number(), username: z.string(), name: z.string(), initialPassword: z.string().min(8) })),
});
/** The outcome of an import: new accounts with their one-time passwords (shown once). */
export type ImportResult = z.infer<typeof importResultSchema>;
const oidcBindingSchema = z.object({ org: z.string(), orgName: z.string(), issuer: z.string(), clientId: z.string(), claim: z.enum(['preferred_username', 'email']), updatedAt: z.string() });
/** An organisation's identity-provider binding as the Beheer screen sees it (never the secret). */
export type OidcBinding = z.infer<typeof oidcBindingSchema>;
/** What binding an organisation sends (the secret once). */
export interface OidcBindingInput { issuer: string; clientId: string; clientSecret: string; claim: OidcBinding['claim'] }

/** How to reach the server. */
export interface ApiClientOptions {
  /** `http(s)://host:port`, no trailing slash. */
  serverUrl: string;
  /** The current token (read on every call, so a new login takes effect at once). */
  token?: () => string | null;
  fetch?: typeof fetch;
  /** Give up on a call after this long (default 10 s); counts as unreachable. */
  timeoutMs?: number;
  /** Every call's outcome: true when the server answered (whatever it said), false when it did not. */
  onReachability?(reachable: boolean): void;
}

/** The API, one method per route the app uses. */
export interface ApiClient {
  readonly serverUrl: string;
  login(username: string, password: string): Promise<LoginAnswer>;
  /** The second step: a TOTP code or a recovery code against the ticket of the first. */
  loginCode(ticket: string, code: string): Promise<CodeLoginResult>;
  logout(): Promise<void>;
  me(): Promise<ApiUser>;
  rooms(): Promise<RoomEntry[]>;
  createRoom(kind: 'case' | 'meeting'): Promise<RoomEntry>;
  members(room: Room): Promise<Member[]>;
  /** The restricted parts of a case: every member sees title and organisations; `access` null = may not open it. */
  parts(caseRoom: CaseId): Promise<RestrictedPart[]>;
  /** Adds a restricted part (the case's manager). */
  createPart(caseRoom: CaseId, title: string, orgs: readonly string[]): Promise<RestrictedPart>;
  /** Sets the organisations of a part (the case's manager). */
  setPartOrgs(part: PartId, orgs: readonly string[]): Promise<RestrictedPart>;
  setMember(room: Room, username: string, access: Access): Promise<void>;
  removeMember(room: Room, username: string): Promise<void>;
  users(): Promise<ApiUser[]>;
  orgs(): Promise<Org[]>;
  /** Beheer (role beheerder): every user with status and two-factor state. */
  adminUsers(): Promise<AdminUser[]>;
  adminAddOrg(id: string, name: string): Promise<void>;
  adminRenameOrg(id: string, name: string): Promise<void>;
  /** Changes name, role and/or organisation; resolves with the fields that changed. */
  adminUpdateUser(username: string, changes: { name?: string; org?: string; role?: UserRole }): Promise<string[]>;
  /** The CSV import's dry run: the file's bytes in, the plan out; nothing changes. */
  adminImportPreview(csv: Uint8Array<ArrayBuffer>): Promise<ImportPlan>;
  /** Applies the previewed plan (refused with `plan_changed` if anything changed since). */
  adminImport(csv: Uint8Array<ArrayBuffer>, planHash: string): Promise<ImportResult>;
  /** Adds a user; resolves with the one-time initial password (shown once). */
  adminAddUser(user: { username: string; name: string; org: string; role: UserRole }): Promise<string>;
  adminDisable(username: string): Promise<void>;
  adminEnable(username: string): Promise<void>;
  /** Sets a new one-time initial password and resolves with it. */
  adminResetPassword(username: string): Promise<string>;
  adminResetTwoFactor(username: string): Promise<void>;
  /** The identity-provider bindings; `available`: the server has a public URL (sign-in with them works). */
  adminOidcBindings(): Promise<{ bindings: OidcBinding[]; available: boolean }>;
  adminBindOidc(org: string, input: OidcBindingInput): Promise<void>;
  adminUnbindOidc(org: string): Promise<void>;
}

/** How long the app waits for an import to apply (500 new accounts on a slow server). */
const importTimeoutMs = 5 * 60_000;

const errorBody = z.object({ error: z.string(), message: z.string().max(2000).optional() });

/** Creates a client for one server. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call(method: string, path: string, body?: unknown, callTimeoutMs = timeoutMs): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = options.token?.() ?? null;
    if (token !== null && !path.startsWith('/api/login')) headers.Authorization = `Bearer ${token}`;
    const csv = body instanceof Uint8Array;
    if (body !== undefined) headers['Content-Type'] = csv ? 'text/csv; charset=utf-8' : 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${options.serverUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : csv ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body),
        signal: AbortSignal.timeout(callTimeoutMs),
        // The token is the credential; cookies play no part.
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      options.onReachability?.(false);
      throw new ApiError('unreachable', 0, path);
    }
    if (response.ok) {
      options.onReachability?.(true);
      return response;
    }
    let serverCode: string | null = null;
    let serverMessage: string | null = null;
    try {
      const parsed = errorBody.safeParse(await response.json());
      if (parsed.success) serverCode = parsed.data.error;
      if (parsed.success) serverMessage = parsed.data.message ?? null;
    } catch {
      // Not JSON: a proxy's error page. The status says enough.
    }
    const code = codeForStatus(response.status, serverCode, path);
    options.onReachability?.(code !== 'unreachable');
    throw new ApiError(code, response.status, path, serverCode, serverMessage);
  }

  async function json<T>(schema: z.ZodType<T>, method: string, path: string, body?: unknown, callTimeoutMs = timeoutMs): Promise<T> {
    const response = await call(method, path, body, callTimeoutMs);
    let value: unknown;
    try {
      value = await response.json();
    } catch {
      throw new ApiError('server', response.status, path);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new ApiError('server', response.status, path);
    return parsed.data;
  }

  const roomPath = (room: Room): string => `/api/rooms/${encodeURIComponent(room)}/members`;

  return {
    serverUrl: options.serverUrl,
    login: (username, password) => json(z.union([loginSchema, challengeSchema]), 'POST', '/api/login', { username, password }),
    loginCode: (ticket, code) => json(codeResultSchema, 'POST', '/api/login/code', { ticket, code }),
    async logout() {
      await call('POST', '/api/logout');
    },
    me: async () => (await json(z.object({ user: apiUserSchema }), 'GET', '/api/me')).user,
    // A room of a kind this app does not open (a newer server's) is left out, not an error; a
    // malformed one still is. A case's restricted parts (`part:<id>`) are opened, from the board.
    rooms: async () => (await json(z.object({ rooms: z.array(z.union([roomEntrySchema, otherRoomSchema])) }), 'GET', '/api/rooms')).rooms
      .filter((entry): entry is RoomEntry => isRoom(entry.room)),
    createRoom: async (kind) => json(roomEntrySchema, 'POST', '/api/rooms', { kind }),
    members: async (room) => (await json(z.object({ members: z.array(memberSchema) }), 'GET', roomPath(room))).members,
    async setMember(room, username, access) {
      await call('PUT', `${roomPath(room)}/${encodeURIComponent(username)}`, { access });
    },
    parts: async (caseRoom) => (await json(z.object({ parts: z.array(partSchema) }), 'GET', `/api/rooms/${encodeURIComponent(caseRoom)}/parts`)).parts,
    createPart: (caseRoom, title, orgs) => json(partSchema, 'POST', `/api/rooms/${encodeURIComponent(caseRoom)}/parts`, { title, orgs }),
    setPartOrgs: (part, orgs) => json(partSchema, 'PUT', `/api/parts/${encodeURIComponent(part)}/orgs`, { orgs }),
    async removeMember(room, username) {
      await call('DELETE', `${roomPath(room)}/${encodeURIComponent(username)}`);
    },
    users: async () => (await json(z.object({ users: z.array(apiUserSchema) }), 'GET', '/api/users')).users,
    orgs: async () => (await json(z.object({ orgs: z.array(orgSchema) }), 'GET', '/api/orgs')).orgs,
    adminUsers: async () => (await json(z.object({ users: z.array(adminUserSchema) }), 'GET', '/api/admin/users')).users,
    async adminAddOrg(id, name) {
      await call('POST', '/api/admin/orgs', { id, name });
    },
    async adminRenameOrg(id, name) {
      await call('PATCH', `/api/admin/orgs/${encodeURIComponent(id)}`, { name });
    },
    adminUpdateUser: async (username, changes) => (await json(z.object({ changed: z.array(z.string()) }), 'PATCH', `/api/admin/users/${encodeURIComponent(username)}`, changes)).changed,
    adminImportPreview: async (csv) => (await json(z.object({ plan: importPlanSchema }), 'POST', '/api/admin/users/import?dryRun=1', csv)).plan,
    // Each new account costs a deliberately slow password hash: a large file takes a while, and
    // giving up early would lose the one-time passwords of accounts the server did create.
    adminImport: (csv, planHash) => json(importResultSchema, 'POST', `/api/admin/users/import?plan=${planHash}`, csv, Math.max(timeoutMs, importTimeoutMs)),
    adminAddUser: async (user) => (await json(initialPasswordSchema, 'POST', '/api/admin/users', user)).initialPassword,
    async adminDisable(username) {
      await call('POST', `/api/admin/users/${encodeURIComponent(username)}/disable`);
    },
    async adminEnable(username) {
      await call('POST', `/api/admin/users/${encodeURIComponent(username)}/enable`);
    },
    adminResetPassword: async (username) => (await json(initialPasswordSchema, 'POST', `/api/admin/users/${encodeURIComponent(username)}/password`)).initialPassword,
    async adminResetTwoFactor(username) {
      await call('POST', `/api/admin/users/${encodeURIComponent(username)}/reset-mfa`);
    },
    adminOidcBindings: () => json(z.object({ bindings: z.array(oidcBindingSchema), available: z.boolean() }), 'GET', '/api/admin/oidc'),
    async adminBindOidc(org, input) {
      await call('PUT', `/api/admin/orgs/${encodeURIComponent(org)}/oidc`, input);
    },
    async adminUnbindOidc(org) {
      await call('DELETE', `/api/admin/orgs/${encodeURIComponent(org)}/oidc`);
    },
  };
}
