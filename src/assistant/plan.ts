// The setup plan: every step the connector's manual asks for, for the chosen grant, activities,
// read protocol and client authentication, each as done / missing / cannot tell, with the Graph
// writes that do a missing Entra step and, for people who prefer to do it by hand, the portal
// path, the Graph request, the `az` line and the Microsoft Graph PowerShell line with the
// tenant's IDs filled in. Exchange Online steps cannot be read or done through Graph: they are
// printed as Exchange Online PowerShell, with the service principal's object id (the Enterprise
// application's, not the registration's).
//
// Only additions: a write adds the permissions, grants and credential the plan lists and never
// removes or widens anything else. requiredResourceAccess is replaced as a whole by PATCH
// (https://learn.microsoft.com/graph/api/application-update), so the body is the registration's
// current list with the missing entries appended. A grant that exists for the same resource is
// updated with its current scopes plus the missing ones: Graph keeps one AllPrincipals grant per
// client and resource (https://github.com/hashicorp/terraform-provider-azuread/issues/690).
import { buildDirectory, type PermissionDirectory } from '../permissions/directory.js';
import { requiredPermissions, type Requirement } from '../permissions/catalogue.js';
import { RESOURCE_NAMES } from '../permissions/builtin-ids.js';
import type {
  Activity,
  Grant,
  PermissionRef,
  PermissionsProfile,
  ReadProtocol,
  ResourceKey,
} from '../settings/types.js';
import { RESOURCE_APP_IDS } from '../settings/types.js';
import type { Part, TenantRead } from './read-tenant.js';
import {
  graphId,
  psLiteral,
  shLiteral,
  shWord,
  showsUnexpectedId,
  UNEXPECTED_ID_NOTE,
} from '../text/command-values.js';

export type ClientAuth = 'secret' | 'certificate' | 'federated';
export type StepStatus = 'done' | 'missing' | 'unknown';

/** What to set up: the app, the grant and the activities; the CLI's arguments carry these too. */
export interface AssistantTarget {
  tenantId: string;
  clientId: string;
  grant: Grant;
  activities: Activity[];
  readProtocol: ReadProtocol;
  permissionsProfile: PermissionsProfile;
  extraPermissions: PermissionRef[];
  clientAuth: ClientAuth;
  /** The mailbox the connector opens (UPN), for the Exchange commands. */
  mailbox: string;
}

export interface AssistantOptions extends AssistantTarget {
  /** GitHub repository (OWNER/REPO) and environment or branch, for a federated credential. */
  federation: {
    repository: string;
    environment: string;
    branch: string;
    audience: string;
    /** Given verbatim: overrides the default subject. */
    subject?: string;
  };
  now: Date;
  /** Microsoft Graph's v1.0 root of the tenant's cloud, for the printed requests. */
  graphUrl: string;
}

/** What the administrator needs for a write: the delegated permission and a directory role. */
export interface WriteNeeds {
  permission: string;
  roles: string[];
}

export interface PlannedWrite {
  method: 'POST' | 'PATCH';
  /** Relative to the version segment, e.g. /servicePrincipals */
  path: string;
  body: unknown;
  /** One line: what the write does. */
  what: string;
  needs: WriteNeeds;
  /** Set on the write that creates the service principal: later paths use its id. */
  createsServicePrincipal?: boolean;
}

export interface StepCommands {
  portal: string;
  graph: string[];
  az: string[];
  powershell: string[];
}

export interface PlanStep {
  id: string;
  title: string;
  status: StepStatus;
  /** What is missing, or why it cannot be told. */
  detail: string;
  /** Graph writes that do the step (Entra steps the assistant can apply). */
  writes: PlannedWrite[];
  /** By-hand commands, for a missing step. */
  commands?: StepCommands;
  /** Exchange Online PowerShell lines (Exchange steps). */
  exchange?: string[];
}

export interface Plan {
  tenantId: string;
  clientId: string;
  applicationObjectId?: string;
  servicePrincipalId?: string;
  steps: PlanStep[];
}

