// The Graph writes the setup assistant makes, with the validation and the refusals Graph answers:
// an administrator's delegated token must carry the permission in `scp` AND the signed-in user
// must hold a directory role that the operation accepts. Both missing look the same to the caller:
// 403 Authorization_RequestDenied "Insufficient privileges to complete the operation." (a refused
// appRoleAssignedTo write as a user reported it: https://github.com/microsoftgraph/microsoft-graph-docs/issues/12833).
//
// Permissions and roles per operation, from Microsoft's pages:
// - PATCH application, POST servicePrincipals, POST federatedIdentityCredentials: delegated
//   Application.ReadWrite.All; roles Application Administrator, Cloud Application Administrator
//   https://learn.microsoft.com/graph/api/application-update#permissions ,
//   https://learn.microsoft.com/graph/api/serviceprincipal-post-serviceprincipals#permissions ,
//   https://learn.microsoft.com/graph/api/application-post-federatedidentitycredentials#permissions
// - POST servicePrincipals/{id}/appRoleAssignments: AppRoleAssignment.ReadWrite.All and
//   Application.Read.All; Privileged Role Administrator is the least privileged role for
//   Microsoft Graph app roles, Application / Cloud Application Administrator for other APIs
//   https://learn.microsoft.com/graph/api/serviceprincipal-post-approleassignments#permissions ,
//   https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent#prerequisites
// - POST / PATCH oauth2PermissionGrants: DelegatedPermissionGrant.ReadWrite.All; roles
//   Application Administrator, Application Developer, Cloud Application Administrator,
//   Directory Writers, Privileged Role Administrator, User Administrator
//   https://learn.microsoft.com/graph/api/oauth2permissiongrant-post#permissions
// Duplicate-write answers as users pasted them: 409 Request_MultipleObjectsWithSameKeyValue
// "Permission entry already exists." for a second AllPrincipals grant
// (https://github.com/hashicorp/terraform-provider-azuread/issues/690); 400 Request_BadRequest
// "Permission being assigned already exists on the object." for a second app role assignment
// (quoted in public code; no Microsoft page). Other validation texts are the sandbox's own.
import { randomUUID } from 'node:crypto';
import '../assistant-tenant.js';
import type { SandboxFederatedCredential } from '../assistant-tenant.js';
import { ROLE } from '../assistant-tenant.js';
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
import { denied, graphError, notFound } from './errors.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const APP_WRITERS = [ROLE.app, ROLE.cloudApp, ROLE.global];
const GRANT_WRITERS = [
  ROLE.app,
  ROLE.cloudApp,
  ROLE.privileged,
  ROLE.global,
  'Application Developer',
  'Directory Writers',
  'User Administrator',
];

/** The caller's delegated scopes and the directory roles of the signed-in user. */
function caller(req: GraphRequest): { scopes: Set<string>; roles: Set<string> } {
  const scp = typeof req.claims?.scp === 'string' ? req.claims.scp : '';
  const upn = typeof req.claims?.upn === 'string' ? req.claims.upn : '';
  const admin = req.tenant.admins?.find((a) => a.upn === upn);
  return { scopes: new Set(scp.split(/\s+/).filter(Boolean)), roles: new Set(admin?.roles ?? []) };
}

function allowed(req: GraphRequest, anyScope: string[][], roles: readonly string[]): boolean {
  const who = caller(req);
  const scoped = anyScope.some((all) => all.every((s) => who.scopes.has(s)));
  return scoped && roles.some((r) => who.roles.has(r));
}

function body(req: GraphRequest): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(req.body);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A body field as text; anything but a string is ''. */
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

const badRequest = (message: string) => graphError(400, 'Request_BadRequest', message);
const unreadable = () =>
  badRequest(
    'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
  );

const APP_SCOPES = [['Application.ReadWrite.All'], ['Directory.AccessAsUser.All']];

export function patchApplication(req: GraphRequest, objectId: string): GraphAnswer {
  const { tenant } = req;
  if (objectId.toLowerCase() !== tenant.app.objectId) return notFound(objectId);
  if (!allowed(req, APP_SCOPES, APP_WRITERS)) return denied();
  const b = body(req);
  if (!b) return unreadable();
  for (const key of Object.keys(b)) {
    if (key !== 'requiredResourceAccess')
      return badRequest(
        `The sandbox accepts only requiredResourceAccess in a PATCH, not '${key}'.`,
      );
  }
  const rra = b.requiredResourceAccess;
  const valid =
    Array.isArray(rra) &&
    rra.every(
      (r: unknown) =>
        !!r &&
        typeof r === 'object' &&
        GUID.test(String((r as Record<string, unknown>).resourceAppId)) &&
        Array.isArray((r as Record<string, unknown>).resourceAccess) &&
        (r as { resourceAccess: unknown[] }).resourceAccess.every(
          (a) =>
            !!a &&
            typeof a === 'object' &&
            GUID.test(String((a as Record<string, unknown>).id)) &&
            ['Scope', 'Role'].includes(String((a as Record<string, unknown>).type)),
        ),
    );
  if (!valid)
    return badRequest(
      "Invalid value specified for property 'requiredResourceAccess' of resource 'Application'.",
    );
  tenant.app.requiredResourceAccess = structuredClone(
    rra,
  ) as SandboxTenant['app']['requiredResourceAccess'];
  return { status: 204, body: '' };
}

