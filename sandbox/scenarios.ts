// Named setups of the sandbox tenant, each a mistake people make in the connector's setup.
// `npm start -- --scenario NAME` runs the preflight against one and shows its diagnosis.
import type { FaultPlan } from './faults.js';
import { GRAPH_APP_ID, GRAPH_ROLES } from './permission-ids.js';
import type { SandboxTenant } from './tenant.js';

export interface Scenario {
  name: string;
  description: string;
  /** Inputs the preflight should use instead of the sandbox defaults (e.g. a wrong password). */
  inputs?: Record<string, string>;
  apply?(tenant: SandboxTenant, faults: FaultPlan): void;
  /**
   * The local SMTP server (the real Postfix, through Dovecot's auth) refuses every valid token
   * with this text, after its own `535 5.7.8 Error: authentication failed:` (see MAILBOX_SCENARIOS).
   */
  smtpRefusal?: string;
  /** How the app signs in instead of the client secret (see SECRETLESS_SCENARIOS). */
  credential?:
    'federated' | 'federated-without-permission' | 'certificate' | 'unregistered-certificate';
}

export const SCENARIOS: Scenario[] = [
  { name: 'healthy', description: 'Everything set up as the connector needs it.' },
  {
    name: 'wrong-password',
    description: 'The password secret is wrong (AADSTS50126).',
    inputs: { password: 'not the password' },
  },
  {
    name: 'secret-id-instead-of-value',
    description: "The secret's ID was pasted instead of its value (AADSTS7000215).",
    inputs: { 'client-secret': 'c0ffee00-1111-4222-8333-444455556666' },
  },
  {
    name: 'mfa-required',
    description: 'Conditional Access requires MFA for the mailbox account (AADSTS50076).',
    apply: (tenant) => {
      for (const user of tenant.users) user.blockedWith = 50076;
    },
  },
  {
    name: 'no-admin-consent',
    description: 'The delegated mail permissions were added but never consented (AADSTS65001).',
    apply: (tenant) => {
      tenant.delegatedGrants = [];
    },
  },
  {
    name: 'secret-expired',
    description: 'The client secret has expired (AADSTS7000222).',
    apply: (tenant) => {
      for (const secret of tenant.app.secrets)
        secret.endDateTime = new Date(Date.now() - 86_400_000).toISOString();
    },
  },
  {
    name: 'throttled',
    description:
      'The token endpoint throttles once (429 with Retry-After: 1); the run waits and succeeds.',
    apply: (_tenant, faults) =>
      faults.add({ kind: 'status', status: 429, retryAfterSeconds: 1, times: 1, route: 'token' }),
  },
  {
    name: 'secret-expiring-soon',
    description:
      'The client secret in use expires in 5 days (secret-expiry fails with the default failure-days 7).',
    inputs: { checks: 'secret-expiry' },
    apply: (tenant) => {
      for (const secret of tenant.app.secrets)
        secret.endDateTime = new Date(Date.now() + 5.5 * 86_400_000).toISOString();
    },
  },
  {
    name: 'secret-never-expires',
    description: 'An old "never expires" secret (end date 2299-12-31) is the one in use.',
    inputs: { checks: 'secret-expiry' },
    apply: (tenant) => {
      for (const secret of tenant.app.secrets) secret.endDateTime = '2299-12-31T23:59:59Z';
    },
  },
  {
    name: 'tenant-expiring-credentials',
    description:
      'secret-expiry-scope: tenant over 2,500 apps (3 pages), some with credentials expiring soon.',
    inputs: { checks: 'secret-expiry', 'secret-expiry-scope': 'tenant' },
    apply: (tenant) => {
      grantApplicationReadAll(tenant);
      tenant.otherApps = {
        count: 2500,
        epochMs: Date.now(),
        secretDays: [400, 200, 25, 90, 300, -3, 500, 150, 700, 5],
        certificateDays: [null, null, null, 60, null, null, null, 12],
      };
    },
  },
  {
    name: 'tenant-scope-without-permission',
    description:
      'secret-expiry-scope: tenant, but the app lacks Application.Read.All (Graph answers 403).',
    inputs: { checks: 'secret-expiry', 'secret-expiry-scope': 'tenant' },
  },
];

/** Admin consent for Graph Application.Read.All: the tenant scan may list every application. */
export function grantApplicationReadAll(tenant: SandboxTenant): void {
  tenant.appRoleAssignments.push({
    resourceAppId: GRAPH_APP_ID,
    appRoleId: GRAPH_ROLES['Application.Read.All']!,
  });
}

