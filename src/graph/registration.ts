// The registration as Microsoft Graph shows it, read once per run with an app-only Graph token
// from the same app, in ONE $batch: the application, its service principal, its granted
// application permissions (appRoleAssignments) and delegated grants (oauth2PermissionGrants), and
// the Graph and Exchange Online service principals (to resolve permission names to ids).
// A service principal may read its own application and service principal with no Graph
// permission; the other reads may be refused (403), and each part says so on its own.
// Shared by the permissions, secret-expiry and mailbox checks (memoised per run by the checks'
// context). A new read of the registration is a new request in registrationBatch() and a part here.
import { RESOURCE_APP_IDS } from '../settings/types.js';
import type { BatchAnswer, BatchRequest, GraphClient } from './client.js';
import {
  appRoleAssignmentSchema,
  applicationSchema,
  permissionGrantSchema,
  servicePrincipalSchema,
  type AppRoleAssignment,
  type Application,
  type GraphPart,
  type GraphReadFailure,
  type PermissionGrant,
  type ServicePrincipal,
} from './types.js';
import type { z } from 'zod';

export interface RegistrationRead {
  application?: Application;
  /** Set when the application could not be read. */
  failure?: GraphReadFailure;
  /** The rest of the batch; absent when no Graph token could be had (see `failure`). */
  servicePrincipal?: GraphPart<ServicePrincipal>;
  appRoleAssignments?: GraphPart<AppRoleAssignment[]>;
  permissionGrants?: GraphPart<PermissionGrant[]>;
  resources?: { graph: GraphPart<ServicePrincipal>; exchange: GraphPart<ServicePrincipal> };
}

const APPLICATION_SELECT =
  'id,appId,displayName,requiredResourceAccess,passwordCredentials,keyCredentials,isFallbackPublicClient,signInAudience,web,publicClient';
const SP_SELECT = 'id,appId,displayName,accountEnabled,appRoleAssignmentRequired';
const RESOURCE_SP_SELECT = 'id,appId,displayName,appRoles,oauth2PermissionScopes';

/** The batch's requests. The app's own SP is addressed by appId so no request depends on another. */
export function registrationBatch(clientId: string): BatchRequest[] {
  const self = `/servicePrincipals(appId='${clientId}')`;
  return [
    { id: 'application', url: `/applications(appId='${clientId}')?$select=${APPLICATION_SELECT}` },
    { id: 'servicePrincipal', url: `${self}?$select=${SP_SELECT}` },
    { id: 'appRoleAssignments', url: `${self}/appRoleAssignments` },
    { id: 'permissionGrants', url: `${self}/oauth2PermissionGrants` },
    {
      id: 'graphResource',
      url: `/servicePrincipals(appId='${RESOURCE_APP_IDS.graph}')?$select=${RESOURCE_SP_SELECT}`,
    },
    {
      id: 'exchangeResource',
      url: `/servicePrincipals(appId='${RESOURCE_APP_IDS.exchange}')?$select=${RESOURCE_SP_SELECT}`,
    },
  ];
}

/** Registration lists are short; a listing that keeps paging is not one Graph should send. */
const MAX_PAGES = 50;

export async function readRegistration(
  graph: GraphClient,
  clientId: string,
): Promise<RegistrationRead> {
  const auth = await graph.token();
  if (!auth.ok) return { failure: auth.failure };
  const answers = await graph.batch(registrationBatch(clientId));
  const answer = (id: string): BatchAnswer =>
    answers.get(id) ?? { ok: false, failure: { message: `no answer for ${id}` } };

  const listOf = async <S extends z.ZodType>(id: string, schema: S, what: string) => {
    const a = answer(id);
    if (!a.ok) return a;
    const pages = await graph.all({ firstPage: a.body }, what, MAX_PAGES);
    if (!pages.ok) return pages;
    const items = schema.array().safeParse(pages.value);
    return items.success
      ? { ok: true as const, value: items.data as z.infer<S>[] }
      : unexpected(what);
  };

  const [appRoleAssignments, permissionGrants] = await Promise.all([
    listOf('appRoleAssignments', appRoleAssignmentSchema, 'appRoleAssignments'),
    listOf('permissionGrants', permissionGrantSchema, 'oauth2PermissionGrants'),
  ]);
  const app = entity(answer('application'), applicationSchema, 'the application');
  return {
    ...(app.ok ? { application: app.value } : { failure: app.failure }),
    servicePrincipal: entity(
      answer('servicePrincipal'),
      servicePrincipalSchema,
      'the service principal',
    ),
    appRoleAssignments,
    permissionGrants,
    resources: {
      graph: entity(answer('graphResource'), servicePrincipalSchema, 'the Graph resource'),
      exchange: entity(
        answer('exchangeResource'),
        servicePrincipalSchema,
        'the Exchange Online resource',
      ),
    },
  };
}

function entity<S extends z.ZodType>(
  answer: BatchAnswer,
  schema: S,
  what: string,
): GraphPart<z.infer<S>> {
  if (!answer.ok) return answer;
  const parsed = schema.safeParse(answer.body);
  return parsed.success ? { ok: true, value: parsed.data } : unexpected(what);
}

const unexpected = (what: string) => ({
  ok: false as const,
  failure: { status: 200, message: `Microsoft Graph answered ${what} with an unexpected shape` },
});