export function createServicePrincipal(req: GraphRequest): GraphAnswer {
  const { tenant } = req;
  if (!allowed(req, APP_SCOPES, APP_WRITERS)) return denied();
  const b = body(req);
  if (!b) return unreadable();
  const appId = str(b.appId).toLowerCase();
  if (!GUID.test(appId)) return badRequest("Property 'appId' is required and must be a GUID.");
  if (appId !== tenant.app.appId) return notFound(appId);
  if (!tenant.servicePrincipalMissing)
    // Wording UNCONFIRMED: the assistant only creates a principal its read found missing.
    return graphError(
      409,
      'Request_MultipleObjectsWithSameKeyValue',
      'The service principal cannot be created, updated, or restored because the service principal name is already in use.',
    );
  tenant.servicePrincipalMissing = false;
  return {
    status: 201,
    body: {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity',
      id: tenant.app.servicePrincipalId,
      appId: tenant.app.appId,
      displayName: tenant.app.displayName,
      accountEnabled: true,
      appRoleAssignmentRequired: false,
      servicePrincipalType: 'Application',
    },
  };
}

const ROLES_OF: Record<ResourceAppId, Record<string, string>> = {
  [GRAPH_APP_ID]: GRAPH_ROLES,
  [EXCHANGE_APP_ID]: EXCHANGE_ROLES,
};
const SCOPES_OF: Record<ResourceAppId, Record<string, string>> = {
  [GRAPH_APP_ID]: GRAPH_SCOPES,
  [EXCHANGE_APP_ID]: EXCHANGE_SCOPES,
};

function resourceByObjectId(tenant: SandboxTenant, id: string): ResourceAppId | undefined {
  return (Object.keys(tenant.resourceServicePrincipalIds) as ResourceAppId[]).find(
    (appId) => tenant.resourceServicePrincipalIds[appId] === id.toLowerCase(),
  );
}

export function assignAppRole(req: GraphRequest, spId: string): GraphAnswer {
  const { tenant } = req;
  if (spId.toLowerCase() !== tenant.app.servicePrincipalId || tenant.servicePrincipalMissing)
    return notFound(spId);
  const b = body(req);
  if (!b) return unreadable();
  const resource = resourceByObjectId(tenant, str(b.resourceId));
  if (!resource) return notFound(str(b.resourceId));
  // Microsoft Graph's app roles need Privileged Role Administrator; other APIs' accept app admins.
  const roles =
    resource === GRAPH_APP_ID
      ? [ROLE.privileged, ROLE.global]
      : [ROLE.privileged, ROLE.global, ROLE.app, ROLE.cloudApp];
  const scopes = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All'].map(
    (read) => ['AppRoleAssignment.ReadWrite.All', read],
  );
  if (!allowed(req, scopes, roles)) return denied();
  if (str(b.principalId).toLowerCase() !== tenant.app.servicePrincipalId)
    return badRequest(
      'The principalId must be the service principal the assignment is created on.',
    );
  const appRoleId = str(b.appRoleId).toLowerCase();
  if (!Object.values(ROLES_OF[resource]).includes(appRoleId))
    return badRequest('Permission being assigned was not found on application');
  if (
    tenant.appRoleAssignments.some((a) => a.resourceAppId === resource && a.appRoleId === appRoleId)
  )
    return badRequest('Permission being assigned already exists on the object.');
  tenant.appRoleAssignments.push({ resourceAppId: resource, appRoleId });
  return {
    status: 201,
    body: {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#servicePrincipals('${spId}')/appRoleAssignments/$entity`,
      id: randomUUID().replace(/-/g, '').slice(0, 27),
      appRoleId,
      createdDateTime: new Date().toISOString(),
      principalDisplayName: tenant.app.displayName,
      principalId: tenant.app.servicePrincipalId,
      principalType: 'ServicePrincipal',
      resourceId: tenant.resourceServicePrincipalIds[resource],
    },
  };
}

const GRANT_SCOPES = [
  ['DelegatedPermissionGrant.ReadWrite.All'],
  ['Directory.ReadWrite.All'],
  ['Directory.AccessAsUser.All'],
];

/** The id the sandbox's list answers for grant n (service-principals.ts). */
const grantId = (tenant: SandboxTenant, n: number) =>
  `grant-${n}-${tenant.app.servicePrincipalId.slice(0, 8)}`;

function validScopes(resource: ResourceAppId, scope: string): boolean {
  const names = scope.split(/\s+/).filter(Boolean);
  return names.length > 0 && names.every((n) => n in SCOPES_OF[resource]);
}

