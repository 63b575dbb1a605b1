// Changes to the sandbox tenant that take one permission away in one of the ways people get it
// wrong: never added to the registration, added but not consented, or configured under the other
// resource. Used by scenarios and tests.
import {
  EXCHANGE_APP_ID,
  EXCHANGE_ROLES,
  EXCHANGE_SCOPES,
  GRAPH_APP_ID,
  GRAPH_ROLES,
  GRAPH_SCOPES,
} from '../permission-ids.js';
import type { ResourceAppId, SandboxTenant } from '../tenant.js';

export type PermissionKind = 'delegated' | 'application';

function idOf(resourceAppId: ResourceAppId, name: string, kind: PermissionKind): string {
  const table =
    resourceAppId === GRAPH_APP_ID
      ? kind === 'delegated'
        ? GRAPH_SCOPES
        : GRAPH_ROLES
      : kind === 'delegated'
        ? EXCHANGE_SCOPES
        : EXCHANGE_ROLES;
  const id = table[name];
  if (!id) throw new Error(`sandbox: no ${kind} permission ${name} on ${resourceAppId}`);
  return id;
}

/** Takes the permission off the registration (requiredResourceAccess) only. */
export function unconfigure(
  tenant: SandboxTenant,
  resourceAppId: ResourceAppId,
  name: string,
  kind: PermissionKind,
): void {
  const id = idOf(resourceAppId, name, kind);
  for (const rra of tenant.app.requiredResourceAccess)
    if (rra.resourceAppId === resourceAppId)
      rra.resourceAccess = rra.resourceAccess.filter((a) => a.id !== id);
}

/** Withdraws consent: the delegated grant's scope or the app role assignment. */
export function unconsent(
  tenant: SandboxTenant,
  resourceAppId: ResourceAppId,
  name: string,
  kind: PermissionKind,
): void {
  if (kind === 'application') {
    const id = idOf(resourceAppId, name, kind);
    tenant.appRoleAssignments = tenant.appRoleAssignments.filter(
      (a) => !(a.resourceAppId === resourceAppId && a.appRoleId === id),
    );
    return;
  }
  for (const grant of tenant.delegatedGrants)
    if (grant.resourceAppId === resourceAppId)
      grant.scope = grant.scope
        .split(/\s+/)
        .filter((s) => s && s !== name)
        .join(' ');
}

/** Not configured and not consented: never added. */
export function neverAdded(
  tenant: SandboxTenant,
  resourceAppId: ResourceAppId,
  name: string,
  kind: PermissionKind,
): void {
  unconfigure(tenant, resourceAppId, name, kind);
  unconsent(tenant, resourceAppId, name, kind);
}

/** The IMAP/POP/SMTP delegated permissions configured and consented under Exchange Online. */
export function mailDelegatedUnderExchange(tenant: SandboxTenant): void {
  const names = ['IMAP.AccessAsUser.All', 'POP.AccessAsUser.All', 'SMTP.Send'];
  for (const name of names) neverAdded(tenant, GRAPH_APP_ID, name, 'delegated');
  let exchange = tenant.app.requiredResourceAccess.find((r) => r.resourceAppId === EXCHANGE_APP_ID);
  if (!exchange) {
    exchange = { resourceAppId: EXCHANGE_APP_ID, resourceAccess: [] };
    tenant.app.requiredResourceAccess.push(exchange);
  }
  for (const name of names)
    exchange.resourceAccess.push({ id: idOf(EXCHANGE_APP_ID, name, 'delegated'), type: 'Scope' });
  tenant.delegatedGrants.push({
    resourceAppId: EXCHANGE_APP_ID,
    scope: names.join(' '),
    consentType: 'AllPrincipals',
  });
}
