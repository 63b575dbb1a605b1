// The `secret-expiry` check: how long the client secret this pipeline uses has left (self
// scope), and optionally every app's expiring credentials (tenant scope). Needs only the client
// secret: it reads Graph with an app-only token and never asks for a password token.
import type { Check } from '../engine/check.js';
import { soonestFirst, toSecretReport } from '../credentials/credentials.js';
import { SELF_TITLE, selfScopeExpiry } from '../credentials/self-expiry.js';
import { TENANT_TITLE, scanTenant } from '../credentials/tenant-scan.js';
import { registration, type CheckContext } from './context.js';
import { loadedCertificate } from '../identity/client-credential.js';
import type { RegistrationRead } from '../graph/registration.js';

/** The credential this run signs in with decides: the secret, the certificate, or federation. */
async function judgeCredentialInUse(ctx: CheckContext, read: RegistrationRead) {
  const now = ctx.adapters.now();
  if (ctx.settings.clientAuth === 'federated') {
    const { judgeFederated } = await import('../credentials/assertion-expiry.js');
    return judgeFederated(read, ctx.settings, now);
  }
  const certificate = await loadedCertificate(ctx.settings);
  if (certificate) {
    const { judgeCertificateInUse } = await import('../credentials/assertion-expiry.js');
    return judgeCertificateInUse(read, ctx.settings, certificate.thumbprints, now);
  }
  return selfScopeExpiry(read, ctx.settings, now);
}

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
    const self = await judgeCredentialInUse(ctx, read);
    const own = self.views.slice().sort(soonestFirst).map(toSecretReport);
    // This app's few entries join the tenant's many, before other apps' that end at the same instant.
    if (scan) for (const entry of own) scan.secrets.add(entry, 0);
    return {
      results: scan ? [self.result, scan.result] : [self.result],
      outputs: {
        secrets: scan ? scan.secrets : own,
        secretInUse: self.inUse && {
          endDateTime: self.inUse.end.toISOString(),
          daysLeft: self.inUse.daysLeft,
        },
      },
    };
  },
};
