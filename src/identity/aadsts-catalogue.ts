// What each AADSTS code means for this setup, which setup step fixes it, and how.
// Microsoft warns that codes and texts change: the diagnosis branches on the OAuth `error` first
// (oauth-errors.ts) and uses the number only to explain
// (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
// Steps are those of docs/setup.md: 1 the mailbox account (the ROPC user), 2 app registration and
// its credential, 3 API permissions and admin consent, 4 the app in Exchange Online, 5 IMAP, POP
// and SMTP AUTH turned on, 6 the token request. docs/troubleshooting.md's table is generated from
// this list (scripts/troubleshooting-tables.ts).

import { ASSERTION_ENTRIES } from './aadsts-assertions.js';

export interface AadstsEntry {
  /** The code, and any other code Entra uses for the same thing (e.g. 28000 and 700022). */
  codes: readonly number[];
  /** The OAuth `error` Entra usually sends with it (several when sources disagree). */
  errors: readonly string[];
  /** Plain cause, one sentence, lower case start. */
  cause: string;
  /** The setup step (docs/setup.md, docs/troubleshooting.md) or input that is wrong. */
  step: string;
  /** What to do. */
  fix: string;
}

const MFA_FIX =
  'ROPC cannot pass MFA; exclude this account with Conditional Access or use grant: client-credentials.';
const ACCOUNT = 'step 1 (the mailbox account used for ROPC): `username` / `password` inputs';
const SECRET = 'step 2 (client secret): `client-secret` input';
const REGISTRATION = 'step 2 (app registration): `client-id` / `tenant-id` inputs';
const TENANT = 'step 2 (Directory (tenant) ID): `tenant-id` / `cloud` inputs';
const CONSENT = 'step 3 (API permissions and admin consent)';
const SCOPE = 'step 6 (the token request): `scope` input';
const SIGN_IN_POLICY = 'step 1 (the mailbox account) and the tenant sign-in policies';
const CA_FIX =
  'Find the policy in Entra ID → Sign-in logs (search the correlation ID) and exclude this account, or use grant: client-credentials (a runner is no managed device and cannot satisfy device conditions).';
const CONSENT_APP = 'step 3 (API permissions and admin consent) and step 2 (app registration)';

