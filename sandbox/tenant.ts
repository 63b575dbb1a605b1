// The sandbox tenant's state: one app registration with its secrets and permissions, its
// service principal, the grants, the users. Scenarios change this object; routes read it.
import {
  EXCHANGE_APP_ID,
  EXCHANGE_ROLES,
  GRAPH_APP_ID,
  GRAPH_ROLES,
  GRAPH_SCOPES,
} from './permission-ids.js';

export type ResourceAppId = typeof GRAPH_APP_ID | typeof EXCHANGE_APP_ID;

export interface SandboxSecret {
  keyId: string;
  displayName: string;
  /** The secret value: only the sandbox and the caller's CI know it. */
  value: string;
  startDateTime: string;
  endDateTime: string;
  /**
   * What Graph shows as `hint`. Default: the value's first three characters, as Graph does;
   * null: an old secret that Graph shows without a hint.
   */
  hint?: string | null;
}

export interface SandboxCertificate {
  keyId: string;
  displayName: string;
  endDateTime: string;
  startDateTime: string;
}

export interface SandboxUser {
  upn: string;
  password: string;
  /** AADSTS code the sign-in fails with regardless of password (50076 MFA, 50057 disabled...). */
  blockedWith?: number;
}

export interface RequiredResourceAccess {
  resourceAppId: string;
  resourceAccess: { id: string; type: 'Scope' | 'Role' }[];
}

export interface SandboxApp {
  objectId: string;
  appId: string;
  displayName: string;
  signInAudience: string;
  isFallbackPublicClient: boolean;
  /** Redirect URIs under the Web platform (confidential client). */
  webRedirectUris: string[];
  /** Redirect URIs under "Mobile and desktop applications" (public client). */
  publicClientRedirectUris: string[];
  requiredResourceAccess: RequiredResourceAccess[];
  secrets: SandboxSecret[];
  certificates: SandboxCertificate[];
  servicePrincipalId: string;
}

export interface SandboxTenant {
  tenantId: string;
  domain: string;
  app: SandboxApp;
  users: SandboxUser[];
  /** Application permissions granted (admin consent): appRoleAssignments of the app's SP. */
  appRoleAssignments: { resourceAppId: ResourceAppId; appRoleId: string }[];
  /** Delegated permissions consented: oauth2PermissionGrants (scope values, space separated). */
  delegatedGrants: {
    resourceAppId: ResourceAppId;
    scope: string;
    consentType: 'AllPrincipals' | 'Principal';
  }[];
  /**
   * Mailboxes the app's service principal may open in Exchange Online (New-ServicePrincipal +
   * Add-MailboxPermission done). Empty: app-only mail logins are refused, as in Exchange.
   */
  exchangeMailboxAccess?: string[];
  /**
   * Other tenants that exist (GUIDs or domains): a token request there finds no such app and Entra
   * answers AADSTS700016, not 90002 (which is for tenants that do not exist).
   */
  otherTenants: string[];
  /** Object ids of the resource service principals in this tenant. */
  resourceServicePrincipalIds: Record<ResourceAppId, string>;
  /** The tenant's other applications, generated page by page (GET /applications). */
  otherApps?: GeneratedApps;
}

/**
 * A tenant of any size without holding it: app i (1-based) is computed from i when its page is
 * asked for (sandbox/graph/tenant-apps.ts), so 100,000 apps cost no memory.
 */
export interface GeneratedApps {
  count: number;
  /** Instant (ms) that the generated expiry days count from. */
  epochMs: number;
  /** Days from epochMs at which app i's client secret ends: entry (i - 1) % length. */
  secretDays: number[];
  /** Days for app i's certificate, cycled the same way; null: that app has none. */
  certificateDays?: (number | null)[];
  /** Largest page the sandbox returns whatever $top asks (Graph may return fewer than $top). */
  maxPageSize?: number;
}

