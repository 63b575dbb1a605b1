// Entra's error body, in its exact shape (https://learn.microsoft.com/entra/identity-platform/v2-oauth-ropc): error, error_description with the
// AADSTS text and the Trace/Correlation/Timestamp tail, error_codes, timestamp, trace_id,
// correlation_id, error_uri, and suberror where Entra sends one.
import { randomUUID } from 'node:crypto';

export interface EntraErrorSpec {
  status: number;
  error: string;
  code: number;
  text: string;
  suberror?: string;
}

export function entraErrorBody(spec: EntraErrorSpec, now = new Date()): Record<string, unknown> {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = now
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
  return {
    error: spec.error,
    // Entra separates the parts with CRLF (https://learn.microsoft.com/entra/identity-platform/reference-error-codes): clients see exactly this.
    error_description: `AADSTS${spec.code}: ${spec.text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [spec.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${spec.code}`,
    ...(spec.suberror ? { suberror: spec.suberror } : {}),
  };
}

/** The sandbox's texts for the codes it produces, after Microsoft's wording. */
export const ENTRA_ERRORS: Record<number, Omit<EntraErrorSpec, 'code'>> = {
  50126: {
    status: 400,
    error: 'invalid_grant',
    text: 'Error validating credentials due to invalid username or password.',
  },
  50034: {
    status: 400,
    error: 'invalid_grant',
    text: 'The user account {identifier} does not exist in the {tenant} directory. To sign into this application, the account must be added to the directory.',
  },
  50053: {
    status: 400,
    error: 'invalid_grant',
    text: "The account is locked, you've tried to sign in too many times with an incorrect user ID or password.",
  },
  50055: {
    status: 400,
    error: 'invalid_grant',
    text: 'The password is expired.',
    suberror: 'user_password_expired',
  },
  50056: {
    status: 400,
    error: 'invalid_grant',
    text: 'Invalid or null password: password does not exist in the directory for this user.',
  },
  50057: { status: 400, error: 'invalid_grant', text: 'The user account is disabled.' },
  50076: {
    status: 400,
    error: 'invalid_grant',
    text: "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000002-0000-0ff1-ce00-000000000000'.",
    suberror: 'basic_action',
  },
  50079: {
    status: 400,
    error: 'interaction_required',
    text: "Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access '00000002-0000-0ff1-ce00-000000000000'.",
  },
  50158: {
    status: 400,
    error: 'invalid_grant',
    text: 'External security challenge not satisfied.',
  },
  // With ROPC Entra answers a Conditional Access block as interaction_required + message_only.
  53003: {
    status: 400,
    error: 'interaction_required',
    text: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
    suberror: 'message_only',
  },
  530035: {
    status: 400,
    error: 'invalid_grant',
    text: 'Access has been blocked by security defaults. This is due to the request being deemed unsafe by security defaults policies.',
  },
  65001: {
    status: 400,
    error: 'invalid_grant',
    text: "The user or administrator has not consented to use the application with ID '{client}' named '{name}'. Send an interactive authorization request for this user and resource.",
    suberror: 'consent_required',
  },
  700016: {
    status: 400,
    error: 'unauthorized_client',
    text: "Application with identifier '{client}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
  },
  7000215: {
    status: 401,
    error: 'invalid_client',
    text: "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{client}'.",
  },
  7000222: {
    status: 401,
    error: 'invalid_client',
    text: "The provided client secret keys for app '{client}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.",
  },
  7000218: {
    status: 401,
    error: 'invalid_client',
    text: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  },
  700025: {
    status: 401,
    error: 'invalid_client',
    text: "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
  },
  90002: {
    status: 400,
    error: 'invalid_tenant',
    text: "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.",
  },
  900144: {
    status: 400,
    error: 'invalid_request',
    text: "The request body must contain the following parameter: 'grant_type'.",
  },
  9001023: {
    status: 400,
    error: 'invalid_request',
    text: "The grant type isn't supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.",
  },
  500011: {
    status: 400,
    error: 'invalid_resource',
    text: 'The resource principal named {resource} was not found in the tenant named {tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.',
  },
  70011: {
    status: 400,
    error: 'invalid_scope',
    text: "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.",
  },
  28000: {
    status: 400,
    error: 'invalid_scope',
    text: 'Provided value for the input parameter scope is not valid because it contains more than one resource. Scope {scope} is not valid.',
  },
  50105: {
    status: 400,
    error: 'invalid_grant',
    text: "Your administrator has configured the application {name} ('{client}') to block users unless they are specifically granted ('assigned') access to the application.",
  },
  7000112: {
    status: 400,
    error: 'unauthorized_client',
    text: "Application '{client}'({name}) is disabled.",
  },
  65004: {
    status: 400,
    error: 'access_denied',
    text: 'User declined to consent to access the app.',
  },
  700022: {
    status: 400,
    error: 'invalid_scope',
    text: 'The provided value for the input parameter scope is not valid because it contains more than one resource. The scope {scope} is not valid.',
  },
  900023: {
    status: 400,
    error: 'invalid_request',
    text: "Specified tenant identifier '{tenant}' is neither a valid DNS name, nor a valid external domain.",
  },
  90014: {
    status: 400,
    error: 'invalid_request',
    text: "The required field 'client_id' is missing from the credential. Ensure that you have all the necessary parameters for the login request.",
  },
  9002313: {
    status: 400,
    error: 'invalid_request',
    text: 'Invalid request. Request is malformed or invalid.',
  },
  50059: {
    status: 400,
    error: 'invalid_request',
    text: 'No tenant-identifying information found in either the request or implied by any provided credentials.',
  },
  50128: {
    status: 400,
    error: 'invalid_request',
    text: 'Invalid domain name - No tenant-identifying information found in either the request or implied by any provided credentials.',
  },
  70000: {
    status: 400,
    error: 'invalid_grant',
    text: 'The request was denied because one or more scopes requested are unauthorized or expired. The user must first sign in and grant the client application access to the requested scope.',
  },
  700082: {
    status: 400,
    error: 'invalid_grant',
    text: 'The refresh token has expired due to inactivity. The token was issued on {tenant} and was inactive for 90.00:00:00.',
  },
  50173: {
    status: 400,
    error: 'invalid_grant',
    text: 'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.',
  },
  70043: {
    status: 400,
    error: 'invalid_grant',
    text: 'The refresh token has expired or is invalid due to sign-in frequency checks by conditional access.',
  },
  50020: {
    status: 400,
    error: 'invalid_grant',
    text: "User account from identity provider 'live.com' does not exist in tenant '{tenant}' and cannot access the application '{client}'({name}) in that tenant.",
  },
  700024: {
    status: 400,
    error: 'invalid_client',
    text: 'Client assertion is not within its valid time range.',
  },
  1002016: {
    status: 400,
    error: 'invalid_request',
    text: 'You are using TLS version 1.0, 1.1 and/or 3DES cipher which are deprecated to improve the security posture of Azure AD.',
  },
  50196: {
    status: 400,
    error: 'invalid_grant',
    text: 'The server terminated an operation because it encountered a client request loop. Please contact your app vendor.',
  },
  90055: {
    status: 429,
    error: 'temporarily_unavailable',
    text: 'The tenant is being throttled due to too many requests.',
  },
  70001: {
    status: 400,
    error: 'unauthorized_client',
    text: "The application named {name} was not found in the tenant '{tenant}'. The application is disabled.",
  },
  50144: {
    status: 400,
    error: 'invalid_grant',
    text: "User's Active Directory password has expired.",
  },
  53000: {
    status: 400,
    error: 'invalid_grant',
    text: 'Device is not in required device state: compliant. Conditional Access policy requires a compliant device, and the device is not compliant. The user must enroll their device with an approved MDM provider like Intune.',
  },
  53001: {
    status: 400,
    error: 'invalid_grant',
    text: 'Device is not in required device state: domain_joined. Conditional Access policy requires a domain joined device, and the device is not domain joined.',
  },
  53002: {
    status: 400,
    error: 'invalid_grant',
    text: 'Application used is not an approved application for Conditional Access.',
  },
  53004: {
    status: 400,
    error: 'interaction_required',
    text: 'User needs to complete Multi-factor authentication registration process before accessing this content.',
  },
  530032: {
    status: 400,
    error: 'invalid_grant',
    text: 'Blocked by security policy.',
  },
  50131: {
    status: 400,
    error: 'invalid_grant',
    text: 'Conditional Access failed.',
  },
  // Entra answers this one with HTTP 401 (Azure/azure-powershell#13193).
  50097: { status: 401, error: 'invalid_grant', text: 'Device authentication is required.' },
  50072: {
    status: 400,
    error: 'interaction_required',
    text: 'User needs to enroll for second factor authentication.',
  },
  50074: { status: 400, error: 'interaction_required', text: 'Strong Authentication is required.' },
  50135: {
    status: 400,
    error: 'invalid_grant',
    text: 'Password change is required due to account risk.',
  },
  50064: {
    status: 400,
    error: 'invalid_grant',
    text: 'Credential validation on username or password has failed.',
  },
  51004: {
    status: 400,
    error: 'invalid_grant',
    text: 'The user account {identifier} is not in the directory.',
  },
  90072: {
    status: 400,
    error: 'invalid_grant',
    text: 'The external account that the user signs in with does not exist on the tenant that they signed into.',
  },
  65002: {
    status: 400,
    error: 'invalid_grant',
    text: "Consent between first party application '{client}' and first party resource '00000002-0000-0ff1-ce00-000000000000' must be configured via preauthorization - applications owned and operated by Microsoft must get approval from the API owner before requesting tokens for that API.",
  },
  1002012: {
    status: 400,
    error: 'invalid_scope',
    text: 'The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
  },
  650052: {
    status: 400,
    error: 'invalid_client',
    text: "The app is trying to access a service '00000002-0000-0ff1-ce00-000000000000'(Office 365 Exchange Online) that your organization '{tenant}' lacks a service principal for. Contact your IT Admin to review the configuration of your service subscriptions or consent to the application in order to create the required service principal.",
  },
  650057: {
    status: 400,
    error: 'invalid_client',
    text: "Invalid resource. The client has requested access to a resource which is not listed in the requested permissions in the client's application registration.",
  },
  65005: {
    status: 400,
    error: 'invalid_client',
    text: 'The application needs access to a service that your organization {tenant} has not subscribed to. Please contact your Administrator to review the configuration of your service subscriptions.',
  },
  90038: {
    status: 400,
    error: 'invalid_request',
    text: "Tenant '{tenant}' request is being redirected to the National Cloud 'microsoftonline.us'.",
  },
  70002: {
    status: 401,
    error: 'invalid_client',
    text: 'Error validating credentials. AADSTS50012: Invalid client secret is provided.',
  },
};

/** An Entra error answer for `code`, with `{tenant}`, `{client}`, `{name}`... filled in. */
export function entraErrorAnswer(
  code: number,
  vars: Record<string, string>,
  given?: Omit<EntraErrorSpec, 'code'>,
): { status: number; body: Record<string, unknown> } {
  const spec = given ?? ENTRA_ERRORS[code];
  if (!spec) throw new Error(`the sandbox has no text for AADSTS${code}: add it to ENTRA_ERRORS`);
  let text = spec.text;
  for (const [k, v] of Object.entries(vars)) text = text.split(`{${k}}`).join(v);
  return { status: spec.status, body: entraErrorBody({ ...spec, code, text }) };
}