export const findScenario = (name: string): Scenario | undefined =>
  SCENARIOS.find((s) => s.name === name);

// Permission faults (the `permissions` check).
import { GRAPH_APP_ID as GRAPH, EXCHANGE_APP_ID as EXCHANGE } from './permission-ids.js';
import { mailDelegatedUnderExchange, neverAdded, unconsent } from './graph/permission-faults.js';

const PERMISSION_SCENARIOS: Scenario[] = [
  {
    name: 'smtp-not-consented',
    description: 'SMTP.Send is on the registration but admin consent was never granted for it.',
    apply: (tenant) => unconsent(tenant, GRAPH, 'SMTP.Send', 'delegated'),
  },
  {
    name: 'smtp-not-configured',
    description: 'SMTP.Send was never added to the registration (so sending cannot work).',
    apply: (tenant) => neverAdded(tenant, GRAPH, 'SMTP.Send', 'delegated'),
  },
  {
    name: 'smtp-not-requested',
    description: 'SMTP.Send is consented, but the `scope` input does not ask for it.',
    inputs: { scope: 'https://outlook.office.com/IMAP.AccessAsUser.All offline_access' },
  },
  {
    name: 'mail-send-instead-of-smtp',
    description: 'Graph Mail.Send was granted in the belief it covers SMTP; SMTP.Send is missing.',
    apply: (tenant) => neverAdded(tenant, GRAPH, 'SMTP.Send', 'delegated'),
  },
  {
    name: 'imap-app-not-consented',
    description: 'App-only: IMAP.AccessAsApp (Exchange Online) is configured but not consented.',
    inputs: { grant: 'client-credentials', password: '' },
    apply: (tenant) => unconsent(tenant, EXCHANGE, 'IMAP.AccessAsApp', 'application'),
  },
  {
    name: 'imap-app-role-lag',
    description: 'App-only: IMAP.AccessAsApp was just consented and has not reached tokens yet.',
    inputs: { grant: 'client-credentials', password: '' },
    apply: (tenant) => {
      tenant.tokenRolesLag = ['IMAP.AccessAsApp'];
    },
  },
  {
    name: 'grant-reads-denied',
    description:
      'The app lacks Application.Read.All / Directory.Read.All: Graph refuses the grant reads (403).',
    apply: (tenant) => {
      tenant.grantReadsDenied = true;
    },
  },
  {
    name: 'public-client-flows-on',
    description:
      '"Allow public client flows" is on and the registration has no redirect URI: Entra falls back to the flag and refuses the secret (AADSTS700025).',
    apply: (tenant) => {
      tenant.app.isFallbackPublicClient = true;
    },
  },
  {
    name: 'public-client-flows-on-web-redirect',
    description:
      '"Allow public client flows" is on, but a Web redirect URI makes the app confidential: the secret works (a note only).',
    apply: (tenant) => {
      tenant.app.isFallbackPublicClient = true;
      tenant.app.webRedirectUris = ['https://connector.contoso.example/oauth/callback'];
    },
  },
  {
    name: 'rbac-send',
    description:
      'App-only sending authorized by Exchange RBAC for Applications: no SMTP.SendAsApp in Entra, the SMTP login works.',
    inputs: {
      grant: 'client-credentials',
      password: '',
      activities: 'send',
      checks: 'permissions, token, mailbox',
    },
    apply: (tenant) => neverAdded(tenant, EXCHANGE, 'SMTP.SendAsApp', 'application'),
  },
  {
    name: 'delegated-under-exchange',
    description:
      'IMAP/POP/SMTP delegated permissions configured under Office 365 Exchange Online (accepted).',
    apply: mailDelegatedUnderExchange,
  },
  {
    name: 'graph-audience-token',
    description: 'Unprefixed mail scopes: the mail token is issued for Microsoft Graph.',
    inputs: { scope: 'IMAP.AccessAsUser.All SMTP.Send offline_access' },
  },
  {
    name: 'graph-batch-throttled',
    description: 'Graph throttles two $batch items (429, Retry-After: 1); they are retried alone.',
    apply: (tenant) => {
      tenant.batchItemThrottle = { times: 2, retryAfterSeconds: 1 };
    },
  },
  {
    name: 'graph-paged',
    description: 'Graph pages the grant lists one item a page (@odata.nextLink).',
    apply: (tenant) => {
      tenant.graphPageSize = 1;
    },
  },
];
// `npm start -- --scenario NAME` shows the permissions check for these.
for (const scenario of PERMISSION_SCENARIOS)
  scenario.inputs = { checks: 'permissions, token', ...scenario.inputs };
