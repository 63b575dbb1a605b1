// Microsoft Graph for the sandbox tenant: a dispatcher over the route modules in ../graph/.
import { graphCaller } from '../graph/auth.js';
import { getApplication } from '../graph/applications.js';
import { listApplications } from '../graph/tenant-apps.js';
import { answerBatch } from '../graph/batch.js';
import {
  getServicePrincipal,
  listAppRoleAssignments,
  listPermissionGrants,
} from '../graph/service-principals.js';
import type { SandboxTenant } from '../tenant.js';
import {
  assignAppRole,
  createFederatedCredential,
  createPermissionGrant,
  createServicePrincipal,
  listFederatedCredentials,
  patchApplication,
  updatePermissionGrant,
} from '../graph/admin-writes.js';
import { graphError } from '../graph/errors.js';

export interface GraphRequest {
  method: string;
  /** Path after the version segment, with query, e.g. /applications(appId='...')?$select=... */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  tenant: SandboxTenant;
  /** The bearer token's decoded claims. */
  claims?: Record<string, unknown>;
}

export interface GraphAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Route = {
  method: string;
  pattern: RegExp;
  answer: (req: GraphRequest, match: RegExpExecArray, query: URLSearchParams) => GraphAnswer;
};

const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: /^\/applications\(appId='([^']+)'\)$/,
    answer: (req, m, q) => getApplication(req.tenant, decodeURIComponent(m[1]!), q),
  },
  { method: 'GET', pattern: /^\/applications$/, answer: (req, _m, q) => listApplications(req, q) },
  {
    method: 'POST',
    pattern: /^\/\$batch$/,
    answer: (req) => answerBatch(req, answerGraphRequest),
  },
  {
    method: 'GET',
    pattern: /^\/servicePrincipals(?:\((appId='[^']+')\)|\/([0-9a-f-]{36}))$/i,
    answer: (req, m, q) => getServicePrincipal(req, m[1] ?? m[2]!, q),
  },
  {
    method: 'GET',
    pattern: /^\/servicePrincipals(?:\((appId='[^']+')\)|\/([0-9a-f-]{36}))\/appRoleAssignments$/i,
    answer: (req, m, q) => listAppRoleAssignments(req, m[1] ?? m[2]!, q),
  },
  {
    method: 'GET',
    pattern:
      /^\/servicePrincipals(?:\((appId='[^']+')\)|\/([0-9a-f-]{36}))\/oauth2PermissionGrants$/i,
    answer: (req, m, q) => listPermissionGrants(req, m[1] ?? m[2]!, q),
  },
  // The setup assistant's reads and writes (sandbox/graph/admin-writes.ts).
  {
    method: 'PATCH',
    pattern: /^\/applications\/([0-9a-f-]{36})$/i,
    answer: (req, m) => patchApplication(req, m[1]!),
  },
  {
    method: 'GET',
    pattern:
      /^\/applications(?:\((appId='[^']+')\)|\/([0-9a-f-]{36}))\/federatedIdentityCredentials$/i,
    answer: (req, m) => listFederatedCredentials(req, m[1] ?? m[2]!),
  },
  {
    method: 'POST',
    pattern:
      /^\/applications(?:\((appId='[^']+')\)|\/([0-9a-f-]{36}))\/federatedIdentityCredentials$/i,
    answer: (req, m) => createFederatedCredential(req, m[1] ?? m[2]!),
  },
  {
    method: 'POST',
    pattern: /^\/servicePrincipals$/,
    answer: (req) => createServicePrincipal(req),
  },
  {
    method: 'POST',
    pattern: /^\/servicePrincipals\/([0-9a-f-]{36})\/appRoleAssignments$/i,
    answer: (req, m) => assignAppRole(req, m[1]!),
  },
  {
    method: 'POST',
    pattern: /^\/oauth2PermissionGrants$/,
    answer: (req) => createPermissionGrant(req),
  },
  {
    method: 'PATCH',
    pattern: /^\/oauth2PermissionGrants\/([^/]+)$/,
    answer: (req, m) => updatePermissionGrant(req, m[1]!),
  },
];

export function answerGraphRequest(req: GraphRequest): GraphAnswer {
  const caller = graphCaller(req);
  if (!caller.ok) return caller.answer;
  const [pathOnly, queryString = ''] = req.path.split('?');
  const path = decodeURIComponent(pathOnly!);
  for (const route of ROUTES) {
    const match = route.method === req.method ? route.pattern.exec(path) : null;
    if (match) return route.answer(req, match, new URLSearchParams(queryString));
  }
  return graphError(404, 'Request_ResourceNotFound', `Resource '${path}' does not exist.`);
}
