// POST /{tenant}/oauth2/v2.0/token: the password and client_credentials grants, decided the way
// Entra decides them (https://learn.microsoft.com/entra/identity-platform/v2-oauth-ropc,
// https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow), answering tokens or Entra-shaped errors.
import { randomUUID } from 'node:crypto';
import { signJwt, type SigningKey } from '../jwt.js';
import { EXCHANGE_APP_ID, EXCHANGE_ROLES, GRAPH_APP_ID, GRAPH_ROLES } from '../permission-ids.js';
import type { SandboxTenant } from '../tenant.js';
import { ENTRA_ERRORS, entraErrorBody } from '../entra-errors.js';

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Known resources: the URL prefix of a scope, the resource app, and the audience its tokens carry. */
const RESOURCES = [
  {
    prefix: 'https://outlook.office.com',
    appId: EXCHANGE_APP_ID,
    aud: 'https://outlook.office.com',
  },
  {
    prefix: 'https://outlook.office365.com',
    appId: EXCHANGE_APP_ID,
    aud: 'https://outlook.office365.com',
  },
  // MailKit's guide asks app-only tokens for https://ps.outlook.com/.default; they carry that aud.
  {
    prefix: 'https://ps.outlook.com',
    appId: EXCHANGE_APP_ID,
    aud: 'https://ps.outlook.com',
  },
  {
    prefix: 'https://graph.microsoft.com',
    appId: GRAPH_APP_ID,
    aud: 'https://graph.microsoft.com',
  },
  {
    prefix: '00000003-0000-0000-c000-000000000000',
    appId: GRAPH_APP_ID,
    aud: '00000003-0000-0000-c000-000000000000',
  },
] as const;
const OIDC_SCOPES = new Set(['offline_access', 'openid', 'profile', 'email']);

export interface TokenContext {
  tenant: SandboxTenant;
  key: SigningKey;
  tenantInPath: string;
  contentType: string;
  form: URLSearchParams;
  now: () => number;
}

function fail(tenant: SandboxTenant, code: number, vars: Record<string, string> = {}): TokenAnswer {
  const spec = ENTRA_ERRORS[code]!;
  let text = spec.text;
  const all = {
    tenant: tenant.tenantId,
    client: tenant.app.appId,
    name: tenant.app.displayName,
    ...vars,
  };
  for (const [k, v] of Object.entries(all)) text = text.split(`{${k}}`).join(v);
  return { status: spec.status, body: entraErrorBody({ ...spec, code, text }) };
}

