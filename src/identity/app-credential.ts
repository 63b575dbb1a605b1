// How the app proves who it is to the token endpoint: the one place that knows each kind of app
// credential. Today a client secret; a certificate (a signed JWT assertion) or a federated
// assertion (GitHub OIDC) is a new member of AppCredential, a new entry in CREDENTIAL_FIELDS and a
// line in appCredentialOf: token requests, the TokenProvider and every check stay as they are.
// Microsoft's description of the choices:
// https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
import type { Settings } from '../settings/types.js';

export type AppCredential = { kind: 'client-secret'; secret: string };

type FieldsOf = {
  [K in AppCredential['kind']]: (
    credential: Extract<AppCredential, { kind: K }>,
  ) => Promise<Record<string, string>>;
};

/** The form fields each credential kind adds to a token request (async: assertions are signed or fetched). */
const CREDENTIAL_FIELDS: FieldsOf = {
  'client-secret': (credential) => Promise.resolve({ client_secret: credential.secret }),
};

/** The credential the settings give the app, or undefined (a public client with ROPC). */
export function appCredentialOf(settings: Settings): AppCredential | undefined {
  return settings.clientSecret
    ? { kind: 'client-secret', secret: settings.clientSecret }
    : undefined;
}

export const credentialFields = (credential: AppCredential): Promise<Record<string, string>> =>
  CREDENTIAL_FIELDS[credential.kind](credential);