export const AADSTS_ENTRIES: readonly AadstsEntry[] = [
  {
    codes: [50126],
    errors: ['invalid_grant'],
    cause: 'the username or password is wrong',
    step: ACCOUNT,
    fix: 'Check the password secret and that `username` is the UPN of the account. The password was sent once and is not retried, so the account is not locked by this run.',
  },
  {
    codes: [50034],
    errors: ['invalid_grant'],
    cause: 'the user account does not exist in this tenant (a typo, or the wrong tenant)',
    step: ACCOUNT,
    fix: 'Give the UPN of a user of this tenant (Entra ID → Users) and check that `tenant-id` is the tenant the user belongs to.',
  },
  {
    codes: [50053],
    errors: ['invalid_grant'],
    cause:
      'the account is locked by smart lockout after too many wrong passwords, or sign-in from this IP address is blocked',
    step: ACCOUNT,
    fix: 'Wait for the lockout to pass or have an admin unlock the account, then fix the password secret; do not re-run with a wrong password.',
  },
  {
    codes: [50055],
    errors: ['invalid_grant'],
    cause: "the account's password has expired",
    step: ACCOUNT,
    fix: 'ROPC cannot change a password: reset it, update the `password` secret, and exempt this service account from password expiry.',
  },
  {
    codes: [50056],
    errors: ['invalid_grant'],
    cause:
      'the user has no password in Entra ID (a federated or passwordless account), which ROPC needs',
    step: ACCOUNT,
    fix: 'Use a cloud account with a password, turn on password hash sync, or set a home realm discovery policy with AllowCloudPasswordValidation; or use grant: client-credentials.',
  },
  {
    codes: [50057],
    errors: ['invalid_grant'],
    cause: 'the user account is disabled',
    step: ACCOUNT,
    fix: 'Re-enable the account (Entra ID → Users → the user → Account enabled) or use another mailbox account.',
  },
  {
    codes: [50076],
    errors: ['invalid_grant', 'interaction_required'],
    cause: 'MFA is required for this user',
    step: SIGN_IN_POLICY,
    fix: MFA_FIX,
  },
  {
    codes: [50079],
    errors: ['interaction_required', 'invalid_grant'],
    cause: 'the user must register for MFA (security defaults or an MFA registration policy)',
    step: SIGN_IN_POLICY,
    fix: `${MFA_FIX} With security defaults on, replace them with Conditional Access policies that exclude this account.`,
  },
  {
    codes: [50158],
    errors: ['invalid_grant', 'interaction_required'],
    cause: 'an external security challenge (third-party MFA or a custom control) is required',
    step: SIGN_IN_POLICY,
    fix: MFA_FIX,
  },
  {
    codes: [53003],
    // With ROPC Entra answers interaction_required with suberror message_only.
    errors: ['interaction_required', 'invalid_grant', 'access_denied'],
    cause:
      'a Conditional Access policy blocked the sign-in (GitHub-hosted runners sign in from changing Azure IP addresses)',
    step: SIGN_IN_POLICY,
    fix: 'Find the policy in Entra ID → Sign-in logs (search the correlation ID) and exclude this account, run on a self-hosted runner with a fixed egress IP, or use grant: client-credentials.',
  },
  {
    codes: [530035],
    errors: ['invalid_grant', 'access_denied'],
    cause: 'security defaults blocked the sign-in',
    step: SIGN_IN_POLICY,
    fix: 'Security defaults block ROPC for this account: replace them with Conditional Access policies that exclude it, or use grant: client-credentials.',
  },
  {
    codes: [65001],
    errors: ['invalid_grant'],
    cause: 'nobody consented to the delegated permissions this token asks for',
    step: CONSENT,
    fix: 'ROPC cannot show a consent prompt: in Entra ID → App registrations → your app → API permissions, click "Grant admin consent" for the delegated IMAP.AccessAsUser.All / POP.AccessAsUser.All, SMTP.Send and offline_access permissions (or each user consents once through an interactive sign-in: the device-code flow, docs/setup.md#device-code).',
  },
  {
    codes: [65004],
    errors: ['access_denied', 'invalid_grant'],
    cause: 'the user declined to consent to the app',
    step: CONSENT,
    fix: 'Have an admin grant consent for the delegated permissions (API permissions → Grant admin consent).',
  },
  {
    codes: [700016],
    errors: ['unauthorized_client'],
    cause:
      'no application with this client ID exists in this tenant (wrong client ID, wrong tenant, or a multi-tenant app without a service principal here)',
    step: REGISTRATION,
    fix: "Copy the Application (client) ID and the Directory (tenant) ID from the same app registration's Overview page; for a multi-tenant app, create its service principal in this tenant.",
  },
  {
    codes: [7000215],
    errors: ['invalid_client'],
    cause: "the client secret is invalid: usually the secret's ID was given instead of its value",
    step: SECRET,
    fix: 'In Entra ID → App registrations → your app → Certificates & secrets, copy the secret VALUE (shown once, at creation), not the Secret ID; if the value is lost, create a new client secret.',
  },
  {
    codes: [7000222],
    errors: ['invalid_client'],
    cause: 'the client secret has expired',
    step: SECRET,
    fix: 'Create a new client secret (Certificates & secrets → New client secret), update the `client-secret` secret, and keep the secret-expiry check on to be warned ahead of time.',
  },
  {
    codes: [7000218],
    errors: ['invalid_client'],
    cause: 'the app is a confidential client but no client secret was sent',
    step: SECRET,
    fix: 'Set the `client-secret` input (the secret VALUE), or, for a public client, turn on "Allow public client flows" under Authentication.',
  },
  {
    codes: [700025],
    errors: ['invalid_client'],
    cause:
      'Entra treated the app as a public client, so it must not send a client secret: "Allow public client flows" is on and Entra fell back to it (ROPC carries no redirect URI), or the redirect URIs are registered under "Mobile and desktop applications"',
    step: 'step 2 (app registration → Authentication: redirect URI platforms and "Allow public client flows")',
    fix: 'Under Authentication, register the redirect URI under the Web platform instead of "Mobile and desktop applications", or set "Allow public client flows" to No once no device-code sign-in needs it any more; or leave `client-secret` empty for grant: password. The Permissions check names the redirect URIs it found.',
  },
  {
    codes: [90002],
    errors: ['invalid_tenant', 'invalid_request'],
    cause: 'the tenant was not found (a wrong tenant ID or domain, or the wrong national cloud)',
    step: TENANT,
    fix: 'Copy the Directory (tenant) ID from Entra ID → Overview and set `cloud` to the cloud the tenant lives in (public, usgov, usgov-dod, china).',
  },
  {
    codes: [900023],
    errors: ['invalid_request'],
    cause: 'the tenant identifier is neither a GUID nor a valid domain name',
    step: TENANT,
    fix: 'Give the Directory (tenant) ID GUID or a verified domain such as contoso.onmicrosoft.com, not a placeholder or a URL.',
  },
  {
    codes: [90014],
    errors: ['invalid_request'],
    cause: 'a required field is missing from the token request',
    step: SCOPE,
    fix: 'This points at a bug in the request the action builds, or a proxy that altered the body; report it with the trace ID below.',
  },
  {
    codes: [900144],
    errors: ['invalid_request'],
    cause:
      'a required parameter is missing from the request body (or the body was not form-encoded)',
    step: 'step 6 (the token request)',
    fix: 'The action sends form-encoded bodies; a proxy that rewrites request bodies, or an `endpoints: authority=` that is not an Entra authority, can cause this.',
  },
  {
    codes: [9002313],
    errors: ['invalid_request', 'invalid_grant'],
    cause: 'the request is malformed or invalid',
    step: 'step 6 (the token request)',
    fix: 'Check `username` for stray characters and that a proxy does not alter the request body; report it with the trace ID below if it persists.',
  },
  {
    codes: [9001023],
    errors: ['invalid_request'],
    cause: 'the grant is not supported on the /common or /consumers endpoints',
    step: TENANT,
    fix: 'Give the Directory (tenant) ID, not common, organizations or consumers.',
  },
  {
    codes: [50059],
    errors: ['invalid_request'],
    cause: 'the request carries no tenant-identifying information',
    step: TENANT,
    fix: 'Give the Directory (tenant) ID GUID or a verified domain of your tenant.',
  },
  {
    codes: [50128],
    errors: ['invalid_request'],
    cause: 'the domain name in `tenant-id` belongs to no tenant',
    step: TENANT,
    fix: 'Use a verified domain of the tenant (Entra ID → Custom domain names) or the Directory (tenant) ID GUID.',
  },
  {
    codes: [500011],
    errors: ['invalid_resource'],
    cause:
      'the resource in the scope does not exist in this tenant (a typo in `scope`, or no Exchange Online in the tenant)',
    step: `${SCOPE}; step 1 (a Microsoft 365 licence with Exchange Online)`,
    fix: 'Leave `scope` empty to use the default scopes, and check that the tenant has Exchange Online (the mailbox account has a licence with a mailbox).',
  },
  {
    codes: [70011],
    errors: ['invalid_scope'],
    cause:
      'the scope is not valid for this grant (client credentials need `<resource>/.default`, or a scope name Entra does not know)',
    step: SCOPE,
    fix: 'Leave `scope` empty to use the default scopes; with grant: client-credentials the scope must be `https://outlook.office365.com/.default`.',
  },
  {
    codes: [28000, 700022],
    errors: ['invalid_scope'],
    cause: 'the scope names more than one resource; one token serves one resource',
    step: SCOPE,
    fix: 'Ask for scopes of one resource only (e.g. only https://outlook.office.com/…); leave `scope` empty for the defaults.',
  },
  {
    codes: [70000],
    errors: ['invalid_grant'],
    cause: 'the grant is invalid, or the requested scopes are not authorised or have expired',
    step: CONSENT,
    fix: 'Grant admin consent again for the delegated permissions and request a new token with the password grant.',
  },
  {
    codes: [700082],
    errors: ['invalid_grant'],
    cause: 'the refresh token expired after a period of inactivity',
    step: 'step 6 (the token request)',
    fix: 'Request a new token with the password or client-credentials grant (this action does so on each run).',
  },
  {
    codes: [50173, 70043],
    errors: ['invalid_grant'],
    cause:
      'the grant was revoked (a password change or an admin revocation) or sign-in frequency requires a new sign-in',
    step: 'step 6 (the token request)',
    fix: 'Request a new token with the current password; stored refresh tokens from before the change no longer work.',
  },
  {
    codes: [50020],
    errors: ['invalid_grant', 'invalid_request'],
    cause:
      'the user belongs to another identity provider or tenant (a guest or a personal Microsoft account), which ROPC does not support',
    step: ACCOUNT,
    fix: 'Use a member account of this tenant with a mailbox; ROPC does not work for guests or personal accounts.',
  },
  {
    codes: [50105],
    errors: ['invalid_grant'],
    cause: 'the user is not assigned to the app, and the app requires assignment',
    step: 'step 2 (Enterprise applications → your app → Users and groups)',
    fix: 'Assign the mailbox account to the enterprise application, or set "Assignment required?" to No under Properties.',
  },
  {
    codes: [1002016],
    errors: ['invalid_request'],
    cause: 'the connection used TLS 1.0/1.1 or 3DES, which Entra refuses',
    step: 'the runner network (TLS inspection proxy)',
    fix: 'Node uses TLS 1.2+; a TLS-intercepting proxy between the runner and Entra is downgrading the connection. Bypass it with NO_PROXY or fix its TLS settings.',
  },
  {
    codes: [50196],
    errors: ['invalid_grant', 'temporarily_unavailable'],
    cause: 'Entra detected a loop: too many identical requests in a short time',
    step: 'step 6 (the token request)',
    fix: 'Run the action less often (e.g. once per job, not per test) and reuse its token output within the job.',
  },
  {
    codes: [90055],
    errors: ['temporarily_unavailable', 'invalid_request'],
    cause: 'the tenant is being throttled by Entra',
    step: 'step 6 (the token request)',
    fix: 'Wait and retry later; reduce how often workflows request tokens for this tenant.',
  },
  {
    codes: [7000112],
    errors: ['unauthorized_client'],
    cause: 'the application is disabled in this tenant',
    step: 'step 2 (Enterprise applications → your app → Properties → Enabled for users to sign-in)',
    fix: 'Enable the enterprise application (service principal) again, or ask the admin why it was disabled.',
  },
  {
    // Entra's older texts use 70001 for an application that was not found, the newer ones for a
    // disabled one: both meanings are said.
    codes: [70001],
    errors: ['unauthorized_client'],
    cause:
      'the application was not found in this tenant or is disabled here (Entra has used this code for both)',
    step: 'step 2 (app registration): `client-id` / `tenant-id` inputs; Enterprise applications → your app → Properties',
    fix: 'Check that `client-id` is the Application (client) ID of a registration in the tenant `tenant-id` names; if it is, enable its enterprise application (Properties → Enabled for users to sign-in).',
  },
  {
    codes: [50144],
    errors: ['invalid_grant'],
    cause: "the user's on-premises Active Directory password has expired",
    step: ACCOUNT,
    fix: 'Reset the password on-premises, let it sync, then update the `password` secret.',
  },
  // Conditional Access variants: the policy asks for something a CI runner cannot give.
  {
    codes: [53000],
    errors: ['invalid_grant', 'interaction_required'],
    cause: 'a Conditional Access policy requires a compliant (managed) device',
    step: SIGN_IN_POLICY,
    fix: CA_FIX,
  },
  {
    codes: [53001],
    errors: ['invalid_grant', 'interaction_required'],
    cause: 'a Conditional Access policy requires a domain-joined device',
    step: SIGN_IN_POLICY,
    fix: CA_FIX,
  },
  {
    codes: [53002],
    errors: ['invalid_grant', 'interaction_required'],
    cause: 'a Conditional Access policy allows only approved client apps',
    step: SIGN_IN_POLICY,
    fix: CA_FIX,
  },
  {
    codes: [53004],
    errors: ['invalid_grant', 'interaction_required'],
    cause:
      'the user must complete MFA registration, which is blocked for this sign-in (risk or policy)',
    step: SIGN_IN_POLICY,
    fix: `${MFA_FIX} Have the user finish MFA registration from a trusted location first.`,
  },
  {
    codes: [530032],
    errors: ['invalid_grant', 'interaction_required'],
    cause:
      'a tenant security policy blocked the sign-in (BlockedByConditionalAccessOnSecurityPolicy)',
    step: SIGN_IN_POLICY,
    fix: CA_FIX,
  },
  {
    codes: [50131],
    errors: ['invalid_grant', 'interaction_required'],
    cause: 'a Conditional Access policy failed the sign-in (for example a device state or a block)',
    step: SIGN_IN_POLICY,
    fix: CA_FIX,
  },
  {
    codes: [50097],
    errors: ['invalid_grant'],
    cause:
      'device authentication is required (a Conditional Access device condition; Entra answers it with HTTP 401)',
    step: SIGN_IN_POLICY,
    fix: CA_FIX,
  },
  {
    codes: [50072],
    errors: ['invalid_grant', 'interaction_required'],
    cause: 'the user must enroll in MFA before signing in',
    step: SIGN_IN_POLICY,
    fix: MFA_FIX,
  },
  {
    codes: [50074],
    errors: ['invalid_grant', 'interaction_required'],
    cause: 'strong authentication (MFA) is required and was not passed',
    step: SIGN_IN_POLICY,
    fix: MFA_FIX,
  },
  {
    codes: [50135],
    errors: ['invalid_grant', 'interaction_required'],
    cause: 'the password must be changed because the account is at risk',
    step: ACCOUNT,
    fix: 'ROPC cannot change a password: have the user (or an admin) reset it, then update the `password` secret.',
  },
  {
    codes: [50064],
    errors: ['invalid_grant'],
    cause: 'the username or password could not be validated',
    step: ACCOUNT,
    fix: 'Check the `password` secret and that `username` is the UPN of a member of this tenant.',
  },
  {
    codes: [51004],
    errors: ['invalid_grant'],
    cause: 'the user account is not in the directory',
    step: ACCOUNT,
    fix: 'Give the UPN of a user of this tenant (Entra ID → Users) and check that `tenant-id` is the tenant the user belongs to.',
  },
  {
    codes: [90072],
    errors: ['invalid_grant'],
    cause:
      'the account belongs to another tenant and does not exist in this one (a guest or external account)',
    step: ACCOUNT,
    fix: 'Use a member account of the tenant that `tenant-id` names; ROPC does not work for guests.',
  },
  {
    codes: [65002],
    errors: ['invalid_grant', 'unauthorized_client'],
    cause:
      "a Microsoft first-party client ID was used (such as Azure CLI's or Azure PowerShell's): Microsoft's own apps cannot be consented to for this resource",
    step: REGISTRATION,
    fix: 'Register your own app (Entra ID → App registrations → New registration) and give its Application (client) ID as `client-id`, not the client ID of a Microsoft tool.',
  },
  {
    codes: [1002012],
    errors: ['invalid_scope'],
    cause: 'client credentials were asked for a named scope; they take only `<resource>/.default`',
    step: SCOPE,
    fix: 'Leave `scope` empty (grant: client-credentials asks for `https://outlook.office365.com/.default`), or give one `<resource>/.default` scope.',
  },
  {
    codes: [650052],
    errors: ['invalid_client', 'invalid_grant'],
    cause:
      'the tenant has no service principal for the resource asked for: for mail, the tenant has no Exchange Online subscription',
    step: `step 1 (a Microsoft 365 licence with Exchange Online); ${SCOPE}`,
    fix: 'Check that the tenant has Exchange Online (a licence with a mailbox, Microsoft 365 admin center → Billing) and that `scope` names Exchange Online; an admin consent can create a missing service principal.',
  },
  {
    codes: [650057],
    errors: ['invalid_client', 'invalid_request'],
    cause: "the resource asked for is not among the API permissions of the app's registration",
    step: CONSENT_APP,
    fix: 'Add the permission under API permissions (Office 365 Exchange Online for the mail scopes), grant admin consent, and leave `scope` empty for the defaults.',
  },
  {
    codes: [65005],
    errors: ['invalid_client', 'access_denied', 'invalid_request'],
    cause:
      'the app asked for a resource that its registration does not list, or that the tenant has not subscribed to',
    step: CONSENT_APP,
    fix: 'Add the mail permissions under API permissions (Office 365 Exchange Online or Microsoft Graph), grant admin consent, and check that the tenant has Exchange Online.',
  },
  {
    codes: [90038],
    errors: ['invalid_request', 'invalid_tenant'],
    cause: 'the tenant lives in another national cloud than the authority asked',
    step: TENANT,
    fix: 'Set the `cloud` input to the cloud named in the description (usgov, usgov-dod or china); apps are registered in each cloud separately.',
  },
  {
    codes: [70002],
    errors: ['invalid_client'],
    cause:
      'Entra could not validate the client credentials (the older code for a wrong client secret; AADSTS50012 may follow it)',
    step: SECRET,
    fix: 'Copy the secret VALUE (not its ID) from Certificates & secrets into `client-secret`; if it was lost or expired, create a new one.',
  },
];

export const AADSTS_CATALOGUE: ReadonlyMap<number, AadstsEntry> = new Map(
  // Certificates and federation: aadsts-assertions.ts.
  [...AADSTS_ENTRIES, ...ASSERTION_ENTRIES].flatMap((entry) =>
    entry.codes.map((code) => [code, entry] as const),
  ),
);
