// How the app proves itself to Entra (`client-auth`): a client secret, a certificate, or a
// federated assertion (GitHub's OIDC token, or another CI system's token given to the CLI). `auto`
// takes a certificate when one is given, else the secret, else federation when the runner offers
// an OIDC token; a password grant with none of them stays a public client, as before.

/** Entra's token-exchange audience per cloud (Azure/azure-sdk-for-js GitHub Actions credential). */
export const FEDERATED_AUDIENCE: Readonly<Record<Cloud, string>> = {
  public: 'api://AzureADTokenExchange',
  usgov: 'api://AzureADTokenExchangeUSGov',
  'usgov-dod': 'api://AzureADTokenExchangeUSGov',
  china: 'api://AzureADTokenExchangeChina',
};

export type OidcAvailability =
  | { kind: 'available'; requestUrl: string; requestToken: string }
  /** A pull request from a fork: GitHub gives such runs no OIDC token whatever the permissions. */
  | { kind: 'fork' }
  /** The job lacks `permissions: id-token: write` (or this is not GitHub Actions). */
  | { kind: 'no-permission' };

/** Where each federated assertion comes from (identity/assertion-source.ts fetches or reads it). */
export type AssertionSource =
  | { kind: 'github'; requestUrl: string; requestToken: string; audience: string }
  | { kind: 'value'; value: string }
  | { kind: 'file'; path: string };

export type ClientAuth = 'secret' | 'certificate' | 'federated' | 'none';
// Spelled here rather than imported: types.ts builds Settings from this file's ClientAuthSettings.
type Cloud = 'public' | 'usgov' | 'usgov-dod' | 'china';
type Grant = 'password' | 'client-credentials';

export interface ClientAuthSettings {
  clientAuth: ClientAuth;
  /** The PEM of `client-certificate` ('' when not given). A secret. */
  clientCertificate: string;
  /** The audience asked of the OIDC issuer: `federated-audience`, or the cloud's. */
  federatedAudience: string;
  /** Federation: where each assertion comes from; undefined when there is none to be had. */
  assertionSource?: AssertionSource;
  /** Federation without a source: why (a fork's pull request, or no `id-token: write`). */
  assertionMissing?: 'fork' | 'no-permission';
}

/** What the front end found in its environment for federation. */
export interface FederationEnv {
  /** The runner's OIDC offer (ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN). */
  oidc: OidcAvailability;
  /** CLI: M365_CLIENT_ASSERTION or --client-assertion-file. */
  assertion?: { kind: 'value'; value: string } | { kind: 'file'; path: string };
}

export const NO_FEDERATION: FederationEnv = { oidc: { kind: 'no-permission' } };

export interface ClientAuthInput {
  clientAuth: string;
  clientSecret: string;
  clientCertificate: string;
  federatedAudience: string;
  grant: Grant;
  cloud: Cloud;
  env: FederationEnv;
}

export type ClientAuthProblem = {
  input: 'client-auth' | 'client-secret' | 'client-certificate' | 'federated-audience';
  message: string;
};

const CLIENT_AUTH_CHOICES = ['auto', 'secret', 'certificate', 'federated'] as const;

export function resolveClientAuth(input: ClientAuthInput): {
  settings: ClientAuthSettings;
  problems: ClientAuthProblem[];
} {
  const problems: ClientAuthProblem[] = [];
  const federatedAudience = input.federatedAudience || FEDERATED_AUDIENCE[input.cloud];
  const { oidc, assertion } = input.env;
  const source: AssertionSource | undefined = assertion
    ? assertion
    : oidc.kind === 'available'
      ? {
          kind: 'github',
          requestUrl: oidc.requestUrl,
          requestToken: oidc.requestToken,
          audience: federatedAudience,
        }
      : undefined;
  const choice = input.clientAuth || 'auto';
  if (!(CLIENT_AUTH_CHOICES as readonly string[]).includes(choice))
    problems.push({
      input: 'client-auth',
      message: `'${choice}' is not one of: ${CLIENT_AUTH_CHOICES.join(', ')}`,
    });
  let clientAuth: ClientAuth;
  if (choice === 'secret') clientAuth = 'secret';
  else if (choice === 'certificate') clientAuth = 'certificate';
  else if (choice === 'federated') clientAuth = 'federated';
  else if (input.clientCertificate) clientAuth = 'certificate';
  else if (input.clientSecret) clientAuth = 'secret';
  else if (source) clientAuth = 'federated';
  else clientAuth = 'none';

  if (clientAuth === 'secret' && !input.clientSecret)
    problems.push({
      input: 'client-secret',
      message:
        'is required with client-auth: secret (the secret VALUE from Certificates & secrets)',
    });
  if (clientAuth === 'certificate' && !input.clientCertificate)
    problems.push({
      input: 'client-certificate',
      message:
        'is required with client-auth: certificate (the certificate and its private key as PEM)',
    });
  if (clientAuth === 'none' && input.grant === 'client-credentials')
    problems.push({
      input: 'client-secret',
      message:
        'is required with grant: client-credentials (the secret VALUE from Certificates & secrets), unless the app signs in without one: set client-certificate, or give the job `permissions: id-token: write` for federation (the runner then offers an OIDC token)',
    });
  return {
    problems,
    settings: {
      clientAuth,
      clientCertificate: input.clientCertificate,
      federatedAudience,
      ...(clientAuth === 'federated'
        ? source
          ? { assertionSource: source }
          : {
              assertionMissing:
                oidc.kind === 'fork' ? ('fork' as const) : ('no-permission' as const),
            }
        : {}),
    },
  };
}

/** Whether the app can get an app-only token (Graph reads, client credentials). */
export const hasAppCredential = (s: Pick<ClientAuthSettings, 'clientAuth'>): boolean =>
  s.clientAuth !== 'none';

/**
 * What a front end finds for federation in its environment: the runner's OIDC offer
 * (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN, present only with `permissions: id-token: write` and
 * never on pull requests from forks), and for the CLI an assertion from another CI system.
 */
export function federationFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  fromFork: boolean,
  cli?: { assertionFile?: string },
): FederationEnv {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
  const oidc: OidcAvailability =
    requestUrl && requestToken
      ? { kind: 'available', requestUrl, requestToken }
      : { kind: fromFork ? 'fork' : 'no-permission' };
  if (!cli) return { oidc };
  if (cli.assertionFile) return { oidc, assertion: { kind: 'file', path: cli.assertionFile } };
  const value = env.M365_CLIENT_ASSERTION?.trim();
  return value ? { oidc, assertion: { kind: 'value', value } } : { oidc };
}
