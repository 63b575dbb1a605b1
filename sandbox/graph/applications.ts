// GET /applications(appId='...'): the registration, with secrets shown as Graph shows them
// (hint = first three characters of the value; the value itself never).
import { createHash, X509Certificate } from 'node:crypto';
import type { GraphAnswer } from '../routes/graph.js';
import type { SandboxTenant } from '../tenant.js';
import { notFound } from './errors.js';

export function applicationResource(tenant: SandboxTenant, withKeys = false) {
  const app = tenant.app;
  return {
    id: app.objectId,
    appId: app.appId,
    displayName: app.displayName,
    signInAudience: app.signInAudience,
    isFallbackPublicClient: app.isFallbackPublicClient,
    web: { redirectUris: app.webRedirectUris, implicitGrantSettings: null },
    publicClient: { redirectUris: app.publicClientRedirectUris },
    requiredResourceAccess: app.requiredResourceAccess,
    passwordCredentials: app.secrets.map((s) => ({
      customKeyIdentifier: null,
      displayName: s.displayName,
      endDateTime: s.endDateTime,
      hint: s.hint !== undefined ? s.hint : s.value.slice(0, 3),
      keyId: s.keyId,
      secretText: null,
      startDateTime: s.startDateTime,
    })),
    keyCredentials: app.certificates.map((c) => ({
      // Graph's default: base64 of the SHA-1 thumbprint (it can be set to anything).
      customKeyIdentifier: c.certPem
        ? createHash('sha1').update(new X509Certificate(c.certPem).raw).digest('base64')
        : null,
      displayName: c.displayName,
      endDateTime: c.endDateTime,
      // The certificate itself: Graph returns it only on a single-object GET that $selects
      // keyCredentials (https://learn.microsoft.com/graph/api/resources/keycredential).
      key: withKeys && c.certPem ? new X509Certificate(c.certPem).raw.toString('base64') : null,
      keyId: c.keyId,
      startDateTime: c.startDateTime,
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
    })),
  };
}

/** Applies `$select` the way Graph does: only the named properties (plus @odata.context). */
export function select(
  resource: Record<string, unknown>,
  query: URLSearchParams,
): Record<string, unknown> {
  return selector(query)(resource);
}

/** `select` for many resources of one query (a page of a listing): $select is read once. */
export function selector(
  query: URLSearchParams,
): (resource: Record<string, unknown>) => Record<string, unknown> {
  const fields = query
    .get('$select')
    ?.split(',')
    .map((f) => f.trim());
  if (!fields) return (resource) => resource;
  return (resource) => {
    const picked: Record<string, unknown> = {};
    for (const field of fields) if (field in resource) picked[field] = resource[field];
    return picked;
  };
}

export function getApplication(
  tenant: SandboxTenant,
  appId: string,
  query: URLSearchParams,
): GraphAnswer {
  if (appId.toLowerCase() !== tenant.app.appId) return notFound(appId);
  return {
    status: 200,
    body: {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications/$entity',
      ...select(
        applicationResource(tenant, query.get('$select')?.includes('keyCredentials') ?? false),
        query,
      ),
    },
  };
}