/** Written where a value exists only after an earlier write of the same apply. */
export const NEW_SP = '{servicePrincipalId}';
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** Least-privileged delegated permission and the roles Microsoft lists for each kind of write (see sandbox/graph/admin-writes.ts for the pages). */
export const NEEDS = {
  application: {
    permission: 'Application.ReadWrite.All',
    roles: ['Application Administrator', 'Cloud Application Administrator'],
  },
  graphAppRole: {
    permission: 'AppRoleAssignment.ReadWrite.All (with Application.Read.All)',
    roles: ['Privileged Role Administrator'],
  },
  otherAppRole: {
    permission: 'AppRoleAssignment.ReadWrite.All (with Application.Read.All)',
    roles: [
      'Privileged Role Administrator',
      'Application Administrator',
      'Cloud Application Administrator',
    ],
  },
  delegatedGrant: {
    permission: 'DelegatedPermissionGrant.ReadWrite.All',
    roles: [
      'Privileged Role Administrator',
      'Application Administrator',
      'Cloud Application Administrator',
    ],
  },
} as const satisfies Record<string, WriteNeeds>;

/** The delegated scopes the administrator's sign-in asks for: reads for a plan, writes for --apply. */
export const ADMIN_SCOPES = {
  plan: ['Application.Read.All', 'DelegatedPermissionGrant.Read.All'],
  apply: [
    'Application.ReadWrite.All',
    'AppRoleAssignment.ReadWrite.All',
    'DelegatedPermissionGrant.ReadWrite.All',
  ],
};

export function buildPlan(read: TenantRead, o: AssistantOptions): Plan {
  const dir = buildDirectory({
    resources: {
      graph: asGraphPart(read.resources.graph),
      exchange: asGraphPart(read.resources.exchange),
    },
  });
  const steps: PlanStep[] = [];
  const app = read.application;
  const plan: Plan = { tenantId: o.tenantId, clientId: o.clientId, steps };
  const GRAPH = o.graphUrl;
  if (app.state !== 'found') {
    steps.push({
      id: 'registration',
      title: 'App registration',
      status: app.state === 'absent' ? 'missing' : 'unknown',
      detail:
        app.state === 'absent'
          ? `no application with the client id ${o.clientId} in tenant ${o.tenantId}; the assistant does not create registrations`
          : app.reason,
      writes: [],
      commands: {
        portal:
          'Entra ID > App registrations > New registration (single tenant); then use its Application (client) ID',
        graph: [
          `POST ${GRAPH}/applications {"displayName":"Mail connector","signInAudience":"AzureADMyOrg"}`,
        ],
        az: ['az ad app create --display-name "Mail connector" --sign-in-audience AzureADMyOrg'],
        powershell: [
          'New-MgApplication -DisplayName "Mail connector" -SignInAudience AzureADMyOrg',
        ],
      },
    });
    return plan;
  }
  const application = app.value;
  plan.applicationObjectId = application.id;
  steps.push({
    id: 'registration',
    title: 'App registration',
    status: 'done',
    detail: `${application.displayName ?? ''} (object id ${application.id})`.trim(),
    writes: [],
  });

  const sp = read.servicePrincipal;
  const spId = sp.state === 'found' ? sp.value.id : undefined;
  if (spId) plan.servicePrincipalId = spId;
  const spRef = spId ?? NEW_SP;
  steps.push(servicePrincipalStep(sp, o));

  const reqs = requiredPermissions(o);
  steps.push(configuredStep(reqs, application, dir, o));
  const roleStep = appRoleStep(reqs, read, dir, spRef, o.graphUrl);
  if (roleStep) steps.push(roleStep);
  const grantStep = delegatedStep(reqs, read, dir, spRef, o.graphUrl);
  if (grantStep) steps.push(grantStep);
  steps.push(credentialStep(read, o));
  steps.push(...exchangeSteps(o, spId, application.displayName ?? 'Mail connector'));
  for (const step of steps) {
    const c = step.commands;
    const lines = [...(c ? [...c.graph, ...c.az, ...c.powershell] : []), ...(step.exchange ?? [])];
    if (showsUnexpectedId(lines)) step.detail = `${step.detail}. ${UNEXPECTED_ID_NOTE}`;
  }
  return plan;
}

