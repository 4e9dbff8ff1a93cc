/**
 * Sign-in with the organisation's identity provider (docs/design.md, "Sign-in with the
 * organisation's identity provider"): the public routes of the flow and the Beheer routes
 * that bind and unbind an organisation. The browser navigates to start and comes back to
 * callback; both answer with redirects. The app only ever sees a one-time code, in the
 * fragment of its own URL (a fragment never reaches a server or proxy log).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ServerContext } from '../context';
import type { UserRecord } from '../access/directory';
import { isOrgId } from '../access/names';
import { createOidcBindings, OidcBindingError } from '../access/oidc-bindings';
import { createOidcLogin, flowCookieName, flowTtlMs, parseLoopbackReturn, type OidcCallback } from '../access/oidc-login';
import { HttpError, readJson, sendJson, sendNoContent } from './http-json';
import type { Route } from './privacy-routes';

const exchangeBody = z.object({ code: z.string().min(1).max(128) }).strict();
const bindBody = z.object({
  issuer: z.string().min(1).max(500), clientId: z.string().min(1).max(200), clientSecret: z.string().min(1).max(1000),
  claim: z.enum(['preferred_username', 'email']).optional(),
}).strict();

/** What the routes need from the API. */
export interface OidcRouteDeps {
  ctx: ServerContext;
  requireAdministrator(req: IncomingMessage): Promise<{ user: UserRecord }>;
  remoteAddress(req: IncomingMessage): string;
}

/** The value of one cookie in a request, or null. */
function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

const redirect = (res: ServerResponse, location: string, cookie?: string): void => {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', ...(cookie ? { 'Set-Cookie': cookie } : {}) });
  res.end();
};

/** GET /api/oidc/orgs, GET /api/oidc/start, GET /api/oidc/callback, POST /api/oidc/exchange, and /api/admin/oidc. */
export function oidcRoutes({ ctx, requireAdministrator, remoteAddress }: OidcRouteDeps): Route[] {
  const bindings = createOidcBindings(ctx.sql, ctx.cipher, ctx.audit);
  const publicUrl = ctx.options.publicUrl;
  const flow = publicUrl ? createOidcLogin({ ...ctx, bindings, publicUrl }) : null;
  const secure = publicUrl?.startsWith('https:') ? '; Secure' : '';
  const cookie = (value: string, maxAgeS: number): string =>
    `${flowCookieName}=${value}; Path=/api/oidc; HttpOnly; SameSite=Lax; Max-Age=${maxAgeS}${secure}`;
  const toApp = (fragment: string): string => new URL(`/#${fragment}`, publicUrl ?? 'http://localhost').href;

  /** The desktop's loopback listener, with its own state and the code (a local request: no server or proxy logs it). */
  const toLoopback = (result: OidcCallback): string => {
    const target = new URL(result.loopback!.uri);
    if (result.ok) target.searchParams.set('oidc', result.code);
    else target.searchParams.set('oidc-error', result.reason);
    target.searchParams.set('state', result.loopback!.state);
    return target.href;
  };

  const bindingChange = async (work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof OidcBindingError)) throw error;
      throw new HttpError(error.code === 'unknown_org' || error.code === 'not_bound' ? 404 : 400, error.code);
    }
  };

  return [
    // Public: the sign-in screen offers these organisations (ids and names only).
    ['GET', /^\/api\/oidc\/orgs$/, async (_req, res) => {
      const orgs = flow ? (await bindings.list()).map((binding) => ({ id: binding.org, name: binding.orgName })) : [];
      sendJson(res, 200, { orgs });
    }],

    ['GET', /^\/api\/oidc\/start$/, async (_req, res, _params, url) => {
      if (!flow) throw new HttpError(404, 'oidc_unavailable');
      const org = url.searchParams.get('org') ?? '';
      // The desktop app (RFC 8252) asks for the hand-off on its loopback listener.
      const loopback = parseLoopbackReturn(url.searchParams.get('return'), url.searchParams.get('return_state'));
      if (loopback === 'invalid') throw new HttpError(400, 'invalid_return');
      let started;
      try {
        started = isOrgId(org) ? await flow.start(org, loopback) : null;
      } catch (error) {
        ctx.logger.error('oidc-discovery-failed', { org, error: (error as { code?: string }).code ?? (error as Error).name });
        return redirect(res, loopback ? toLoopback({ ok: false, reason: 'provider-unreachable', loopback }) : toApp('oidc-error=provider-unreachable'));
      }
      if (!started) return redirect(res, loopback ? toLoopback({ ok: false, reason: 'not-bound', loopback }) : toApp('oidc-error=not-bound'));
      redirect(res, started.authorizationUrl, cookie(started.cookie, Math.floor(flowTtlMs / 1000)));
    }],

    ['GET', /^\/api\/oidc\/callback$/, async (req, res, _params, url) => {
      if (!flow) throw new HttpError(404, 'oidc_unavailable');
      const result = await flow.callback(url.searchParams, readCookie(req, flowCookieName), remoteAddress(req));
      // The flow cookie is spent either way.
      redirect(res, result.loopback ? toLoopback(result) : toApp(result.ok ? `oidc=${result.code}` : `oidc-error=${result.reason}`), cookie('', 0));
    }],

    ['POST', /^\/api\/oidc\/exchange$/, async (req, res) => {
      if (!flow) throw new HttpError(404, 'oidc_unavailable');
      const parsed = exchangeBody.safeParse(await readJson(req, ctx.options.limits.maxJsonBytes));
      if (!parsed.success) throw new HttpError(400, 'invalid_request');
      const result = await flow.exchange(parsed.data.code, remoteAddress(req));
      if (!result) throw new HttpError(401, 'invalid_code');
      sendJson(res, 200, result);
    }],

    ['GET', /^\/api\/admin\/oidc$/, async (req, res) => {
      await requireAdministrator(req);
      sendJson(res, 200, { bindings: await bindings.list(), available: flow !== null });
    }],

    ['PUT', /^\/api\/admin\/orgs\/([^/]+)\/oidc$/, async (req, res, [raw]) => {
      const caller = await requireAdministrator(req);
      const org = decodeURIComponent(raw ?? '');
      const parsed = bindBody.safeParse(await readJson(req, ctx.options.limits.maxJsonBytes));
      if (!parsed.success) throw new HttpError(400, 'invalid_request');
      await bindingChange(() => bindings.bind({ org, ...parsed.data }, caller.user.username, remoteAddress(req)));
      // Password sessions of the organisation's users were ended: close their sockets too.
      await ctx.connections.enforce();
      sendNoContent(res);
    }],

    ['DELETE', /^\/api\/admin\/orgs\/([^/]+)\/oidc$/, async (req, res, [raw]) => {
      const caller = await requireAdministrator(req);
      await bindingChange(() => bindings.unbind(decodeURIComponent(raw ?? ''), caller.user.username, remoteAddress(req)));
      sendNoContent(res);
    }],
  ];
}