export function answerTokenRequest(ctx: TokenContext): TokenAnswer {
  const { tenant, form } = ctx;
  const pathTenant = ctx.tenantInPath.toLowerCase();
  if (pathTenant === 'common' || pathTenant === 'consumers') return fail(tenant, 9001023);
  // A tenant that exists but is not this one has no such app (700016); one that does not exist
  // is not found (90002, error invalid_tenant).
  if (tenant.otherTenants.some((t) => t.toLowerCase() === pathTenant)) {
    return fail(tenant, 700016, { client: form.get('client_id') ?? '', tenant: ctx.tenantInPath });
  }
  if (
    pathTenant !== tenant.tenantId &&
    pathTenant !== tenant.domain &&
    pathTenant !== 'organizations'
  ) {
    return fail(tenant, 90002, { tenant: ctx.tenantInPath });
  }
  if (!ctx.contentType.startsWith('application/x-www-form-urlencoded') || !form.get('grant_type')) {
    return fail(tenant, 900144);
  }
  const app = tenant.app;
  if (form.get('client_id') !== app.appId) {
    return fail(tenant, 700016, { client: form.get('client_id') ?? '' });
  }
  const grant = form.get('grant_type');
  const secretSent = form.get('client_secret');

  // Client authentication. Entra tells the client type from the redirect URIs' platforms; only
  // when there are none (ROPC sends none) does it fall back to "Allow public client flows".
  const publicClient =
    app.webRedirectUris.length === 0 &&
    (app.publicClientRedirectUris.length > 0 || app.isFallbackPublicClient);
  if (grant === 'password' && publicClient) {
    if (secretSent) return fail(tenant, 700025);
  } else {
    if (!secretSent) return fail(tenant, 7000218);
    const match = app.secrets.find((s) => s.value === secretSent);
    if (!match) return fail(tenant, 7000215);
    if (Date.parse(match.endDateTime) <= ctx.now()) return fail(tenant, 7000222);
  }

  const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
  const resourceScopes = scopes.filter((s) => !OIDC_SCOPES.has(s));
  if (grant === 'client_credentials') {
    // Client credentials take exactly one `<resource>/.default`: two of them are 70011, a named
    // scope 1002012 (as Entra answers them).
    const defaults = resourceScopes.filter((s) => s === '.default' || s.endsWith('/.default'));
    const named = resourceScopes.find((s) => !defaults.includes(s));
    if (named) return fail(tenant, 1002012, { scope: named });
    if (defaults.length !== 1) return fail(tenant, 70011, { scope: scopes.join(' ') });
  }
  const parsed = resourceScopes.map(parseScope);
  const resources = new Set(parsed.map((p) => p.resource?.aud ?? p.prefix));
  if (resources.size > 1) return fail(tenant, 28000, { scope: scopes.join(' ') });
  const first = parsed[0];
  if (first && !first.resource) return fail(tenant, 500011, { resource: first.prefix });

  if (grant === 'client_credentials') {
    if (!first || parsed.length !== 1 || first.name !== '.default')
      return fail(tenant, 70011, { scope: scopes.join(' ') });
    const resource = first.resource;
    const roleNames = resource.appId === GRAPH_APP_ID ? GRAPH_ROLES : EXCHANGE_ROLES;
    const roles = tenant.appRoleAssignments
      .filter((a) => a.resourceAppId === resource.appId)
      .map((a) => Object.entries(roleNames).find(([, id]) => id === a.appRoleId)?.[0])
      // tokenRolesLag: granted roles that have not reached tokens yet (replication delay).
      .filter((n): n is string => !!n && !tenant.tokenRolesLag?.includes(n));
    const claims = {
      ...baseClaims(
        ctx,
        resource.aud === 'https://outlook.office.com'
          ? 'https://outlook.office365.com'
          : resource.aud,
      ),
      sub: app.servicePrincipalId,
      oid: app.servicePrincipalId,
      idtyp: 'app',
      ...(roles.length ? { roles } : {}),
      // Sandbox-only stand-in for Exchange's mailbox permission (Add-MailboxPermission): the
      // mailbox this app may open. Real Entra tokens carry no such claim.
      mailbox: tenant.exchangeMailboxAccess?.[0] ?? 'no-mailbox-permission@sandbox.invalid',
    };
    // Entra's client-credentials answer has no `scope` field.
    return tokenResponse(ctx, claims, undefined, false);
  }

  if (grant === 'password') {
    const username = (form.get('username') ?? '').toLowerCase();
    const user = tenant.users.find((u) => u.upn.toLowerCase() === username);
    if (!user) return fail(tenant, 50034, { identifier: form.get('username') ?? '' });
    if (user.blockedWith) return fail(tenant, user.blockedWith);
    if (form.get('password') !== user.password) return fail(tenant, 50126);
    const granted = new Set(
      tenant.delegatedGrants.flatMap((g) => g.scope.split(/\s+/)).filter(Boolean),
    );
    const requested = parsed.map((p) => p.name).filter((n) => n !== '.default');
    if (requested.some((n) => !granted.has(n))) return fail(tenant, 65001);
    const scp =
      first?.name === '.default' ? [...granted].filter((n) => !OIDC_SCOPES.has(n)) : requested;
    const aud = first?.resource?.aud ?? 'https://graph.microsoft.com';
    const claims = {
      ...baseClaims(ctx, aud),
      sub: `sub-${user.upn}`,
      oid: `oid-${user.upn}`,
      upn: user.upn,
      unique_name: user.upn,
      scp: scp.join(' '),
      amr: ['pwd'],
      mailbox: user.upn,
    };
    // A refresh token only when offline_access is both requested and consented.
    return tokenResponse(
      ctx,
      claims,
      scopes,
      scopes.includes('offline_access') && granted.has('offline_access'),
    );
  }
  return {
    status: 400,
    body: entraErrorBody({
      status: 400,
      error: 'unsupported_grant_type',
      code: 70003,
      text: 'The app requested an unsupported grant type.',
    }),
  };
}

function parseScope(scope: string) {
  const resource = RESOURCES.find((r) => scope.startsWith(`${r.prefix}/`));
  if (resource)
    return { resource, prefix: resource.prefix, name: scope.slice(resource.prefix.length + 1) };
  if (!scope.includes('/')) {
    // Unprefixed scopes resolve to Microsoft Graph: the trap that gives mail a Graph token.
    const graph = RESOURCES.find((r) => r.prefix === 'https://graph.microsoft.com')!;
    return { resource: graph, prefix: graph.prefix, name: scope };
  }
  const slash = scope.lastIndexOf('/');
  return { resource: undefined, prefix: scope.slice(0, slash), name: scope.slice(slash + 1) };
}

function baseClaims(ctx: TokenContext, aud: string) {
  const now = Math.floor(ctx.now() / 1000);
  return {
    aud,
    iss: `https://sts.windows.net/${ctx.tenant.tenantId}/`,
    iat: now,
    nbf: now,
    exp: now + 3599,
    appid: ctx.tenant.app.appId,
    azp: ctx.tenant.app.appId,
    appidacr: '1',
    tid: ctx.tenant.tenantId,
    ver: '1.0',
    uti: randomUUID(),
  };
}

function tokenResponse(
  ctx: TokenContext,
  claims: Record<string, unknown>,
  /** The `scope` field's scopes; undefined: no such field. */
  scopes: string[] | undefined,
  refresh: boolean,
): TokenAnswer {
  const accessToken = signJwt(claims, ctx.key);
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      ...(scopes ? { scope: scopes.filter((s) => s !== 'offline_access').join(' ') } : {}),
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: accessToken,
      ...(refresh ? { refresh_token: `sandbox-rt.${randomUUID()}.${randomUUID()}` } : {}),
    },
  };
}