// The printed commands take Graph's ids through graphId (text/command-values.ts): an id with
// other characters than an id has is shown as a placeholder, never pasted into a command.
const idRef = (id: string): string => (id === NEW_SP ? id : graphId(id));
/** A write's path as printed: every segment an id (the literal segments are id-shaped too). */
const shownPath = (path: string): string =>
  path
    .split('/')
    .map((segment) => (segment ? idRef(segment) : segment))
    .join('/');
/** A write's body as printed: the values of its id fields (principalId, resourceId, ...) checked. */
const shownBody = (body: unknown): string =>
  JSON.stringify(body, (key: string, value: unknown) =>
    typeof value === 'string' && /id$/i.test(key) ? idRef(value) : value,
  );

function asGraphPart<T>(p: Part<T>) {
  return p.state === 'found'
    ? { ok: true as const, value: p.value }
    : { ok: false as const, failure: { message: p.state === 'absent' ? 'not found' : p.reason } };
}

function servicePrincipalStep(sp: TenantRead['servicePrincipal'], o: AssistantOptions): PlanStep {
  const GRAPH = o.graphUrl;
  const base = { id: 'service-principal', title: 'Service principal (Enterprise application)' };
  if (sp.state === 'found')
    return { ...base, status: 'done', detail: `object id ${sp.value.id}`, writes: [] };
  if (sp.state === 'unknown') return { ...base, status: 'unknown', detail: sp.reason, writes: [] };
  return {
    ...base,
    status: 'missing',
    detail:
      'the registration has no service principal in this tenant, so nothing can be granted to it',
    writes: [
      {
        method: 'POST',
        path: '/servicePrincipals',
        body: { appId: o.clientId },
        what: `create the service principal of ${o.clientId}`,
        needs: NEEDS.application,
        createsServicePrincipal: true,
      },
    ],
    commands: {
      portal:
        'Entra ID > App registrations > your app > Overview > "Managed application in local directory": Create Service Principal',
      graph: [`POST ${GRAPH}/servicePrincipals {"appId":"${o.clientId}"}`],
      az: [`az ad sp create --id ${graphId(o.clientId)}`],
      powershell: [`New-MgServicePrincipal -AppId ${graphId(o.clientId)}`],
    },
  };
}

interface Resolved {
  req: Requirement;
  resource: ResourceKey;
  id: string;
}

/** Where a requirement is (or will be) configured: for mail delegated permissions, where it already is, else Graph (as the portal lists them). */
function resolve(
  req: Requirement,
  dir: PermissionDirectory,
  configuredUnder?: ResourceKey,
): Resolved | undefined {
  const resource = configuredUnder ?? req.resource;
  const lookup = dir.idOf(resource, req.name, req.type);
  return lookup.found ? { req, resource, id: lookup.id } : undefined;
}

function configuredUnder(
  req: Requirement,
  application: {
    requiredResourceAccess: {
      resourceAppId: string;
      resourceAccess: { id: string; type: string }[];
    }[];
  },
  dir: PermissionDirectory,
): ResourceKey | undefined {
  const resources: ResourceKey[] = req.eitherResource ? ['graph', 'exchange'] : [req.resource];
  const type = req.type === 'application' ? 'Role' : 'Scope';
  return resources.find((r) => {
    const lookup = dir.idOf(r, req.name, req.type);
    if (!lookup.found) return false;
    return application.requiredResourceAccess.some(
      (rra) =>
        rra.resourceAppId.toLowerCase() === RESOURCE_APP_IDS[r] &&
        rra.resourceAccess.some(
          (a) => a.type === type && a.id.toLowerCase() === lookup.id.toLowerCase(),
        ),
    );
  });
}

const label = (r: Requirement) =>
  `${r.resource === 'graph' || r.eitherResource ? 'Microsoft Graph' : RESOURCE_NAMES[r.resource]} ${r.name} (${r.type})`;

