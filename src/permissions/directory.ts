// Permission names ↔ ids for one tenant: read from the resource service principals (appRoles,
// oauth2PermissionScopes) when Graph let the check see them, else the built-in table. Ids are
// only ever compared together with their resource: Graph and Exchange share some ids.
import type { RegistrationRead } from '../graph/registration.js';
import type { ServicePrincipal } from '../graph/types.js';
import { RESOURCE_APP_IDS, type PermissionType, type ResourceKey } from '../settings/types.js';
import { BUILTIN_IDS, RESOURCE_NAMES } from './builtin-ids.js';

export type IdLookup =
  | { found: true; id: string; source: 'tenant' | 'built-in' }
  /** The tenant's resource lists no such permission (a typo, or the wrong type). */
  | { found: false; known: true }
  /** Neither the tenant nor the built-in table could say. */
  | { found: false; known: false };

export interface PermissionDirectory {
  idOf(resource: ResourceKey, name: string, type: PermissionType): IdLookup;
  nameOf(resource: ResourceKey, id: string, type: PermissionType): string | undefined;
  /** The resource a service principal OBJECT id (appRoleAssignment/grant resourceId) belongs to. */
  resourceOfObjectId(objectId: string, displayName?: string | null): ResourceKey | undefined;
  /** Where the names came from, per resource. */
  source: Record<ResourceKey, 'tenant' | 'built-in'>;
}

const RESOURCES: ResourceKey[] = ['graph', 'exchange'];

export function resourceOfAppId(appId: string): ResourceKey | undefined {
  return RESOURCES.find((r) => RESOURCE_APP_IDS[r] === appId.toLowerCase());
}

export function buildDirectory(read: RegistrationRead): PermissionDirectory {
  const sps: Partial<Record<ResourceKey, ServicePrincipal>> = {};
  if (read.resources?.graph.ok) sps.graph = read.resources.graph.value;
  if (read.resources?.exchange.ok) sps.exchange = read.resources.exchange.value;

  const tenantList = (resource: ResourceKey, type: PermissionType) => {
    const sp = sps[resource];
    if (!sp) return undefined;
    const entries = type === 'application' ? sp.appRoles : sp.oauth2PermissionScopes;
    return entries.filter((e) => e.value && e.isEnabled !== false) as {
      id: string;
      value: string;
    }[];
  };

  return {
    source: {
      graph: sps.graph ? 'tenant' : 'built-in',
      exchange: sps.exchange ? 'tenant' : 'built-in',
    },
    idOf(resource, name, type) {
      const lower = name.toLowerCase();
      const list = tenantList(resource, type);
      if (list) {
        const hit = list.find((e) => e.value.toLowerCase() === lower);
        return hit ? { found: true, id: hit.id, source: 'tenant' } : { found: false, known: true };
      }
      const table = BUILTIN_IDS[resource][type];
      const key = Object.keys(table).find((k) => k.toLowerCase() === lower);
      return key
        ? { found: true, id: table[key]!, source: 'built-in' }
        : { found: false, known: false };
    },
    nameOf(resource, id, type) {
      const lower = id.toLowerCase();
      const list = tenantList(resource, type);
      const fromTenant = list?.find((e) => e.id.toLowerCase() === lower)?.value;
      if (fromTenant) return fromTenant;
      const table = BUILTIN_IDS[resource][type];
      return Object.keys(table).find((k) => table[k]!.toLowerCase() === lower);
    },
    resourceOfObjectId(objectId, displayName) {
      const lower = objectId.toLowerCase();
      const byId = RESOURCES.find((r) => sps[r]?.id.toLowerCase() === lower);
      if (byId) return byId;
      // The resource SPs could not be read: their display names are fixed by Microsoft.
      return RESOURCES.find((r) => !sps[r] && displayName === RESOURCE_NAMES[r]);
    },
  };
}
