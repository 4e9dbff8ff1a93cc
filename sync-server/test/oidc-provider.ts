/**
 * A real OpenID Connect provider for tests (the `oidc-provider` package) in-process on
 * loopback, for a fictional organisation: its own accounts, an RS256 signing key, one
 * confidential client, PKCE required, and a plain login page (username only: this is a test
 * identity provider). `idTokenHook` lets a test rewrite the ID token the token endpoint
 * hands out (tamper with it, or re-sign it with other claims) to prove the client checks it.
 * Shared by the server tests and the e2e spec.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** An account at the test provider; `sub` is its id there. */
export interface TestIdpAccount { sub: string; preferred_username?: string; email?: string; email_verified?: boolean; name?: string }

/** A running test provider. */
export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Rewrites each ID token the token endpoint issues while set. */
  idTokenHook: ((idToken: string) => string) | null;
  /** Signs a JWT with the provider's own key (for re-signed tokens with other claims). */
  sign(payload: Record<string, unknown>): string;
  close(): Promise<void>;
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Reads an urlencoded form body. */
async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const page = (uid: string, error: string): string => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Test-identiteitsprovider</title></head>
<body><main><h1>Inloggen bij de test-identiteitsprovider</h1>
${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}">
<label for="login">Gebruikersnaam bij je organisatie</label>
<input id="login" name="login" autocomplete="username" autofocus>
<button type="submit">Inloggen bij provider</button>
</form></main></body></html>`;

/** Starts the provider; `redirectUri` is the client's one registered redirect URI. */
export async function startTestIdp(options: { redirectUri: string; accounts: TestIdpAccount[]; clientId?: string; clientSecret?: string }): Promise<TestIdp> {
  const clientId = options.clientId ?? 'themakamer-test';
  const clientSecret = options.clientSecret ?? 'test-client-secret-not-real-0123456789';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(privateKey as KeyObject).export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const accounts = new Map(options.accounts.map((account) => [account.sub, account]));

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri],
      response_types: ['code'], grant_types: ['authorization_code'], token_endpoint_auth_method: 'client_secret_post',
    }],
    jwks: { keys: [jwk] },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], email: ['email', 'email_verified'] },
    // Scope claims in the ID token itself (the client reads the signed ID token, not userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-only-cookie-key-not-secret'] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ ...account }) };
    },
  });
  provider.proxy = false;

  const idp: TestIdp = {
    issuer, clientId, clientSecret, idTokenHook: null,
    sign(payload) {
      const input = `${b64({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })}.${b64(payload)}`;
      return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };

  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (ctx.path === '/token' && idp.idTokenHook && body && typeof body.id_token === 'string') {
      ctx.body = { ...body, id_token: idp.idTokenHook(body.id_token) };
    }
  });

  const providerHandler = provider.callback();
  server.on('request', (req, res) => {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)$/.exec(new URL(req.url ?? '/', issuer).pathname);
    if (!match) return void providerHandler(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method === 'GET') {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          return void res.end(page(details.uid, ''));
        }
        const login = (await readForm(req)).get('login') ?? '';
        const account = [...accounts.values()].find((a) => a.preferred_username === login || a.sub === login);
        if (!account) {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          return void res.end(page(details.uid, 'Onbekende gebruiker bij de provider.'));
        }
        const grant = new provider.Grant({ accountId: account.sub, clientId: details.params.client_id as string });
        grant.addOIDCScope('openid profile email');
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId: account.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
      } catch (error) {
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        res.end((error as Error).name);
      }
    })();
  });
  return idp;
}