function configuredStep(
  reqs: Requirement[],
  application: {
    id: string;
    requiredResourceAccess: {
      resourceAppId: string;
      resourceAccess: { id: string; type: string }[];
    }[];
  },
  dir: PermissionDirectory,
  o: AssistantOptions,
): PlanStep {
  const GRAPH = o.graphUrl;
  const base = {
    id: 'api-permissions',
    title: 'API permissions configured (requiredResourceAccess)',
  };
  const missing: Resolved[] = [];
  const unresolved: string[] = [];
  for (const req of reqs) {
    if (configuredUnder(req, application, dir)) continue;
    const r = resolve(req, dir);
    if (r) missing.push(r);
    else unresolved.push(label(req));
  }
  if (!missing.length && !unresolved.length)
    return { ...base, status: 'done', detail: reqs.map(label).join(', '), writes: [] };
  if (!missing.length)
    return {
      ...base,
      status: 'unknown',
      detail: `no id known for ${unresolved.join(', ')}`,
      writes: [],
    };
  // The current list, as Graph returned it, with the missing entries appended per resource.
  const merged = application.requiredResourceAccess.map((rra) => ({
    resourceAppId: rra.resourceAppId,
    resourceAccess: rra.resourceAccess.map((a) => ({ id: a.id, type: a.type })),
  }));
  for (const m of missing) {
    const appId = RESOURCE_APP_IDS[m.resource];
    let entry = merged.find((e) => e.resourceAppId.toLowerCase() === appId);
    if (!entry) merged.push((entry = { resourceAppId: appId, resourceAccess: [] }));
    entry.resourceAccess.push({ id: m.id, type: m.req.type === 'application' ? 'Role' : 'Scope' });
  }
  const body = { requiredResourceAccess: merged };
  const byResource = groupBy(missing, (m) => m.resource);
  return {
    ...base,
    status: 'missing',
    detail: `missing: ${missing.map((m) => label(m.req)).join(', ')}${unresolved.length ? `; no id known for ${unresolved.join(', ')}` : ''}`,
    writes: [
      {
        method: 'PATCH',
        path: `/applications/${application.id}`,
        body,
        what: `add ${missing.map((m) => `${m.req.name} (${m.req.type})`).join(', ')} to the registration's API permissions`,
        needs: NEEDS.application,
      },
    ],
    commands: {
      portal:
        'Entra ID > App registrations > your app > API permissions > Add a permission > (API) > Delegated / Application permissions',
      graph: [`PATCH ${GRAPH}/applications/${graphId(application.id)} ${shownBody(body)}`],
      az: [...byResource].map(
        ([resource, list]) =>
          `az ad app permission add --id ${graphId(o.clientId)} --api ${RESOURCE_APP_IDS[resource]} --api-permissions ${list.map((m) => `${graphId(m.id)}=${m.req.type === 'application' ? 'Role' : 'Scope'}`).join(' ')}`,
      ),
      powershell: [
        `Update-MgApplication -ApplicationId ${graphId(application.id)} -RequiredResourceAccess ${psRequiredResourceAccess(merged)}`,
      ],
    },
  };
}

function psRequiredResourceAccess(
  list: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[],
): string {
  const items = list.map(
    (e) =>
      `@{ResourceAppId=${psLiteral(e.resourceAppId)}; ResourceAccess=@(${e.resourceAccess.map((a) => `@{Id=${psLiteral(a.id)}; Type=${psLiteral(a.type)}}`).join(', ')})}`,
  );
  return `@(${items.join(', ')})`;
}

type StepBase = Pick<PlanStep, 'id' | 'title'>;

function notRead(base: StepBase, part: Part<unknown>): PlanStep {
  const detail = part.state === 'unknown' ? part.reason : 'not readable';
  return { ...base, status: 'unknown', detail, writes: [] };
}

