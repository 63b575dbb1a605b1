// The `token` check: the mail token can be had, with the scopes the activities need.
import type { Check } from '../engine/check.js';
import type { CheckContext } from './context.js';

const TITLE = 'Access token';

export const tokenCheck: Check<CheckContext> = {
  name: 'token',
  reports: [{ id: 'token', title: TITLE }],
  async run(ctx) {
    const outcome = await ctx.tokens.mail();
    const grant =
      ctx.settings.grant === 'password'
        ? 'ROPC (grant: password)'
        : 'app-only (grant: client-credentials)';
    if (!outcome.ok) {
      const f = outcome.failure;
      return {
        results: [
          {
            id: 'token',
            title: TITLE,
            status: 'fail',
            summary: f.summary,
            details: f.details,
            remediation: f.remediation,
            code: f.code,
          },
        ],
      };
    }
    const { token } = outcome;
    const minutes = Math.round((token.expiresOn.getTime() - ctx.adapters.now().getTime()) / 60000);
    return {
      results: [
        {
          id: 'token',
          title: TITLE,
          status: 'pass',
          summary: `${grant} token issued in ${outcome.durationMs} ms, valid for ${minutes} min${token.refreshToken ? ', with a refresh token' : ''}`,
          details: `Scopes: ${token.scopes.join(' ') || '(none reported)'}\nExpires: ${token.expiresOn.toISOString()}`,
        },
      ],
      outputs: { token },
    };
  },
};
