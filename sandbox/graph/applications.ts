// GET /applications(appId='...'): the registration, with secrets shown as Graph shows them
// (hint = first three characters of the value; the value itself never).
import type { GraphAnswer } from '../routes/graph.js';
import type { SandboxTenant } from '../tenant.js';
import { notFound } from './errors.js';

export function applicationResource(tenant: SandboxTenant) {
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
      customKeyIdentifier: null,
      displayName: c.displayName,
      endDateTime: c.endDateTime,
      key: null,
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
  const fields = query
    .get('$select')
    ?.split(',')
    .map((f) => f.trim());
  if (!fields) return resource;
  return Object.fromEntries(Object.entries(resource).filter(([k]) => fields.includes(k)));
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
      ...select(applicationResource(tenant), query),
    },
  };
}