/** Nothing to write: done, or cannot tell when some permission could not be resolved. */
function settled(base: StepBase, wanted: Requirement[], unresolved: string[]): PlanStep {
  return unresolved.length
    ? { ...base, status: 'unknown', detail: `cannot resolve ${unresolved.join(', ')}`, writes: [] }
    : { ...base, status: 'done', detail: wanted.map(label).join(', '), writes: [] };
}

function appRoleStep(
  reqs: Requirement[],
  read: TenantRead,
  dir: PermissionDirectory,
  spRef: string,
  GRAPH: string,
): PlanStep | undefined {
  const wanted = reqs.filter((r) => r.type === 'application');
  if (!wanted.length) return undefined;
  const base = {
    id: 'consent-application',
    title: 'Admin consent: application permissions (appRoleAssignments)',
  };
  const held = read.appRoleAssignments;
  if (held.state !== 'found') return notRead(base, held);
  const missing: (Resolved & { resourceSpId: string })[] = [];
  const unresolved: string[] = [];
  for (const req of wanted) {
    const r = resolve(req, dir);
    const resourceSp = read.resources[req.resource];
    if (!r || resourceSp.state !== 'found') {
      unresolved.push(label(req));
      continue;
    }
    const granted = held.value.some(
      (a) =>
        a.resourceId.toLowerCase() === resourceSp.value.id.toLowerCase() &&
        a.appRoleId.toLowerCase() === r.id.toLowerCase(),
    );
    if (!granted) missing.push({ ...r, resourceSpId: resourceSp.value.id });
  }
  if (!missing.length) return settled(base, wanted, unresolved);
  const writes: PlannedWrite[] = missing.map((m) => ({
    method: 'POST',
    path: `/servicePrincipals/${spRef}/appRoleAssignments`,
    body: { principalId: spRef, resourceId: m.resourceSpId, appRoleId: m.id },
    what: `grant ${RESOURCE_NAMES[m.resource]} ${m.req.name} (application) to the service principal`,
    needs: m.resource === 'graph' ? NEEDS.graphAppRole : NEEDS.otherAppRole,
  }));
  return {
    ...base,
    status: 'missing',
    detail: `not granted: ${missing.map((m) => label(m.req)).join(', ')}`,
    writes,
    commands: {
      portal:
        'Entra ID > App registrations > your app > API permissions > Grant admin consent for <tenant> (grants every configured permission: review the list first)',
      graph: writes.map((w) => `POST ${GRAPH}${shownPath(w.path)} ${shownBody(w.body)}`),
      az: writes.map(
        (w) =>
          `az rest --method POST --uri ${shWord(GRAPH + shownPath(w.path))} --body ${shLiteral(shownBody(w.body))}`,
      ),
      powershell: missing.map(
        (m) =>
          `New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId ${idRef(spRef)} -PrincipalId ${idRef(spRef)} -ResourceId ${graphId(m.resourceSpId)} -AppRoleId ${graphId(m.id)}`,
      ),
    },
  };
}

