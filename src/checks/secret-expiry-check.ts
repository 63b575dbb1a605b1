// The `secret-expiry` check: how long the client secret this pipeline uses has left (self
// scope), and optionally every app's expiring credentials (tenant scope). Needs only the client
// secret: it reads Graph with an app-only token and never asks for a password token.
import type { Check } from '../engine/check.js';
import { soonestFirst, toSecretReport } from '../credentials/credentials.js';
import { SELF_TITLE, selfScopeExpiry } from '../credentials/self-expiry.js';
import { TENANT_TITLE, scanTenant } from '../credentials/tenant-scan.js';
import { registration, type CheckContext } from './context.js';

export const secretExpiryCheck: Check<CheckContext> = {
  name: 'secret-expiry',
  reports: [
    { id: 'secret-expiry', title: SELF_TITLE },
    { id: 'secret-expiry', title: TENANT_TITLE },
  ],
  async run(ctx) {
    const tenantScope = ctx.settings.secretExpiry.scope === 'tenant';
    // Both share the memoised Graph token; the registration read is shared with `permissions`.
    const [read, scan] = await Promise.all([
      registration(ctx),
      tenantScope
        ? ctx.tokens.graph().then((graphToken) => scanTenant({ ...ctx, graphToken }))
        : undefined,
    ]);
    const self = selfScopeExpiry(read, ctx.settings, ctx.adapters.now());
    const views = [...self.views, ...(scan?.views ?? [])].sort(soonestFirst);
    return {
      results: scan ? [self.result, scan.result] : [self.result],
      outputs: {
        secrets: views.map(toSecretReport),
        secretInUse: self.inUse && {
          endDateTime: self.inUse.end.toISOString(),
          daysLeft: self.inUse.daysLeft,
        },
      },
    };
  },
};