export const SANDBOX_TENANT_ID = '7f3c1a52-9d4e-4b6a-8c21-5e0f9a7b3d10';
export const SANDBOX_CLIENT_ID = '3b8e6f0a-2c4d-4e9b-9a1f-6d7c5b4a3e21';
export const SANDBOX_SECRET = 'Xk48Q~sandbox.secret.value-not-real_0123456';
export const SANDBOX_USER = 'alice@contoso.example';
export const SANDBOX_PASSWORD = 'correct horse battery staple';
/** A tenant that exists but holds no sandbox app (AADSTS700016 there). */
export const OTHER_TENANT_ID = '0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A tenant where everything the email connector needs is set up correctly. */
export function healthyTenant(now = Date.now()): SandboxTenant {
  return {
    tenantId: SANDBOX_TENANT_ID,
    domain: 'contoso.example',
    app: {
      objectId: 'a1d2c3b4-0000-4000-8000-00000000a001',
      appId: SANDBOX_CLIENT_ID,
      displayName: 'Mail connector (sandbox)',
      signInAudience: 'AzureADMyOrg',
      isFallbackPublicClient: false,
      webRedirectUris: [],
      publicClientRedirectUris: [],
      servicePrincipalId: 'b1d2c3b4-0000-4000-8000-00000000b001',
      requiredResourceAccess: [
        {
          resourceAppId: GRAPH_APP_ID,
          resourceAccess: [
            { id: GRAPH_SCOPES['IMAP.AccessAsUser.All']!, type: 'Scope' },
            { id: GRAPH_SCOPES['POP.AccessAsUser.All']!, type: 'Scope' },
            { id: GRAPH_SCOPES['SMTP.Send']!, type: 'Scope' },
            { id: GRAPH_SCOPES['offline_access']!, type: 'Scope' },
            { id: GRAPH_SCOPES['User.Read']!, type: 'Scope' },
            { id: GRAPH_ROLES['Mail.Send']!, type: 'Role' },
            { id: GRAPH_ROLES['User.Read.All']!, type: 'Role' },
          ],
        },
        {
          resourceAppId: EXCHANGE_APP_ID,
          resourceAccess: [
            { id: EXCHANGE_ROLES['IMAP.AccessAsApp']!, type: 'Role' },
            { id: EXCHANGE_ROLES['POP.AccessAsApp']!, type: 'Role' },
            { id: EXCHANGE_ROLES['SMTP.SendAsApp']!, type: 'Role' },
          ],
        },
      ],
      secrets: [
        {
          keyId: 'c0ffee00-1111-4222-8333-444455556666',
          displayName: 'CI secret',
          value: SANDBOX_SECRET,
          startDateTime: iso(now - 200 * DAY),
          endDateTime: iso(now + 300 * DAY),
        },
      ],
      certificates: [],
    },
    users: [{ upn: SANDBOX_USER, password: SANDBOX_PASSWORD }],
    exchangeMailboxAccess: [SANDBOX_USER],
    otherTenants: [OTHER_TENANT_ID, 'fabrikam.example'],
    appRoleAssignments: [
      { resourceAppId: GRAPH_APP_ID, appRoleId: GRAPH_ROLES['Mail.Send']! },
      { resourceAppId: GRAPH_APP_ID, appRoleId: GRAPH_ROLES['User.Read.All']! },
      { resourceAppId: EXCHANGE_APP_ID, appRoleId: EXCHANGE_ROLES['IMAP.AccessAsApp']! },
      { resourceAppId: EXCHANGE_APP_ID, appRoleId: EXCHANGE_ROLES['POP.AccessAsApp']! },
      { resourceAppId: EXCHANGE_APP_ID, appRoleId: EXCHANGE_ROLES['SMTP.SendAsApp']! },
    ],
    delegatedGrants: [
      {
        resourceAppId: GRAPH_APP_ID,
        scope: 'IMAP.AccessAsUser.All POP.AccessAsUser.All SMTP.Send offline_access User.Read',
        consentType: 'AllPrincipals',
      },
    ],
    resourceServicePrincipalIds: {
      [GRAPH_APP_ID]: 'e1e1e1e1-0000-4000-8000-00000000e001',
      [EXCHANGE_APP_ID]: 'e2e2e2e2-0000-4000-8000-00000000e002',
    },
  };
}

/**
 * Graph behaviour knobs of the sandbox tenant (permissions check), merged into SandboxTenant by
 * declaration merging so this block stays apart from the model above.
 */
export interface SandboxTenant {
  /**
   * The app lacks Application.Read.All / Directory.Read.All: reading its grants and the resource
   * service principals answers 403 Authorization_RequestDenied; self-reads still work.
   */
  grantReadsDenied?: boolean;
  /** With grantReadsDenied: the 403s carry an empty `code`, as some $batch items do. */
  emptyDeniedCode?: boolean;
  /** Page size for collections (appRoleAssignments, oauth2PermissionGrants); unset: one page. */
  graphPageSize?: number;
  /** The next `times` $batch items (whose URL contains `urlIncludes`) answer 429 + Retry-After. */
  batchItemThrottle?: { times: number; retryAfterSeconds: number; urlIncludes?: string };
  /** App roles granted but not yet in issued tokens (replication delay), by name. */
  tokenRolesLag?: string[];
}