function delegatedStep(
  reqs: Requirement[],
  read: TenantRead,
  dir: PermissionDirectory,
  spRef: string,
  GRAPH: string,
): PlanStep | undefined {
  const wanted = reqs.filter((r) => r.type === 'delegated');
  if (!wanted.length) return undefined;
  const base = {
    id: 'consent-delegated',
    title: 'Admin consent: delegated permissions (oauth2PermissionGrants)',
  };
  const grants = read.permissionGrants;
  if (grants.state !== 'found') return notRead(base, grants);
  const app = read.application.state === 'found' ? read.application.value : undefined;
  // Per resource: the names still to consent tenant-wide.
  const missing = new Map<ResourceKey, string[]>();
  const unresolved: string[] = [];
  for (const req of wanted) {
    const under = (app && configuredUnder(req, app, dir)) ?? req.resource;
    const resourceSp = read.resources[under];
    if (resourceSp.state !== 'found') {
      unresolved.push(label(req));
      continue;
    }
    const consented = grants.value.some(
      (g) =>
        g.consentType === 'AllPrincipals' &&
        g.resourceId.toLowerCase() === resourceSp.value.id.toLowerCase() &&
        (g.scope ?? '').split(/\s+/).some((s) => s.toLowerCase() === req.name.toLowerCase()),
    );
    if (!consented) missing.set(under, [...(missing.get(under) ?? []), req.name]);
  }
  if (!missing.size) return settled(base, wanted, unresolved);
  const writes: PlannedWrite[] = [];
  const powershell: string[] = [];
  const az: string[] = [];
  for (const [resource, names] of missing) {
    const resourceSpId = (read.resources[resource] as { value: { id: string } }).value.id;
    const existing = grants.value.find(
      (g) =>
        g.consentType === 'AllPrincipals' &&
        g.resourceId.toLowerCase() === resourceSpId.toLowerCase(),
    );
    const current = (existing?.scope ?? '').split(/\s+/).filter(Boolean);
    const scope = [...current, ...names].join(' ');
    if (existing?.id) {
      writes.push({
        method: 'PATCH',
        path: `/oauth2PermissionGrants/${existing.id}`,
        body: { scope },
        what: `add ${names.join(', ')} to the tenant-wide ${RESOURCE_NAMES[resource]} grant (keeping ${current.join(', ') || 'nothing'})`,
        needs: NEEDS.delegatedGrant,
      });
      powershell.push(
        `Update-MgOauth2PermissionGrant -OAuth2PermissionGrantId ${graphId(existing.id)} -Scope ${psLiteral(scope)}`,
      );
    } else {
      writes.push({
        method: 'POST',
        path: '/oauth2PermissionGrants',
        body: { clientId: spRef, consentType: 'AllPrincipals', resourceId: resourceSpId, scope },
        what: `consent ${names.join(', ')} on ${RESOURCE_NAMES[resource]} for all users`,
        needs: NEEDS.delegatedGrant,
      });
      powershell.push(
        `New-MgOauth2PermissionGrant -ClientId ${idRef(spRef)} -ConsentType AllPrincipals -ResourceId ${graphId(resourceSpId)} -Scope ${psLiteral(scope)}`,
      );
    }
  }
  // `az rest`, not `az ad app permission grant`: the latter has been reported to delete the
  // existing grants for the same client and resource first (https://github.com/Azure/azure-cli/issues/20974).
  for (const w of writes)
    az.push(
      `az rest --method ${w.method} --uri ${shWord(GRAPH + shownPath(w.path))} --body ${shLiteral(shownBody(w.body))}`,
    );
  return {
    ...base,
    status: 'missing',
    detail: `not consented for all users: ${[...missing].map(([r, n]) => `${RESOURCE_NAMES[r]} ${n.join(', ')}`).join('; ')}`,
    writes,
    commands: {
      portal:
        'Entra ID > App registrations > your app > API permissions > Grant admin consent for <tenant> (grants every configured permission: review the list first)',
      graph: writes.map((w) => `${w.method} ${GRAPH}${shownPath(w.path)} ${shownBody(w.body)}`),
      az,
      powershell,
    },
  };
}

/** GitHub's default subject for a job in an environment, or on a branch. */
function githubSubject(repository: string, environment: string, branch: string): string {
  return environment
    ? `repo:${repository}:environment:${environment}`
    : `repo:${repository}:ref:refs/heads/${branch}`;
}

