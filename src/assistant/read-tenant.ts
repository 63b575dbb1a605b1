// What the tenant shows of the registration, read with the administrator's token: the application,
// its service principal (the Enterprise application), the grants on it, its federated credentials,
// and the Graph and Exchange Online service principals that give permission names their ids.
// Each part is known or not on its own: a refused read makes the steps that need it "cannot tell".
// Requests: https://learn.microsoft.com/graph/api/application-get ,
// https://learn.microsoft.com/graph/api/serviceprincipal-get ,
// https://learn.microsoft.com/graph/api/serviceprincipal-list-approleassignments ,
// https://learn.microsoft.com/graph/api/serviceprincipal-list-oauth2permissiongrants ,
// https://learn.microsoft.com/graph/api/application-list-federatedidentitycredentials
import { z } from 'zod';
import {
  appRoleAssignmentSchema,
  applicationSchema,
  permissionGrantSchema,
  servicePrincipalSchema,
  type AppRoleAssignment,
  type Application,
  type PermissionGrant,
  type ServicePrincipal,
} from '../graph/types.js';
import { RESOURCE_APP_IDS, type ResourceKey } from '../settings/types.js';
import type { GraphClient } from '../graph/client.js';

const federatedCredentialSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  issuer: z.string(),
  subject: z.string().nullable().optional(),
  audiences: z.array(z.string()).default([]),
});
export type FederatedCredential = z.infer<typeof federatedCredentialSchema>;

/** A part of the read: its value, absent (404), or unknown with the reason. */
export type Part<T> =
  { state: 'found'; value: T } | { state: 'absent' } | { state: 'unknown'; reason: string };

export interface TenantRead {
  application: Part<Application>;
  servicePrincipal: Part<ServicePrincipal>;
  appRoleAssignments: Part<AppRoleAssignment[]>;
  permissionGrants: Part<PermissionGrant[]>;
  federatedCredentials: Part<FederatedCredential[]>;
  resources: Record<ResourceKey, Part<ServicePrincipal>>;
}

const APP_SELECT =
  'id,appId,displayName,requiredResourceAccess,passwordCredentials,keyCredentials,isFallbackPublicClient';
const RESOURCE_SELECT = 'id,appId,displayName,appRoles,oauth2PermissionScopes';

export async function readTenant(graph: GraphClient, clientId: string): Promise<TenantRead> {
  const app = `/applications(appId='${clientId}')`;
  const [application, servicePrincipal, graphSp, exchangeSp, federatedCredentials] =
    await Promise.all([
      entity(graph, `${app}?$select=${APP_SELECT}`, applicationSchema),
      entity(
        graph,
        `/servicePrincipals(appId='${clientId}')?$select=id,appId,displayName`,
        servicePrincipalSchema,
      ),
      entity(
        graph,
        `/servicePrincipals(appId='${RESOURCE_APP_IDS.graph}')?$select=${RESOURCE_SELECT}`,
        servicePrincipalSchema,
      ),
      entity(
        graph,
        `/servicePrincipals(appId='${RESOURCE_APP_IDS.exchange}')?$select=${RESOURCE_SELECT}`,
        servicePrincipalSchema,
      ),
      collection(graph, `${app}/federatedIdentityCredentials`, federatedCredentialSchema),
    ]);
  let appRoleAssignments: Part<AppRoleAssignment[]>;
  let permissionGrants: Part<PermissionGrant[]>;
  if (servicePrincipal.state === 'found') {
    const sp = `/servicePrincipals/${servicePrincipal.value.id}`;
    [appRoleAssignments, permissionGrants] = await Promise.all([
      collection(graph, `${sp}/appRoleAssignments`, appRoleAssignmentSchema),
      collection(graph, `${sp}/oauth2PermissionGrants`, permissionGrantSchema),
    ]);
  } else if (servicePrincipal.state === 'absent') {
    // No service principal: nothing can have been granted to it.
    appRoleAssignments = { state: 'found', value: [] };
    permissionGrants = { state: 'found', value: [] };
  } else {
    appRoleAssignments = permissionGrants = { state: 'unknown', reason: servicePrincipal.reason };
  }
  return {
    application,
    servicePrincipal,
    appRoleAssignments,
    permissionGrants,
    federatedCredentials,
    resources: { graph: graphSp, exchange: exchangeSp },
  };
}

async function entity<S extends z.ZodType>(
  graph: GraphClient,
  path: string,
  schema: S,
): Promise<Part<z.infer<S>>> {
  const what = path.split('?')[0]!;
  const read = await graph.get(path, what);
  if (!read.ok)
    return read.failure.status === 404
      ? { state: 'absent' }
      : { state: 'unknown', reason: read.failure.message };
  const parsed = schema.safeParse(read.value);
  return parsed.success
    ? { state: 'found', value: parsed.data }
    : { state: 'unknown', reason: `Microsoft Graph answered ${what} with an unexpected shape` };
}

async function collection<S extends z.ZodType>(
  graph: GraphClient,
  path: string,
  schema: S,
): Promise<Part<z.infer<S>[]>> {
  // A list cut short would make granted permissions look missing: a failure on any page is
  // "cannot tell", never a shorter list (GraphClient.all stops at a foreign-host next page).
  const listed = await graph.all({ url: path }, path, 100);
  if (!listed.ok)
    return listed.failure.status === 404
      ? { state: 'absent' }
      : { state: 'unknown', reason: listed.failure.message };
  const parsed = schema.array().safeParse(listed.value);
  return parsed.success
    ? { state: 'found', value: parsed.data }
    : { state: 'unknown', reason: `Microsoft Graph answered ${path} with an unexpected shape` };
}