export function createPermissionGrant(req: GraphRequest): GraphAnswer {
  const { tenant } = req;
  if (!allowed(req, GRANT_SCOPES, GRANT_WRITERS)) return denied();
  const b = body(req);
  if (!b) return unreadable();
  if (
    str(b.clientId).toLowerCase() !== tenant.app.servicePrincipalId ||
    tenant.servicePrincipalMissing
  )
    return notFound(str(b.clientId));
  const resource = resourceByObjectId(tenant, str(b.resourceId));
  if (!resource) return notFound(str(b.resourceId));
  if (b.consentType !== 'AllPrincipals' || (b.principalId !== undefined && b.principalId !== null))
    return badRequest(
      'The sandbox creates tenant-wide grants only: consentType AllPrincipals, no principalId.',
    );
  const scope = str(b.scope).trim();
  if (!validScopes(resource, scope)) return badRequest(`Invalid scope value '${scope}'.`);
  if (
    tenant.delegatedGrants.some(
      (g) => g.resourceAppId === resource && g.consentType === 'AllPrincipals',
    )
  )
    return graphError(
      409,
      'Request_MultipleObjectsWithSameKeyValue',
      'Permission entry already exists.',
    );
  tenant.delegatedGrants.push({ resourceAppId: resource, scope, consentType: 'AllPrincipals' });
  const n = tenant.delegatedGrants.length - 1;
  return {
    status: 201,
    body: {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#oauth2PermissionGrants/$entity',
      id: grantId(tenant, n),
      clientId: tenant.app.servicePrincipalId,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: tenant.resourceServicePrincipalIds[resource],
      scope,
    },
  };
}

export function updatePermissionGrant(req: GraphRequest, id: string): GraphAnswer {
  const { tenant } = req;
  const n = tenant.delegatedGrants.findIndex((_, i) => grantId(tenant, i) === id);
  if (n < 0) return notFound(id);
  if (!allowed(req, GRANT_SCOPES, GRANT_WRITERS)) return denied();
  const b = body(req);
  if (!b) return unreadable();
  const keys = Object.keys(b);
  if (keys.length !== 1 || keys[0] !== 'scope')
    return badRequest('The sandbox accepts only scope in a PATCH of a grant.');
  const grant = tenant.delegatedGrants[n]!;
  const scope = str(b.scope).trim();
  if (!validScopes(grant.resourceAppId, scope))
    return badRequest(`Invalid scope value '${scope}'.`);
  grant.scope = scope;
  return { status: 204, body: '' };
}

function appKey(tenant: SandboxTenant, key: string): boolean {
  const appId = /^appId='([^']+)'$/.exec(key)?.[1]?.toLowerCase();
  return appId ? appId === tenant.app.appId : key.toLowerCase() === tenant.app.objectId;
}

export function listFederatedCredentials(req: GraphRequest, key: string): GraphAnswer {
  const { tenant } = req;
  if (!appKey(tenant, key)) return notFound(key);
  return {
    status: 200,
    body: {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#applications('${tenant.app.objectId}')/federatedIdentityCredentials`,
      value: tenant.federatedCredentials ?? [],
    },
  };
}

export function createFederatedCredential(req: GraphRequest, key: string): GraphAnswer {
  const { tenant } = req;
  if (!appKey(tenant, key)) return notFound(key);
  if (!allowed(req, APP_SCOPES, APP_WRITERS)) return denied();
  const b = body(req);
  if (!b) return unreadable();
  // Required properties and limits: https://learn.microsoft.com/graph/api/application-post-federatedidentitycredentials#request-body
  const name = str(b.name);
  const issuer = str(b.issuer);
  const subject = str(b.subject);
  const audiences = b.audiences;
  if (!name || name.length > 120 || !/^[A-Za-z0-9._~-]+$/.test(name))
    return badRequest("Property 'name' is required: at most 120 URL-friendly characters.");
  if (!issuer || issuer.length > 600)
    return badRequest("Property 'issuer' is required (at most 600 characters).");
  if (!subject || subject.length > 600)
    return badRequest("Property 'subject' is required (at most 600 characters).");
  if (!Array.isArray(audiences) || audiences.length !== 1 || typeof audiences[0] !== 'string')
    return badRequest("Property 'audiences' must hold exactly one value.");
  const list = (tenant.federatedCredentials ??= []);
  if (list.length >= 20)
    return badRequest('An application can have at most 20 federated identity credentials.');
  if (list.some((f) => f.name === name || (f.issuer === issuer && f.subject === subject)))
    // Wording UNCONFIRMED; the documented rule is that name, and issuer with subject, are unique.
    return graphError(
      409,
      'Request_MultipleObjectsWithSameKeyValue',
      'A federated identity credential with this name or issuer and subject already exists.',
    );
  const created: SandboxFederatedCredential = {
    id: randomUUID(),
    name,
    issuer,
    subject,
    audiences: [audiences[0]],
    description: typeof b.description === 'string' ? b.description : null,
  };
  list.push(created);
  return {
    status: 201,
    body: {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#applications('${tenant.app.objectId}')/federatedIdentityCredentials/$entity`,
      ...created,
    },
  };
}