function credentialStep(read: TenantRead, o: AssistantOptions): PlanStep {
  const GRAPH = o.graphUrl;
  const app = (
    read.application as {
      value: {
        id: string;
        passwordCredentials: { endDateTime?: string | null }[];
        keyCredentials: { endDateTime?: string | null }[];
      };
    }
  ).value;
  const live = (list: { endDateTime?: string | null }[]) =>
    list.filter((c) => !c.endDateTime || Date.parse(c.endDateTime) > o.now.getTime()).length;
  if (o.clientAuth === 'secret') {
    const n = live(app.passwordCredentials);
    const base = { id: 'credential', title: 'Client secret' };
    if (n)
      return { ...base, status: 'done', detail: `${n} client secret(s) not expired`, writes: [] };
    return {
      ...base,
      status: 'missing',
      detail:
        'no unexpired client secret; the assistant never creates secrets (it would have to print one)',
      writes: [],
      commands: {
        portal:
          'Entra ID > App registrations > your app > Certificates & secrets > Client secrets > New client secret (copy the Value)',
        graph: [
          `POST ${GRAPH}/applications/${app.id}/addPassword {"passwordCredential":{"displayName":"mail connector"}}`,
        ],
        az: [
          `az ad app credential reset --id ${graphId(o.clientId)} --append --display-name "mail connector" --years 1`,
        ],
        powershell: [
          `Add-MgApplicationPassword -ApplicationId ${graphId(app.id)} -PasswordCredential @{DisplayName='mail connector'}`,
        ],
      },
    };
  }
  if (o.clientAuth === 'certificate') {
    const n = live(app.keyCredentials);
    const base = { id: 'credential', title: 'Certificate credential' };
    if (n)
      return { ...base, status: 'done', detail: `${n} certificate(s) not expired`, writes: [] };
    return {
      ...base,
      status: 'missing',
      detail:
        'no unexpired certificate on the registration; the assistant does not upload certificates',
      writes: [],
      commands: {
        portal:
          'Entra ID > App registrations > your app > Certificates & secrets > Certificates > Upload certificate (the public certificate only)',
        graph: [
          `PATCH ${GRAPH}/applications/${app.id} {"keyCredentials":[...existing, {"type":"AsymmetricX509Cert","usage":"Verify","key":"<base64 DER>"}]}`,
        ],
        az: [`az ad app credential reset --id ${graphId(o.clientId)} --append --cert @cert.pem`],
        powershell: [
          `Update-MgApplication -ApplicationId ${graphId(app.id)} -KeyCredentials @(<existing>, @{Type='AsymmetricX509Cert'; Usage='Verify'; Key=[IO.File]::ReadAllBytes('cert.cer')})`,
        ],
      },
    };
  }
  const base = { id: 'credential', title: 'Federated credential (GitHub Actions OIDC)' };
  const f = o.federation;
  if (!f.repository && !f.subject)
    return {
      ...base,
      status: 'unknown',
      detail:
        'no repository given: pass --repository OWNER/REPO and --environment NAME (or --branch NAME)',
      writes: [],
    };
  // GitHub's default subject; repositories created after 2026-07-15 get ID-based subjects and an
  // organisation may customise them (https://docs.github.com/actions/reference/security/oidc),
  // so --federated-subject overrides it.
  const subject = f.subject || githubSubject(f.repository, f.environment, f.branch);
  const fics = read.federatedCredentials;
  if (fics.state === 'unknown')
    return { ...base, status: 'unknown', detail: fics.reason, writes: [] };
  const list = fics.state === 'found' ? fics.value : [];
  // Entra matches issuer, subject and audience exactly and case-sensitively
  // (https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
  const match = list.find(
    (c) => c.issuer === GITHUB_ISSUER && c.subject === subject && c.audiences.includes(f.audience),
  );
  if (match) return { ...base, status: 'done', detail: `${match.name}: ${subject}`, writes: [] };
  const name = `github-${f.repository || 'subject'}-${f.environment || f.branch}`
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .slice(0, 120);
  const body = {
    name,
    issuer: GITHUB_ISSUER,
    subject,
    audiences: [f.audience],
    description: 'Added by m365-mail-preflight setup',
  };
  return {
    ...base,
    status: 'missing',
    detail: `no federated credential for ${subject} (audience ${f.audience})`,
    writes: [
      {
        method: 'POST',
        path: `/applications/${app.id}/federatedIdentityCredentials`,
        body,
        what: `add the federated credential ${name} for ${subject}`,
        needs: NEEDS.application,
      },
    ],
    commands: {
      portal:
        'Entra ID > App registrations > your app > Certificates & secrets > Federated credentials > Add credential > GitHub Actions deploying Azure resources',
      graph: [
        `POST ${GRAPH}/applications/${graphId(app.id)}/federatedIdentityCredentials ${JSON.stringify(body)}`,
      ],
      az: [
        `az ad app federated-credential create --id ${graphId(o.clientId)} --parameters ${shLiteral(JSON.stringify({ name, issuer: GITHUB_ISSUER, subject, audiences: [f.audience] }))}`,
      ],
      powershell: [
        `New-MgApplicationFederatedIdentityCredential -ApplicationId ${graphId(app.id)} -Name ${psLiteral(name)} -Issuer ${psLiteral(GITHUB_ISSUER)} -Subject ${psLiteral(subject)} -Audiences @(${psLiteral(f.audience)})`,
      ],
    },
  };
}

