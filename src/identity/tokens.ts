// The two tokens a run may need, each fetched at most once and started on first demand:
// the mail token (ROPC or app-only, per `grant`) and an app-only Graph token for registration reads.
import type { RunContext } from '../engine/context.js';
import { CLOUD_ENDPOINTS } from '../settings/clouds.js';
import { requestToken, type TokenOutcome } from './token-request.js';

export function getMailToken(ctx: RunContext): Promise<TokenOutcome> {
  return ctx.once('mail-token', () =>
    requestToken({
      settings: ctx.settings,
      http: ctx.http,
      registerSecret: ctx.adapters.registerSecret,
      now: ctx.adapters.now,
      grant: ctx.settings.grant,
      scopes: ctx.settings.scopes,
      purpose: 'mail token',
    }),
  );
}

/** App-only token for Microsoft Graph. Undefined when the app has no credential (public client). */
export function getGraphToken(ctx: RunContext): Promise<TokenOutcome | undefined> {
  return ctx.once('graph-token', async () => {
    if (ctx.settings.clientAuth === 'none') return undefined;
    return requestToken({
      settings: ctx.settings,
      http: ctx.http,
      registerSecret: ctx.adapters.registerSecret,
      now: ctx.adapters.now,
      grant: 'client-credentials',
      // The token's audience is the cloud's Graph resource, whatever URL `endpoints` sends
      // requests to (a proxy or the loopback sandbox is not a resource Entra knows).
      scopes: [`${CLOUD_ENDPOINTS[ctx.settings.cloud].graph}/.default`],
      purpose: 'Graph token',
    });
  });
}
