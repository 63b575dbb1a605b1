// The typed settings every part of the engine works from. Built once from raw inputs by
// parse-settings.ts; nothing else reads action inputs or CLI flags.
import type { InputName } from './inputs.js';

export type Grant = 'password' | 'client-credentials';
export type Activity = 'read' | 'send';
export type ReadProtocol = 'imap' | 'pop';
export type CheckName = 'permissions' | 'token' | 'mailbox' | 'secret-expiry';
export type PermissionsProfile = 'flow' | 'email-connector';
export type SecretExpiryScope = 'self' | 'tenant';
export type FailOn = 'error' | 'warning';
export type Cloud = 'public' | 'usgov' | 'usgov-dod' | 'china';
export type CheckRunMode = 'auto' | 'always' | 'never';
export type PermissionType = 'delegated' | 'application';
export type ResourceKey = 'graph' | 'exchange';
/** How app-only mail access is authorized: Entra app roles, Exchange RBAC for Applications, or either. */
export type ExchangeAuthorization = 'auto' | 'entra' | 'rbac';
export type MailProtocol = 'imap' | 'pop' | 'smtp';

/**
 * The permission each mail protocol needs, per kind of token:
 * https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth
 */
export const MAIL_PERMISSIONS: Record<MailProtocol, Record<PermissionType, string>> = {
  imap: { delegated: 'IMAP.AccessAsUser.All', application: 'IMAP.AccessAsApp' },
  pop: { delegated: 'POP.AccessAsUser.All', application: 'POP.AccessAsApp' },
  smtp: { delegated: 'SMTP.Send', application: 'SMTP.SendAsApp' },
};

/**
 * The application (client) ids of the two resources, the same in every tenant and cloud:
 * https://learn.microsoft.com/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in
 */
export const RESOURCE_APP_IDS: Record<ResourceKey, string> = {
  graph: '00000003-0000-0000-c000-000000000000',
  exchange: '00000002-0000-0ff1-ce00-000000000000',
};

/** A permission named in `extra-permissions`, e.g. `graph:Mail.Send (application)`. */
export interface PermissionRef {
  resource: ResourceKey;
  name: string;
  type: PermissionType;
}

export interface HostPort {
  host: string;
  port: number;
}

export interface Endpoints {
  /** Scheme and host of the token authority, e.g. https://login.microsoftonline.com */
  authority: string;
  /** Scheme and host of Microsoft Graph, e.g. https://graph.microsoft.com */
  graph: string;
  /** Resource for delegated mail scopes, e.g. https://outlook.office.com */
  outlookDelegated: string;
  /** Resource for app-only mail tokens (`/.default`), e.g. https://outlook.office365.com */
  outlookApp: string;
  imap: HostPort;
  pop: HostPort;
  smtp: HostPort;
}

export interface Settings {
  tenantId: string;
  clientId: string;
  /** '' when not given. Masked before anything is printed. */
  clientSecret: string;
  username: string;
  /** Untrimmed, exactly as given. Masked before anything is printed. */
  password: string;
  grant: Grant;
  /** How the grant was chosen: given explicitly or derived by `auto`. */
  grantSource: 'input' | 'auto';
  activities: Activity[];
  readProtocol: ReadProtocol;
  /** The scopes the mail token request asks for. */
  scopes: string[];
  scopeSource: 'input' | 'default';
  permissionsProfile: PermissionsProfile;
  exchangeAuthorization: ExchangeAuthorization;
  extraPermissions: PermissionRef[];
  checks: CheckName[];
  secretExpiry: { warningDays: number; failureDays: number; scope: SecretExpiryScope };
  failOn: FailOn;
  cloud: Cloud;
  endpoints: Endpoints;
  timeoutMs: number;
  githubToken: string;
  checkRun: CheckRunMode;
}

/** Raw input values keyed by the contract's input names (`tenant-id`, ...). */
export type RawInputs = Partial<Record<InputName, string>>;

export interface InputProblem {
  input: InputName;
  message: string;
}