/**
 * Exchange Online's side: Graph shows none of it, so it is always "cannot tell" and printed as
 * Exchange Online PowerShell (https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth ;
 * New-ServicePrincipal takes -ObjectId, -ServiceId is deprecated:
 * https://learn.microsoft.com/powershell/module/exchange/new-serviceprincipal ;
 * SMTP AUTH per mailbox: https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission).
 */
function exchangeSteps(
  o: AssistantOptions,
  spId: string | undefined,
  displayName: string,
): PlanStep[] {
  const mailbox = o.mailbox ? psLiteral(o.mailbox) : '<mailbox UPN>';
  const sp =
    spId === undefined ? '<service principal object id, known once it exists>' : graphId(spId);
  const reads = o.activities.includes('read');
  const sends = o.activities.includes('send');
  const unknown =
    'Exchange Online settings are not visible through Microsoft Graph; run these in Exchange Online PowerShell (Connect-ExchangeOnline)';
  const steps: PlanStep[] = [];
  if (o.grant === 'client-credentials') {
    steps.push({
      id: 'exchange-service-principal',
      title: 'Exchange Online: register the service principal',
      status: 'unknown',
      detail: unknown,
      writes: [],
      exchange: [
        `New-ServicePrincipal -AppId ${graphId(o.clientId)} -ObjectId ${sp} -DisplayName ${psLiteral(`EXO ${displayName}`)}`,
        `Get-ServicePrincipal -Identity ${sp}`,
      ],
    });
    steps.push({
      id: 'exchange-mailbox-access',
      title: 'Exchange Online: mailbox access for the app',
      status: 'unknown',
      detail: unknown,
      writes: [],
      exchange: [
        `Add-MailboxPermission -Identity ${mailbox} -User ${sp} -AccessRights FullAccess`,
        ...(sends
          ? [
              `# or, for sending only, RBAC for Applications instead of the Entra SMTP.SendAsApp permission:`,
              `New-ManagementRoleAssignment -App ${sp} -Role "Application SMTP.SendAsApp" -CustomResourceScope "<management scope>"`,
            ]
          : []),
        `Test-ServicePrincipalAuthorization -Identity ${sp} -Resource ${mailbox}`,
      ],
    });
  }
  const switches: string[] = [];
  if (reads) switches.push(o.readProtocol === 'pop' ? '-PopEnabled $true' : '-ImapEnabled $true');
  if (sends) switches.push('-SmtpClientAuthenticationDisabled $false');
  steps.push({
    id: 'exchange-protocols',
    title: `Exchange Online: ${[reads ? o.readProtocol.toUpperCase() : '', sends ? 'SMTP AUTH' : ''].filter(Boolean).join(' and ')} on for the mailbox`,
    status: 'unknown',
    detail: unknown,
    writes: [],
    exchange: [
      `Set-CASMailbox -Identity ${mailbox} ${switches.join(' ')}`,
      `Get-CASMailbox -Identity ${mailbox} | Format-List ImapEnabled,PopEnabled,SmtpClientAuthenticationDisabled`,
    ],
  });
  return steps;
}

function groupBy<T, K>(list: T[], key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of list) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** Every write of the plan's missing Entra steps, in order. */
export const plannedWrites = (plan: Plan): PlannedWrite[] =>
  plan.steps.filter((s) => s.status === 'missing').flatMap((s) => s.writes);