SCENARIOS.push(...PERMISSION_SCENARIOS);

// Signing in without a client secret (issue 9): `npm start` gives these runs the credential named
// by `credential` (the runner's OIDC variables, or a certificate PEM) instead of the secret.
const SECRETLESS_SCENARIOS: Scenario[] = [
  {
    name: 'federation',
    description:
      "Workload identity federation: the workflow's GitHub OIDC token is exchanged for an app-only token; no secret is stored.",
    credential: 'federated',
  },
  {
    name: 'federation-subject-mismatch',
    description:
      "Federation: the job runs in environment 'production', the app trusts only the main branch (AADSTS700213).",
    credential: 'federated',
    apply: (tenant) => {
      tenant.github.environment = 'production';
    },
  },
  {
    name: 'federation-case-mismatch',
    description:
      "Federation: GitHub writes the owner 'Contoso', the credential says 'contoso' (AADSTS7002138).",
    credential: 'federated',
    apply: (tenant) => {
      tenant.github.owner = 'Contoso';
    },
  },
  {
    name: 'federation-no-id-token',
    description:
      'Federation without `permissions: id-token: write`: the runner offers no OIDC token.',
    credential: 'federated-without-permission',
  },
  {
    name: 'certificate',
    description: 'A certificate credential: PS256 client assertions instead of a client secret.',
    credential: 'certificate',
  },
  {
    name: 'certificate-not-registered',
    description:
      'The certificate was never uploaded to the app registration (AADSTS700027, named by thumbprint).',
    credential: 'unregistered-certificate',
  },
];
SCENARIOS.push(...SECRETLESS_SCENARIOS);
// Exchange Online's reply to an SMTP login when SMTP AUTH is off for the tenant, as a user pasted
// it: https://github.com/simonrob/email-oauth2-proxy/issues/193
const SMTP_AUTH_DISABLED_FOR_TENANT =
  '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]';

// Mailbox refusals (the `mailbox` check), shown by `npm start` through the real Dovecot and
// Postfix where they can run (root, packages installed): the servers refuse exactly as they
// would any token, and the diagnosis ranks the causes Exchange gives the same reply for.
const MAILBOX_SCENARIOS: Scenario[] = [
  {
    name: 'mailbox-wrong-audience',
    description:
      "Unprefixed mail scopes: the token's audience is Microsoft Graph, and the mail servers refuse it.",
    inputs: { scope: 'IMAP.AccessAsUser.All SMTP.Send offline_access' },
  },
  {
    name: 'app-not-in-exchange',
    description:
      'App-only: the app was never registered in Exchange (New-ServicePrincipal), so no mailbox accepts its token.',
    inputs: { grant: 'client-credentials', password: '' },
    apply: (tenant) => {
      tenant.exchangeMailboxAccess = undefined;
    },
  },
  {
    name: 'mailbox-not-accessible',
    description:
      'App-only: the app is registered in Exchange but has no permission on this mailbox (Add-MailboxPermission).',
    inputs: { grant: 'client-credentials', password: '' },
    apply: (tenant) => {
      tenant.exchangeMailboxAccess = ['someone-else@contoso.example'];
    },
  },
  {
    // Postfix cannot answer with Exchange's reply code, but it relays an auth server's reason:
    // Dovecot's SMTP-only passdb (scripts/mail-peers/dovecot-smtp-refusal.conf.in) accepts the
    // token and then fails the login with Exchange's text as that reason.
    name: 'smtp-auth-disabled-tenant',
    description:
      "SMTP AUTH is turned off for the whole tenant (Set-TransportConfig). Postfix refuses the valid token and relays Exchange's reply after its own '535 5.7.8 Error: authentication failed:'.",
    inputs: { activities: 'send' },
    smtpRefusal: SMTP_AUTH_DISABLED_FOR_TENANT,
  },
];
for (const scenario of MAILBOX_SCENARIOS)
  scenario.inputs = { checks: 'token, mailbox', ...scenario.inputs };
SCENARIOS.push(...MAILBOX_SCENARIOS);
