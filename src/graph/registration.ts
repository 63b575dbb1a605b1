// The registration as Microsoft Graph shows it, read once per run with an app-only Graph token
// from the same app, in ONE $batch: the application, its service principal, its granted
// application permissions (appRoleAssignments) and delegated grants (oauth2PermissionGrants), and
// the Graph and Exchange Online service principals (to resolve permission names to ids).
// A service principal may read its own application and service principal with no Graph
// permission; the other reads may be refused (403), and each part says so on its own.
// Shared by the permissions and secret-expiry checks.
import type { RunContext } from '../engine/context.js';
import { getGraphToken } from '../identity/tokens.js';
import { RESOURCE_APP_IDS } from '../permissions/builtin-ids.js';
import { sendBatch, type BatchAnswer, type BatchRequest } from './batch.js';
import { readAllPages } from './paging.js';
import {
  appRoleAssignmentSchema,
  applicationSchema,
  federatedCredentialSchema,
  type FederatedCredential,
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
  /** The app's federated identity credentials: read only when the run signs in with federation. */
  federatedCredentials?: GraphPart<FederatedCredential[]>;
}

export const APPLICATION_SELECT =
  'id,appId,displayName,requiredResourceAccess,passwordCredentials,keyCredentials,isFallbackPublicClient,signInAudience';
const SP_SELECT = 'id,appId,displayName,accountEnabled,appRoleAssignmentRequired';
const RESOURCE_SP_SELECT = 'id,appId,displayName,appRoles,oauth2PermissionScopes';

/** The batch's requests. The app's own SP is addressed by appId so no request depends on another. */
export function registrationBatch(clientId: string, federated = false): BatchRequest[] {
  const self = `/servicePrincipals(appId='${clientId}')`;
  return [
    // Federation: the app's federated credentials, in the same batch (no extra round trip).
    ...(federated
      ? [
          {
            id: 'federatedCredentials',
            url: `/applications(appId='${clientId}')/federatedIdentityCredentials`,
          },
        ]
      : []),
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

export function getRegistration(ctx: RunContext): Promise<RegistrationRead> {
  return ctx.once('registration', async () => {
    const token = await getGraphToken(ctx);
    if (!token)
      return {
        failure: {
          message:
            'no client secret, certificate or federated token was given, so Microsoft Graph could not be read',
        },
      };
    if (!token.ok)
      return {
        failure: { message: `no Graph token: ${token.failure.summary}`, code: token.failure.code },
      };
    const accessToken = token.token.accessToken;
    const federated = ctx.settings.clientAuth === 'federated';
    const answers = await sendBatch(
      ctx,
      accessToken,
      registrationBatch(ctx.settings.clientId, federated),
    );
    await retryByObjectId(ctx, accessToken, answers);
    const answer = (id: string): BatchAnswer =>
      answers.get(id) ?? { ok: false, failure: { message: `no answer for ${id}` } };

    const listOf = async <S extends z.ZodType>(id: string, schema: S, what: string) => {
      const a = answer(id);
      if (!a.ok) return a;
      const pages = await readAllPages(ctx, accessToken, a.body, what);
      if (!pages.ok) return pages;
      const items = schema.array().safeParse(pages.value);
      return items.success
        ? { ok: true as const, value: items.data as z.infer<S>[] }
        : unexpected(what);
    };

    const [appRoleAssignments, permissionGrants, federatedCredentials] = await Promise.all([
      listOf('appRoleAssignments', appRoleAssignmentSchema, 'appRoleAssignments'),
      listOf('permissionGrants', permissionGrantSchema, 'oauth2PermissionGrants'),
      federated
        ? listOf('federatedCredentials', federatedCredentialSchema, 'federatedIdentityCredentials')
        : undefined,
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
      ...(federatedCredentials ? { federatedCredentials } : {}),
      resources: {
        graph: entity(answer('graphResource'), servicePrincipalSchema, 'the Graph resource'),
        exchange: entity(
          answer('exchangeResource'),
          servicePrincipalSchema,
          'the Exchange Online resource',
        ),
      },
    };
  });
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

const NAVIGATIONS = {
  appRoleAssignments: 'appRoleAssignments',
  permissionGrants: 'oauth2PermissionGrants',
};

/**
 * Addressing the app's grants through `servicePrincipals(appId='...')` saves the round trip that
 * would first look up the service principal's object id; some reports say Graph does not always
 * accept that form for navigation properties. When it answers 400/404 for them while the service
 * principal itself was read, ask again by object id (a second round trip only in that case).
 */
async function retryByObjectId(
  ctx: RunContext,
  accessToken: string,
  answers: Map<string, BatchAnswer>,
): Promise<void> {
  const sp = answers.get('servicePrincipal');
  const spId = sp?.ok ? servicePrincipalSchema.safeParse(sp.body).data?.id : undefined;
  if (!spId) return;
  const again = (Object.keys(NAVIGATIONS) as (keyof typeof NAVIGATIONS)[]).filter((id) => {
    const a = answers.get(id);
    return a && !a.ok && (a.failure.status === 400 || a.failure.status === 404);
  });
  if (!again.length) return;
  const retried = await sendBatch(
    ctx,
    accessToken,
    again.map((id) => ({ id, url: `/servicePrincipals/${spId}/${NAVIGATIONS[id]}` })),
  );
  for (const [id, answer] of retried) answers.set(id, answer);
}
