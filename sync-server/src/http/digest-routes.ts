/**
 * The signed-in user's own choice for the e-mail digest (docs/design.md, "Reminders"): as
 * their organisation sends it, at most weekly, or none. The answer also says what the
 * organisation sends and whether the administrator set an address, so the app can explain
 * why no mail comes. Which reminders show in the app is the user's choice in their vault.
 */
import { z } from 'zod';
import { createMailSettings, type DigestFrequency } from '../digest/mail-settings';
import { HttpError, readJson, sendJson, sendNoContent } from './http-json';
import type { PrivacyRouteDeps, Route } from './privacy-routes';

const choiceBody = z.object({ choice: z.enum(['org', 'weekly', 'off']) }).strict();

/** GET and PUT /api/me/digest. */
export function digestRoutes({ ctx, authenticate }: Pick<PrivacyRouteDeps, 'ctx' | 'authenticate'>): Route[] {
  const settings = createMailSettings(ctx.sql, ctx.cipher);
  return [
    ['GET', /^\/api\/me\/digest$/, async (req, res) => {
      const { user } = await authenticate(req);
      const org = await ctx.sql.get<{ frequency: string }>('SELECT frequency FROM org_smtp WHERE org = $1', [user.org]);
      const orgFrequency: DigestFrequency = org?.frequency === 'daily' || org?.frequency === 'weekly' ? org.frequency : 'off';
      sendJson(res, 200, { orgFrequency, hasAddress: await settings.hasAddress(user.username), choice: await settings.userChoice(user.username) });
    }],
    ['PUT', /^\/api\/me\/digest$/, async (req, res) => {
      const { user } = await authenticate(req);
      const parsed = choiceBody.safeParse(await readJson(req, ctx.options.limits.maxJsonBytes));
      if (!parsed.success) throw new HttpError(400, 'invalid_body');
      await settings.setUserChoice(user.username, parsed.data.choice);
      sendNoContent(res);
    }],
  ];
}
