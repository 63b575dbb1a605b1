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

/** App-only token for Microsoft Graph. Undefined when no client secret was given. */
export function getGraphToken(ctx: RunContext): Promise<TokenOutcome | undefined> {
  return ctx.once('graph-token', async () => {
    if (!ctx.settings.clientSecret) return undefined;
    return requestToken({
      settings: ctx.settings,
      http: ctx.http,
      registerSecret: ctx.adapters.registerSecret,
      now: ctx.adapters.now,
      grant: 'client-credentials',
      // The cloud's Graph resource, not the `graph` endpoint override (which only says where
      // requests go, e.g. a proxy or the sandbox).
      scopes: [`${CLOUD_ENDPOINTS[ctx.settings.cloud].graph}/.default`],
      purpose: 'Graph token',
    });
  });
}
