// AADSTS codes of client assertions: certificates and workload identity federation. Wording and
// sources of each reply: sandbox/entra-errors-assertions.ts. With `client-auth: federated` the
// token check adds the federated-credential doctor (federation-doctor.ts) to these entries.

const FEDERATED =
  'step 2 (app registration → Certificates & secrets → Federated credentials): `client-auth: federated`, `federated-audience` inputs';
const CERTIFICATE =
  'step 2 (app registration → Certificates & secrets → Certificates): `client-certificate` input';
const ASSERTION = 'step 2 (app registration → Certificates & secrets): `client-auth` input';

/** The shape of aadsts-catalogue.ts's AadstsEntry (which takes these entries in). */
interface AssertionEntry {
  codes: readonly number[];
  errors: readonly string[];
  cause: string;
  step: string;
  fix: string;
}

export const ASSERTION_ENTRIES: readonly AssertionEntry[] = [
  {
    codes: [70021],
    errors: ['invalid_request', 'invalid_client'],
    cause:
      'no federated credential of the app matches the issuer, subject and audience of the presented token',
    step: FEDERATED,
    fix: 'Add a federated credential whose issuer, subject and audience equal the ones Entra quotes (exactly, case-sensitively); the token check prints the subject and an `az ad app federated-credential create` line when it signs in with `client-auth: federated`.',
  },
  {
    codes: [700211],
    errors: ['invalid_client'],
    cause: 'no federated credential of the app has the issuer of the presented token',
    step: FEDERATED,
    fix: 'Set the federated credential’s issuer to exactly https://token.actions.githubusercontent.com (no trailing slash; GitHub Enterprise with a customised issuer: https://token.actions.githubusercontent.com/<enterprise>).',
  },
  {
    codes: [700212],
    errors: ['invalid_client'],
    cause: 'no federated credential of the app has the audience of the presented token',
    step: FEDERATED,
    fix: 'Use the audience of your cloud on both sides: api://AzureADTokenExchange (public), api://AzureADTokenExchangeUSGov (usgov), api://AzureADTokenExchangeChina (china); `federated-audience` changes what is asked of GitHub.',
  },
  {
    codes: [700213],
    errors: ['invalid_client'],
    cause: 'no federated credential of the app has the subject of the presented token',
    step: FEDERATED,
    fix: 'Add a federated credential with exactly the subject Entra quotes. GitHub’s subject names the environment when the job has one, else pull_request, else the branch or tag.',
  },
  {
    codes: [7002138],
    errors: ['invalid_client'],
    cause:
      'a federated credential matches the presented subject only when upper and lower case are ignored',
    step: FEDERATED,
    fix: 'Since 2024 Entra compares subjects case-sensitively: re-create the credential with the subject exactly as Entra quotes it (owner, repository and environment names as GitHub writes them).',
  },
  {
    codes: [700024],
    errors: ['invalid_client'],
    cause:
      'the client assertion was outside its valid time range when Entra checked it (an expired or not yet valid token, or a wrong clock)',
    step: ASSERTION,
    fix: 'This action signs or fetches a fresh assertion for every token request, so check the runner’s clock (NTP on self-hosted runners) and run again; with M365_CLIENT_ASSERTION, pass a token fetched just before the run.',
  },
  {
    codes: [700027],
    errors: ['invalid_client'],
    cause:
      'the client assertion’s signature could not be verified: the certificate is not uploaded to this app (or another key signed it)',
    step: CERTIFICATE,
    fix: 'Upload the certificate (the public .cer/.pem, not the key) under Certificates & secrets → Certificates of this app registration and compare the thumbprint Entra quotes with the one shown there; store the matching key with it in `client-certificate`.',
  },
  {
    codes: [700023],
    errors: ['invalid_client'],
    cause: 'the client assertion’s audience is not the token endpoint it was sent to',
    step: 'step 2 (Directory (tenant) ID): `tenant-id` / `cloud` / `endpoints` inputs',
    fix: 'The assertion is signed for the token URL built from `tenant-id` and the cloud’s authority: check that both are the ones of this tenant and that no proxy rewrites the URL.',
  },
  {
    codes: [7000274],
    errors: ['invalid_client'],
    cause:
      'Entra refused the certificate behind the client assertion (Microsoft does not document this code; likely causes, most likely first: the certificate is outside its validity period, or the assertion’s signature is invalid)',
    step: CERTIFICATE,
    fix: 'Check the certificate’s dates under Certificates & secrets → Certificates and renew it if needed; upload the certificate that goes with the key in `client-certificate`.',
  },
  {
    codes: [50048],
    errors: ['invalid_client'],
    cause: 'the client assertion’s subject and issuer differ',
    step: CERTIFICATE,
    fix: 'A certificate assertion must have iss = sub = the client ID; this action signs it so. If the assertion came from M365_CLIENT_ASSERTION, fix the tool that made it.',
  },
  {
    codes: [5002741],
    errors: ['invalid_client'],
    cause: 'the client assertion carries more than one audience',
    step: ASSERTION,
    fix: 'Give the assertion exactly one audience: the token endpoint URL for a certificate, the exchange audience (api://AzureADTokenExchange) for a federated token.',
  },
];
