/**
 * The little of `oidc-provider` (a test-only dependency that ships no types) that the test
 * identity provider uses.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface KoaContext { path: string; body: unknown }
  interface Interaction { uid: string; params: Record<string, unknown> }
  interface Account { accountId: string; claims(): Record<string, unknown> }
  interface GrantInstance { addOIDCScope(scope: string): void; save(): Promise<string> }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown> & {
      interactions?: { url(ctx: KoaContext, interaction: Interaction): string };
      findAccount?(ctx: KoaContext, sub: string): Promise<Account | undefined>;
    });
    proxy: boolean;
    Grant: new (options: { accountId: string; clientId: string }) => GrantInstance;
    use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  }
}
