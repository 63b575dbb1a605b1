// The `secret-expiry` check: how long the client secret this pipeline uses has left (self
// scope), and optionally every app's expiring credentials (tenant scope). Needs only the client
// secret: it reads Graph with an app-only token and never asks for a password token.
import type { Check } from '../engine/check.js';
import { getRegistration } from '../graph/registration.js';
import { soonestFirst, toSecretReport } from '../secrets/credentials.js';
import { judgeSelf } from '../secrets/self-expiry.js';
import { scanTenant } from '../secrets/tenant-scan.js';

export const secretExpiryCheck: Check = {
  name: 'secret-expiry',
  async run(ctx) {
    const tenantScope = ctx.settings.secretExpiry.scope === 'tenant';
    // Both share the memoised Graph token; the registration read is shared with `permissions`.
    const [read, scan] = await Promise.all([
      getRegistration(ctx),
      tenantScope ? scanTenant(ctx) : undefined,
    ]);
    const self = judgeSelf(read, ctx.settings, ctx.adapters.now());
    const views = [...self.views, ...(scan?.views ?? [])].sort(soonestFirst);
    ctx.notes.secrets.push(...views.map(toSecretReport));
    if (self.inUse)
      ctx.notes.secretInUse = {
        endDateTime: self.inUse.end.toISOString(),
        daysLeft: self.inUse.daysLeft,
      };
    return scan ? [self.result, scan.result] : [self.result];
  },
};
