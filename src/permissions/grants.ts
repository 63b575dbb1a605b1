// What the registration shows, read from Graph: which permissions are configured
// (requiredResourceAccess), which application permissions are granted (appRoleAssignments) and
// which delegated ones are consented (oauth2PermissionGrants). Each part is known or not, on its
// own: grant reads may be refused while the application itself is readable.
import type { RegistrationRead } from '../graph/registration.js';
import type { GraphPart, GraphReadFailure } from '../graph/types.js';
import type { PermissionType, ResourceKey } from '../settings/types.js';
import { resourceOfAppId, type PermissionDirectory } from './directory.js';

/** A permission as (resource, type, id): the only safe identity. */
export interface HeldPermission {
  resource: ResourceKey;
  type: PermissionType;
  /** Set for configured and app-role entries. */
  id?: string;
  /** Set for delegated grants (grants carry names) and wherever the directory could name the id. */
  name?: string;
  /** Delegated grant to one user only. */
  oneUser?: boolean;
}

export interface RegistrationEvidence {
  configured: GraphPart<HeldPermission[]>;
  appRoles: GraphPart<HeldPermission[]>;
  delegated: GraphPart<HeldPermission[]>;
}

export function readEvidence(
  read: RegistrationRead,
  dir: PermissionDirectory,
): RegistrationEvidence {
  const configured: GraphPart<HeldPermission[]> = read.application
    ? {
        ok: true,
        value: read.application.requiredResourceAccess.flatMap((rra) => {
          const resource = resourceOfAppId(rra.resourceAppId);
          if (!resource) return [];
          return rra.resourceAccess.map((a) => {
            const type: PermissionType = a.type === 'Role' ? 'application' : 'delegated';
            return { resource, type, id: a.id, name: dir.nameOf(resource, a.id, type) };
          });
        }),
      }
    : { ok: false, failure: read.failure ?? { message: 'the application was not read' } };

  const roles = read.appRoleAssignments;
  const appRoles: GraphPart<HeldPermission[]> = !roles
    ? { ok: false, failure: configuredFailure(read) }
    : !roles.ok
      ? { ok: false, failure: roles.failure }
      : {
          ok: true,
          value: roles.value.flatMap((a) => {
            const resource = dir.resourceOfObjectId(a.resourceId, a.resourceDisplayName);
            if (!resource) return [];
            return [
              {
                resource,
                type: 'application' as const,
                id: a.appRoleId,
                name: dir.nameOf(resource, a.appRoleId, 'application'),
              },
            ];
          }),
        };

  const grants = read.permissionGrants;
  const delegated: GraphPart<HeldPermission[]> = !grants
    ? { ok: false, failure: configuredFailure(read) }
    : !grants.ok
      ? { ok: false, failure: grants.failure }
      : {
          ok: true,
          value: grants.value.flatMap((g) => {
            const resource = dir.resourceOfObjectId(g.resourceId) ?? guessResource(g.scope, dir);
            if (!resource) return [];
            return (g.scope ?? '')
              .split(/\s+/)
              .filter(Boolean)
              .map((name) => ({
                resource,
                type: 'delegated' as const,
                name,
                oneUser: g.consentType !== 'AllPrincipals',
              }));
          }),
        };
  return { configured, appRoles, delegated };
}

const configuredFailure = (read: RegistrationRead): GraphReadFailure =>
  read.failure ?? { message: 'Microsoft Graph was not read' };

/**
 * Grants name their resource only by object id. When the resource service principals could not be
 * read, a grant whose scopes are Graph's delegated permissions is taken as Graph's (the mail
 * delegated permissions count under either resource anyway).
 */
function guessResource(scope: string | null | undefined, dir: PermissionDirectory) {
  const names = (scope ?? '').split(/\s+/).filter(Boolean);
  if (!names.length) return undefined;
  if (names.every((n) => dir.idOf('graph', n, 'delegated').found)) return 'graph' as const;
  if (names.every((n) => dir.idOf('exchange', n, 'delegated').found)) return 'exchange' as const;
  return undefined;
}
