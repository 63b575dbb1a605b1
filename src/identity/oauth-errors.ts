// The OAuth `error` values Entra's token endpoint answers with (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#error-codes-for-token-endpoint-errors), each with what
// it says about the setup in general. The diagnosis starts here, because Microsoft documents
// `error` as stable and AADSTS numbers as subject to change; the number only refines it.

export interface OAuthErrorFamily {
  /** What kind of problem it is, one sentence, lower case start. */
  meaning: string;
  /** Where to look when the AADSTS code is not in the catalogue: one sentence, no full stop. */
  advice: string;
}

export const OAUTH_ERRORS: Readonly<Record<string, OAuthErrorFamily>> = {
  invalid_grant: {
    meaning: 'Entra refused the user credentials or the grant',
    advice: 'Check setup step 1 (the mailbox account used for ROPC) and step 3 (consent)',
  },
  interaction_required: {
    meaning: 'the sign-in needs user interaction (MFA, consent or a policy prompt)',
    advice:
      'Check setup step 1 and the tenant sign-in policies: ROPC cannot answer interactive prompts',
  },
  invalid_client: {
    meaning: 'Entra refused the client authentication (the client secret)',
    advice: 'Check setup step 2 (client secret)',
  },
  unauthorized_client: {
    meaning: 'the application may not use this grant in this tenant',
    advice: 'Check setup step 2 (app registration)',
  },
  invalid_request: {
    meaning: 'Entra refused the request itself (tenant, parameters or endpoint)',
    advice: 'Check setup step 2 (Directory (tenant) ID) and the `endpoints` / `cloud` inputs',
  },
  invalid_tenant: {
    meaning: 'the tenant in the request was not found in this cloud',
    advice: 'Check setup step 2 (Directory (tenant) ID) and the `cloud` input',
  },
  invalid_scope: {
    meaning: 'the requested scope is not valid',
    advice: 'Check setup step 6 (the token request): the `scope` input',
  },
  invalid_resource: {
    meaning: 'the resource in the scope does not exist in this tenant',
    advice: 'Check setup step 6 (the token request): the `scope` input',
  },
  unsupported_grant_type: {
    meaning: 'the endpoint does not support this grant',
    advice: 'Check that `endpoints: authority=` (if set) is an Entra authority',
  },
  access_denied: {
    meaning: 'access was denied by the user or an administrator policy',
    advice: 'Check setup step 3 (consent) and the tenant sign-in policies',
  },
  temporarily_unavailable: {
    meaning: 'Entra is temporarily unavailable or throttling',
    advice: 'No setup step is at fault: wait and run again later',
  },
};

export const UNKNOWN_OAUTH_ERROR: OAuthErrorFamily = {
  meaning: 'the token endpoint refused the request',
  advice: 'Read Microsoft’s description in the details',
};
