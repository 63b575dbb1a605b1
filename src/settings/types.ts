// The typed settings every part of the engine works from. Built once from raw inputs by
// parse-settings.ts; nothing else reads action inputs or CLI flags.

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
  extraPermissions: PermissionRef[];
  checks: CheckName[];
  secretExpiry: { warningDays: number; failureDays: number; scope: SecretExpiryScope };
  failOn: FailOn;
  cloud: Cloud;
  endpoints: Endpoints;
  timeoutMs: number;
  githubToken: string;
  checkRun: CheckRunMode;
  /** Where to also write the report as JUnit XML; '' for nowhere. */
  junitPath: string;
}

/** Raw input values keyed by the contract's input names (`tenant-id`, ...). */
export type RawInputs = Partial<Record<InputName, string>>;

export const INPUT_NAMES = [
  'tenant-id',
  'client-id',
  'client-secret',
  'username',
  'password',
  'grant',
  'activities',
  'read-protocol',
  'scope',
  'permissions-profile',
  'extra-permissions',
  'checks',
  'secret-expiry-warning-days',
  'secret-expiry-failure-days',
  'secret-expiry-scope',
  'fail-on',
  'cloud',
  'endpoints',
  'timeout-seconds',
  'github-token',
  'check-run',
  'junit-path',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

/** Inputs whose values are secrets: masked on read, never echoed. */
export const SECRET_INPUTS: readonly InputName[] = ['client-secret', 'password', 'github-token'];

export interface InputProblem {
  input: InputName;
  message: string;
}
