// The `secret-expiry` check: how long the client secret this pipeline uses has left (self
// scope), and optionally every app's expiring credentials (tenant scope). Needs only the client
// secret: it reads Graph with an app-only token and never asks for a password token.
import type { Check } from '../engine/check.js';
import { getRegistration } from '../graph/registration.js';
import { soonestFirst, toSecretReport } from '../secrets/credentials.js';
import { judgeSelf } from '../secrets/self-expiry.js';
import { scanTenant } from '../secrets/tenant-scan.js';
import { loadedCertificate } from '../identity/client-credential.js';

/** The credential this run signs in with decides: the secret, the certificate, or federation. */
async function judgeCredentialInUse(
  ctx: Parameters<Check['run']>[0],
  read: Awaited<ReturnType<typeof getRegistration>>,
) {
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
  return judgeSelf(read, ctx.settings, now);
}

export const secretExpiryCheck: Check = {
  name: 'secret-expiry',
  async run(ctx) {
    const tenantScope = ctx.settings.secretExpiry.scope === 'tenant';
    // Both share the memoised Graph token; the registration read is shared with `permissions`.
    const [read, scan] = await Promise.all([
      getRegistration(ctx),
      tenantScope ? scanTenant(ctx) : undefined,
    ]);
    const self = await judgeCredentialInUse(ctx, read);
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
