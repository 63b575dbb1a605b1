// What the setup assistant needs of the sandbox tenant, added to SandboxTenant by module
// augmentation so tenant.ts keeps its shape: a registration without its service principal,
// federated identity credentials, administrators who sign in with a device code, and a script
// for the device-code polls. Also the three tenant states the assistant's tests and
// `npm start -- setup` use.
import { EXCHANGE_APP_ID, EXCHANGE_ROLES, GRAPH_APP_ID, GRAPH_SCOPES } from './permission-ids.js';
import { SANDBOX_USER, healthyTenant, type SandboxTenant } from './tenant.js';

/** One answer of the device-code poll, in order; the last one repeats. */
export type DeviceCodeStep =
  | 'pending'
  | 'slow_down'
  | 'approve'
  | 'declined'
  | 'expired'
  | 'bad_code'
  /** An AADSTS code answered as Entra's error body (sandbox/entra-errors.ts), e.g. 53003. */
  | number;

export interface SandboxFederatedCredential {
  id: string;
  name: string;
  issuer: string;
  subject: string;
  audiences: string[];
  description: string | null;
}

export interface SandboxAdmin {
  upn: string;
  /** Directory role names, e.g. 'Cloud Application Administrator'. */
  roles: string[];
}

declare module './tenant.js' {
  interface SandboxTenant {
    /** The registration has no service principal (Enterprise application) in this tenant. */
    servicePrincipalMissing?: boolean;
    federatedCredentials?: SandboxFederatedCredential[];
    /** Who signs in through the device code with a client other than the app (setup). */
    admins?: SandboxAdmin[];
    deviceCode?: {
      steps: DeviceCodeStep[];
      /** Seconds the device-code answer gives as `interval` (Entra: 5). */
      interval?: number;
      /** Which admin the approval signs in (default: the first). */
      signInAs?: string;
    };
  }
}

export const SANDBOX_ADMIN = 'admin@contoso.example';
/** Entra's built-in roles that the assistant's writes accept (see sandbox/graph/admin-writes.ts). */
export const ROLE = {
  privileged: 'Privileged Role Administrator',
  cloudApp: 'Cloud Application Administrator',
  app: 'Application Administrator',
  global: 'Global Administrator',
  reader: 'Global Reader',
} as const;

/**
 * The app is registered and has its client secret, and nothing else: no API permissions, no
 * service principal, no grants.
 */
export function emptyRegistrationTenant(now = Date.now()): SandboxTenant {
  const t = healthyTenant(now);
  t.app.requiredResourceAccess = [];
  t.appRoleAssignments = [];
  t.delegatedGrants = [];
  t.servicePrincipalMissing = true;
  t.exchangeMailboxAccess = [SANDBOX_USER];
  return withAdmin(t);
}

/**
 * Half done: the service principal exists, IMAP.AccessAsUser.All and offline_access are configured
 * but only IMAP is consented; SMTP.Send is not configured; IMAP.AccessAsApp is configured and
 * granted, SMTP.SendAsApp neither.
 */
export function partlyConfiguredTenant(now = Date.now()): SandboxTenant {
  const t = healthyTenant(now);
  t.app.requiredResourceAccess = [
    {
      resourceAppId: GRAPH_APP_ID,
      resourceAccess: [
        { id: GRAPH_SCOPES['IMAP.AccessAsUser.All']!, type: 'Scope' },
        { id: GRAPH_SCOPES['offline_access']!, type: 'Scope' },
      ],
    },
    {
      resourceAppId: EXCHANGE_APP_ID,
      resourceAccess: [{ id: EXCHANGE_ROLES['IMAP.AccessAsApp']!, type: 'Role' }],
    },
  ];
  t.appRoleAssignments = [
    { resourceAppId: EXCHANGE_APP_ID, appRoleId: EXCHANGE_ROLES['IMAP.AccessAsApp']! },
  ];
  t.delegatedGrants = [
    { resourceAppId: GRAPH_APP_ID, scope: 'IMAP.AccessAsUser.All', consentType: 'AllPrincipals' },
  ];
  return withAdmin(t);
}

/** Everything the connector needs is set up (the preflight's healthy tenant) plus an admin. */
export function completeTenant(now = Date.now()): SandboxTenant {
  return withAdmin(healthyTenant(now));
}

function withAdmin(t: SandboxTenant): SandboxTenant {
  t.admins = [{ upn: SANDBOX_ADMIN, roles: [ROLE.privileged, ROLE.cloudApp] }];
  t.deviceCode = { steps: ['pending', 'approve'] };
  t.federatedCredentials ??= [];
  return t;
}

export const ASSISTANT_TENANTS = {
  empty: emptyRegistrationTenant,
  partial: partlyConfiguredTenant,
  complete: completeTenant,
} as const;
export type AssistantTenantName = keyof typeof ASSISTANT_TENANTS;
