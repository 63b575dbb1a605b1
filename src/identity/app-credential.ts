// How the app proves who it is to the token endpoint: the one place that knows each kind of app
// credential: a client secret, a certificate (a JWT assertion signed with its key, anew for every
// request) or a federated assertion (GitHub's OIDC token, or another CI's, fetched anew for every
// request). The assertion kinds live in client-credential.ts, loaded only by runs that use them.
// Microsoft's description of the choices:
// https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
import type { Settings } from '../settings/types.js';
import {
  clientAuthFields,
  type ClientAuthFields,
  type CredentialDeps,
} from './client-credential.js';

export type AppCredential =
  { kind: 'client-secret'; secret: string } | { kind: 'certificate' } | { kind: 'federated' };

type FieldsOf = {
  [K in AppCredential['kind']]: (
    credential: Extract<AppCredential, { kind: K }>,
    deps: CredentialDeps,
  ) => Promise<ClientAuthFields>;
};

/**
 * The form fields each credential kind adds to a token request (async: assertions are signed or
 * fetched; a federated one may be unavailable, which fails the request before it is sent).
 */
const CREDENTIAL_FIELDS: FieldsOf = {
  'client-secret': (credential) =>
    Promise.resolve({ ok: true, fields: { client_secret: credential.secret } }),
  certificate: (_credential, deps) => clientAuthFields(deps),
  federated: (_credential, deps) => clientAuthFields(deps),
};

/** The credential the settings give the app, or undefined (a public client with ROPC). */
export function appCredentialOf(settings: Settings): AppCredential | undefined {
  switch (settings.clientAuth) {
    case 'secret':
      return { kind: 'client-secret', secret: settings.clientSecret };
    case 'certificate':
      return { kind: 'certificate' };
    case 'federated':
      return { kind: 'federated' };
    case 'none':
      return undefined;
  }
}

export const credentialFields = (
  credential: AppCredential,
  deps: CredentialDeps,
): Promise<ClientAuthFields> =>
  (CREDENTIAL_FIELDS[credential.kind] as FieldsOf['client-secret'])(
    credential as Extract<AppCredential, { kind: 'client-secret' }>,
    deps,
  );
