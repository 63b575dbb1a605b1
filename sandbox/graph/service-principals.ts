// Service principals: the app's own (readable by itself with no Graph permission), the Graph and
// Exchange Online resource principals (their appRoles and oauth2PermissionScopes), and the app's
// grants: appRoleAssignments and oauth2PermissionGrants, paged. Everything but the self-read
// needs Application.Read.All / Directory.Read.All, which `grantReadsDenied` takes away.
import type { GraphAnswer, GraphRequest } from '../routes/graph.js';
import {
  EXCHANGE_APP_ID,
  EXCHANGE_ROLES,
  EXCHANGE_SCOPES,
  GRAPH_APP_ID,
  GRAPH_ROLES,
  GRAPH_SCOPES,
} from '../permission-ids.js';
import type { ResourceAppId, SandboxTenant } from '../tenant.js';
import { select } from './applications.js';
import { denied, notFound } from './errors.js';
import { page } from './paging.js';
import '../assistant-tenant.js';

const CONTEXT = 'https://graph.microsoft.com/v1.0/$metadata';
const RESOURCE_NAMES: Record<ResourceAppId, string> = {
  [GRAPH_APP_ID]: 'Microsoft Graph',
  [EXCHANGE_APP_ID]: 'Office 365 Exchange Online',
};

/** `appId='...'` or an object id → the principal it names, or undefined. */
function principal(tenant: SandboxTenant, key: string) {
  const appId = /^appId='([^']+)'$/.exec(key)?.[1]?.toLowerCase();
  const byObjectId = key.toLowerCase();
  if (appId === tenant.app.appId || byObjectId === tenant.app.servicePrincipalId)
    // A registration without its Enterprise application (sandbox/assistant-tenant.ts).
    return tenant.servicePrincipalMissing ? undefined : { self: true as const };
  for (const resource of [GRAPH_APP_ID, EXCHANGE_APP_ID] as const) {
    if (appId === resource || byObjectId === tenant.resourceServicePrincipalIds[resource])
      return { self: false as const, resource };
  }
  return undefined;
}

function resourceSp(tenant: SandboxTenant, appId: ResourceAppId) {
  const graph = appId === GRAPH_APP_ID;
  const roles = graph ? GRAPH_ROLES : EXCHANGE_ROLES;
  const scopes = graph ? GRAPH_SCOPES : EXCHANGE_SCOPES;
  return {
    id: tenant.resourceServicePrincipalIds[appId],
    appId,
    displayName: RESOURCE_NAMES[appId],
    accountEnabled: true,
    appRoleAssignmentRequired: false,
    appRoles: Object.entries(roles).map(([value, id]) => ({
      allowedMemberTypes: ['Application'],
      description: `Allows the app to use ${value} without a signed-in user.`,
      displayName: value,
      id,
      isEnabled: true,
      origin: 'Application',
      value,
    })),
    oauth2PermissionScopes: Object.entries(scopes).map(([value, id]) => ({
      adminConsentDescription: `Allows the app to use ${value} as the signed-in user.`,
      adminConsentDisplayName: value,
      id,
      isEnabled: true,
      type: value === 'User.Read' || value === 'offline_access' ? 'User' : 'Admin',
      value,
    })),
  };
}

export function getServicePrincipal(
  req: GraphRequest,
  key: string,
  query: URLSearchParams,
): GraphAnswer {
  const { tenant } = req;
  const who = principal(tenant, key);
  if (!who) return notFound(key);
  if (!who.self && tenant.grantReadsDenied) return denied(tenant.emptyDeniedCode);
  const resource = who.self
    ? {
        id: tenant.app.servicePrincipalId,
        appId: tenant.app.appId,
        displayName: tenant.app.displayName,
        accountEnabled: true,
        appRoleAssignmentRequired: false,
        appRoles: [],
        oauth2PermissionScopes: [],
        servicePrincipalType: 'Application',
      }
    : resourceSp(tenant, who.resource);
  return {
    status: 200,
    body: { '@odata.context': `${CONTEXT}#servicePrincipals/$entity`, ...select(resource, query) },
  };
}

/** Whose grants a navigation names, or how Graph refuses to list them. */
function grantsOf(
  tenant: SandboxTenant,
  key: string,
): { self: boolean } | { refused: GraphAnswer } {
  const who = principal(tenant, key);
  if (!who) return { refused: notFound(key) };
  if (tenant.grantReadsDenied) return { refused: denied(tenant.emptyDeniedCode) };
  return { self: who.self };
}

export function listAppRoleAssignments(
  req: GraphRequest,
  key: string,
  query: URLSearchParams,
): GraphAnswer {
  const { tenant } = req;
  const who = grantsOf(tenant, key);
  if ('refused' in who) return who.refused;
  const spId = tenant.app.servicePrincipalId;
  const items = who.self
    ? tenant.appRoleAssignments.map((a, n) => ({
        id: `aRa${String(n).padStart(4, '0')}-${spId.slice(0, 8)}`,
        deletedDateTime: null,
        appRoleId: a.appRoleId,
        createdDateTime: '2026-01-05T10:00:00Z',
        principalDisplayName: tenant.app.displayName,
        principalId: spId,
        principalType: 'ServicePrincipal',
        resourceDisplayName: RESOURCE_NAMES[a.resourceAppId],
        resourceId: tenant.resourceServicePrincipalIds[a.resourceAppId],
      }))
    : [];
  return {
    status: 200,
    body: page(req, `${CONTEXT}#servicePrincipals('${spId}')/appRoleAssignments`, items, query),
  };
}

export function listPermissionGrants(
  req: GraphRequest,
  key: string,
  query: URLSearchParams,
): GraphAnswer {
  const { tenant } = req;
  const who = grantsOf(tenant, key);
  if ('refused' in who) return who.refused;
  const user = tenant.users[0];
  const items = who.self
    ? tenant.delegatedGrants.map((g, n) => ({
        clientId: tenant.app.servicePrincipalId,
        consentType: g.consentType,
        id: `grant-${n}-${tenant.app.servicePrincipalId.slice(0, 8)}`,
        principalId: g.consentType === 'Principal' && user ? `oid-${user.upn}` : null,
        resourceId: tenant.resourceServicePrincipalIds[g.resourceAppId],
        // Graph keeps a leading space in stored scopes.
        scope: ` ${g.scope}`,
      }))
    : [];
  return {
    status: 200,
    body: page(req, `${CONTEXT}#oauth2PermissionGrants`, items, query),
  };
}
