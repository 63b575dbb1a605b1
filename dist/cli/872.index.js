export const id = 872;
export const ids = [872,911,916,549,169];
export const modules = {

/***/ 7911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   helpText: () => (/* binding */ helpText),
/* harmony export */   t: () => (/* binding */ usageText)
/* harmony export */ });
/* harmony import */ var _settings_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7428);
// `m365-mail-preflight --help`: the flags (one per action input), where secrets come from, the
// exit codes, and examples to copy.

const USAGE = 'Usage: m365-mail-preflight --tenant-id ID --client-id ID [options]';
/** What a bare `m365-mail-preflight` prints: how to start, in a few lines. */
function usageText() {
    return `${USAGE}

Proves a Microsoft 365 mail setup works: permissions, token, IMAP/POP/SMTP login, secret expiry.
Secrets come from M365_CLIENT_SECRET and M365_PASSWORD (or a prompt), never from flags.

  m365-mail-preflight --help       every option, the exit codes and examples
  m365-mail-preflight --version    the version`;
}
function helpText() {
    const flags = _settings_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .FLAG_INPUTS */ .nh.map((name) => {
        const { arg, help } = (0,_settings_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputSpec */ .mm)(name).flag ?? { arg: 'VALUE', help: '' };
        return `  --${`${name} ${arg}`.padEnd(36)} ${help}`;
    });
    return `m365-mail-preflight: proves a Microsoft 365 mail setup works before anything depends on it:
the app registration's permissions, an OAuth token, an IMAP/POP/SMTP XOAUTH2 login, and the
client secret's expiry. The same engine as the GitHub Action; flags mirror its inputs.

${USAGE}
       m365-mail-preflight consent --help   the device-code verification step
       m365-mail-preflight setup --help     every setup step checked, explained and, on request, done

Environment: NO_COLOR turns colour off; FORCE_COLOR=1 turns it on (FORCE_COLOR=0 off) even
when the output is not a terminal.

Secrets are never flags (other users of the machine can read a process's arguments):
  M365_CLIENT_SECRET                     the client secret VALUE (not its ID)
  M365_PASSWORD                          the mailbox account's password (grant password)
  M365_CLIENT_CERTIFICATE                certificate + unencrypted private key, PEM
  --client-certificate-file PATH         ... or read from a file
  M365_CLIENT_ASSERTION                  another CI system's OIDC token (federation)
  --client-assertion-file PATH           ... or read from a file, again for every token request
  On a terminal, a secret the run needs and the environment lacks is asked for, without echo.

Options:
${flags.join('\n')}
  --json                                 print the JSON report instead of text
  --verbose                              details of passed checks, long tables whole, debug lines
  -V, --version                          print the version
  -h, --help                             this text
  --version                              the version of m365-mail-preflight

Exit status: 0 pass or warn; 1 fail (and warn with --fail-on warning), refused input values
included (the report names the input); 64 unusable arguments (unknown or secret flags, missing
values); 130 a secret prompt cancelled with Ctrl-C.

Examples:
  # Delegated (ROPC): the password is asked for on the terminal
  m365-mail-preflight --tenant-id contoso.onmicrosoft.com \\
    --client-id 1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b --grant password --username ci@contoso.com

  # App-only, in another CI system, the secret from its secret store
  M365_CLIENT_SECRET="$SECRET" m365-mail-preflight --tenant-id 8f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b \\
    --client-id 1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b --username ci@contoso.com --json > report.json

  # Only the client secret's expiry, failing 14 days ahead
  M365_CLIENT_SECRET="$SECRET" m365-mail-preflight --tenant-id contoso.onmicrosoft.com \\
    --client-id 1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b --checks secret-expiry --secret-expiry-failure-days 14
`;
}


/***/ }),

/***/ 2872:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  progressLine: () => (/* binding */ progressLine),
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/http/transport.ts + 1 modules
var transport = __webpack_require__(7765);
// EXTERNAL MODULE: ./src/http/deadline.ts
var http_deadline = __webpack_require__(2378);
// EXTERNAL MODULE: ./src/http/client.ts
var client = __webpack_require__(3329);
;// CONCATENATED MODULE: ./src/settings/pem-mask.ts
// The `client-certificate` PEM as secret parts to mask: loaded at start-up by every run that has
// the input (masking comes before anything is printed), so it stays apart from certificate.ts,
// which only runs that use the certificate load.
const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)\r?\n?-----END \1-----/g;
/**
 * The strings to mask for a PEM secret: the whole text and every line of every private key
 * block (a log line may show any one line of it), the key's headers excepted.
 */
function pemSecretParts(text) {
    const parts = [text, text.trim()];
    for (const m of text.replace(/\r\n/g, '\n').matchAll(BLOCK)) {
        if (!/PRIVATE KEY$/.test(m[1]))
            continue;
        parts.push(m[0]);
        for (const line of m[2].split('\n')) {
            const trimmed = line.trim();
            if (trimmed && !trimmed.includes(':'))
                parts.push(trimmed);
        }
    }
    return [...new Set(parts)].filter((p) => p.length >= 4);
}

// EXTERNAL MODULE: ./src/engine/redactor.ts
var engine_redactor = __webpack_require__(1916);
;// CONCATENATED MODULE: ./src/engine/context.ts
// Shared state of one run: settings, adapters, the deadline, the redactor, the HTTP client, and a
// memo so that each piece of remote work is done once however many checks need it, and starts as
// soon as the first check asks for it. The clients built on it (tokens, Graph, mail) are added by
// the check plan (src/checks/context.ts): the engine does not know them.




function context_createBaseContext(settings, adapters) {
    const deadline = new http_deadline/* Deadline */.B(settings.timeoutMs);
    const redactor = new engine_redactor.Redactor();
    for (const value of [settings.clientSecret, settings.password, settings.githubToken])
        redactor.add(value);
    // Secretless sign-in: the PEM (whole and each key line) and the runner's OIDC request token.
    if (settings.clientCertificate)
        for (const part of pemSecretParts(settings.clientCertificate))
            redactor.add(part);
    const source = settings.assertionSource;
    if (source?.kind === 'github')
        redactor.add(source.requestToken);
    if (source?.kind === 'value')
        redactor.add(source.value);
    const registerSecret = (value) => {
        redactor.add(value);
        adapters.registerSecret(value);
    };
    const memo = new Map();
    return {
        settings,
        adapters: { ...adapters, registerSecret },
        deadline,
        redactor,
        http: adapters.http ??
            (0,client/* createHttpClient */.u)({
                deadline,
                transport: adapters.transport,
                policy: adapters.retryPolicy,
                onRetry: ({ endpointName, attempt, waitMs, reason, note }) => adapters.log.info(`${endpointName}: ${reason}, retry ${attempt} in ${waitMs} ms${note ? ` (${note})` : ''}`),
            }),
        once(key, work) {
            let promise = memo.get(key);
            if (!promise) {
                promise = work();
                memo.set(key, promise);
            }
            return promise;
        },
    };
}

// EXTERNAL MODULE: ./src/settings/clouds.ts
var clouds = __webpack_require__(855);
;// CONCATENATED MODULE: ./src/identity/client-credential.ts
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const loaded = new Map();
/**
 * Checks `client-certificate` before any request: it parses, the key belongs to the certificate,
 * the certificate is valid now. Undefined when fine (or not used); otherwise the refusal.
 */
async function certificateProblem(settings, now) {
    if (settings.clientAuth !== 'certificate')
        return undefined;
    const { loadClientCertificate } = await __webpack_require__.e(/* import() */ 593).then(__webpack_require__.bind(__webpack_require__, 8593));
    const check = loadClientCertificate(settings.clientCertificate, now);
    if (check.ok) {
        loaded.set(settings.clientCertificate, check.certificate);
        return undefined;
    }
    return { input: 'client-certificate', message: `${check.problem}. ${check.fix}.` };
}
/** The certificate of a run, once checked (undefined before certificateProblem ran). */
async function loadedCertificate(settings) {
    if (settings.clientAuth !== 'certificate')
        return undefined;
    const known = loaded.get(settings.clientCertificate);
    if (known)
        return known;
    const { loadClientCertificate } = await __webpack_require__.e(/* import() */ 593).then(__webpack_require__.bind(__webpack_require__, 8593));
    const check = loadClientCertificate(settings.clientCertificate, new Date());
    if (!check.ok)
        return undefined;
    loaded.set(settings.clientCertificate, check.certificate);
    return check.certificate;
}
async function clientAuthFields(deps) {
    const { settings } = deps;
    switch (settings.clientAuth) {
        case 'none':
            return { ok: true, fields: {} };
        case 'secret':
            return { ok: true, fields: { client_secret: settings.clientSecret } };
        case 'certificate': {
            const certificate = await loadedCertificate(settings);
            if (!certificate)
                return {
                    ok: false,
                    failure: {
                        summary: 'the client certificate could not be loaded',
                        remediation: 'Check the client-certificate input (see the inputs check).',
                    },
                };
            const { signClientAssertion } = await __webpack_require__.e(/* import() */ 770).then(__webpack_require__.bind(__webpack_require__, 770));
            const assertion = signClientAssertion({
                certificate,
                clientId: settings.clientId,
                tokenUrl: deps.tokenUrl,
                now: deps.now(),
            });
            deps.registerSecret(assertion);
            return {
                ok: true,
                fields: { client_assertion_type: JWT_BEARER, client_assertion: assertion },
            };
        }
        case 'federated': {
            const { nextAssertion } = await __webpack_require__.e(/* import() */ 74).then(__webpack_require__.bind(__webpack_require__, 5074));
            if (!settings.assertionSource) {
                const { noOidcTokenFailure } = await __webpack_require__.e(/* import() */ 873).then(__webpack_require__.bind(__webpack_require__, 8873));
                return {
                    ok: false,
                    failure: noOidcTokenFailure(settings.assertionMissing ?? 'no-permission'),
                };
            }
            const outcome = await nextAssertion(settings.assertionSource, deps);
            if (!outcome.ok)
                return outcome;
            deps.registerSecret(outcome.assertion);
            return {
                ok: true,
                fields: { client_assertion_type: JWT_BEARER, client_assertion: outcome.assertion },
            };
        }
    }
}
/**
 * The doctor's words for an Entra refusal of a federated assertion, or undefined when the run is
 * not federated or the code is not one the doctor knows.
 */
async function federationDoctor(settings, errorCodes, assertion, now) {
    if (settings.clientAuth !== 'federated')
        return undefined;
    const doctor = await __webpack_require__.e(/* import() */ 697).then(__webpack_require__.bind(__webpack_require__, 5697));
    const code = errorCodes.find((c) => doctor.FEDERATION_CODES.has(c));
    if (code === undefined)
        return undefined;
    return {
        code,
        ...doctor.diagnoseFederation({
            code,
            presented: doctor.presentedClaims(assertion),
            clientId: settings.clientId,
            cloud: settings.cloud,
            audience: settings.federatedAudience,
            now,
        }),
    };
}

;// CONCATENATED MODULE: ./src/identity/app-credential.ts

/**
 * The form fields each credential kind adds to a token request (async: assertions are signed or
 * fetched; a federated one may be unavailable, which fails the request before it is sent).
 */
const CREDENTIAL_FIELDS = {
    'client-secret': (credential) => Promise.resolve({ ok: true, fields: { client_secret: credential.secret } }),
    certificate: (_credential, deps) => clientAuthFields(deps),
    federated: (_credential, deps) => clientAuthFields(deps),
};
/** The credential the settings give the app, or undefined (a public client with ROPC). */
function appCredentialOf(settings) {
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
const credentialFields = (credential, deps) => CREDENTIAL_FIELDS[credential.kind](credential, deps);

// EXTERNAL MODULE: ./src/text/sanitise.ts
var sanitise = __webpack_require__(9169);
// EXTERNAL MODULE: ./src/http/errors.ts
var errors = __webpack_require__(8549);
// EXTERNAL MODULE: ./src/http/types.ts
var types = __webpack_require__(5853);
;// CONCATENATED MODULE: ./src/identity/aadsts-assertions.ts
// AADSTS codes of client assertions: certificates and workload identity federation. Wording and
// sources of each reply: sandbox/entra-errors-assertions.ts. With `client-auth: federated` the
// token check adds the federated-credential doctor (federation-doctor.ts) to these entries.
const FEDERATED = 'step 2 (app registration → Certificates & secrets → Federated credentials): `client-auth: federated`, `federated-audience` inputs';
const CERTIFICATE = 'step 2 (app registration → Certificates & secrets → Certificates): `client-certificate` input';
const ASSERTION = 'step 2 (app registration → Certificates & secrets): `client-auth` input';
const ASSERTION_ENTRIES = [
    {
        codes: [70021],
        errors: ['invalid_request', 'invalid_client'],
        cause: 'no federated credential of the app matches the issuer, subject and audience of the presented token',
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
        cause: 'a federated credential matches the presented subject only when upper and lower case are ignored',
        step: FEDERATED,
        fix: 'Since 2024 Entra compares subjects case-sensitively: re-create the credential with the subject exactly as Entra quotes it (owner, repository and environment names as GitHub writes them).',
    },
    {
        codes: [700024],
        errors: ['invalid_client'],
        cause: 'the client assertion was outside its valid time range when Entra checked it (an expired or not yet valid token, or a wrong clock)',
        step: ASSERTION,
        fix: 'This action signs or fetches a fresh assertion for every token request, so check the runner’s clock (NTP on self-hosted runners) and run again; with M365_CLIENT_ASSERTION, pass a token fetched just before the run.',
    },
    {
        codes: [700027],
        errors: ['invalid_client'],
        cause: 'the client assertion’s signature could not be verified: the certificate is not uploaded to this app (or another key signed it)',
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
        cause: 'Entra refused the certificate behind the client assertion (Microsoft does not document this code; likely causes, most likely first: the certificate is outside its validity period, or the assertion’s signature is invalid)',
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

;// CONCATENATED MODULE: ./src/identity/aadsts-catalogue.ts
// What each AADSTS code means for this setup, which setup step fixes it, and how.
// Microsoft warns that codes and texts change: the diagnosis branches on the OAuth `error` first
// (oauth-errors.ts) and uses the number only to explain
// (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
// Steps are those of docs/setup.md: 1 the mailbox account (the ROPC user), 2 app registration and
// its credential, 3 API permissions and admin consent, 4 the app in Exchange Online, 5 IMAP, POP
// and SMTP AUTH turned on, 6 the token request. docs/troubleshooting.md's table is generated from
// this list (scripts/troubleshooting-tables.ts).

const MFA_FIX = 'ROPC cannot pass MFA; exclude this account with Conditional Access or use grant: client-credentials.';
const ACCOUNT = 'step 1 (the mailbox account used for ROPC): `username` / `password` inputs';
const SECRET = 'step 2 (client secret): `client-secret` input';
const REGISTRATION = 'step 2 (app registration): `client-id` / `tenant-id` inputs';
const TENANT = 'step 2 (Directory (tenant) ID): `tenant-id` / `cloud` inputs';
const CONSENT = 'step 3 (API permissions and admin consent)';
const SCOPE = 'step 6 (the token request): `scope` input';
const SIGN_IN_POLICY = 'step 1 (the mailbox account) and the tenant sign-in policies';
const CA_FIX = 'Find the policy in Entra ID → Sign-in logs (search the correlation ID) and exclude this account, or use grant: client-credentials (a runner is no managed device and cannot satisfy device conditions).';
const CONSENT_APP = 'step 3 (API permissions and admin consent) and step 2 (app registration)';
const AADSTS_ENTRIES = [
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
        cause: 'the account is locked by smart lockout after too many wrong passwords, or sign-in from this IP address is blocked',
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
        cause: 'the user has no password in Entra ID (a federated or passwordless account), which ROPC needs',
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
        cause: 'a Conditional Access policy blocked the sign-in (GitHub-hosted runners sign in from changing Azure IP addresses)',
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
        cause: 'no application with this client ID exists in this tenant (wrong client ID, wrong tenant, or a multi-tenant app without a service principal here)',
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
        cause: 'Entra treated the app as a public client, so it must not send a client secret: "Allow public client flows" is on and Entra fell back to it (ROPC carries no redirect URI), or the redirect URIs are registered under "Mobile and desktop applications"',
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
        cause: 'a required parameter is missing from the request body (or the body was not form-encoded)',
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
        cause: 'the resource in the scope does not exist in this tenant (a typo in `scope`, or no Exchange Online in the tenant)',
        step: `${SCOPE}; step 1 (a Microsoft 365 licence with Exchange Online)`,
        fix: 'Leave `scope` empty to use the default scopes, and check that the tenant has Exchange Online (the mailbox account has a licence with a mailbox).',
    },
    {
        codes: [70011],
        errors: ['invalid_scope'],
        cause: 'the scope is not valid for this grant (client credentials need `<resource>/.default`, or a scope name Entra does not know)',
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
        cause: 'the grant was revoked (a password change or an admin revocation) or sign-in frequency requires a new sign-in',
        step: 'step 6 (the token request)',
        fix: 'Request a new token with the current password; stored refresh tokens from before the change no longer work.',
    },
    {
        codes: [50020],
        errors: ['invalid_grant', 'invalid_request'],
        cause: 'the user belongs to another identity provider or tenant (a guest or a personal Microsoft account), which ROPC does not support',
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
        cause: 'the application was not found in this tenant or is disabled here (Entra has used this code for both)',
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
        cause: 'the user must complete MFA registration, which is blocked for this sign-in (risk or policy)',
        step: SIGN_IN_POLICY,
        fix: `${MFA_FIX} Have the user finish MFA registration from a trusted location first.`,
    },
    {
        codes: [530032],
        errors: ['invalid_grant', 'interaction_required'],
        cause: 'a tenant security policy blocked the sign-in (BlockedByConditionalAccessOnSecurityPolicy)',
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
        cause: 'device authentication is required (a Conditional Access device condition; Entra answers it with HTTP 401)',
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
        cause: 'the account belongs to another tenant and does not exist in this one (a guest or external account)',
        step: ACCOUNT,
        fix: 'Use a member account of the tenant that `tenant-id` names; ROPC does not work for guests.',
    },
    {
        codes: [65002],
        errors: ['invalid_grant', 'unauthorized_client'],
        cause: "a Microsoft first-party client ID was used (such as Azure CLI's or Azure PowerShell's): Microsoft's own apps cannot be consented to for this resource",
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
        cause: 'the tenant has no service principal for the resource asked for: for mail, the tenant has no Exchange Online subscription',
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
        cause: 'the app asked for a resource that its registration does not list, or that the tenant has not subscribed to',
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
        cause: 'Entra could not validate the client credentials (the older code for a wrong client secret; AADSTS50012 may follow it)',
        step: SECRET,
        fix: 'Copy the secret VALUE (not its ID) from Certificates & secrets into `client-secret`; if it was lost or expired, create a new one.',
    },
];
const AADSTS_CATALOGUE = new Map(
// Certificates and federation: aadsts-assertions.ts.
[...AADSTS_ENTRIES, ...ASSERTION_ENTRIES].flatMap((entry) => entry.codes.map((code) => [code, entry])));

;// CONCATENATED MODULE: ./src/identity/oauth-errors.ts
// The OAuth `error` values Entra's token endpoint answers with (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#error-codes-for-token-endpoint-errors), each with what
// it says about the setup in general. The diagnosis starts here, because Microsoft documents
// `error` as stable and AADSTS numbers as subject to change; the number only refines it.
const OAUTH_ERRORS = {
    invalid_grant: {
        meaning: 'Entra refused the user credentials or the grant',
        advice: 'Check setup step 1 (the mailbox account used for ROPC) and step 3 (consent)',
    },
    interaction_required: {
        meaning: 'the sign-in needs user interaction (MFA, consent or a policy prompt)',
        advice: 'Check setup step 1 and the tenant sign-in policies: ROPC cannot answer interactive prompts',
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
const UNKNOWN_OAUTH_ERROR = {
    meaning: 'the token endpoint refused the request',
    advice: 'Read Microsoft’s description in the details',
};

;// CONCATENATED MODULE: ./src/identity/token-diagnosis.ts



/**
 * The AADSTS codes in a description, in order: the only place a relayed or trimmed body keeps
 * them ("AADSTS70002: Error validating credentials. AADSTS50012: Invalid client secret...").
 */
function codesIn(description) {
    // Cut first and codes of at most 8 digits, as error_codes are (token-response.ts).
    return [...(0,sanitise.cleanText)(description ?? '').matchAll(/\bAADSTS(\d{1,8})\b/g)].map((m) => Number(m[1]));
}
/** First line of Microsoft's description, without the Trace/Correlation/Timestamp tail. */
function describeEntraError(error) {
    // Cut first (text/sanitise.ts), then plain string search: a description of a million blanks
    // took minutes through a /\s*Trace ID:.*$/ pattern and overran timeout-seconds.
    const first = (0,sanitise.cleanText)(error.error_description ?? '').split('\n')[0];
    const trace = first.indexOf('Trace ID:');
    const text = (trace < 0 ? first : first.slice(0, trace)).trim();
    return text || (0,sanitise.cleanLine)(error.error) || '(no description)';
}
function diagnoseTokenError(error, status, ctx) {
    // `error` first: Microsoft documents it as the stable part of the answer.
    // Own keys only: an `error` of "constructor" must not find Object's.
    const family = Object.hasOwn(OAUTH_ERRORS, error.error)
        ? OAUTH_ERRORS[error.error]
        : UNKNOWN_OAUTH_ERROR;
    const codes = error.error_codes?.length ? error.error_codes : codesIn(error.error_description);
    // The first code we can explain names the failure; otherwise the first code Entra sent.
    const knownCode = codes.find((c) => AADSTS_CATALOGUE.has(c));
    const known = knownCode === undefined ? undefined : AADSTS_CATALOGUE.get(knownCode);
    const shown = knownCode ?? codes[0];
    const code = shown === undefined ? undefined : `AADSTS${shown}`;
    const ids = [
        error.trace_id ? `Trace ID: ${error.trace_id}` : '',
        error.correlation_id ? `Correlation ID: ${error.correlation_id}` : '',
        error.timestamp ? `Timestamp: ${error.timestamp}` : '',
    ].filter(Boolean);
    const details = [
        `Microsoft said (HTTP ${status}${error.error ? `, ${error.error}` : ''}): ${describeEntraError(error)}`,
        ...ids,
    ].join('\n');
    const base = { details, code, httpStatus: status, error: error.error, errorCodes: codes };
    if (known) {
        return {
            ...base,
            summary: `${code}: ${known.cause}`,
            remediation: `Setup ${known.step}. ${known.fix}`,
        };
    }
    const lookup = codes[0] ? ` (https://login.microsoftonline.com/error?code=${codes[0]})` : '';
    return {
        ...base,
        summary: `${code ?? (error.error || 'unknown')}: ${family.meaning}${error.error ? ` (${error.error})` : ''}${error.error_description ? `: ${describeEntraError(error)}` : ''}`,
        remediation: `${family.advice}. This code is not in the action's catalogue: look it up${lookup} and search Entra ID → Sign-in logs for the correlation ID; tenant ${ctx.settings.tenantId}, client ${ctx.settings.clientId}.`,
    };
}
/**
 * An answer that is neither a token nor an Entra error: an HTML page (a proxy or captive portal),
 * malformed JSON, or JSON of another shape. The message quotes status and content type.
 */
function diagnoseUnreadableAnswer(response, purpose, shapeProblem) {
    const kind = response.contentType || 'no content type';
    const looksHtml = response.contentType === 'text/html' || response.text.trimStart().startsWith('<');
    const what = looksHtml
        ? 'an HTML page'
        : shapeProblem === undefined
            ? 'malformed JSON'
            : `JSON that is not a token response (${shapeProblem})`;
    return {
        summary: `the token endpoint (${purpose}) answered HTTP ${response.status} (${kind}) with ${what}`,
        remediation: looksHtml
            ? 'An HTML page usually comes from a proxy or captive portal, or an `endpoints: authority=` override that does not point at the token authority. Check the authority URL and the proxy settings (HTTPS_PROXY, NO_PROXY).'
            : 'Check that `endpoints: authority=` (if set) points at an Entra token authority and that no proxy rewrites answers; retry later if the service is degraded.',
        httpStatus: response.status,
    };
}

// EXTERNAL MODULE: ./src/identity/token-response.ts
var token_response = __webpack_require__(4031);
;// CONCATENATED MODULE: ./src/identity/token-request.ts







function tokenUrl(settings) {
    return `${settings.endpoints.authority}/${encodeURIComponent(settings.tenantId)}/oauth2/v2.0/token`;
}
async function requestToken(input) {
    const { settings, grant } = input;
    const started = Date.now();
    const form = new URLSearchParams({ client_id: settings.clientId, scope: input.scopes.join(' ') });
    if (grant === 'password') {
        form.set('grant_type', 'password');
        form.set('username', settings.username);
        form.set('password', settings.password);
    }
    else {
        form.set('grant_type', 'client_credentials');
    }
    const elapsed = () => Date.now() - started;
    // The app's proof of identity: secret, certificate assertion or federated assertion.
    const auth = input.credential
        ? await credentialFields(input.credential, {
            settings,
            http: input.http,
            registerSecret: input.registerSecret,
            now: input.now,
            tokenUrl: tokenUrl(settings),
        })
        : { ok: true, fields: {} };
    if (!auth.ok)
        return { ok: false, durationMs: elapsed(), failure: auth.failure };
    for (const [name, value] of Object.entries(auth.fields))
        form.set(name, value);
    let response;
    try {
        response = await input.http.request({
            method: 'POST',
            url: tokenUrl(settings),
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: form.toString(),
            endpointName: `token endpoint (${input.purpose})`,
            // A password may only be re-sent when the server provably did not check it.
            retry: grant === 'password' ? 'unprocessed' : 'all',
            ...(grant === 'password'
                ? {
                    resendNote: 'Entra answered before checking the password, so it is sent a second time; there is no further retry, as each wrong password counts towards smart lockout',
                }
                : {}),
        });
    }
    catch (error) {
        if (!(error instanceof errors.HttpError))
            throw error;
        return {
            ok: false,
            durationMs: elapsed(),
            failure: { summary: error.message, remediation: networkRemedy(error), code: undefined },
        };
    }
    if (response.status >= 300 && response.status < 400) {
        return { ok: false, durationMs: elapsed(), failure: redirected(response, input.purpose) };
    }
    const body = (0,types/* parseJson */.q)(response.text);
    if (response.status === 200 && body !== undefined) {
        const parsed = (0,token_response/* readTokenSuccess */.Vi)(body);
        if (parsed.ok) {
            const t = parsed.value;
            // Mask first: nothing may print these before the registry knows them.
            input.registerSecret(t.access_token);
            if (t.refresh_token)
                input.registerSecret(t.refresh_token);
            return {
                ok: true,
                durationMs: elapsed(),
                token: {
                    accessToken: t.access_token,
                    refreshToken: t.refresh_token,
                    expiresOn: new Date(input.now().getTime() + t.expires_in * 1000),
                    scopes: t.scope ? t.scope.split(/\s+/).filter(Boolean) : input.scopes,
                    tokenType: t.token_type,
                },
            };
        }
        return {
            ok: false,
            durationMs: elapsed(),
            failure: diagnoseUnreadableAnswer(response, input.purpose, shapeProblem(parsed.fields)),
        };
    }
    const entra = body === undefined ? undefined : (0,token_response/* readEntraError */.Ds)(body);
    if (entra?.ok && response.status >= 400) {
        const failure = diagnoseTokenError(entra.value, response.status, { settings, grant });
        // Federation refused: the doctor shows what the workflow presented and the fix to paste.
        const doctor = await federationDoctor(settings, entra.value.error_codes ?? [], auth.fields.client_assertion, input.now());
        if (doctor)
            return {
                ok: false,
                durationMs: elapsed(),
                failure: {
                    ...failure,
                    code: `AADSTS${doctor.code}`,
                    summary: `AADSTS${doctor.code}: ${doctor.summary}`,
                    details: `${doctor.details}\n${failure.details ?? ''}`.trim(),
                    remediation: doctor.remediation,
                },
            };
        // A certificate Entra does not know: name it by the thumbprint the portal shows.
        const certificate = settings.clientAuth === 'certificate' && entra.value.error_codes?.includes(700027)
            ? await loadedCertificate(settings)
            : undefined;
        if (certificate)
            failure.summary += ` (client-certificate: thumbprint ${certificate.thumbprints.sha1Hex}, ${certificate.subject})`;
        return { ok: false, durationMs: elapsed(), failure };
    }
    return {
        ok: false,
        durationMs: elapsed(),
        failure: diagnoseUnreadableAnswer(response, input.purpose, body === undefined
            ? undefined
            : entra && !entra.ok
                ? shapeProblem(entra.fields)
                : `an error body with HTTP ${response.status}`),
    };
}
/**
 * Entra's token endpoint answers a POST itself; a redirect comes from something in between (a
 * proxy, a captive portal, an `authority` that is not a token authority). Redirects are not
 * followed: the form holds the client secret or the password.
 */
function redirected(response, purpose) {
    const location = response.headers.location;
    let where = 'no Location given';
    if (location) {
        try {
            where = new URL(location, 'http://relative.invalid').host;
            if (where === 'relative.invalid')
                where = 'a path on the same host';
        }
        catch {
            where = 'a Location that is not a URL';
        }
    }
    return {
        summary: `the token endpoint (${purpose}) answered HTTP ${response.status}: redirected to ${(0,sanitise.cleanLine)(where, 255)}; not followed`,
        remediation: 'An Entra token endpoint does not redirect: check `endpoints: authority=` (if set) and any proxy or captive portal between the runner and Entra (HTTPS_PROXY, NO_PROXY). The request, with its secret, was not sent on.',
        httpStatus: response.status,
    };
}
/** The fields that failed validation, by name only: never the values (they may be tokens). */
function shapeProblem(fields) {
    return `missing or invalid: ${fields.join(', ')}`;
}
function networkRemedy(error) {
    if (error.kind === 'bad-response')
        return 'No token endpoint answers like this: check that `endpoints: authority=` (if set) points at an Entra token authority and that no proxy rewrites answers (HTTPS_PROXY, NO_PROXY).';
    if (error.kind === 'deadline')
        return 'Raise `timeout-seconds`, or check that the runner can reach the authority host (proxy settings: HTTPS_PROXY, NO_PROXY).';
    return 'Check that the runner can reach the authority host; behind a proxy set HTTPS_PROXY (and NO_PROXY for hosts that must bypass it). For a national cloud set `cloud`.';
}

;// CONCATENATED MODULE: ./src/identity/token-provider.ts



class TokenProvider {
    deps;
    memo = new Map();
    credential;
    constructor(deps) {
        this.deps = deps;
        this.credential = appCredentialOf(deps.settings);
    }
    /** The mail token the connector would use (the `access-token` output). */
    mail() {
        const { grant, scopes } = this.deps.settings;
        return this.token(grant, scopes, 'mail token');
    }
    /** App-only token for Microsoft Graph. Undefined when the app has no credential to get one. */
    async graph() {
        if (!this.credential)
            return undefined;
        // The token's audience is the cloud's Graph resource, whatever URL `endpoints` sends
        // requests to (a proxy or the loopback sandbox is not a resource Entra knows).
        const resource = clouds/* CLOUD_ENDPOINTS */.D[this.deps.settings.cloud].graph;
        return this.token('client-credentials', [`${resource}/.default`], 'Graph token');
    }
    /** The access token the mail token carries, when there is one. */
    async issued() {
        const mail = await this.mail();
        return mail.ok ? mail.token : undefined;
    }
    token(grant, scopes, purpose) {
        const key = `${grant} ${this.credential?.kind ?? 'none'} ${scopes.join(' ')}`;
        let promise = this.memo.get(key);
        if (!promise) {
            promise = requestToken({ ...this.deps, credential: this.credential, grant, scopes, purpose });
            this.memo.set(key, promise);
        }
        return promise;
    }
}

;// CONCATENATED MODULE: ./src/checks/context.ts


/** The check plan's context: the clients, on the engine's HTTP client, deadline and log. */
function withClients(base) {
    const tokens = new TokenProvider({
        settings: base.settings,
        http: base.http,
        registerSecret: base.adapters.registerSecret,
        now: base.adapters.now,
    });
    const graph = graphOnDemand({
        baseUrl: base.settings.endpoints.graph,
        http: base.http,
        deadline: base.deadline,
        log: base.adapters.log,
        token: async () => {
            const token = await tokens.graph();
            if (!token)
                return {
                    ok: false,
                    failure: {
                        message: 'no client secret, certificate or federated token was given, so Microsoft Graph could not be read',
                    },
                };
            if (!token.ok)
                return {
                    ok: false,
                    failure: {
                        message: `no Graph token: ${token.failure.summary}`,
                        code: token.failure.code,
                    },
                };
            return { ok: true, accessToken: token.token.accessToken };
        },
    });
    return { ...base, tokens, graph };
}
/** A check context outside a run (tests of one client or read); dispose its deadline after. */
const createRunContext = (settings, adapters) => withClients(createBaseContext(settings, adapters));
/** The registration as Graph shows it, read once per run whichever check asks first. */
const registration = (ctx) => ctx.once('registration', async () => {
    const { readRegistration } = await Promise.all(/* import() */[__webpack_require__.e(395), __webpack_require__.e(987)]).then(__webpack_require__.bind(__webpack_require__, 7987));
    return readRegistration(ctx.graph, ctx.settings.clientId, ctx.settings.clientAuth === 'federated');
});
/**
 * The Graph client, loaded on its first use: a run that reads no Graph (a token-only run) does not
 * load it, nor the response shapes it checks with (zod), which cost a tenth of a token-only
 * run's start-up (`npm run bench`).
 */
function graphOnDemand(options) {
    let client;
    const load = () => (client ??= Promise.all(/* import() */[__webpack_require__.e(395), __webpack_require__.e(561)]).then(__webpack_require__.bind(__webpack_require__, 2561)).then(({ GraphClient }) => new GraphClient(options)));
    return {
        token: async () => (await load()).token(),
        batch: async (requests) => (await load()).batch(requests),
        async *pages(start, what, maxPages) {
            yield* (await load()).pages(start, what, maxPages);
        },
        all: async (start, what, maxPages) => (await load()).all(start, what, maxPages),
        get: async (url, what) => (await load()).get(url, what),
    };
}

// EXTERNAL MODULE: ./src/identity/exchange-audiences.ts
var exchange_audiences = __webpack_require__(3315);
// EXTERNAL MODULE: ./src/identity/jwt-claims.ts
var jwt_claims = __webpack_require__(5705);
;// CONCATENATED MODULE: ./src/checks/mailbox-check.ts



const TITLES = {
    imap: 'Mailbox login (IMAP)',
    pop: 'Mailbox login (POP)',
    smtp: 'Mailbox login (SMTP)',
};
/** Each probe phase's own limit; the run's deadline caps it. */
const PROBE_TIMEOUT_MS = 15_000;
const IDS = {
    imap: 'mailbox-imap',
    pop: 'mailbox-pop',
    smtp: 'mailbox-smtp',
};
/** Which protocols the connector's activities use. */
function protocolsFor(ctx) {
    const { activities, readProtocol } = ctx.settings;
    const protocols = [];
    if (activities.includes('read'))
        protocols.push(readProtocol);
    if (activities.includes('send'))
        protocols.push('smtp');
    return protocols;
}
const mailboxCheck = {
    name: 'mailbox',
    reports: [
        { id: IDS.imap, title: TITLES.imap },
        { id: IDS.pop, title: TITLES.pop },
        { id: IDS.smtp, title: TITLES.smtp },
    ],
    async run(ctx) {
        const { results, outputs } = await mailboxLogins(ctx);
        return outputs ? { results, outputs } : { results };
    },
};
/**
 * The logins, done once per run: the mailbox check reports them, and the permissions check reads
 * what they showed (a working app-only login proves Exchange authorized the app). Only a run whose
 * `checks` include `mailbox` logs in.
 */
const mailboxLogins = (ctx) => ctx.once('mailbox-logins', () => logIn(ctx));
async function logIn(ctx) {
    // The token request goes out first: loading the probe code must not delay it.
    const pendingToken = ctx.tokens.mail();
    const mail = await __webpack_require__.e(/* import() */ 798).then(__webpack_require__.bind(__webpack_require__, 8798));
    const protocols = protocolsFor(ctx);
    const { endpoints, username } = ctx.settings;
    const probeTimeout = Math.min(PROBE_TIMEOUT_MS, ctx.deadline.remainingMs());
    const probes = protocols.map((protocol) => {
        const open = protocol === 'imap'
            ? mail.openImapProbe
            : protocol === 'pop'
                ? mail.openPopProbe
                : mail.openSmtpProbe;
        return {
            protocol,
            probe: open(endpoints[protocol], {
                timeoutMs: probeTimeout,
                ca: ctx.adapters.mailCa,
                signal: ctx.deadline.signal,
            }),
        };
    });
    try {
        const token = await pendingToken;
        if (!token.ok) {
            return {
                logins: {},
                results: probes.map(({ protocol }) => ({
                    id: IDS[protocol],
                    title: TITLES[protocol],
                    status: 'skip',
                    summary: 'not checked: needs the token (see Access token)',
                })),
            };
        }
        const accessToken = token.token.accessToken;
        // The base64 SASL string is a different string from the token: mask it too.
        ctx.adapters.registerSecret(mail.xoauth2InitialResponse(username, accessToken));
        const claims = (0,jwt_claims/* decodeClaims */.Yq)(accessToken);
        const outcomes = await Promise.all(probes.map(({ probe }) => probe.authenticate(username, accessToken)));
        const deadlineCappedProbe = probeTimeout < PROBE_TIMEOUT_MS;
        const results = await Promise.all(outcomes.map((outcome) => probeResult(ctx, outcome, claims, deadlineCappedProbe)));
        const logins = {};
        outcomes.forEach((outcome, i) => {
            // Refused: Exchange answered the login with a refusal that fails the check (not a
            // transient warning, not a network fault or a session refused before any login).
            const refused = results[i].status === 'fail' &&
                outcome.reply !== undefined &&
                outcome.stage !== 'greeting' &&
                outcome.stage !== 'starttls';
            logins[outcome.protocol] = outcome.ok ? 'ok' : refused ? 'refused' : 'unknown';
        });
        return { results, outputs: { token: token.token }, logins };
    }
    finally {
        for (const { probe } of probes)
            probe.close();
    }
}
async function probeResult(ctx, outcome, claims, 
/** The probe's own time limit was the run's remaining time, not PROBE_TIMEOUT_MS. */
deadlineCappedProbe) {
    const { protocol } = outcome;
    const where = `${ctx.settings.endpoints[protocol].host}:${ctx.settings.endpoints[protocol].port}`;
    const transcript = outcome.transcript.map((l) => `${l.dir}: ${l.text}`).join('\n');
    if (outcome.ok) {
        return {
            id: IDS[protocol],
            title: TITLES[protocol],
            status: 'pass',
            summary: `${ctx.settings.username} logged in over ${protocol.toUpperCase()} at ${where} with XOAUTH2 in ${outcome.durationMs} ms`,
            details: transcript,
        };
    }
    // The run's deadline aborted the probe while it waited on the server: name the deadline, not a
    // network fault (the probe's own error only says it was aborted). A refusal, a socket error or
    // the probe's own timeout keep their diagnosis.
    // When the deadline was nearer than the probe's own limit, the probe's timeout and the deadline's
    // abort are the same event (whichever timer fires first): both mean the deadline.
    // The probe's own timeout carries ETIMEDOUT, so the socket-error test must not apply to it:
    // under load the probe's timer can fire a moment before the deadline's.
    const cutByDeadline = !outcome.reply &&
        (outcome.timedOut ? deadlineCappedProbe : !outcome.errorCode && ctx.deadline.signal.aborted);
    if (cutByDeadline) {
        return {
            id: IDS[protocol],
            title: TITLES[protocol],
            status: 'fail',
            summary: `${protocol.toUpperCase()} ${outcome.stage}: no answer from ${where} before the run's deadline (timeout-seconds: ${Math.round(ctx.deadline.totalMs / 1000)})`,
            details: [outcome.error ?? '', transcript].filter(Boolean).join('\n'),
            remediation: 'Check that this runner can reach the host and port (firewall, egress rules; HTTP proxies do not carry IMAP/POP/SMTP), or raise `timeout-seconds` if the earlier steps took most of it.',
        };
    }
    const { diagnoseMailOutcome } = await __webpack_require__.e(/* import() */ 798).then(__webpack_require__.bind(__webpack_require__, 8798));
    const spObjectId = await servicePrincipalObjectId(ctx);
    const diagnosis = diagnoseMailOutcome(outcome, {
        grant: ctx.settings.grant,
        exchangeAuthorization: ctx.settings.exchangeAuthorization,
        clientId: ctx.settings.clientId,
        mailbox: ctx.settings.username,
        servicePrincipalObjectId: spObjectId,
        claims,
        expectedAudiences: (0,exchange_audiences/* exchangeAudiences */.pr)(ctx.settings),
    });
    return {
        id: IDS[protocol],
        title: TITLES[protocol],
        // warn: a fault on Microsoft's side (run again); every other refusal fails the check.
        status: diagnosis.status ?? 'fail',
        // One line: what was refused, at which host:port, and the most likely cause (the exact
        // reply is in details).
        summary: `${beforeColon(diagnosis.summary)} at ${where}: ${diagnosis.headline ?? firstSentence(diagnosis.cause)}`,
        details: [
            `Cause: ${diagnosis.cause}`,
            outcome.reply ? `Server reply: ${outcome.reply}` : (outcome.error ?? ''),
            transcript,
        ]
            .filter(Boolean)
            .join('\n'),
        remediation: diagnosis.setupStep
            ? `${diagnosis.setupStep}: ${diagnosis.remediation}`
            : diagnosis.remediation,
        code: outcome.code,
    };
}
/**
 * The app's service principal object id, for the Exchange commands an app-only refusal needs.
 * Read from the registration batch (shared with the permissions check, so usually free).
 */
async function servicePrincipalObjectId(ctx) {
    if (ctx.settings.grant !== 'client-credentials' || ctx.settings.clientAuth === 'none')
        return undefined;
    const sp = (await registration(ctx)).servicePrincipal;
    return sp?.ok ? sp.value.id : undefined;
}
const beforeColon = (text) => text.includes(':') ? text.slice(0, text.indexOf(':')) : text;
const firstSentence = (text) => /^.*?[.!?](?=\s|$)/s.exec(text)?.[0] ?? text;

// EXTERNAL MODULE: ./src/permissions/builtin-ids.ts
var builtin_ids = __webpack_require__(2940);
// EXTERNAL MODULE: ./src/permissions/catalogue.ts
var catalogue = __webpack_require__(7065);
// EXTERNAL MODULE: ./src/permissions/directory.ts
var directory = __webpack_require__(4663);
;// CONCATENATED MODULE: ./src/permissions/exchange-authorization.ts
const ROLE_PROTOCOL = {
    'imap.accessasapp': 'imap',
    'pop.accessasapp': 'pop',
    'smtp.sendasapp': 'smtp',
};
/** The mail protocol an Exchange Online app role authorizes, or undefined for other permissions. */
function exchangeRoleProtocol(p) {
    return p.resource === 'exchange' && p.type === 'application'
        ? ROLE_PROTOCOL[p.name.toLowerCase()]
        : undefined;
}
/** With rbac the Exchange app roles are not required. */
function requiredFor(required, mode) {
    return mode === 'rbac' ? required.filter((r) => !exchangeRoleProtocol(r)) : required;
}
const MISSING = new Set(['not-configured', 'not-consented', 'absent-from-token']);
/** A row whose Exchange app role Entra does not show granted (a login may still prove access). */
const unprovenRole = (row) => row.verdict === 'fail' &&
    !!row.problem &&
    MISSING.has(row.problem) &&
    !!exchangeRoleProtocol(row.requirement);
/**
 * auto: each unproven Exchange app role judged by the app-only login of its protocol. Logins of a
 * delegated run say nothing about the app, so they count as no login.
 */
function judgeByLogin(rows, results, grant) {
    return rows.map((row) => {
        if (!unprovenRole(row))
            return row;
        const result = grant === 'client-credentials' ? results[exchangeRoleProtocol(row.requirement)] : undefined;
        if (result === 'ok')
            return { ...row, verdict: 'pass', problem: undefined, authorizedBy: 'exchange' };
        if (result === 'refused')
            return row;
        return { ...row, verdict: 'warn', problem: 'no-login-to-tell' };
    });
}
/**
 * rbac: Exchange app roles for the run's protocols that are consented anyway (tenant-wide, broader
 * than RBAC for Applications needs).
 */
function rolesBroaderThanNeeded(evidence, protocols) {
    // Consented (appRoleAssignments): what applies tenant-wide; merely configured roles do not.
    const held = evidence.appRoles.ok ? evidence.appRoles.value : [];
    const names = held
        .filter((p) => {
        const protocol = p.name
            ? exchangeRoleProtocol({ resource: p.resource, type: p.type, name: p.name })
            : undefined;
        return protocol !== undefined && protocols.includes(protocol);
    })
        .map((p) => p.name);
    return [...new Set(names)].sort();
}

;// CONCATENATED MODULE: ./src/permissions/findings.ts


const OIDC = new Set(['offline_access', 'openid', 'profile', 'email']);
function findings(input) {
    const { settings, application, evidence, token, rows } = input;
    const out = [];
    const publicClient = publicClientFinding(settings, application, input.mailToken);
    if (publicClient)
        out.push(publicClient);
    const broader = settings.exchangeAuthorization === 'rbac'
        ? rolesBroaderThanNeeded(evidence, runProtocols(settings))
        : [];
    if (broader.length)
        out.push({
            level: 'note',
            text: `${broader.join(', ')} (Office 365 Exchange Online, application) ${broader.length > 1 ? 'are' : 'is'} consented in Entra: with exchange-authorization: rbac ` +
                'that is broader than needed (it applies to every mailbox in the tenant), and Microsoft advises against consenting it alongside RBAC for Applications.',
        });
    // Only for the mix-up it explains: Mail.Send held, SMTP.Send never added. SMTP.Send added but
    // not consented is a different mistake with its own fix (consent), so no note then.
    const smtpMissing = rows.some((r) => (r.requirement.name === 'SMTP.Send' || r.requirement.name === 'SMTP.SendAsApp') &&
        r.configured === 'no' &&
        r.consented !== 'yes');
    const isGraphMailSend = (p) => p.resource === 'graph' && p.name?.toLowerCase() === 'mail.send';
    const held = [evidence.configured, evidence.appRoles, evidence.delegated].flatMap((k) => k.ok ? k.value : []);
    if (smtpMissing && held.some(isGraphMailSend)) {
        out.push({
            level: 'note',
            text: 'Microsoft Graph Mail.Send is on the registration, but it does not allow SMTP: it covers ' +
                'sending through the Graph API only. SMTP AUTH needs SMTP.Send (delegated) or ' +
                'SMTP.SendAsApp (Exchange Online, application).',
        });
    }
    if (token.mail?.audience === 'graph') {
        out.push({
            level: 'fail',
            text: "The mail token's audience is Microsoft Graph; IMAP, POP and SMTP refuse such tokens. " +
                'Unprefixed scopes (IMAP.AccessAsUser.All) resolve to Graph.',
            remediation: 'Prefix every mail scope with the Outlook resource, e.g. ' +
                `\`${settings.endpoints.outlookDelegated}/IMAP.AccessAsUser.All\`, or leave \`scope\` empty for the defaults.`,
        });
    }
    const defaults = settings.scopes.filter((s) => s === '.default' || s.endsWith('/.default'));
    const others = settings.scopes.filter((s) => !defaults.includes(s) && !OIDC.has(s));
    if (defaults.length && others.length) {
        out.push({
            level: 'fail',
            code: 'AADSTS70011',
            text: `The \`scope\` input mixes ${defaults.join(' ')} with other scopes (${others.join(' ')}); .default cannot be combined with named scopes.`,
            remediation: `Request either \`${defaults[0]}\` alone or the named scopes alone.`,
        });
    }
    return out;
}
/**
 * "Allow public client flows" (isFallbackPublicClient) is a fallback: Entra reads it only when it
 * cannot tell the client type, as with ROPC and no redirect URI
 * (https://learn.microsoft.com/graph/api/resources/application). A token request with the secret
 * that worked proves it harmless, so it is a note; only when Entra answered AADSTS700025 is it a
 * failure, and then the redirect-URI platforms say which fix applies (Web is confidential,
 * "Mobile and desktop applications" is public).
 */
function publicClientFinding(settings, application, mailToken) {
    const mailTokenCode = mailToken.ok ? undefined : mailToken.code;
    if (!application || settings.clientAuth === 'none')
        return undefined;
    const web = application.web?.redirectUris ?? [];
    const mobile = application.publicClient?.redirectUris ?? [];
    const flag = application.isFallbackPublicClient === true;
    const authentication = `Entra ID → App registrations → ${application.displayName ? (0,sanitise.proseValue)(application.displayName) : settings.clientId} → Authentication`;
    if (mailTokenCode === 'AADSTS700025') {
        const why = [];
        const fix = [];
        if (mobile.length && !web.length) {
            why.push(`its redirect URIs are registered under "Mobile and desktop applications" (${mobile.join(', ')}) and none under Web`);
            fix.push(`${authentication}: register the redirect URI under the Web platform (Add a platform → Web) instead of "Mobile and desktop applications"`);
        }
        if (flag) {
            why.push(`"Allow public client flows" is on${web.length ? '' : ' and there is no Web redirect URI, so Entra fell back to it'}`);
            fix.push(`${authentication} → Advanced settings → "Allow public client flows": set it to No`);
        }
        if (!why.length)
            why.push('the registration shows neither the flag nor public redirect URIs');
        return {
            level: 'fail',
            code: 'AADSTS700025',
            text: `Entra treated the app as a public client and refused the client secret (AADSTS700025): ${why.join('; ')}.`,
            remediation: `${fix.join('; or ')}${fix.length ? '; or ' : ''}stop sending \`client-secret\` with \`grant: password\`.`,
        };
    }
    if (!flag)
        return undefined;
    return {
        level: 'note',
        text: '"Allow public client flows" is on. Entra uses it only when it cannot tell the client type (ROPC without a redirect URI)' +
            (mailToken.ok
                ? ', and the token request with the client secret worked: harmless here.'
                : '; the token request did not fail because of it (no AADSTS700025).'),
    };
}
/** The mail protocols the run's activities use. */
function runProtocols(settings) {
    return [
        ...(settings.activities.includes('read') ? [settings.readProtocol] : []),
        ...(settings.activities.includes('send') ? ['smtp'] : []),
    ];
}

;// CONCATENATED MODULE: ./src/permissions/graph-refusal.ts
const isGraphPermissionRefusal = (failure) => failure.code === 'Authorization_RequestDenied' || (failure.status === 403 && !failure.code);
function explainGraphRefusal(what, failure) {
    const said = failure.graphMessage ? ` ("${failure.graphMessage}")` : '';
    // A 2xx answer that could not be read (an unexpected shape) is not a refusal.
    const answered = failure.status !== undefined && failure.status >= 200 && failure.status < 300;
    const base = answered
        ? `Microsoft Graph's answer for ${what} could not be read: ${failure.message}${said}.`
        : `Microsoft Graph refused to show ${what}: ${failure.message}${said}.`;
    if (isGraphPermissionRefusal(failure))
        return `${base} Application.Read.All (and Directory.Read.All for delegated grants) would let the check see it.`;
    if (failure.code === 'ErrorAccessDenied')
        return `${base} Exchange Online refused the app access to mailbox data through Graph (an application access policy or an RBAC for Applications scope): an Exchange setting, not a missing Graph permission.`;
    return base;
}

;// CONCATENATED MODULE: ./src/permissions/grants.ts

function readEvidence(read, dir) {
    const configured = read.application
        ? {
            ok: true,
            value: read.application.requiredResourceAccess.flatMap((rra) => {
                const resource = (0,directory/* resourceOfAppId */.m)(rra.resourceAppId);
                if (!resource)
                    return [];
                return rra.resourceAccess.map((a) => {
                    const type = a.type === 'Role' ? 'application' : 'delegated';
                    return { resource, type, id: a.id, name: dir.nameOf(resource, a.id, type) };
                });
            }),
        }
        : { ok: false, failure: read.failure ?? { message: 'the application was not read' } };
    const roles = read.appRoleAssignments;
    const appRoles = !roles
        ? { ok: false, failure: configuredFailure(read) }
        : !roles.ok
            ? { ok: false, failure: roles.failure }
            : {
                ok: true,
                value: roles.value.flatMap((a) => {
                    const resource = dir.resourceOfObjectId(a.resourceId, a.resourceDisplayName);
                    if (!resource)
                        return [];
                    return [
                        {
                            resource,
                            type: 'application',
                            id: a.appRoleId,
                            name: dir.nameOf(resource, a.appRoleId, 'application'),
                        },
                    ];
                }),
            };
    const grants = read.permissionGrants;
    const delegated = !grants
        ? { ok: false, failure: configuredFailure(read) }
        : !grants.ok
            ? { ok: false, failure: grants.failure }
            : {
                ok: true,
                value: grants.value.flatMap((g) => {
                    const resource = dir.resourceOfObjectId(g.resourceId) ?? guessResource(g.scope, dir);
                    if (!resource)
                        return [];
                    return (g.scope ?? '')
                        .split(/\s+/)
                        .filter(Boolean)
                        .map((name) => ({
                        resource,
                        type: 'delegated',
                        name,
                        oneUser: g.consentType !== 'AllPrincipals',
                    }));
                }),
            };
    return { configured, appRoles, delegated };
}
const configuredFailure = (read) => read.failure ?? { message: 'Microsoft Graph was not read' };
/**
 * Grants name their resource only by object id. When the resource service principals could not be
 * read, a grant whose scopes are Graph's delegated permissions is taken as Graph's (the mail
 * delegated permissions count under either resource anyway).
 */
function guessResource(scope, dir) {
    const names = (scope ?? '').split(/\s+/).filter(Boolean);
    if (!names.length)
        return undefined;
    if (names.every((n) => dir.idOf('graph', n, 'delegated').found))
        return 'graph';
    if (names.every((n) => dir.idOf('exchange', n, 'delegated').found))
        return 'exchange';
    return undefined;
}

;// CONCATENATED MODULE: ./src/permissions/rows.ts
const RESOURCES = ['graph', 'exchange'];
function permissionRow(req, evidence, dir, token) {
    const resources = req.eitherResource ? RESOURCES : [req.resource];
    // Resolve the name to an id per resource: configured entries and app roles carry ids only.
    const ids = resources.map((r) => ({ resource: r, lookup: dir.idOf(r, req.name, req.type) }));
    const noSuchName = ids.every((i) => !i.lookup.found && i.lookup.known);
    const matches = (p) => p.type === req.type &&
        ids.some((i) => i.resource === p.resource &&
            ((i.lookup.found && p.id?.toLowerCase() === i.lookup.id.toLowerCase()) ||
                p.name?.toLowerCase() === req.name.toLowerCase()));
    const find = (known) => {
        if (!known.ok)
            return { tri: 'unknown' };
        const held = known.value.filter(matches);
        if (held.length)
            return { tri: 'yes', held };
        // An id that could not be resolved cannot be told absent from a list of ids.
        const resolvable = req.type === 'delegated' && known === evidence.delegated;
        return ids.some((i) => i.lookup.found) || resolvable ? { tri: 'no' } : { tri: 'unknown' };
    };
    const configured = find(evidence.configured);
    const consent = find(req.type === 'application' ? evidence.appRoles : evidence.delegated);
    const row = {
        requirement: req,
        configured: configured.tri,
        consented: consent.tri,
        inToken: token,
        foundUnder: (configured.held ?? consent.held)?.[0]?.resource,
        verdict: 'pass',
    };
    if (consent.held?.every((h) => h.oneUser))
        row.consentedByOneUser = true;
    const verdict = (v, problem) => ({
        ...row,
        verdict: v,
        problem,
    });
    if (noSuchName && configured.tri !== 'yes')
        return verdict('fail', 'no-such-permission');
    if (token === 'no' && row.consented === 'yes')
        return verdict('fail', 'absent-from-token');
    if (row.configured === 'no' && row.consented !== 'yes') {
        // Not configured and (not consented or unknown) and not seen working in a token.
        if (token !== 'yes')
            return verdict('fail', 'not-configured');
        return verdict('warn', 'not-on-registration');
    }
    if (row.consented === 'no')
        return verdict('fail', 'not-consented');
    if (row.configured === 'no')
        return verdict('warn', 'not-on-registration');
    if (row.consented === 'unknown') {
        if (token === 'yes')
            return verdict('pass');
        if (token === 'no')
            return verdict('fail', 'absent-from-token');
        return verdict('unknown', 'cannot-tell');
    }
    if (token === 'no')
        return verdict('fail', 'absent-from-token');
    return verdict('pass');
}

;// CONCATENATED MODULE: ./src/permissions/remediation.ts


const TYPE_LABEL = { delegated: 'Delegated permissions', application: 'Application permissions' };
function apiPermissionsPath(appName, clientId) {
    return `Entra ID → App registrations → ${appName} (app ID ${clientId}) → API permissions`;
}
function addPermissionPath(row) {
    const r = row.requirement;
    const api = r.resource === 'graph'
        ? 'Microsoft Graph'
        : `APIs my organization uses → ${builtin_ids/* RESOURCE_NAMES */.u.exchange}`;
    return `Add a permission → ${api} → ${TYPE_LABEL[r.type]} → ${r.name}`;
}
function remediationFor(rows, settings, appName, grantReadsRefused) {
    const failing = rows.filter((r) => r.verdict === 'fail' || r.verdict === 'warn');
    const base = apiPermissionsPath(appName, settings.clientId);
    const consent = `Grant admin consent for <your organisation> (tenant ${settings.tenantId})`;
    const lines = [];
    const toAdd = failing.filter((r) => r.problem === 'not-configured' || r.problem === 'not-on-registration');
    for (const r of toAdd)
        lines.push(`${base} → ${addPermissionPath(r)}.`);
    const toConsent = failing.filter((r) => r.problem === 'not-configured' || r.problem === 'not-consented');
    if (toConsent.length)
        lines.push(`${base} → ${consent}, covering ${toConsent.map((r) => r.requirement.name).join(', ')}.`);
    for (const r of failing.filter((x) => x.problem === 'no-such-permission'))
        lines.push(`${builtin_ids/* RESOURCE_NAMES */.u[r.requirement.resource]} has no ${r.requirement.type} permission named ${r.requirement.name}: check the spelling in \`extra-permissions\` (${(0,catalogue/* formatPermission */.bL)(r.requirement)}).`);
    for (const r of failing.filter((x) => x.problem === 'absent-from-token')) {
        if (r.requirement.type === 'delegated' && r.requirement.name !== 'offline_access')
            lines.push(`${r.requirement.name} is consented but the token does not carry it: request \`${settings.endpoints.outlookDelegated}/${r.requirement.name}\` in \`scope\` (or leave \`scope\` empty for the defaults).`);
        else if (r.requirement.name === 'offline_access')
            lines.push('No refresh token was issued: add `offline_access` to `scope`.');
        else
            lines.push(`${r.requirement.name} is granted but the token does not carry it yet: admin consent can take minutes to reach tokens; run again. If it persists, remove the permission, add it again and ${consent}.`);
    }
    if (grantReadsRefused)
        lines.push('To let this check tell "configured" from "consented", grant the app the Microsoft Graph application permission Application.Read.All (appRoleAssignments) and Directory.Read.All (oauth2PermissionGrants), with admin consent; or compare the API permissions page by hand.');
    return lines.length ? lines.join('\n') : undefined;
}

// EXTERNAL MODULE: ./src/settings/types.ts
var settings_types = __webpack_require__(1664);
;// CONCATENATED MODULE: ./src/permissions/token-evidence.ts



const lowerSet = (items) => new Set(items.map((i) => i.toLowerCase()));
const lastSegment = (scope) => scope.slice(scope.lastIndexOf('/') + 1);
/** The resource of `aud`: Exchange when it is one of `exchangeAudiences` (identity/exchange-audiences.ts). */
function audienceOf(claims, exchangeAudiences) {
    const aud = Array.isArray(claims?.aud) ? claims.aud[0] : claims?.aud;
    if (!aud)
        return undefined;
    const host = /^https?:\/\/([^/]+)/i.exec(aud)?.[1]?.toLowerCase();
    if (aud.toLowerCase() === settings_types/* RESOURCE_APP_IDS */.w.graph || host?.includes('graph.'))
        return 'graph';
    if ((0,exchange_audiences/* isExchangeAudience */.WV)(aud, exchangeAudiences))
        return 'exchange';
    return undefined;
}
function tokenEvidence(mail, graph, exchangeAudiences) {
    const evidence = {};
    if (mail.ok) {
        const claims = (0,jwt_claims/* decodeClaims */.Yq)(mail.token.accessToken);
        const scp = claims ? (0,jwt_claims/* delegatedScopes */.TK)(claims) : mail.token.scopes.map(lastSegment);
        evidence.mail = {
            claims,
            audience: audienceOf(claims, exchangeAudiences),
            scopes: lowerSet(scp),
            roles: lowerSet((0,jwt_claims/* appRoles */.JI)(claims)),
            refresh: !!mail.token.refreshToken,
        };
    }
    else
        evidence.mailFailure = mail.failure.summary;
    if (graph?.ok) {
        const claims = (0,jwt_claims/* decodeClaims */.Yq)(graph.token.accessToken);
        evidence.graph = { roles: lowerSet((0,jwt_claims/* appRoles */.JI)(claims)), readable: !!claims };
    }
    else if (graph)
        evidence.graphFailure = graph.failure.summary;
    return evidence;
}
/** Whether the token that should carry this permission does. */
function inToken(req, evidence, grant) {
    const name = req.name.toLowerCase();
    if (req.type === 'delegated') {
        if (grant !== 'password')
            return 'n/a';
        if (!evidence.mail)
            return 'no token';
        if (name === 'offline_access')
            return evidence.mail.refresh ? 'yes' : 'no';
        // A delegated permission of another resource than the token's is not expected in it.
        if (!req.eitherResource && evidence.mail.audience !== req.resource)
            return 'n/a';
        return evidence.mail.scopes.has(name) ? 'yes' : 'no';
    }
    if (req.resource === 'graph') {
        if (!evidence.graph)
            return evidence.graphFailure ? 'no token' : 'n/a';
        if (!evidence.graph.readable)
            return 'n/a';
        return evidence.graph.roles.has(name) ? 'yes' : 'no';
    }
    if (grant !== 'client-credentials')
        return 'n/a';
    if (!evidence.mail)
        return 'no token';
    if (evidence.mail.audience !== 'exchange')
        return 'n/a';
    return evidence.mail.roles.has(name) ? 'yes' : 'no';
}

;// CONCATENATED MODULE: ./src/permissions/not-required.ts
// Permissions the registration holds that the run does not require: reported as notes, never
// failures (the connector's other features may use them).

function notRequired(evidence, rows) {
    const required = (p) => rows.some((r) => {
        const q = r.requirement;
        if (q.type !== p.type || q.name.toLowerCase() !== p.name?.toLowerCase())
            return false;
        return q.resource === p.resource || (q.eitherResource && catalogue/* MAIL_DELEGATED */.uA.has(q.name));
    });
    const names = new Set();
    for (const part of [evidence.configured, evidence.appRoles, evidence.delegated]) {
        if (!part.ok)
            continue;
        for (const p of part.value) {
            if (required(p))
                continue;
            names.add((0,catalogue/* formatPermission */.bL)({ resource: p.resource, type: p.type, name: p.name ?? p.id ?? '?' }));
        }
    }
    return [...names].sort();
}

// EXTERNAL MODULE: ./src/mailbox/exchange-setup.ts
var exchange_setup = __webpack_require__(8607);
;// CONCATENATED MODULE: ./src/checks/permissions-check.ts
















const TITLE = 'App registration permissions';
const permissionsCheck = {
    name: 'permissions',
    reports: [{ id: 'permissions', title: TITLE }],
    async run(ctx) {
        // All three start in this tick: both token requests are in flight together, and the batch
        // follows the Graph token without waiting for the mail token.
        const [mail, graph, read] = await Promise.all([
            ctx.tokens.mail(),
            ctx.tokens.graph(),
            registration(ctx),
        ]);
        const { settings } = ctx;
        const dir = (0,directory/* buildDirectory */.W)(read);
        const evidence = readEvidence(read, dir);
        const tokens = tokenEvidence(mail, graph, (0,exchange_audiences/* exchangeAudiences */.pr)(settings));
        const mode = settings.exchangeAuthorization;
        const required = requiredFor((0,catalogue/* requiredPermissions */.kx)(settings), mode);
        let rows = required.map((r) => permissionRow(r, evidence, dir, inToken(r, tokens, settings.grant)));
        // auto: an Exchange app role Entra does not show is judged by the app-only login
        // (exchange-authorization.ts); the logins are waited for only when one is in question and
        // the run logs in at all.
        if (mode === 'auto' && rows.some(unprovenRole)) {
            const logins = settings.checks.includes('mailbox')
                ? await mailboxLogins(ctx).then((l) => l.logins, () => ({}))
                : {};
            rows = judgeByLogin(rows, logins, settings.grant);
        }
        const found = findings({
            settings,
            application: read.application,
            evidence,
            token: tokens,
            rows,
            mailToken: mail.ok ? { ok: true } : { ok: false, code: mail.failure.code },
        });
        const failing = rows.filter((r) => r.verdict === 'fail');
        const refused = refusedReads(read);
        // Graph's display name goes into the fix text: one line, no code span of its own.
        const appName = read.application?.displayName
            ? (0,sanitise.proseValue)(read.application.displayName)
            : 'your app';
        const status = statusOf(rows, found);
        const remediation = [
            // The hint about reading grants is a fix only when something is not confirmed.
            remediationFor(rows, settings, appName, refused.length > 0 && rows.some((r) => r.verdict !== 'pass')),
            ...exchangeRoutes(rows, settings, read),
            ...found.map((f) => f.remediation),
        ]
            .filter(Boolean)
            .join('\n');
        // A finding's code (e.g. AADSTS700025) when it is what decides the status.
        const code = found.find((f) => f.level === status && f.code)?.code;
        const result = {
            id: 'permissions',
            title: TITLE,
            status,
            summary: summaryOf(rows, found, rows.some((r) => r.consented === 'unknown')),
            details: detailsOf(read, evidence, dir, rows, found, refused, tokens.mailFailure),
            ...(remediation ? { remediation } : {}),
            ...(code ? { code } : {}),
            tables: [permissionTable(rows)],
        };
        // Without a Graph token nothing here can be told; when the mail token failed too, it is the
        // one credential failing twice (e.g. a runner without an OIDC token).
        const followsFrom = graph && !graph.ok && !mail.ok
            ? 'needs-token'
            : sameCauseAsToken(rows, found, mail.ok ? undefined : mail.failure.code);
        if (followsFrom)
            result.followsFrom = followsFrom;
        return {
            results: [result],
            outputs: { missingPermissions: failing.map((r) => (0,catalogue/* formatPermission */.bL)(r.requirement)) },
        };
    },
};
function statusOf(rows, found) {
    if (rows.some((r) => r.verdict === 'fail') || found.some((f) => f.level === 'fail'))
        return 'fail';
    if (rows.some((r) => r.verdict === 'warn' || r.verdict === 'unknown') ||
        found.some((f) => f.level === 'warn'))
        return 'warn';
    return 'pass';
}
/**
 * When everything this check finds wrong is the mail token's refusal seen from the registration,
 * that refusal's code: the Access token row then stays the one red row (engine/one-cause.ts).
 * AADSTS65001 (ROPC asked for delegated permissions nobody consented to): every permission that
 * is not passing is a delegated one that is not consented, or not configured at all (ROPC cannot
 * show the consent prompt a permission missing from the registration would need). A finding with
 * the token's own code (AADSTS700025, the public-client flag) explains it too. Anything else (an
 * application permission, a warning) is a cause of its own, and this row stays red.
 */
function sameCauseAsToken(rows, found, tokenCode) {
    if (!tokenCode || !/^AADSTS\d+$/.test(tokenCode))
        return undefined;
    const open = rows.filter((r) => r.verdict !== 'pass');
    const consentOnly = !open.length ||
        (tokenCode === 'AADSTS65001' &&
            open.every((r) => r.verdict === 'fail' &&
                (r.problem === 'not-consented' || r.problem === 'not-configured') &&
                r.requirement.type === 'delegated'));
    const problems = found.filter((f) => f.level !== 'note');
    if (!consentOnly || !problems.every((f) => f.code === tokenCode))
        return undefined;
    return open.length || problems.length ? tokenCode : undefined;
}
/** App-only: both ways Exchange can authorize the app, with the IDs filled in, per unproven role. */
function exchangeRoutes(rows, settings, read) {
    const sp = read.servicePrincipal?.ok ? read.servicePrincipal.value.id : undefined;
    return rows
        .filter((r) => r.verdict !== 'pass' && exchangeRoleProtocol(r.requirement))
        .map((r) => (0,exchange_setup/* appOnlyRoutes */.Ws)({
        clientId: settings.clientId,
        mailbox: settings.username || '<mailbox>',
        ...(sp ? { servicePrincipalObjectId: sp } : {}),
    }, exchangeRoleProtocol(r.requirement), r.requirement.name));
}
const PROBLEM_TEXT = {
    'not-configured': 'not configured',
    'not-consented': 'not consented',
    'absent-from-token': 'not in the token',
    'not-on-registration': 'granted but not on the registration',
    'no-such-permission': 'no such permission',
    'cannot-tell': 'could not be told',
    'no-login-to-tell': 'not granted in Entra, and no app-only login showed whether Exchange (RBAC for Applications or a mailbox permission) authorizes the app',
};
const AUTHORIZED_BY_EXCHANGE = 'authorized by Exchange (RBAC for Applications or mailbox permission)';
function summaryOf(rows, found, partial) {
    const failing = rows.filter((r) => r.verdict === 'fail');
    if (failing.length)
        return `${failing.length} of ${rows.length} required permissions missing: ${failing
            .map((r) => `${(0,catalogue/* formatPermission */.bL)(r.requirement)} ${PROBLEM_TEXT[r.problem]}`)
            .join(', ')}`;
    const bad = found.find((f) => f.level === 'fail') ?? found.find((f) => f.level === 'warn');
    if (bad)
        return bad.text;
    const unknown = rows.filter((r) => r.verdict === 'unknown' || r.verdict === 'warn');
    if (unknown.length)
        return `${rows.length - unknown.length} of ${rows.length} required permissions confirmed; ${unknown
            .map((r) => `${(0,catalogue/* formatPermission */.bL)(r.requirement)} ${PROBLEM_TEXT[r.problem]}`)
            .join(', ')}`;
    const byExchange = rows.filter((r) => r.authorizedBy);
    if (byExchange.length)
        return `${byExchange.map((r) => (0,catalogue/* formatPermission */.bL)(r.requirement)).join(', ')} not granted in Entra but ${AUTHORIZED_BY_EXCHANGE} (the app-only login worked); ${rows.length - byExchange.length} of ${rows.length} granted in Entra`;
    if (partial)
        return `all ${rows.length} required permissions are in the token (grants could not be read; judged from the token)`;
    // A failed token request leaves nothing to look in: say only what the registration shows.
    return rows.some((r) => r.inToken === 'no token')
        ? `all ${rows.length} required permissions are configured and consented (no token to look in: see the Access token check)`
        : `all ${rows.length} required permissions are configured, consented and in the token`;
}
function refusedReads(read) {
    const parts = [
        ["the app's service principal", read.servicePrincipal],
        ['appRoleAssignments (granted application permissions)', read.appRoleAssignments],
        ['oauth2PermissionGrants (consented delegated permissions)', read.permissionGrants],
        ['the Microsoft Graph service principal', read.resources?.graph],
        ['the Exchange Online service principal', read.resources?.exchange],
    ];
    return parts.flatMap(([what, part]) => (part && !part.ok ? [{ ...part.failure, what }] : []));
}
function detailsOf(read, evidence, dir, rows, found, refused, mailFailure) {
    const lines = [];
    for (const r of rows)
        lines.push(`${(0,catalogue/* formatPermission */.bL)(r.requirement)}: ${r.authorizedBy ? `${AUTHORIZED_BY_EXCHANGE}: not granted in Entra, but the app-only ${exchangeRoleProtocol(r.requirement).toUpperCase()} login worked` : r.verdict === 'pass' ? 'ok' : PROBLEM_TEXT[r.problem]}` +
            `${r.foundUnder && r.requirement.eitherResource ? ` (under ${builtin_ids/* RESOURCE_NAMES */.u[r.foundUnder]})` : ''}; needed because ${r.requirement.why}.`);
    if (read.failure)
        lines.push(`Could not read the registration through Microsoft Graph (${read.failure.message}): whether each permission is configured or consented could not be told; judged from the token alone.`);
    for (const r of refused)
        lines.push(explainGraphRefusal(r.what, r));
    if (mailFailure)
        lines.push(`No mail token to compare with: ${mailFailure}`);
    if (!read.failure)
        for (const resource of ['graph', 'exchange'])
            if (dir.source[resource] === 'built-in')
                lines.push(`Permission ids of ${builtin_ids/* RESOURCE_NAMES */.u[resource]} come from the built-in table (its service principal could not be read).`);
    for (const f of found)
        lines.push(f.text);
    lines.push(...federatedCredentialLines(read));
    const extra = notRequired(evidence, rows);
    if (extra.length)
        lines.push(`Also granted, not required (a note, not a failure): ${extra.join(', ')}.`);
    return lines.join('\n');
}
function permissionTable(rows) {
    return {
        caption: 'Permissions',
        headers: ['Permission', 'Type', 'Resource', 'Configured', 'Consented', 'In token', 'Verdict'],
        rows: rows.map((r) => [
            r.requirement.name,
            r.requirement.type,
            r.requirement.eitherResource
                ? r.foundUnder
                    ? builtin_ids/* RESOURCE_NAMES */.u[r.foundUnder]
                    : 'Microsoft Graph or Exchange Online'
                : builtin_ids/* RESOURCE_NAMES */.u[r.requirement.resource],
            r.configured,
            r.consentedByOneUser ? 'yes (one user)' : r.consented,
            r.inToken,
            r.authorizedBy
                ? `pass: ${AUTHORIZED_BY_EXCHANGE}`
                : r.verdict === 'pass'
                    ? 'pass'
                    : `${r.verdict}: ${PROBLEM_TEXT[r.problem]}`,
        ]),
    };
}
/** Entra allows 20 federated identity credentials per application. */
const FEDERATED_CREDENTIALS_MAX = 20;
/** Federation: how many of the app's 20 federated credentials are used, and which. */
function federatedCredentialLines(read) {
    const part = read.federatedCredentials;
    if (!part)
        return [];
    if (!part.ok)
        return [`Microsoft Graph did not show the federated credentials: ${part.failure.message}.`];
    const creds = part.value;
    return [
        `Federated credentials: ${creds.length} of the ${FEDERATED_CREDENTIALS_MAX} allowed are used${creds.length >= FEDERATED_CREDENTIALS_MAX ? ' (no room for another: delete one first)' : ''}.`,
        ...creds.map((c) => `  ${c.name}: issuer ${c.issuer}, subject ${c.subject ?? '(expression)'}, audience ${c.audiences.join(' ')}`),
    ];
}

// EXTERNAL MODULE: ./src/credentials/credentials.ts
var credentials = __webpack_require__(2364);
// EXTERNAL MODULE: ./src/credentials/self-expiry.ts + 1 modules
var self_expiry = __webpack_require__(4301);
// EXTERNAL MODULE: ./src/credentials/days.ts
var days = __webpack_require__(6951);
// EXTERNAL MODULE: ./src/credentials/expiry-level.ts
var expiry_level = __webpack_require__(1788);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/credentials/secret-log.ts
// The tenant scan's findings (the report's `secrets` entries) kept out of the heap: each entry is
// one JSON line appended to a file of the scan's own, and memory holds per entry only its end
// instant and where its line is (about 20 bytes). Held as objects until the report was written,
// they cost about 1 kB each of peak RSS (the objects, their copies, and the old generation grown
// around them): 60,000 in the window of a 100,000-app tenant were most of a 190 MB peak.
// Read back soonest first, one at a time, when the report is written.
//
// The file is created only once more than FLUSH_BYTES of lines are waiting (a few thousand
// entries: a small tenant never touches the disk), in a new directory of the system temp
// directory (mkdtemp, mode 0700), exclusively (O_EXCL) with mode 0600, and unlinked at once: the
// open descriptor keeps its data, nothing is left behind however the process ends, and no other
// user can open it by name. When it cannot be created or written (full disk, read-only temp
// directory) the lines stay in memory instead: slower to nothing, larger only then.



/** Lines waiting in memory before they are appended to the file (one write). */
const FLUSH_BYTES = 64 * 1024;
/** Closes a log's file once the log itself is collected (tests run many scans in one process). */
const closeOnCollect = new FinalizationRegistry((fd) => {
    try {
        (0,external_node_fs_.closeSync)(fd);
    }
    catch {
        // Already closed.
    }
});
/** Entries in the order they were added, read back soonest first. */
class SecretLog {
    dir;
    count = 0;
    /** End instant (ms) of each entry: the sort key. */
    ends = new Float64Array(256);
    /** 0 sorts before 1 at the same instant: this app's own entries before other apps'. */
    ranks = new Uint8Array(256);
    /** Byte offset of the entry's line in the file, or -(index + 1) into `kept`. */
    where = new Float64Array(256);
    /** Byte length of the entry's line (UTF-8). */
    sizes = new Uint32Array(256);
    /** Lines in memory: those not yet written (from `pendingFrom` on), and any the file refused. */
    kept = [];
    pendingFrom = 0;
    pendingBytes = 0;
    fd;
    fileBytes = 0;
    /** The file could not be created or written: every line stays in `kept`. */
    inMemory = false;
    order;
    readBuffer = Buffer.alloc(0);
    constructor(dir = external_node_os_.tmpdir) {
        this.dir = dir;
    }
    get length() {
        return this.count;
    }
    /** Adds an entry (rank 0: sorted before rank-1 entries that end at the same instant). */
    add(entry, rank = 1) {
        const line = JSON.stringify(entry);
        const size = Buffer.byteLength(line);
        if (this.count === this.ends.length)
            this.grow();
        const i = this.count++;
        this.ends[i] = Date.parse(entry.endDateTime) || 0;
        this.ranks[i] = rank;
        this.sizes[i] = size;
        this.where[i] = -(this.kept.push(line) - 1) - 1;
        this.order = undefined;
        this.pendingBytes += size;
        if (!this.inMemory && this.pendingBytes >= FLUSH_BYTES)
            this.flush();
    }
    /** Soonest first; entries ending at the same instant by rank, then in the order added. */
    *[Symbol.iterator]() {
        const order = (this.order ??= this.sorted());
        for (let n = 0; n < order.length; n++)
            yield JSON.parse(this.line(order[n]));
    }
    sorted() {
        const { ends, ranks } = this;
        const order = new Uint32Array(this.count);
        for (let i = 0; i < order.length; i++)
            order[i] = i;
        return order.sort((a, b) => ends[a] - ends[b] || ranks[a] - ranks[b] || a - b);
    }
    line(i) {
        const at = this.where[i];
        if (at < 0)
            return this.kept[-at - 1];
        const size = this.sizes[i];
        if (this.readBuffer.length < size)
            this.readBuffer = Buffer.alloc(Math.max(size, 4096));
        let read = 0;
        while (read < size) {
            const n = (0,external_node_fs_.readSync)(this.fd, this.readBuffer, read, size - read, at + read);
            if (n === 0)
                throw new Error('the scan findings file ended early');
            read += n;
        }
        return this.readBuffer.toString('utf8', 0, size);
    }
    /** Appends the waiting lines to the file; on any failure they (and later ones) stay in memory. */
    flush() {
        try {
            this.fd ??= this.openFile();
            const chunk = Buffer.from(this.kept.slice(this.pendingFrom).join(''));
            for (let done = 0; done < chunk.length;)
                done += (0,external_node_fs_.writeSync)(this.fd, chunk, done, chunk.length - done, this.fileBytes + done);
        }
        catch {
            this.inMemory = true;
            return;
        }
        // Lines of this chunk now live in the file, in the order they were added.
        let offset = this.fileBytes;
        for (let i = this.count - (this.kept.length - this.pendingFrom); i < this.count; i++) {
            this.where[i] = offset;
            offset += this.sizes[i];
        }
        this.fileBytes = offset;
        this.kept.length = this.pendingFrom;
        this.pendingBytes = 0;
    }
    openFile() {
        const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(this.dir(), 'm365-mail-preflight-scan-'));
        const path = (0,external_node_path_.join)(dir, 'secrets.jsonl');
        const fd = (0,external_node_fs_.openSync)(path, 'wx+', 0o600);
        closeOnCollect.register(this, fd);
        try {
            (0,external_node_fs_.unlinkSync)(path);
            (0,external_node_fs_.rmdirSync)(dir);
        }
        catch {
            // Where an open file cannot be removed: at exit.
            process.once('exit', () => {
                try {
                    (0,external_node_fs_.closeSync)(fd);
                    (0,external_node_fs_.unlinkSync)(path);
                    (0,external_node_fs_.rmdirSync)(dir);
                }
                catch {
                    // Left to the temp directory's cleaning.
                }
            });
        }
        return fd;
    }
    grow() {
        const size = this.ends.length * 2;
        const grown = (from) => {
            const to = new from.constructor(size);
            to.set(from);
            return to;
        };
        this.ends = grown(this.ends);
        this.ranks = grown(this.ranks);
        this.where = grown(this.where);
        this.sizes = grown(this.sizes);
    }
}

// EXTERNAL MODULE: ./src/credentials/table.ts
var table = __webpack_require__(3106);
;// CONCATENATED MODULE: ./src/credentials/tenant-apps.ts
const TENANT_SELECT = 'id,appId,displayName,passwordCredentials,keyCredentials';
const TENANT_PAGE_SIZE = 999;
/** Pages read at most (about a million applications): README, Security. */
const MAX_TENANT_PAGES = 1000;
/** Yields each page of applications; a failed page ends the listing with its failure. */
async function* listTenantApps(graph) {
    for await (const page of graph.pages({ url: `/applications?$select=${TENANT_SELECT}&$top=${TENANT_PAGE_SIZE}` }, 'the list of applications', MAX_TENANT_PAGES)) {
        if (!page.ok) {
            yield page;
            return;
        }
        const apps = [];
        let unreadable = 0;
        for (const entry of page.items) {
            const app = readTenantApp(entry);
            if (app)
                apps.push(app);
            else
                unreadable += 1;
        }
        yield { ok: true, page: { apps, unreadable } };
    }
}
const isFields = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value) => value === undefined || value === null || typeof value === 'string';
const PASSWORD_TEXT = ['displayName', 'hint', 'startDateTime', 'endDateTime'];
const KEY_TEXT = ['displayName', 'type', 'usage', 'startDateTime', 'endDateTime'];
/** The credentials of a list, or undefined when an entry is not a credential of the shape. */
function readCredentials(list, text) {
    if (list === undefined || list === null)
        return [];
    if (!Array.isArray(list))
        return undefined;
    for (const c of list)
        if (!isFields(c) || typeof c.keyId !== 'string' || !text.every((f) => isText(c[f])))
            return undefined;
    return list;
}
/** One entry of the listing as an application's credentials, or undefined when it is not one. */
function readTenantApp(entry) {
    if (!isFields(entry) || typeof entry.appId !== 'string' || !isText(entry.displayName))
        return undefined;
    const passwordCredentials = readCredentials(entry.passwordCredentials, PASSWORD_TEXT);
    const keyCredentials = readCredentials(entry.keyCredentials, KEY_TEXT);
    if (!passwordCredentials || !keyCredentials)
        return undefined;
    return {
        appId: entry.appId,
        displayName: entry.displayName,
        passwordCredentials,
        keyCredentials,
    };
}

;// CONCATENATED MODULE: ./src/credentials/tenant-scan.ts







const TENANT_TITLE = 'Credential expiry across the tenant';
/** Caps for the human-facing parts; the JSON report's secrets array keeps every credential. */
const MAX_TABLE_ROWS = 200;
const MAX_DETAIL_LINES = 500;
const MAX_ANNOTATIONS = 50;
/**
 * Apps kept whole for those parts: the ones whose soonest credential comes first. Each app takes
 * at least two detail lines, so no part can show more apps than this.
 */
const SHOWN_APPS = MAX_DETAIL_LINES / 2;
async function scanTenant(ctx) {
    const token = ctx.graphToken;
    if (!token?.ok)
        return {
            secrets: new SecretLog(),
            result: {
                id: 'secret-expiry',
                title: TENANT_TITLE,
                status: 'skip',
                summary: `not scanned: no Microsoft Graph token (${token ? token.failure.summary : 'no client secret was given'})`,
            },
        };
    const { clientId, secretExpiry } = ctx.settings;
    const now = ctx.adapters.now();
    const ownAppId = clientId.toLowerCase();
    // Whole days left are rounded down, so a credential ending at or after this instant has more
    // than warningDays left: outside the window, and no view is built for it.
    const windowEnd = now.getTime() + (secretExpiry.warningDays + 1) * days/* DAY_MS */.sO;
    const started = performance.now();
    // Memory stays flat in what is found: each report entry goes to the log (a file, about 20 bytes
    // of memory each), and only the few apps the summary shows are kept. A page is dropped once read.
    const secrets = new SecretLog();
    let shown = [];
    /** Soonest end of the last shown app after a trim: an app ending no sooner cannot enter. */
    let cutoff = Infinity;
    let appsWithFindings = 0;
    let apps = 0;
    let pages = 0;
    let unreadable = 0;
    for await (const outcome of listTenantApps(ctx.graph)) {
        if (!outcome.ok)
            return { secrets: new SecretLog(), result: refused(outcome.failure, ctx, apps) };
        pages += 1;
        unreadable += outcome.page.unreadable;
        for (const app of outcome.page.apps) {
            apps += 1;
            // This app's own credentials are judged by the self-scope result.
            if (app.appId.toLowerCase() === ownAppId)
                continue;
            const candidates = withinWindow(app, windowEnd);
            if (!candidates)
                continue;
            const views = (0,credentials/* credentialViews */.kW)(candidates, now, secretExpiry).filter((v) => (0,expiry_level/* isAlarming */.EE)(v.level));
            if (!views.length)
                continue;
            appsWithFindings += 1;
            for (const view of views)
                secrets.add((0,credentials/* toSecretReport */.Ig)(view));
            const soonest = views[0].end.getTime();
            if (soonest >= cutoff)
                continue;
            shown.push({ soonest, views });
            if (shown.length >= 2 * SHOWN_APPS) {
                shown = soonestApps(shown);
                cutoff = shown[shown.length - 1].soonest;
            }
        }
        ctx.adapters.progress?.(`secret-expiry: page ${pages}, ${apps} applications scanned, ${secrets.length} credentials within ${secretExpiry.warningDays} days`);
    }
    const ms = Math.round(performance.now() - started);
    shown = soonestApps(shown);
    const found = secrets.length;
    const scanned = `Scanned ${apps} applications (${pages} page${pages === 1 ? '' : 's'}, ${ms} ms)`;
    const details = [];
    for (const { views } of shown) {
        if (details.length >= MAX_DETAIL_LINES)
            break;
        details.push(`'${views[0].app.displayName}' (app ${views[0].app.appId}):`);
        for (const v of views)
            details.push(`  ${(0,self_expiry/* lineOf */.cA)(v, 'tenant')}`);
    }
    const totalLines = appsWithFindings + found;
    if (totalLines > MAX_DETAIL_LINES) {
        details.length = MAX_DETAIL_LINES;
        details.push(`… and ${totalLines - MAX_DETAIL_LINES} more lines (every credential is in the JSON report's secrets array)`);
    }
    if (unreadable)
        details.push(`${unreadable} entries were not applications of the expected shape and were skipped.`);
    const grouped = shown.flatMap((app) => app.views).slice(0, MAX_TABLE_ROWS);
    const soonest = shown
        .flatMap((app) => app.views)
        .sort(credentials/* soonestFirst */.CQ)
        .slice(0, MAX_ANNOTATIONS);
    return {
        secrets,
        result: {
            id: 'secret-expiry',
            title: TENANT_TITLE,
            status: found ? 'warn' : 'pass',
            summary: found
                ? `${scanned}: ${found} credential(s) of ${appsWithFindings} other app(s) expire within ${secretExpiry.warningDays} days or have expired`
                : `${scanned}: no other app has a credential expiring within ${secretExpiry.warningDays} days`,
            details: details.join('\n') || undefined,
            remediation: found
                ? 'For each app listed: Entra admin center → App registrations → the app → Certificates & secrets → New client secret (or upload a new certificate), update whatever uses it, then delete the old credential. Expired credentials that nothing uses can simply be deleted.'
                : undefined,
            tables: found
                ? [
                    (0,table/* credentialTable */.y)(`Credentials of other apps within ${secretExpiry.warningDays} days (grouped by app)`, grouped, true, Math.max(0, found - MAX_TABLE_ROWS)),
                ]
                : undefined,
            annotations: soonest.map((v) => (0,self_expiry/* annotationOf */.lW)(v, 'tenant')),
        },
    };
}
/**
 * The app with only its credentials that end before `windowEnd` (a cheap test on the date alone,
 * before any view is built), or undefined when it has none.
 */
function withinWindow(app, windowEnd) {
    const soon = (list) => list.filter((c) => c.endDateTime && Date.parse(c.endDateTime) < windowEnd);
    const passwordCredentials = soon(app.passwordCredentials);
    const keyCredentials = soon(app.keyCredentials);
    if (!passwordCredentials.length && !keyCredentials.length)
        return undefined;
    return { appId: app.appId, displayName: app.displayName, passwordCredentials, keyCredentials };
}
/** The apps in the order of their soonest credential (stable), as many as any part shows. */
const soonestApps = (apps) => apps.sort((a, b) => a.soonest - b.soonest).slice(0, SHOWN_APPS);
function refused(failure, ctx, scannedSoFar) {
    const denied = failure.status === 403 || failure.code === 'Authorization_RequestDenied';
    const partial = scannedSoFar ? ` after ${scannedSoFar} applications` : '';
    if (denied)
        return {
            id: 'secret-expiry',
            title: TENANT_TITLE,
            status: 'fail',
            code: failure.code,
            summary: `Listing the tenant's applications was refused${partial} (${failure.message}): secret-expiry-scope: tenant needs the Microsoft Graph application permission Application.Read.All`,
            remediation: `Entra admin center → App registrations → the app ${ctx.settings.clientId} → API permissions → Add a permission → Microsoft Graph → Application permissions → Application.Read.All, then Grant admin consent (an admin must). The next run's token carries it. Or use secret-expiry-scope: self, which needs no permission.`,
        };
    return {
        id: 'secret-expiry',
        title: TENANT_TITLE,
        status: 'fail',
        code: failure.code,
        summary: `The tenant's applications could not be listed${partial}: ${failure.message}`,
        remediation: 'Check that Microsoft Graph is reachable from the runner (endpoints, proxy) and run again; the scan restarts from the first page.',
    };
}

;// CONCATENATED MODULE: ./src/checks/secret-expiry-check.ts





/** The credential this run signs in with decides: the secret, the certificate, or federation. */
async function judgeCredentialInUse(ctx, read) {
    const now = ctx.adapters.now();
    if (ctx.settings.clientAuth === 'federated') {
        const { judgeFederated } = await __webpack_require__.e(/* import() */ 328).then(__webpack_require__.bind(__webpack_require__, 1328));
        return judgeFederated(read, ctx.settings, now);
    }
    const certificate = await loadedCertificate(ctx.settings);
    if (certificate) {
        const { judgeCertificateInUse } = await __webpack_require__.e(/* import() */ 328).then(__webpack_require__.bind(__webpack_require__, 1328));
        return judgeCertificateInUse(read, ctx.settings, certificate.thumbprints, now);
    }
    return (0,self_expiry/* selfScopeExpiry */.Sv)(read, ctx.settings, now);
}
const secretExpiryCheck = {
    name: 'secret-expiry',
    reports: [
        { id: 'secret-expiry', title: self_expiry/* SELF_TITLE */.M2 },
        { id: 'secret-expiry', title: TENANT_TITLE },
    ],
    async run(ctx) {
        const tenantScope = ctx.settings.secretExpiry.scope === 'tenant';
        // Both share the memoised Graph token; the registration read is shared with `permissions`.
        const [read, scan] = await Promise.all([
            registration(ctx),
            tenantScope
                ? ctx.tokens.graph().then((graphToken) => scanTenant({ ...ctx, graphToken }))
                : undefined,
        ]);
        const self = await judgeCredentialInUse(ctx, read);
        const own = self.views.slice().sort(credentials/* soonestFirst */.CQ).map(credentials/* toSecretReport */.Ig);
        // This app's few entries join the tenant's many, before other apps' that end at the same instant.
        if (scan)
            for (const entry of own)
                scan.secrets.add(entry, 0);
        return {
            results: scan ? [self.result, scan.result] : [self.result],
            outputs: {
                secrets: scan ? scan.secrets : own,
                secretInUse: self.inUse && {
                    endDateTime: self.inUse.end.toISOString(),
                    daysLeft: self.inUse.daysLeft,
                },
            },
        };
    },
};

;// CONCATENATED MODULE: ./src/checks/token-check.ts
const token_check_TITLE = 'Access token';
const tokenCheck = {
    name: 'token',
    reports: [{ id: 'token', title: token_check_TITLE }],
    async run(ctx) {
        const outcome = await ctx.tokens.mail();
        const grant = ctx.settings.grant === 'password'
            ? 'ROPC (grant: password)'
            : 'app-only (grant: client-credentials)';
        if (!outcome.ok) {
            const f = outcome.failure;
            return {
                results: [
                    {
                        id: 'token',
                        title: token_check_TITLE,
                        status: 'fail',
                        summary: f.summary,
                        details: f.details,
                        remediation: f.remediation,
                        code: f.code,
                    },
                ],
            };
        }
        const { token } = outcome;
        const minutes = Math.round((token.expiresOn.getTime() - ctx.adapters.now().getTime()) / 60000);
        return {
            results: [
                {
                    id: 'token',
                    title: token_check_TITLE,
                    status: 'pass',
                    summary: `${grant} token issued in ${outcome.durationMs} ms, valid for ${minutes} min${token.refreshToken ? ', with a refresh token' : ''}`,
                    details: `Scopes: ${token.scopes.join(' ') || '(none reported)'}\nExpires: ${token.expiresOn.toISOString()}`,
                },
            ],
            outputs: { token },
        };
    },
};

;// CONCATENATED MODULE: ./src/checks/index.ts





const CHECK_PLAN = {
    checks: [tokenCheck, permissionsCheck, secretExpiryCheck, mailboxCheck],
    context: withClients,
};

;// CONCATENATED MODULE: ./src/engine/one-cause.ts
/** The app cannot get any token: every Graph read and every mail login needs one. */
const CREDENTIAL_CODES = new Set([
    'AADSTS7000215', // invalid client secret (the secret's ID instead of its value)
    'AADSTS7000222', // the client secret has expired
    'AADSTS700016', // no such application in the tenant
    'AADSTS90002', // no such tenant
    'AADSTS700027', // client assertion signature invalid (certificate)
    'AADSTS700024', // client assertion outside its validity
    // Federation: no federated credential of the app matches the presented token (any part, the
    // issuer, the audience, the subject, the subject but for case): Entra refuses the app itself.
    'AADSTS70021',
    'AADSTS700211',
    'AADSTS700212',
    'AADSTS700213',
    'AADSTS7002138',
]);
const DEPENDENTS = new Set([
    'permissions',
    'secret-expiry',
    'mailbox-imap',
    'mailbox-pop',
    'mailbox-smtp',
]);
function foldBlockedChecks(results) {
    // `followsFrom` is the engine's to read: it never leaves the engine.
    const checks = results.map(({ followsFrom, ...check }) => ({ check, followsFrom }));
    const token = checks.find(({ check }) => check.id === 'token')?.check;
    if (token?.status !== 'fail')
        return checks.map(({ check }) => check);
    const code = token.code ?? '';
    const foldOf = (check, followsFrom) => {
        if (!DEPENDENTS.has(check.id) || check.status === 'pass')
            return undefined;
        if (check.id.startsWith('mailbox-'))
            return check.status === 'skip' ? 'needs-token' : undefined;
        if (followsFrom === 'needs-token' || CREDENTIAL_CODES.has(code))
            return 'needs-token';
        return followsFrom === code ? 'same-cause' : undefined;
    };
    const folded = checks.map(({ check, followsFrom }) => ({
        check,
        fold: foldOf(check, followsFrom),
    }));
    // The exact fixes the same-cause rows found go to the one red row, under its own.
    const fixes = folded
        .filter(({ check, fold }) => fold === 'same-cause' && check.remediation)
        .map(({ check }) => `From ${check.title}: ${check.remediation}`);
    return folded.map(({ check, fold }) => {
        if (check === token && fixes.length)
            return { ...check, remediation: [check.remediation, ...fixes].filter(Boolean).join('\n') };
        if (fold === 'same-cause')
            return sameCause(check, token);
        if (fold === 'needs-token')
            return needsToken(check, token);
        return check;
    });
}
function needsToken(check, token) {
    const saw = check.status === 'skip' ? undefined : `What this check saw: ${check.summary}`;
    return {
        id: check.id,
        title: check.title,
        status: 'skip',
        summary: `not checked: needs the token (see ${token.title})`,
        details: [saw, check.details].filter(Boolean).join('\n\n') || undefined,
        ...(check.tables ? { tables: check.tables } : {}),
    };
}
/** What the check found stays (summary, table, details); its fix and code are the token row's. */
function sameCause(check, token) {
    return {
        id: check.id,
        title: check.title,
        status: 'skip',
        summary: `same cause as ${token.title}: ${check.summary}`,
        ...(check.details ? { details: check.details } : {}),
        ...(check.tables ? { tables: check.tables } : {}),
    };
}

// EXTERNAL MODULE: ./src/engine/verdict.ts
var verdict = __webpack_require__(6559);
;// CONCATENATED MODULE: ./src/engine/run-preflight.ts





const INPUTS_TITLE = 'Inputs';
async function runChecks(parsed, adapters, plan) {
    if (!parsed.ok)
        return refusedInputs(parsed);
    const { settings } = parsed;
    const base = context_createBaseContext(settings, adapters);
    try {
        const ctx = plan.context(base);
        const selected = plan.checks.filter((check) => settings.checks.includes(check.name));
        const outputs = await Promise.all(selected.map((check) => check.run(ctx).catch((error) => {
            const [first] = check.reports;
            return {
                results: [
                    {
                        ...first,
                        status: 'fail',
                        summary: `internal error in the ${check.name} check: ${(0,errors.errorMessage)(error)}`,
                        remediation: 'This is a bug in m365-mail-preflight; please report it with the report file attached.',
                    },
                ],
            };
        })));
        const inputs = {
            id: 'inputs',
            title: INPUTS_TITLE,
            status: parsed.warnings.length ? 'warn' : 'pass',
            summary: parsed.warnings.length ? parsed.warnings[0] : 'all inputs are valid',
            details: parsed.warnings.length > 1 ? parsed.warnings.slice(1).join('\n') : undefined,
        };
        const redact = base.redactor.redact.bind(base.redactor);
        const checks = foldBlockedChecks([inputs, ...outputs.flatMap((o) => o.results)]).map((c) => redactResult(c, redact));
        const merged = outputs.map((o) => o.outputs ?? {});
        const token = merged.find((o) => o.token)?.token;
        const report = {
            version: 1,
            result: (0,verdict/* verdictOf */.Vj)(checks),
            tenantId: settings.tenantId,
            clientId: settings.clientId,
            grant: settings.grant,
            checks,
            token: token ? { expiresOn: token.expiresOn.toISOString(), scopes: token.scopes } : null,
            secrets: cleanSecrets(merged.flatMap((o) => (o.secrets ? [o.secrets] : [])), redact),
        };
        return {
            report,
            token,
            missingPermissions: merged.flatMap((o) => o.missingPermissions ?? []),
            secretInUse: merged.find((o) => o.secretInUse)?.secretInUse,
        };
    }
    finally {
        base.deadline.dispose();
    }
}
/**
 * The engine's side of the sanitising boundary (text/sanitise.ts): whatever a check put in its
 * result — Microsoft's descriptions, a mail server's replies, display names from Graph — leaves
 * the engine with control characters removed, secrets redacted (after the removal, so that a
 * secret split by control characters is still found) and each field cut to its bound.
 */
function redactResult(result, redact) {
    const text = (value, max = sanitise.MAX_FIELD_CHARS) => (0,sanitise.capText)(redact((0,sanitise.cleanText)(value, Number.MAX_SAFE_INTEGER)), max);
    // One line whatever a server put in it: front ends print summaries as log lines.
    const line = (value) => (0,sanitise.cleanLine)(text(value));
    const optional = (value, max) => value === undefined ? undefined : text(value, max);
    return {
        ...result,
        title: line(result.title),
        summary: line(result.summary),
        details: optional(result.details, sanitise.MAX_DETAILS_CHARS),
        remediation: optional(result.remediation),
        code: result.code === undefined ? undefined : line(result.code),
        tables: result.tables?.map((t) => ({
            ...t,
            caption: line(t.caption),
            headers: t.headers.map(line),
            rows: t.rows.map((r) => r.map(line)),
        })),
        annotations: result.annotations?.map((a) => ({
            ...a,
            title: line(a.title),
            message: text(a.message),
        })),
    };
}
/**
 * The checks' entries, each through cleanSecret: arrays at once; a long list (a tenant scan's)
 * as it is read, so that its entries are never all in memory, and with every secret the run
 * registered by then.
 */
function cleanSecrets(lists, redact) {
    if (lists.every((list) => Array.isArray(list)))
        return lists.flat().map((s) => cleanSecret(s, redact));
    return {
        length: lists.reduce((n, list) => n + list.length, 0),
        *[Symbol.iterator]() {
            for (const list of lists)
                for (const s of list)
                    yield cleanSecret(s, redact);
        },
    };
}
/** Graph's fields of a credential (display names, hints) through the same boundary. */
function cleanSecret(secret, redact) {
    const line = (value) => (0,sanitise.cleanLine)(redact((0,sanitise.cleanText)(value, Number.MAX_SAFE_INTEGER)));
    return {
        ...secret,
        keyId: line(secret.keyId),
        displayName: line(secret.displayName),
        hint: line(secret.hint),
        endDateTime: line(secret.endDateTime),
        app: line(secret.app),
    };
}
function refusedInputs(parsed) {
    const first = parsed.problems[0];
    const report = {
        version: 1,
        result: 'fail',
        tenantId: '',
        clientId: '',
        grant: null,
        checks: [
            {
                id: 'inputs',
                title: INPUTS_TITLE,
                status: 'fail',
                summary: `input '${first.input}' ${first.message}`,
                details: parsed.problems.map((p) => `${p.input}: ${p.message}`).join('\n'),
                remediation: "Correct each input listed above in the step's `with:` (on the command line: the flag of the same name; secrets from M365_CLIENT_SECRET and M365_PASSWORD); no request was made.",
            },
        ],
        token: null,
        secrets: [],
    };
    return { report, missingPermissions: [] };
}

;// CONCATENATED MODULE: ./src/preflight.ts
// The composition root both front ends share: the engine, run with the checks of src/checks.
// Tests drive a whole run through it, as the action and the CLI do.



async function runPreflight(parsed, adapters) {
    // A bad client-certificate is refused like any input value, before any request.
    const problem = parsed.ok ? await certificateProblem(parsed.settings, adapters.now()) : undefined;
    if (parsed.ok && problem)
        return runChecks({ ok: false, problems: [problem], warnings: parsed.warnings, frontEnd: parsed.frontEnd }, adapters, CHECK_PLAN);
    return runChecks(parsed, adapters, CHECK_PLAN);
}

;// CONCATENATED MODULE: ./src/report/json-report.ts
// Writes the contract's JSON report. Only contract fields are written (summary tables stay out).




/** Secrets entries per piece of the report: bounds what is held as text at once. */
const ENTRIES_PER_PIECE = 2_000;
/**
 * The report as JSON in pieces, indented for people, except that each `secrets` entry is one
 * line: a tenant scan can list hundreds of thousands, and indenting each of their fields doubled
 * the report's size and the time to write it. Joined, the pieces are toReportJson().
 */
function* reportJsonPieces(report) {
    const checks = report.checks.map(({ tables: _tables, annotations: _annotations, ...check }) => check);
    // Every string through the sanitising boundary once more: the report is read by scripts that
    // may print it, so it holds no control character and no field past its bound.
    const clean = (key, value) => typeof value === 'string'
        ? (0,sanitise.cleanText)(value, key === 'details' ? sanitise.MAX_DETAILS_CHARS : sanitise.MAX_FIELD_CHARS)
        : value;
    const { secrets, ...rest } = report;
    const head = JSON.stringify({ ...rest, checks, secrets: [] }, clean, 2);
    if (!secrets.length) {
        yield `${head}\n`;
        return;
    }
    // `secrets` is the last field, so the head ends with its empty array and the closing brace.
    yield `${head.slice(0, head.length - '[]\n}'.length)}[\n`;
    // Entries are read one at a time (a tenant scan's come back from a file), never all at once.
    let lines = [];
    let first = true;
    for (const entry of secrets) {
        lines.push(`    ${JSON.stringify(entry, clean)}`);
        if (lines.length < ENTRIES_PER_PIECE)
            continue;
        yield `${first ? '' : ',\n'}${lines.join(',\n')}`;
        first = false;
        lines = [];
    }
    if (lines.length)
        yield `${first ? '' : ',\n'}${lines.join(',\n')}`;
    yield '\n  ]\n}\n';
}
function toReportJson(report) {
    return [...reportJsonPieces(report)].join('');
}
/**
 * Writes the report to a file of its own: a new directory (mkdtemp, mode 0700) under RUNNER_TEMP
 * (the system temp directory outside a runner), the file created exclusively (O_EXCL) with mode
 * 0600. A fixed name would follow a symlink planted there, land in a file another user created
 * first, and let two steps or two runs overwrite each other's report. It is written piece by
 * piece: a report of a large tenant is never one string in memory.
 */
async function writeReport(report, env = process.env) {
    const base = reportBase(env);
    let dir;
    try {
        dir = await mkdtemp(join(base, 'm365-mail-preflight-'));
    }
    catch (error) {
        throw new ReportWriteError(base, error);
    }
    const path = join(dir, 'report.json');
    try {
        const file = await open(path, 'wx', 0o600);
        try {
            for (const piece of reportJsonPieces(report))
                await file.write(piece);
        }
        finally {
            await file.close();
        }
    }
    catch (error) {
        throw new ReportWriteError(path, error);
    }
    return path;
}
const reportBase = (env = process.env) => env.RUNNER_TEMP || tmpdir();
/** A file that could not be written, named with the cause in words (full disk, no permission). */
class ReportWriteError extends Error {
    path;
    constructor(path, cause) {
        super(`${path}: ${describeWriteError(cause)}`, { cause });
        this.path = path;
        this.name = 'ReportWriteError';
    }
}
const WRITE_ERRORS = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EFBIG: 'the file is larger than the system allows',
    EACCES: 'not writable (permission denied)',
    EPERM: 'not writable (operation not permitted)',
    EROFS: 'on a read-only file system',
    ENOENT: 'the directory does not exist',
    ENOTDIR: 'a part of the path is not a directory',
    EEXIST: 'a file of that name already exists',
};
function describeWriteError(error) {
    const code = error?.code;
    if (typeof code === 'string' && Object.hasOwn(WRITE_ERRORS, code))
        return `${WRITE_ERRORS[code]} (${code})`;
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/report/status.ts
const status_STATUS_ICON = {
    pass: '✅',
    warn: '⚠️',
    fail: '❌',
    skip: '⏭️',
};
const status_STATUS_WORD = {
    pass: 'passed',
    warn: 'warning',
    fail: 'failed',
    skip: 'skipped',
};
const status_VERDICT_HEADLINE = {
    pass: 'everything the mail integration needs works',
    warn: 'works, with warnings to act on',
    fail: 'the mail setup is not ready',
};
/** "3 passed, 1 warning, 1 failed": counts in a fixed order, zero counts left out. */
function status_countLine(statuses) {
    const order = ['fail', 'warn', 'pass', 'skip'];
    const words = {
        fail: ['failed', 'failed'],
        warn: ['warning', 'warnings'],
        pass: ['passed', 'passed'],
        skip: ['skipped', 'skipped'],
    };
    return order
        .map((s) => [s, statuses.filter((x) => x === s).length])
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${words[s][n === 1 ? 0 : 1]}`)
        .join(', ');
}

;// CONCATENATED MODULE: ./src/report/setup-link.ts
const SETUP_GUIDE_PATH = 'docs/setup.md';
/** The most specific step the fix names first; then the check's own step. */
const RULES = [
    [
        /New-ServicePrincipal|Add-MailboxPermission|service principal|RBAC/i,
        'exchange-service-principal',
    ],
    [
        /Set-CASMailbox|SmtpClientAuthentication|Set-TransportConfig|Email apps|security defaults/i,
        'mail-protocols',
    ],
    [/admin consent|consent/i, 'admin-consent'],
    [/API permissions|Add a permission/i, 'api-permissions'],
    [/\bscope|audience/i, 'token-request'],
    [/client secret|Certificates (&|and) secrets|certificate|federated/i, 'client-credential'],
    [/password|username|MFA|account|licen[cs]e/i, 'mailbox-account'],
    [/tenant-id|client-id|app registration|public client/i, 'app-registration'],
];
const BY_CHECK = {
    token: 'app-registration',
    permissions: 'api-permissions',
    'secret-expiry': 'client-credential',
    'mailbox-imap': 'mail-protocols',
    'mailbox-pop': 'mail-protocols',
    'mailbox-smtp': 'mail-protocols',
};
function setup_link_setupAnchor(check) {
    if (check.status === 'pass' || check.status === 'skip' || check.id === 'inputs')
        return undefined;
    const text = `${check.remediation ?? ''}\n${check.summary}`;
    return RULES.find(([pattern]) => pattern.test(text))?.[1] ?? BY_CHECK[check.id];
}
/**
 * Where the guide is for a run of the action: the action's own repository at the ref the
 * workflow uses (`uses: owner/repo@v1`), else this repository's commit (`uses: ./`).
 */
function setupGuideUrl(env) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    if (env.GITHUB_ACTION_REPOSITORY && env.GITHUB_ACTION_REF)
        return `${server}/${env.GITHUB_ACTION_REPOSITORY}/blob/${env.GITHUB_ACTION_REF}/${SETUP_GUIDE_PATH}`;
    if (env.GITHUB_REPOSITORY && env.GITHUB_SHA)
        return `${server}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/${SETUP_GUIDE_PATH}`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/report/html.ts
// HTML for the job summary and check-run output, on top of the sanitising boundary
// (text/sanitise.ts): escaping, line breaks that cannot end an HTML block, and wrapping of
// <pre> lines.

/**
 * Escaped text for inside a table cell or a heading: one line. The action's own multi-line
 * text (a fix of several steps) asks for `breaks` (line breaks as <br>) and `code` (`x` as
 * <code>x</code>); server text never gets either, so it cannot produce an element.
 */
function html_inlineHtml(text, options = {}) {
    const html = htmlText(text, { breaks: options.breaks });
    return options.code ? html.replace(/`([^`<]+)`/g, '<code>$1</code>') : html;
}
/** Width of a <pre> line in the summary before it is wrapped (GitHub shows about this much). */
const PRE_WIDTH = 110;
/**
 * Escaped text for a <pre> block, its line breaks written as &#10; (see preText). GitHub
 * neither wraps a <pre> nor lets a summary style it, so a long line (a cause, a list of
 * permissions) would hide behind a scroll bar: lines are wrapped at spaces, continuations
 * indented. Short lines (protocol transcripts) stay exactly as they are.
 */
function html_preHtml(text, width = PRE_WIDTH) {
    const lines = cleanText(text, Number.MAX_SAFE_INTEGER).trimEnd().split('\n');
    return preText(lines.flatMap((line) => wrapLine(line, width)).join('\n'));
}
function wrapLine(line, width) {
    const out = [];
    const lead = /^ */.exec(line)[0];
    let indent = lead;
    let rest = line.slice(lead.length);
    while (indent.length + rest.length > width) {
        let cut = rest.lastIndexOf(' ', width - indent.length);
        // A word longer than the line (a URL, a long value) is left whole, on a line of its own.
        if (cut <= 0)
            cut = rest.indexOf(' ');
        if (cut <= 0)
            break;
        out.push(indent + rest.slice(0, cut));
        rest = rest.slice(cut + 1);
        indent = `${lead}  `;
    }
    out.push(indent + rest);
    return out;
}
/** Cuts text to at most `max` characters, saying how much was cut. */
function html_clip(text, max) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, max)}… (${text.length - max} more characters in the JSON report)`;
}

;// CONCATENATED MODULE: ./src/report/summary-html.ts





/** GitHub's limit for one step's summary. */
const STEP_SUMMARY_MAX_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** GitHub's limit for a check run's output.summary (characters; bytes are a safe bound). */
const CHECK_RUN_SUMMARY_MAX_BYTES = 65_535;
const SUMMARY_TITLE = 'Microsoft 365 mail preflight';
const MAX_CELL = 600;
const MAX_DETAILS = 20_000;
const summary_html_MAX_TABLE_ROWS = 300;
/** Room kept for closing tags and the truncation note, so they always fit. */
const RESERVE = 1024;
function renderSummary(report, options = {}) {
    const out = new BoundedText(options.maxBytes ?? STEP_SUMMARY_MAX_BYTES);
    out.push(heading(report));
    out.push(overview(report));
    checksTable(report.checks, out, options.setupGuideUrl);
    const detailed = report.checks.filter(hasDetails);
    /** Command blocks already shown, and under which check: each is shown once. */
    const shownCommands = new Map();
    const secretsFallback = secretsTableFallback(report);
    if (detailed.length || secretsFallback) {
        if (out.tryPush('<h3>Details</h3>\n\n')) {
            for (const check of detailed)
                if (!out.tryPush(checkDetails(check, shownCommands)))
                    break;
            if (secretsFallback)
                out.tryPush(secretsFallback);
        }
    }
    if (options.overflow?.length)
        out.tryPush(overflowBlock(options.overflow));
    out.tryPush('<p>The full report (JSON) is at the path in the <code>report-path</code> output.</p>\n');
    return out.finish();
}
function heading(report) {
    return `<h2>${STATUS_ICON[report.result]} ${SUMMARY_TITLE}: ${report.result}</h2>\n\n`;
}
function overview(report) {
    const facts = [
        report.tenantId ? `tenant <code>${inlineHtml(report.tenantId)}</code>` : '',
        report.clientId ? `app <code>${inlineHtml(report.clientId)}</code>` : '',
        report.grant ? `grant <code>${report.grant}</code>` : '',
    ].filter(Boolean);
    const counts = countLine(report.checks.map((c) => c.status));
    return `<p><strong>${capitalise(VERDICT_HEADLINE[report.result])}.</strong> ${counts}.${facts.length ? ` Checked ${facts.join(', ')}.` : ''}</p>\n\n`;
}
function checksTable(checks, out, guide) {
    // A run with nothing to fix has no Fix column: an empty column only draws the eye.
    const withFix = checks.some((c) => c.remediation);
    out.push(`<table>\n<thead><tr><th>Check</th><th>Status</th><th>Summary</th>${withFix ? '<th>Fix</th>' : ''}</tr></thead>\n<tbody>\n`);
    let shown = 0;
    for (const check of checks) {
        if (!out.tryPush(checkRow(check, withFix, guide), '</tbody>\n</table>\n\n'.length + 200))
            break;
        shown++;
    }
    if (shown < checks.length)
        out.push(`<tr><td colspan="${withFix ? 4 : 3}">… ${checks.length - shown} more results did not fit: see the JSON report.</td></tr>\n`);
    out.push('</tbody>\n</table>\n\n');
}
function checkRow(check, withFix, guide) {
    const code = check.code ? `<br><code>${inlineHtml(check.code)}</code>` : '';
    // The words of the fix only: its commands are under the check, in Details, to copy.
    const fix = splitFix(check.remediation);
    const anchor = guide && check.remediation ? setupAnchor(check) : undefined;
    const below = (fix.commands.length ? ' (commands in Details below)' : '') +
        (anchor ? ` <a href="${inlineHtml(`${guide}#${anchor}`)}">Setup guide: ${anchor}</a>` : '');
    return `<tr><td>${inlineHtml(check.title)}</td><td>${STATUS_ICON[check.status]}&nbsp;${STATUS_WORD[check.status]}${code}</td><td>${inlineHtml(clip(check.summary, MAX_CELL))}</td>${withFix ? `<td>${inlineHtml(clip(fix.prose, MAX_CELL * 2), { breaks: true, code: true })}${below}</td>` : ''}</tr>\n`;
}
const hasDetails = (check) => Boolean(check.details?.trim()) ||
    Boolean(check.tables?.length) ||
    splitFix(check.remediation).commands.length > 0;
/**
 * The fix's commands as a fenced code block (GitHub renders Markdown inside <details> when blank
 * lines surround it, with a copy button), once: a later check with the same commands points up.
 */
function commandBlock(check, shown) {
    const { commands, language } = splitFix(check.remediation);
    if (!commands.length)
        return '';
    const text = commands.join('\n');
    const earlier = shown.get(text);
    if (earlier)
        return `<p>Fix: the same commands as under <strong>${inlineHtml(earlier)}</strong>.</p>\n`;
    shown.set(text, check.title);
    // A fence longer than any backtick run inside keeps the block closed where it should be.
    const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    return `\n<p><strong>Fix</strong>, to copy:</p>\n\n${fence}${language}\n${text}\n${fence}\n\n`;
}
function checkDetails(check, shownCommands) {
    // Open what needs attention, and the tables (permissions, secrets) even on a pass: they are
    // what a reader comes to the summary for. Passing transcripts stay folded.
    const open = check.status === 'fail' || check.status === 'warn' || check.tables?.length ? ' open' : '';
    // The code once: many summaries already start with it ("AADSTS7000215: ...").
    const code = check.code && !check.summary.includes(check.code) ? ` (${inlineHtml(check.code)})` : '';
    const parts = [
        `<details${open}><summary><strong>${STATUS_ICON[check.status]} ${inlineHtml(check.title)}</strong>${code}: ${inlineHtml(clip(check.summary, MAX_CELL))}</summary>\n`,
    ];
    parts.push(commandBlock(check, shownCommands));
    for (const table of check.tables ?? [])
        parts.push(detailTable(table));
    if (check.details?.trim())
        parts.push(`<pre>${preHtml(clip(check.details, MAX_DETAILS))}</pre>\n`);
    parts.push('</details>\n\n');
    return parts.join('');
}
function detailTable(table) {
    const rows = table.rows.slice(0, summary_html_MAX_TABLE_ROWS);
    const head = table.headers.map((h) => `<th>${inlineHtml(h)}</th>`).join('');
    const body = rows
        .map((r) => `<tr>${r.map((cell) => `<td>${inlineHtml(clip(cell, MAX_CELL))}</td>`).join('')}</tr>`)
        .join('\n');
    const more = table.rows.length > rows.length
        ? `\n<tr><td colspan="${table.headers.length}">… ${table.rows.length - rows.length} more rows in the JSON report.</td></tr>`
        : '';
    return `<p><strong>${inlineHtml(table.caption)}</strong></p>\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}${more}\n</tbody>\n</table>\n`;
}
/** Secrets the report lists when no check brought its own table for them. */
function secretsTableFallback(report) {
    if (!report.secrets.length)
        return undefined;
    if (report.checks.some((c) => c.id === 'secret-expiry' && c.tables?.length))
        return undefined;
    const rows = Array.from(report.secrets, (s) => [
        s.app,
        `${s.displayName || '(no description)'} (${s.hint}…)`,
        s.endDateTime,
        String(s.daysLeft),
        s.inUse ? 'yes' : '',
    ]);
    return `${detailTable({ caption: 'Client secrets', headers: ['App', 'Secret', 'Expires', 'Days left', 'In use'], rows })}\n`;
}
function overflowBlock(overflow) {
    const items = overflow
        .map((a) => `<li>${a.level === 'error' ? '❌' : '⚠️'} <strong>${inlineHtml(a.title)}</strong>: ${overflowMessage(a)}</li>`)
        .join('\n');
    return `<h3>More problems</h3>\n\n<p>A step shows at most ${MAX_ANNOTATIONS_PER_LEVEL} error and ${MAX_ANNOTATIONS_PER_LEVEL} warning annotations; these ${overflow.length} did not fit:</p>\n<ul>\n${items}\n</ul>\n\n`;
}
/** The message on one line, and the action's fix (if any) on a line of its own. */
function overflowMessage(a) {
    const tail = a.fix === undefined ? '' : `\nFix: ${a.fix}`;
    const body = tail && a.message.endsWith(tail) ? a.message.slice(0, -tail.length) : a.message;
    const fix = tail && body !== a.message ? a.fix : undefined;
    return `${inlineHtml(clip(body, MAX_CELL))}${fix === undefined
        ? ''
        : `<br>Fix: ${inlineHtml(clip(fix, MAX_CELL), { breaks: true, code: true })}`}`;
}
const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);
/** Text that never grows past `max` bytes; whatever could not be added is named at the end. */
class BoundedText {
    max;
    parts = [];
    bytes = 0;
    omitted = 0;
    constructor(max) {
        this.max = max;
    }
    /** Required pieces: kept within the reserve, cut hard only if even that is exceeded. */
    push(piece) {
        const size = Buffer.byteLength(piece);
        if (this.bytes + size > this.max - RESERVE / 2) {
            this.omitted++;
            return;
        }
        this.parts.push(piece);
        this.bytes += size;
    }
    /** Optional pieces: added only if they fit with room left for `keep` more bytes. */
    tryPush(piece, keep = 0) {
        if (this.omitted > 0)
            return false;
        const size = Buffer.byteLength(piece);
        if (this.bytes + size + keep > this.max - RESERVE) {
            this.omitted++;
            return false;
        }
        this.parts.push(piece);
        this.bytes += size;
        return true;
    }
    finish() {
        if (this.omitted)
            this.parts.push('<p><em>Some details were left out to stay within GitHub’s size limit; the JSON report has everything.</em></p>\n');
        return this.parts.join('');
    }
}

;// CONCATENATED MODULE: ./src/report/junit.ts
// The report as JUnit XML (`junit-path` / `--junit FILE`), so test-report actions
// (dorny/test-reporter, EnricoMi/publish-unit-test-result-action) and other CI systems show the
// preflight natively: one <testcase> per check; a failure's text is its summary and its fix.
//
// The shape is the Apache Ant JUnit schema (the de facto one; the test validates against it):
// a single <testsuite> root with <properties>, the test cases, <system-out> and <system-err>,
// and the attributes that schema requires (timestamp without a zone, in UTC; hostname).
// JUnit has no "warning": a warning is a failure when it fails the step (`fail-on: warning`),
// otherwise a passing test case, and the suite's <system-out> lists it.





const SUITE = 'm365-mail-preflight';
function toJUnitXml(report, options) {
    const failed = (c) => c.status === 'fail' || (c.status === 'warn' && options.failOn === 'warning');
    const failures = report.checks.filter(failed).length;
    const skipped = report.checks.filter((c) => c.status === 'skip').length;
    const warnings = report.checks.filter((c) => c.status === 'warn');
    const attrs = (pairs) => Object.entries(pairs)
        .map(([k, v]) => ` ${k}="${escapeXml(String(v), true)}"`)
        .join('');
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuite${attrs({
            name: SUMMARY_TITLE,
            timestamp: options.startedAt.toISOString().slice(0, 19),
            hostname: options.hostname || (0,external_node_os_.hostname)() || 'localhost',
            tests: report.checks.length,
            failures,
            errors: 0,
            skipped,
            time: seconds(options.durationMs),
        })}>`,
        '  <properties>',
        ...Object.entries({
            result: report.result,
            'tenant-id': report.tenantId,
            'client-id': report.clientId,
            grant: report.grant ?? '',
        })
            .filter(([, value]) => value)
            .map(([name, value]) => `    <property${attrs({ name, value })}/>`),
        '  </properties>',
    ];
    for (const check of report.checks) {
        const open = `  <testcase${attrs({ name: check.title, classname: `${SUITE}.${check.id}`, time: '0' })}`;
        if (failed(check)) {
            lines.push(`${open}>`, `    <failure${attrs({ message: check.summary, type: check.code ?? check.status })}>${escapeXml(failureText(check))}</failure>`, '  </testcase>');
        }
        else if (check.status === 'skip') {
            lines.push(`${open}>`, `    <skipped${attrs({ message: check.summary })}/>`, '  </testcase>');
        }
        else
            lines.push(`${open}/>`);
    }
    const out = [
        `${SUMMARY_TITLE}: ${report.result.toUpperCase()}, ${status_VERDICT_HEADLINE[report.result]} (${status_countLine(report.checks.map((c) => c.status))})`,
        ...warnings.map((c) => `warning: ${c.title}: ${c.summary}${c.remediation ? `\nFix: ${c.remediation}` : ''}`),
    ];
    lines.push(`  <system-out>${escapeXml(out.join('\n'))}</system-out>`, '  <system-err></system-err>', '</testsuite>');
    return `${lines.join('\n')}\n`;
}
async function writeJUnit(xml, path) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    await (0,promises_.writeFile)(path, xml);
    return path;
}
/** The failure's body: what went wrong, then the fix, then the details. */
function failureText(check) {
    return [check.summary, check.remediation && `Fix: ${check.remediation}`, check.details]
        .filter(Boolean)
        .join('\n\n');
}
const seconds = (ms) => (Math.max(0, ms) / 1000).toFixed(3);
/**
 * Text safe in XML element content, or in an attribute value with `attribute` (where line
 * breaks and tabs are written as character references, else parsers turn them into spaces).
 * The five entities are escaped, and what XML 1.0 cannot carry at all is dropped (C0 controls
 * other than tab, line feed and carriage return; U+FFFE, U+FFFF; lone surrogates), since server
 * text quoted in a summary may contain them.
 */
function escapeXml(text, attribute = false) {
    const escaped = text
        .replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/\r/g, '&#13;');
    return attribute ? escaped.replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : escaped;
}

// EXTERNAL MODULE: ./src/settings/default-scopes.ts
var default_scopes = __webpack_require__(7092);
// EXTERNAL MODULE: ./src/settings/inputs.ts
var inputs = __webpack_require__(7428);
// EXTERNAL MODULE: ./src/settings/client-auth.ts
var client_auth = __webpack_require__(309);
// EXTERNAL MODULE: ./src/settings/validators.ts
var validators = __webpack_require__(6566);
;// CONCATENATED MODULE: ./src/settings/parse-settings.ts
// Turns raw input strings (from the action's inputs or the CLI's flags) into typed Settings.
// Every refusal names the input and the reason; no value of a secret input is ever echoed.





const ACTIVITIES = ['read', 'send'];
const CHECKS = ['permissions', 'token', 'mailbox', 'secret-expiry'];
function parseSettings(raw, federation = client_auth/* NO_FEDERATION */.YW) {
    const problems = [];
    const warnings = [];
    const problem = (input, message) => problems.push({ input, message });
    // '' means "not given" (the runner passes every declared input, empty when unset).
    const get = (name) => {
        const value = raw[name] ?? '';
        return name === 'password' ? value : value.trim();
    };
    const withDefault = (name) => get(name) || inputs/* DEFAULTS */.zY[name];
    const oneOf = (name, allowed) => {
        const value = withDefault(name);
        if (allowed.includes(value))
            return value;
        problem(name, `'${value}' is not one of: ${allowed.join(', ')}`);
        return allowed[0];
    };
    const listOf = (name, allowed) => {
        const items = (0,validators/* splitList */.ry)(withDefault(name));
        const unknown = items.filter((item) => !allowed.includes(item));
        if (unknown.length)
            problem(name, `unknown value(s) ${unknown.map((u) => `'${u}'`).join(', ')}; allowed: ${allowed.join(', ')}`);
        const known = [...new Set(items.filter((item) => allowed.includes(item)))];
        if (!known.length && !unknown.length)
            problem(name, `must name at least one of: ${allowed.join(', ')}`);
        return known;
    };
    const wholeNumber = (name, min, max) => {
        const value = withDefault(name);
        const parsed = Number(value);
        if (/^\d+$/.test(value) && parsed >= min && parsed <= max)
            return parsed;
        problem(name, `'${value}' must be a whole number from ${min} to ${max}`);
        return Number(inputs/* DEFAULTS */.zY[name]);
    };
    const tenantId = get('tenant-id');
    if (!tenantId)
        problem('tenant-id', 'is required: the Directory (tenant) ID from Entra ID → Overview');
    else {
        const why = (0,validators/* tenantIdProblem */.T0)(tenantId);
        if (why)
            problem('tenant-id', why);
    }
    const clientId = get('client-id');
    if (!clientId)
        problem('client-id', 'is required: the Application (client) ID from Entra ID → App registrations → your app → Overview');
    else if (!(0,validators/* isGuid */.W_)(clientId))
        problem('client-id', `'${clientId}' is not a GUID; give the Application (client) ID from the app registration's Overview page`);
    const clientSecret = get('client-secret');
    if (clientSecret && (0,validators/* isGuid */.W_)(clientSecret)) {
        warnings.push("client-secret looks like a GUID: that is usually the secret's ID, not its value. Copy the Value column (shown once, when the secret is created) from Certificates & secrets.");
    }
    const username = get('username');
    const password = get('password');
    if (password && password !== password.trim()) {
        warnings.push('password has leading or trailing whitespace; it is sent as given, but Entra ROPC does not support such passwords (expect AADSTS50126).');
    }
    const grantInput = oneOf('grant', ['auto', 'password', 'client-credentials']);
    const grant = grantInput === 'auto' ? (password ? 'password' : 'client-credentials') : grantInput;
    const activities = listOf('activities', ACTIVITIES);
    const readProtocol = oneOf('read-protocol', ['imap', 'pop']);
    const permissionsProfile = oneOf('permissions-profile', ['flow', 'email-connector']);
    const exchangeAuthorization = oneOf('exchange-authorization', ['auto', 'entra', 'rbac']);
    const checks = listOf('checks', CHECKS);
    const warningDays = wholeNumber('secret-expiry-warning-days', 0, 3650);
    const failureDays = wholeNumber('secret-expiry-failure-days', 0, 3650);
    if (failureDays > warningDays) {
        problem('secret-expiry-failure-days', `${failureDays} is more than secret-expiry-warning-days (${warningDays}); the failure window must lie inside the warning window`);
    }
    const secretExpiryScope = oneOf('secret-expiry-scope', ['self', 'tenant']);
    const failOn = oneOf('fail-on', ['error', 'warning']);
    const cloud = oneOf('cloud', ['public', 'usgov', 'usgov-dod', 'china']);
    const timeoutSeconds = wholeNumber('timeout-seconds', 1, 3600);
    const checkRun = oneOf('check-run', ['auto', 'always', 'never']);
    const endpoints = parseEndpoints(get('endpoints'), clouds/* CLOUD_ENDPOINTS */.D[cloud], (m) => problem('endpoints', m));
    const extraPermissions = parseExtraPermissions(get('extra-permissions'), (m) => problem('extra-permissions', m));
    // How the app proves itself: a secret, a certificate or a federated assertion (client-auth.ts).
    const auth = (0,client_auth/* resolveClientAuth */.EC)({
        clientAuth: get('client-auth'),
        clientSecret,
        clientCertificate: get('client-certificate'),
        federatedAudience: get('federated-audience'),
        grant,
        cloud,
        env: federation,
    });
    for (const p of auth.problems)
        problem(p.input, p.message);
    crossFieldRules({ grant, checks, username, password, hasAppCredential: auth.settings.clientAuth !== 'none' }, problem);
    const scopeInput = get('scope');
    const scopes = scopeInput
        ? scopeInput.split(/\s+/).filter(Boolean)
        : (0,default_scopes/* defaultMailScopes */.i)(grant, activities, readProtocol, endpoints);
    if (problems.length)
        return {
            ok: false,
            problems,
            warnings,
            frontEnd: refusedFrontEnd(get('check-run'), get('github-token'), get('junit-path')),
        };
    return {
        ok: true,
        warnings,
        frontEnd: {
            failOn,
            checkRun,
            githubToken: get('github-token'),
            timeoutMs: timeoutSeconds * 1000,
            junitPath: get('junit-path'),
        },
        settings: {
            ...auth.settings,
            tenantId,
            clientId,
            clientSecret,
            username,
            password,
            grant,
            grantSource: grantInput === 'auto' ? 'auto' : 'input',
            activities,
            readProtocol,
            scopes,
            scopeSource: scopeInput ? 'input' : 'default',
            permissionsProfile,
            exchangeAuthorization,
            extraPermissions,
            checks,
            secretExpiry: { warningDays, failureDays, scope: secretExpiryScope },
            failOn,
            cloud,
            endpoints,
            timeoutMs: timeoutSeconds * 1000,
            githubToken: get('github-token'),
            checkRun,
        },
    };
}
/** The rules between inputs: what the chosen grant and checks need of the others. */
function crossFieldRules(given, problem) {
    const { grant, checks, username, password, hasAppCredential } = given;
    const needsUserToken = grant === 'password' &&
        (checks.includes('token') || checks.includes('mailbox') || checks.includes('permissions'));
    if (needsUserToken) {
        if (!username)
            problem('username', 'is required with grant: password (the mailbox account that signs in, as its UPN)');
        if (!password)
            problem('password', 'is required with grant: password');
    }
    if (checks.includes('secret-expiry') && !hasAppCredential) {
        problem('client-secret', 'is required by the secret-expiry check (it reads the registration through Microsoft Graph with an app-only token); or set client-certificate, or use federation');
    }
    if (checks.includes('mailbox') && !username && grant === 'client-credentials') {
        problem('username', 'is required by the mailbox check: the mailbox (UPN) that IMAP/POP/SMTP open');
    }
    if (username && !username.includes('@')) {
        problem('username', `'${username}' is not a user principal name; give the mailbox account as user@domain`);
    }
}
/** Refused inputs: the defaults, and the pull-request check's inputs when they can be read. */
function refusedFrontEnd(checkRun, githubToken, junitPath) {
    return {
        junitPath,
        failOn: 'error',
        checkRun: checkRun === 'always' || checkRun === 'never' ? checkRun : 'auto',
        githubToken,
        timeoutMs: Number(inputs/* DEFAULTS */.zY['timeout-seconds']) * 1000,
    };
}
function parseEndpoints(value, base, problem) {
    const endpoints = { ...base };
    for (const line of (0,validators/* splitLines */.uz)(value)) {
        const eq = line.indexOf('=');
        const key = eq > 0 ? line.slice(0, eq).trim() : '';
        const val = eq > 0 ? line.slice(eq + 1).trim() : '';
        if (!key || !val) {
            problem(`'${line}' is not key=value`);
            continue;
        }
        if (key === 'authority' || key === 'graph' || key === 'outlook-resource') {
            const { origin, problem: why } = (0,validators/* parseBaseUrl */.Q2)(val);
            if (why || !origin)
                problem(`${key}: ${why}`);
            else if (key === 'authority')
                endpoints.authority = origin;
            else if (key === 'graph')
                endpoints.graph = origin;
            else
                endpoints.outlookDelegated = endpoints.outlookApp = origin;
        }
        else if (key === 'imap' || key === 'pop' || key === 'smtp') {
            const { host, port, problem: why } = (0,validators/* parseHostPort */.Dv)(val);
            if (why || !host || !port)
                problem(`${key}: ${why}`);
            else
                endpoints[key] = { host, port };
        }
        else {
            problem(`unknown key '${key}'; allowed: authority, graph, outlook-resource, imap, pop, smtp`);
        }
    }
    return endpoints;
}
const EXTRA_PERMISSION = /^(graph|exchange):\s*([A-Za-z][\w.]*)\s*\((delegated|application)\)$/i;
function parseExtraPermissions(value, problem) {
    const refs = [];
    for (const line of (0,validators/* splitLines */.uz)(value)) {
        const match = EXTRA_PERMISSION.exec(line);
        if (!match) {
            problem(`'${line}' is not of the form resource:Permission (type), e.g. graph:Mail.Send (application)`);
            continue;
        }
        refs.push({
            resource: match[1].toLowerCase(),
            name: match[2],
            type: match[3].toLowerCase(),
        });
    }
    return refs;
}

;// CONCATENATED MODULE: ./src/cli/args.ts
// The CLI's flags: one per action input (`--tenant-id` for `tenant-id`), except the secrets,
// which are refused: a process's arguments are visible to every user of the machine (ps, /proc)
// and end up in shell history. Secrets come from the environment or a prompt instead.

/** Flags that name a file holding a secret, rather than the secret itself. */
const FILE_FLAGS = {
    '--client-certificate-file': 'clientCertificateFile',
    '--client-assertion-file': 'clientAssertionFile',
};
/** Shorter spellings of input flags. */
const ALIASES = { junit: 'junit-path' };
function parseCliArgs(argv) {
    const options = { json: false, help: false, version: false, verbose: false };
    const values = new Map();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--json')
            options.json = true;
        else if (arg === '--help' || arg === '-h')
            options.help = true;
        else if (arg === '--version' || arg === '-V')
            options.version = true;
        else if (arg === '--verbose')
            options.verbose = true;
        else if (arg.split('=')[0] in FILE_FLAGS) {
            const flag = arg.split('=')[0];
            const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
            if (!value || value.startsWith('--'))
                return { ok: false, message: `${flag} needs a path` };
            options[FILE_FLAGS[flag]] = value;
        }
        else if (arg.startsWith('--')) {
            const eq = arg.indexOf('=');
            const typed = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
            const name = (ALIASES[typed] ?? typed);
            // Say why a secret flag is refused, and never repeat its value.
            if (inputs/* SECRET_INPUTS */.pH.includes(name))
                return { ok: false, message: secretFlagMessage(name) };
            if (inputs/* ACTION_ONLY_INPUTS */.As.includes(name))
                return {
                    ok: false,
                    message: `--${name} is an action input only: the command line creates no pull-request check.`,
                };
            if (!inputs/* FLAG_INPUTS */.nh.includes(name)) {
                const suggestion = closestFlag(name);
                return {
                    ok: false,
                    message: `unknown option '${arg.slice(0, eq > 0 ? eq : undefined)}'${suggestion ? `; did you mean --${suggestion}?` : ''}`,
                };
            }
            let value;
            if (eq > 0)
                value = arg.slice(eq + 1);
            else {
                value = argv[i + 1];
                if (value === undefined || value.startsWith('--'))
                    return { ok: false, message: `--${name} needs a value` };
                i++;
            }
            const seen = values.get(name);
            if (seen && !inputs/* REPEATABLE_INPUTS */.Ae.includes(name))
                return { ok: false, message: `--${name} was given more than once` };
            values.set(name, [...(seen ?? []), value]);
        }
        else {
            return {
                ok: false,
                message: `unexpected argument '${arg.length > 40 ? `${arg.slice(0, 40)}…` : arg}'; options start with --`,
            };
        }
    }
    const raw = {};
    for (const [name, list] of values)
        raw[name] = list.join('\n');
    return { ok: true, raw, options };
}
/** Flags that take no value. */
const SWITCHES = ['json', 'help', 'verbose', 'version'];
/**
 * The known flag a mistyped one most likely meant: the one it begins (`--tenant` for
 * `--tenant-id`), or the nearest by edit distance when that is small for its length.
 */
function closestFlag(typed) {
    const known = [...inputs/* FLAG_INPUTS */.nh, ...SWITCHES];
    const lower = typed.toLowerCase();
    const prefixed = known.filter((flag) => lower.length >= 3 && flag.startsWith(lower));
    if (prefixed.length === 1)
        return prefixed[0];
    let best;
    for (const flag of known) {
        const distance = editDistance(lower, flag);
        if (!best || distance < best.distance)
            best = { flag, distance };
    }
    return best && best.distance <= Math.max(2, Math.floor(lower.length / 4)) ? best.flag : undefined;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++)
            row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = row;
    }
    return previous[b.length];
}
function secretFlagMessage(name) {
    const env = inputs/* SECRET_ENV */.$7[name];
    const where = env
        ? `set the environment variable ${env} instead, or leave it unset to be asked on the terminal (without echo)`
        : 'the command line does not use it';
    return `--${name} is refused: secrets are never taken from the command line, where other users of this machine can read them (ps, /proc) and shell history keeps them; ${where}.`;
}

// EXTERNAL MODULE: ./src/cli/help.ts
var help = __webpack_require__(7911);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/cli/render-text.ts




const SGR = { red: 31, green: 32, yellow: 33, grey: 90, bold: 1, dim: 2 };
const STATUS_TONE = {
    pass: 'green',
    warn: 'yellow',
    fail: 'red',
    skip: 'grey',
};
const STATUS_MARK = { pass: '✔', warn: '!', fail: '✘', skip: '-' };
/** A terminal shows this much of a table or of a check's details unless --verbose: a tenant
 * scan can list thousands of credentials, and the JSON report (--json) always has them all. */
const TEXT_MAX_ROWS = 20;
const TEXT_MAX_DETAIL_LINES = 40;
/**
 * Whether to colour a stream. FORCE_COLOR decides when set, as in Node itself and most tools
 * (`0`/`false` off, anything else on: CI logs that render colour, `| less -R`); otherwise a
 * terminal without NO_COLOR (https://no-color.org).
 */
function useColor(stream, env) {
    const force = env.FORCE_COLOR;
    if (force !== undefined)
        return !['0', 'false'].includes(force.toLowerCase());
    return Boolean(stream.isTTY) && !env.NO_COLOR;
}
function renderText(raw, style) {
    // Server text reaches the terminal only through the sanitising boundary: no escape sequence
    // (colours, an OSC 52 clipboard write) and no carriage return that rewrites a line.
    const report = cleanForTerminal(raw);
    const paint = (tone, text) => style.color ? `\u001b[${SGR[tone]}m${text}\u001b[0m` : text;
    const lines = [];
    const verdict = report.result.toUpperCase();
    lines.push(`${paint('bold', SUMMARY_TITLE)}: ${paint(STATUS_TONE[report.result], verdict)}, ${status_VERDICT_HEADLINE[report.result]}`);
    const facts = [
        report.tenantId && `tenant ${report.tenantId}`,
        report.clientId && `app ${report.clientId}`,
        report.grant && `grant ${report.grant}`,
    ].filter(Boolean);
    if (facts.length)
        lines.push(paint('dim', facts.join(', ')));
    lines.push('');
    const width = Math.max(...report.checks.map((c) => c.title.length));
    for (const check of report.checks) {
        const status = `${STATUS_MARK[check.status]} ${check.status.toUpperCase().padEnd(4)}`;
        const code = check.code && !check.summary.includes(check.code) ? ` (${check.code})` : '';
        lines.push(`${paint(STATUS_TONE[check.status], status)}  ${paint('bold', check.title.padEnd(width))}  ${check.summary}${code}`);
        const indent = ' '.repeat(8);
        if (check.remediation) {
            // A fix of several steps keeps every line under "Fix:", not at the left margin.
            const [first, ...more] = check.remediation.split(/\r?\n/);
            lines.push(`${indent}${paint('bold', 'Fix:')} ${first}`);
            for (const line of more)
                lines.push(`${indent}     ${line}`);
            const anchor = setup_link_setupAnchor(check);
            if (anchor)
                lines.push(`${indent}${paint('dim', `Setup guide: ${SETUP_GUIDE_PATH}#${anchor}`)}`);
        }
        if (check.status === 'pass' && !style.verbose)
            continue;
        for (const table of check.tables ?? []) {
            const shown = style.verbose ? table : { ...table, rows: table.rows.slice(0, TEXT_MAX_ROWS) };
            lines.push(...textTable(shown).map((l, i) => indent + (i < 2 ? paint('dim', l) : l)));
            const hidden = table.rows.length - shown.rows.length;
            if (hidden > 0)
                lines.push(indent + paint('dim', moreNote(hidden, 'rows')));
        }
        if (check.details) {
            const all = check.details.split(/\r?\n/);
            const shown = style.verbose ? all : all.slice(0, TEXT_MAX_DETAIL_LINES);
            for (const line of shown)
                lines.push(indent + paint('dim', line));
            if (all.length > shown.length)
                lines.push(indent + paint('dim', moreNote(all.length - shown.length, 'lines')));
        }
    }
    lines.push('');
    lines.push(`Result: ${paint(STATUS_TONE[report.result], verdict)} (${status_countLine(report.checks.map((c) => c.status))})`);
    return `${lines.join('\n')}\n`;
}
function cleanForTerminal(report) {
    const text = (value) => (0,sanitise.cleanText)(value, Number.MAX_SAFE_INTEGER);
    const line = (value) => (0,sanitise.cleanLine)(value, Number.MAX_SAFE_INTEGER);
    return {
        ...report,
        tenantId: line(report.tenantId),
        clientId: line(report.clientId),
        checks: report.checks.map((check) => ({
            ...check,
            title: line(check.title),
            summary: line(check.summary),
            code: check.code === undefined ? undefined : line(check.code),
            remediation: check.remediation === undefined ? undefined : text(check.remediation),
            details: check.details === undefined ? undefined : text(check.details),
            tables: check.tables?.map((t) => ({
                caption: line(t.caption),
                headers: t.headers.map(line),
                rows: t.rows.map((r) => r.map(line)),
            })),
        })),
    };
}
const moreNote = (count, what) => `… ${count} more ${what}: --verbose shows them, --json gives the whole report`;
function textTable(table) {
    const widths = table.headers.map((h, i) => Math.min(40, Math.max(h.length, ...table.rows.map((r) => (r[i] ?? '').length))));
    const row = (cells) => cells
        .map((c, i) => (c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c).padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    return [`${table.caption}:`, row(table.headers), ...table.rows.map(row)];
}

;// CONCATENATED MODULE: ./src/cli/secrets.ts

/** Secret inputs taken from the environment; the password exactly as given (untrimmed). */
function secretsFromEnv(env) {
    const raw = {};
    for (const [input, variable] of Object.entries(inputs/* SECRET_ENV */.$7)) {
        const value = env[variable];
        if (value)
            raw[input] = value;
    }
    return raw;
}
class PromptCancelled extends Error {
    constructor() {
        super('cancelled');
    }
}
/**
 * Asks for a secret with echo off: raw mode, so the terminal shows nothing of what is typed.
 * Enter ends it; Backspace deletes; Ctrl-C cancels.
 */
function promptHidden(question, input, output) {
    return new Promise((resolve, reject) => {
        let value = '';
        output.write(question);
        input.setRawMode?.(true);
        input.setEncoding('utf8');
        const finish = (error) => {
            input.removeListener('data', onData);
            input.setRawMode?.(false);
            input.pause();
            output.write('\n');
            if (error)
                reject(error);
            else
                resolve(value);
        };
        const onData = (chunk) => {
            for (const char of chunk) {
                if (char === '\r' || char === '\n' || char === '\u0004')
                    return finish();
                if (char === '\u0003')
                    return finish(new PromptCancelled());
                if (char === '\u007f' || char === '\b')
                    value = value.slice(0, -1);
                else
                    value += char;
            }
        };
        input.on('data', onData);
        input.resume();
    });
}

;// CONCATENATED MODULE: ./src/cli/main.ts
// The CLI front end: flags and environment → the same settings parser and engine as the action →
// text or the JSON report on stdout, and the contract's exit status. Everything it prints goes
// through a redactor that knows every secret of the run (inputs and tokens).

















/**
 * The contract's exit codes. `usage` (64, EX_USAGE) is for a command line that cannot be read at
 * all (an unknown or secret flag, a missing value, a stray argument): no report exists then.
 * Input VALUES that are refused (`--tenant-id common`, a missing secret) are a failed preflight
 * like any other: the report says which input and why, and the status is `failed` (1), as the
 * action's is. `cancelled` (130, as a shell reports Ctrl-C) is a secret prompt the user left.
 */
const EXIT = { ok: 0, failed: 1, usage: 64, cancelled: 130 };
async function runCli(argv, io) {
    // The setup assistant's subcommands, loaded only when asked for: the preflight's start-up
    // does not load them.
    if (argv[0] === 'consent' || argv[0] === 'setup') {
        const { runAssistant } = await Promise.all(/* import() */[__webpack_require__.e(395), __webpack_require__.e(553)]).then(__webpack_require__.bind(__webpack_require__, 7553));
        return runAssistant(argv[0], argv.slice(1), io);
    }
    const redactor = new engine_redactor.Redactor();
    const out = (text) => io.stdout.write(redactor.redact(text));
    const err = (text) => io.stderr.write(redactor.redact(text));
    if (argv.length === 0) {
        // Nothing to check without a tenant and an app: say how, rather than fail a preflight.
        err(`${(0,help/* usageText */.t)()}\n`);
        return EXIT.usage;
    }
    const args = parseCliArgs(argv);
    if (!args.ok) {
        err(`m365-mail-preflight: ${args.message}\nRun with --help for the options.\n`);
        return EXIT.usage;
    }
    if (args.options.help) {
        out((0,help.helpText)());
        return EXIT.ok;
    }
    if (args.options.version) {
        out(`${version/* VERSION */.x}\n`);
        return EXIT.ok;
    }
    const secrets = secretsFromEnv(io.env);
    if (args.options.clientCertificateFile) {
        const pem = await readSecretFile(args.options.clientCertificateFile);
        if (pem === undefined) {
            err(`m365-mail-preflight: --client-certificate-file: cannot read '${args.options.clientCertificateFile}'\n`);
            return EXIT.usage;
        }
        secrets['client-certificate'] = pem;
    }
    // Trimmed too: the parser trims the client secret, and either form could reach a message.
    for (const value of Object.values(secrets))
        [value, value.trim()].forEach((v) => redactor.add(v));
    if (secrets['client-certificate'])
        for (const part of pemSecretParts(secrets['client-certificate']))
            redactor.add(part);
    for (const name of ['M365_CLIENT_ASSERTION', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'])
        redactor.add(io.env[name]?.trim());
    // Federation: GitHub's OIDC offer when the CLI runs in a workflow, or another CI's token.
    const federation = (0,client_auth/* federationFromEnv */.Jr)(io.env, false, {
        assertionFile: args.options.clientAssertionFile,
    });
    let raw = { ...args.raw, ...secrets };
    let parsed = parseSettings(raw, federation);
    if (!parsed.ok && io.stdin.isTTY) {
        const asked = await askMissingSecrets(parsed, io);
        if (asked === 'cancelled') {
            err('\nm365-mail-preflight: cancelled\n');
            return EXIT.cancelled;
        }
        for (const value of Object.values(asked))
            redactor.add(value);
        raw = { ...raw, ...asked };
        if (Object.keys(asked).length)
            parsed = parseSettings(raw, federation);
    }
    const startedAt = io.now?.() ?? new Date();
    const verbose = args.options.verbose;
    const progress = progressLine(io.stderr, redactor);
    const outcome = await runPreflight(parsed, {
        log: {
            debug: (m) => (verbose ? err(`debug: ${(0,sanitise.cleanText)(m, Infinity)}\n`) : undefined),
            info: (m) => err(`${(0,sanitise.cleanText)(m, Infinity)}\n`),
            warning: (m) => err(`warning: ${(0,sanitise.cleanText)(m, Infinity)}\n`),
        },
        registerSecret: (value) => redactor.add(value),
        now: io.now ?? (() => new Date()),
        // The proxy (HTTPS_PROXY, NO_PROXY) comes from the CLI's environment.
        transport: (0,transport/* createTransport */.o)({ env: io.env }),
        retryPolicy: io.retryPolicy,
        mailCa: io.mailCa,
        progress: progress.show,
    });
    progress.clear();
    const { report } = outcome;
    const { junitPath, failOn } = parsed.frontEnd;
    if (junitPath) {
        const now = io.now?.() ?? new Date();
        const xml = toJUnitXml(report, {
            failOn,
            startedAt,
            durationMs: now.getTime() - startedAt.getTime(),
        });
        try {
            await writeJUnit(redactor.redact(xml), junitPath);
        }
        catch (error) {
            err(`warning: could not write the JUnit report to '${junitPath}': ${error instanceof Error ? error.message : String(error)}\n`);
        }
    }
    if (args.options.json)
        out(toReportJson(report));
    else {
        for (const warning of parsed.ok ? [] : parsed.warnings)
            err(`warning: ${warning}\n`);
        out(renderText(report, { color: useColor(io.stdout, io.env), verbose }));
    }
    // Refused input values fail the preflight (exit 1), as in the action: the report names them.
    if (!parsed.ok) {
        const secretsMissing = parsed.problems
            .map((p) => inputs/* SECRET_ENV */.$7[p.input])
            .filter((v, i, all) => v !== undefined && all.indexOf(v) === i);
        if (secretsMissing.length)
            err(`hint: the CLI reads secrets from ${secretsMissing.join(' and ')} (or asks for them on a terminal), never from flags.\n`);
        return EXIT.failed;
    }
    return (0,verdict/* failsStep */.ug)(report.result, parsed.frontEnd.failOn) ? EXIT.failed : EXIT.ok;
}
/** Asks, on the terminal, for the secrets whose absence the parser refused. */
async function askMissingSecrets(parsed, io) {
    // A PEM cannot be typed at a prompt: it comes from M365_CLIENT_CERTIFICATE or a file.
    const wanted = Object.keys(inputs/* SECRET_ENV */.$7).filter((input) => input !== 'client-certificate' &&
        parsed.problems.some((p) => p.input === input && p.message.startsWith('is required')));
    // Other refusals would remain after prompting: report them without asking anything.
    if (parsed.problems.some((p) => !wanted.includes(p.input)))
        return {};
    const answers = {};
    try {
        for (const input of wanted) {
            const label = input === 'password' ? 'Password of the mailbox account' : 'Client secret value';
            const value = await promptHidden(`${label} (${inputs/* SECRET_ENV */.$7[input]}): `, io.stdin, io.stderr);
            if (value)
                answers[input] = value;
        }
    }
    catch (error) {
        if (error instanceof PromptCancelled)
            return 'cancelled';
        throw error;
    }
    return answers;
}
/** One rewritten line on a terminal for long scans; nothing elsewhere (logs stay clean). */
function progressLine(stream, redactor) {
    let shown = false;
    return {
        show: (message) => {
            if (!stream.isTTY)
                return;
            stream.write(`\r\u001b[2K${redactor.redact((0,sanitise.cleanLine)(message))}`);
            shown = true;
        },
        clear: () => {
            if (shown)
                stream.write('\r\u001b[2K');
        },
    };
}
async function readSecretFile(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 2364:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CQ: () => (/* binding */ soonestFirst),
/* harmony export */   Ig: () => (/* binding */ toSecretReport),
/* harmony export */   Vb: () => (/* binding */ nameOf),
/* harmony export */   kW: () => (/* binding */ credentialViews)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _days_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6951);
/* harmony import */ var _expiry_level_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1788);
// One app's credentials (client secrets and certificates) as the expiry check sees them: days
// left, whether the date is a "never expires" one, whether this pipeline uses it, and its level
// against the thresholds. Soonest first.



/**
 * Every credential of `app` with a readable end date, soonest first. `inUse` marks the credentials
 * this pipeline uses (secrets by hint, a certificate by thumbprint). Credentials without an end date are left out: there is nothing
 * to judge.
 */
function credentialViews(app, now, thresholds, inUse = []) {
    const inUseIds = new Set(inUse.map((c) => c.keyId));
    const owner = { displayName: app.displayName || app.appId, appId: app.appId };
    const views = [];
    const add = (kind, c, hint, thumbprint) => {
        const end = (0,_days_js__WEBPACK_IMPORTED_MODULE_1__/* .parseGraphDate */ .AB)(c.endDateTime);
        if (!end)
            return;
        const base = {
            daysLeft: (0,_days_js__WEBPACK_IMPORTED_MODULE_1__/* .daysLeft */ .H_)(end, now),
            expired: end.getTime() <= now.getTime(),
            neverExpires: (0,_days_js__WEBPACK_IMPORTED_MODULE_1__/* .neverExpires */ .zw)(end),
        };
        views.push({
            kind,
            keyId: c.keyId,
            displayName: c.displayName ?? '',
            hint,
            end,
            ...base,
            inUse: inUseIds.has(c.keyId),
            level: (0,_expiry_level_js__WEBPACK_IMPORTED_MODULE_2__/* .expiryLevel */ .wf)(base, thresholds),
            app: owner,
            ...(thumbprint ? { thumbprint } : {}),
        });
    };
    for (const p of app.passwordCredentials)
        add('password', p, p.hint ?? '');
    for (const k of app.keyCredentials)
        add('certificate', k, '', thumbprintOf(k));
    return views.sort(soonestFirst);
}
const soonestFirst = (a, b) => a.end.getTime() - b.end.getTime();
/** The contract's `secrets` entry. */
function toSecretReport(view) {
    return {
        keyId: view.keyId,
        displayName: view.displayName,
        hint: view.hint,
        endDateTime: view.end.toISOString(),
        daysLeft: view.daysLeft,
        inUse: view.inUse,
        app: view.app.displayName,
        kind: view.kind,
        ...(view.thumbprint ? { thumbprint: view.thumbprint } : {}),
    };
}
/**
 * A certificate's SHA-1 thumbprint: the certificate itself when Graph returned it, else the
 * customKeyIdentifier when it is 20 bytes (Graph's default is the thumbprint; it can be changed).
 */
function thumbprintOf(k) {
    if (k.key)
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(Buffer.from(k.key, 'base64')).digest('hex').toUpperCase();
    const id = k.customKeyIdentifier ? Buffer.from(k.customKeyIdentifier, 'base64') : undefined;
    return id?.length === 20 ? id.toString('hex').toUpperCase() : undefined;
}
/** How a credential is named in messages: `client secret 'CI secret'`, `certificate (no name)`. */
function nameOf(view) {
    const kind = view.kind === 'password' ? 'client secret' : 'certificate';
    return view.displayName
        ? `${kind} '${view.displayName}'`
        : `${kind} (no display name, id ${view.keyId})`;
}


/***/ }),

/***/ 6951:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AB: () => (/* binding */ parseGraphDate),
/* harmony export */   H_: () => (/* binding */ daysLeft),
/* harmony export */   kb: () => (/* binding */ dayOf),
/* harmony export */   sO: () => (/* binding */ DAY_MS),
/* harmony export */   uh: () => (/* binding */ describeDaysLeft),
/* harmony export */   zw: () => (/* binding */ neverExpires)
/* harmony export */ });
// Day arithmetic for credential expiry: whole days left, rounded down (so a secret that expires
// in 2 days 23 hours has 2 days left, and one that expired an hour ago has -1), and the legacy
// "never expires" dates (year 2299) that must not be reported as an expiry.
const DAY_MS = 86_400_000;
/** The year Entra wrote for secrets created as "never expires" (https://learn.microsoft.com/graph/api/resources/passwordcredential). */
const NEVER_EXPIRES_YEAR = 2299;
/** Whole days from `now` until `end`, rounded down; negative once `end` has passed. */
function daysLeft(end, now) {
    return Math.floor((end.getTime() - now.getTime()) / DAY_MS);
}
const neverExpires = (end) => end.getUTCFullYear() >= NEVER_EXPIRES_YEAR;
/** `2026-11-27` */
const dayOf = (date) => date.toISOString().slice(0, 10);
/** Parses Graph's endDateTime; undefined when absent or not a date. */
function parseGraphDate(value) {
    if (!value)
        return undefined;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : new Date(ms);
}
/** "in 3 days", "today", "1 day ago", for summaries. */
function describeDaysLeft(days, expired) {
    if (expired) {
        // daysLeft is rounded down, so -1 means "less than a day ago", -3 "2 to 3 days ago".
        const ago = -days - 1;
        return ago === 0
            ? 'expired within the last day'
            : `expired ${ago} day${ago === 1 ? '' : 's'} ago`;
    }
    if (days === 0)
        return 'expires within a day';
    return `expires in ${days} day${days === 1 ? '' : 's'}`;
}


/***/ }),

/***/ 1788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DI: () => (/* binding */ isFailing),
/* harmony export */   EE: () => (/* binding */ isAlarming),
/* harmony export */   wf: () => (/* binding */ expiryLevel)
/* harmony export */ });
function expiryLevel(credential, thresholds) {
    if (credential.neverExpires)
        return 'ok';
    if (credential.expired)
        return 'expired';
    if (credential.daysLeft <= thresholds.failureDays)
        return 'failure';
    if (credential.daysLeft <= thresholds.warningDays)
        return 'warning';
    return 'ok';
}
/** At or past a threshold: worth an annotation. */
const isAlarming = (level) => level !== 'ok';
const isFailing = (level) => level === 'failure' || level === 'expired';


/***/ }),

/***/ 4301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M2: () => (/* binding */ SELF_TITLE),
  lW: () => (/* binding */ annotationOf),
  cA: () => (/* binding */ lineOf),
  $J: () => (/* binding */ remediationFor),
  Sv: () => (/* binding */ selfScopeExpiry),
  A3: () => (/* binding */ whenOf)
});

// EXTERNAL MODULE: ./src/engine/verdict.ts
var verdict = __webpack_require__(6559);
// EXTERNAL MODULE: ./src/credentials/credentials.ts
var credentials = __webpack_require__(2364);
// EXTERNAL MODULE: ./src/credentials/days.ts
var days = __webpack_require__(6951);
;// CONCATENATED MODULE: ./src/credentials/hint.ts
// Which of the app's secrets this pipeline uses. Graph shows each password credential's `hint`,
// the first three characters of its value (https://learn.microsoft.com/graph/api/resources/passwordcredential), so the configured secret's
// first three characters pick it out. The hint alone is public (Graph shows it to anyone who can
// read the app); it must never be printed next to any other fragment of the secret.
const HINT_LENGTH = 3;
const hintOf = (secretValue) => secretValue.slice(0, HINT_LENGTH);
/** The credentials whose hint matches the configured secret (several can share a hint). */
function matchingHint(credentials, secretValue) {
    if (secretValue.length < HINT_LENGTH)
        return [];
    const hint = hintOf(secretValue);
    return credentials.filter((c) => c.hint === hint);
}

// EXTERNAL MODULE: ./src/credentials/expiry-level.ts
var expiry_level = __webpack_require__(1788);
// EXTERNAL MODULE: ./src/credentials/table.ts
var table = __webpack_require__(3106);
;// CONCATENATED MODULE: ./src/credentials/self-expiry.ts






const SELF_TITLE = 'Client secret expiry';
function selfScopeExpiry(read, settings, now) {
    const app = read.application;
    if (!app)
        return { result: unreadable(read, settings), views: [] };
    const secret = settings.clientSecret;
    const matches = matchingHint(app.passwordCredentials, secret);
    const views = (0,credentials/* credentialViews */.kW)(app, now, settings.secretExpiry, matches);
    const appName = app.displayName || app.appId;
    const inUseViews = views.filter((v) => v.inUse);
    const inUse = inUseViews[0];
    const certificates = views.filter((v) => v.kind === 'certificate');
    const others = views.filter((v) => v.kind === 'password' && !v.inUse);
    const { warningDays } = settings.secretExpiry;
    const statuses = [];
    const notes = [];
    let summary;
    if (inUse) {
        statuses.push(statusOf(inUse.level));
        summary = `The client secret in use (${inUse.displayName ? `'${inUse.displayName}'` : `id ${inUse.keyId}`}, hint '${inUse.hint}') ${whenOf(inUse)}`;
        if (inUseViews.length > 1)
            notes.push(`${inUseViews.length} secrets of '${appName}' share the hint '${inUse.hint}' (${inUseViews.map(credentials/* nameOf */.Vb).join(', ')}); Graph cannot tell which one this pipeline uses, so the soonest to expire is judged.`);
    }
    else {
        statuses.push('warn');
        summary = `The configured client secret is not among the secrets of '${appName}'`;
        notes.push(`None of the ${others.length} secret(s) of '${appName}' (app ${app.appId}) has the hint ${shownHint(secret)}, so its expiry cannot be told. Either client-id names another app than the one the secret belongs to, the secret was deleted from the registration, or it is an old secret that Graph shows without a hint.`);
    }
    for (const cert of certificates)
        statuses.push(statusOf(cert.level));
    const alarming = views.filter((v) => (0,expiry_level/* isAlarming */.EE)(v.level));
    const otherSoon = others.filter((v) => (0,expiry_level/* isAlarming */.EE)(v.level));
    if (otherSoon.length)
        summary += `; ${otherSoon.length} other secret(s) expire within ${warningDays} days or have expired`;
    const alarmingCerts = certificates.filter((v) => (0,expiry_level/* isAlarming */.EE)(v.level));
    if (alarmingCerts.length)
        summary += `; ${alarmingCerts.length} certificate(s) expire within ${warningDays} days or have expired`;
    const status = (0,verdict/* worstStatus */.A4)(statuses);
    const details = [...alarming.map((v) => lineOf(v)), ...notes];
    if (!views.length)
        details.push(`'${appName}' has no client secrets and no certificates.`);
    const notFoundFix = `Check that client-id (${app.appId}) is the app the secret was created in; if the secret was deleted, create a new one (App registrations → '${appName}' → Certificates & secrets → New client secret) and update the CI secret.`;
    const toFix = [...(inUse && (0,expiry_level/* isAlarming */.EE)(inUse.level) ? [inUse] : []), ...alarmingCerts];
    return {
        views,
        inUse,
        result: {
            id: 'secret-expiry',
            title: SELF_TITLE,
            status,
            summary,
            details: details.join('\n') || undefined,
            remediation: toFix.length
                ? toFix.map((v) => remediationFor(v)).join(' ')
                : !inUse
                    ? notFoundFix
                    : undefined,
            tables: views.length
                ? [(0,table/* credentialTable */.y)(`Credentials of '${appName}' (soonest first)`, views, false)]
                : undefined,
            // One annotation per reason for the status (the reporting code shows these instead of
            // the check's own line): each credential at or past a threshold, and a secret not found.
            annotations: [
                ...(inUse
                    ? []
                    : [
                        {
                            level: 'warning',
                            title: `Client secret not found: ${appName}`,
                            message: `${summary}. ${notes[0]}\nFix: ${notFoundFix}`,
                        },
                    ]),
                ...alarming.map((v) => annotationOf(v)),
            ],
        },
    };
}
/** The registration could not be read: an unusable secret fails, anything else is "can't tell". */
function unreadable(read, settings) {
    const failure = read.failure ?? { message: 'the registration could not be read' };
    if (failure.code === 'AADSTS7000222')
        return {
            id: 'secret-expiry',
            title: SELF_TITLE,
            status: 'fail',
            code: failure.code,
            summary: 'The client secret in use has expired: Entra refused it (AADSTS7000222)',
            remediation: `In the Entra admin center open App registrations → the app ${settings.clientId} → Certificates & secrets → New client secret, put the new value in the CI secret that feeds client-secret, then delete the expired secret.`,
        };
    const tokenRefused = failure.code?.startsWith('AADSTS') ?? false;
    return {
        id: 'secret-expiry',
        title: SELF_TITLE,
        status: tokenRefused ? 'fail' : 'warn',
        code: failure.code,
        summary: `The secret's expiry could not be read: ${failure.message}`,
        remediation: tokenRefused
            ? 'The client secret cannot get a token at all; see the token diagnosis above (tenant-id, client-id, client-secret).'
            : `Microsoft Graph did not show the application ${settings.clientId}; a service principal may read its own application without any Graph permission, so check that client-id is right and that Graph is reachable (endpoints).`,
    };
}
/**
 * The configured secret's hint for a message. Only for values long enough to be a real secret
 * (16+ characters): three characters of a very short value would give away too much of it.
 */
function shownHint(secret) {
    return secret.length >= 16
        ? `'${hintOf(secret)}' (the first three characters of the configured secret)`
        : 'of the configured secret (which is too short to be a client secret value)';
}
const STATUS = {
    ok: 'pass',
    warning: 'warn',
    failure: 'fail',
    expired: 'fail',
};
const statusOf = (level) => STATUS[level];
/** "expires in 3 days (2026-11-27)", "never expires (2299-12-31)". */
function whenOf(view) {
    if (view.neverExpires)
        return `never expires (${(0,days/* dayOf */.kb)(view.end)})`;
    return `${(0,days/* describeDaysLeft */.uh)(view.daysLeft, view.expired)} (${(0,days/* dayOf */.kb)(view.end)})`;
}
/** One line per credential at or past a threshold: app, credential, date. */
function lineOf(view, scope = 'self') {
    const use = scope === 'self' && view.kind === 'password'
        ? view.inUse
            ? ', in use by this pipeline'
            : ', not in use by this pipeline'
        : '';
    return `${LEVEL_WORD[view.level]}: ${(0,credentials/* nameOf */.Vb)(view)} of '${view.app.displayName}' ${whenOf(view)}${use}`;
}
const LEVEL_WORD = {
    ok: 'ok',
    warning: 'warning',
    failure: 'failure',
    expired: 'expired',
};
/**
 * One annotation per credential at or past a threshold. Self scope: the secret in use and the
 * certificates are errors when they fail, warnings otherwise; unused secrets are notices (they
 * never fail the run). Tenant scope: other apps' credentials are warnings.
 */
function annotationOf(view, scope = 'self') {
    const judged = scope === 'self' && (view.inUse || view.kind === 'certificate');
    const level = judged
        ? (0,expiry_level/* isFailing */.DI)(view.level)
            ? 'error'
            : 'warning'
        : scope === 'tenant'
            ? 'warning'
            : 'notice';
    const state = view.expired ? 'expired' : 'expiring';
    return {
        level,
        title: `${view.kind === 'password' ? 'Client secret' : 'Certificate'} ${state}: ${view.app.displayName}`,
        message: `${(0,credentials/* nameOf */.Vb)(view)} of '${view.app.displayName}' (app ${view.app.appId}) ${whenOf(view)}. ${remediationFor(view)}`,
    };
}
function remediationFor(view) {
    const where = `Entra admin center → App registrations → '${view.app.displayName}' → Certificates & secrets`;
    if (view.kind === 'certificate')
        return `${where} → Certificates → Upload certificate (a new one), switch whatever signs with ${(0,credentials/* nameOf */.Vb)(view)} to it, then delete the old one (ends ${(0,days/* dayOf */.kb)(view.end)}).`;
    return `${where} → New client secret; put its value in the CI secret that feeds client-secret${view.inUse ? '' : ' (or wherever this secret is used)'}; then delete the old ${(0,credentials/* nameOf */.Vb)(view)} (ends ${(0,days/* dayOf */.kb)(view.end)}).`;
}


/***/ }),

/***/ 3106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ credentialTable)
/* harmony export */ });
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2364);
/* harmony import */ var _days_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6951);


const LEVEL_CELL = {
    ok: '✅ ok',
    warning: '⚠️ expiring',
    failure: '❌ expiring',
    expired: '❌ expired',
};
function credentialTable(caption, views, withApp, more = 0) {
    const rows = views.map((v) => [
        ...(withApp ? [v.app.displayName] : []),
        (0,_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .nameOf */ .Vb)(v),
        v.hint,
        v.neverExpires ? `${(0,_days_js__WEBPACK_IMPORTED_MODULE_1__/* .dayOf */ .kb)(v.end)} (never expires)` : (0,_days_js__WEBPACK_IMPORTED_MODULE_1__/* .dayOf */ .kb)(v.end),
        v.neverExpires ? '—' : String(v.daysLeft),
        v.kind === 'password' ? (v.inUse ? 'yes' : 'no') : '—',
        LEVEL_CELL[v.level],
    ]);
    if (more > 0)
        rows.push([
            ...(withApp ? [''] : []),
            `… and ${more} more (all are in the JSON report's secrets array)`,
            '',
            '',
            '',
            '',
            '',
        ]);
    return {
        caption,
        headers: [
            ...(withApp ? ['App'] : []),
            'Credential',
            'Hint',
            'Expires',
            'Days left',
            'In use',
            'State',
        ],
        rows,
    };
}


/***/ }),

/***/ 1916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Redactor: () => (/* binding */ Redactor),
/* harmony export */   secretParts: () => (/* binding */ secretParts)
/* harmony export */ });
// The one redactor: keeps every secret value a run knows (inputs, tokens, the XOAUTH2 string) and
// removes it from any text before the text leaves the engine or a mail probe, in every encoding a
// log, a report or a server's echo could carry: raw, base64 (padded or not, and with whatever
// padding follows), base64url, URL-, form- and JSON-encoded. Values under 4 characters are not
// secrets it can remove without mangling ordinary words.
const SHORTEST = 4;
class Redactor {
    mask;
    forms = new Set();
    pattern;
    /** @param mask what a removed secret becomes ('***' in reports, '<redacted>' in transcripts) */
    constructor(mask = '***') {
        this.mask = mask;
    }
    add(...values) {
        let added = false;
        for (const part of values.flatMap((value) => (value ? secretParts(value) : []))) {
            if (part.length < SHORTEST)
                continue;
            for (const form of encodings(part))
                if (!this.forms.has(form)) {
                    this.forms.add(form);
                    added = true;
                }
        }
        if (!added)
            return;
        // Longest first, so a token is removed whole before any secret that happens to be inside it;
        // a base64 form also takes the padding that follows it, wherever it was cut.
        const alternatives = [...this.forms]
            .sort((a, b) => b.length - a.length)
            .map((form) => `${form.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}=*`);
        this.pattern = new RegExp(alternatives.join('|'), 'g');
    }
    redact(text) {
        return this.pattern ? text.replace(this.pattern, this.mask) : text;
    }
}
/**
 * The value, and for a multi-line secret (a PEM key, a pasted JSON) each of its lines, as given
 * and trimmed: the runner masks a registered value line by line, and a server may echo a single
 * line of it. Lines shorter than 4 characters are left out: they would mask ordinary text and
 * carry no secret on their own.
 */
function secretParts(value) {
    const parts = new Set([value, value.trim()]);
    if (/[\r\n]/.test(value))
        for (const line of value.split(/\r\n|\r|\n/))
            if (line.trim().length >= SHORTEST)
                parts.add(line).add(line.trim());
    return [...parts].filter(Boolean);
}
/** The forms of a value the redactor removes (the tests keep their own, wider list). */
function encodings(value) {
    const buf = Buffer.from(value, 'utf8');
    const forms = [
        value,
        buf.toString('base64').replace(/=+$/, ''),
        buf.toString('base64url'),
        encodeURIComponent(value),
        new URLSearchParams({ v: value }).toString().slice(2),
        JSON.stringify(value).slice(1, -1),
    ];
    return [...new Set(forms)].filter((f) => f.length >= SHORTEST);
}


/***/ }),

/***/ 6559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A4: () => (/* binding */ worstStatus),
/* harmony export */   Vj: () => (/* binding */ verdictOf),
/* harmony export */   ug: () => (/* binding */ failsStep)
/* harmony export */ });
const RANK = { skip: 0, pass: 1, warn: 2, fail: 3 };
/** The worst of `statuses`; 'pass' when there are none (a skip is not worse than a pass). */
const worstStatus = (statuses) => statuses.reduce((a, b) => (b !== 'skip' && RANK[b] > RANK[a] ? b : a), 'pass');
const verdictOf = (checks) => worstStatus(checks.map((c) => c.status));
const failsStep = (verdict, failOn) => verdict === 'fail' || (verdict === 'warn' && failOn === 'warning');


/***/ }),

/***/ 1640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KQ: () => (/* binding */ BodyTooLarge),
/* harmony export */   YK: () => (/* binding */ MAX_BODY_BYTES),
/* harmony export */   h5: () => (/* binding */ readCappedText),
/* harmony export */   nI: () => (/* binding */ describeBytes)
/* harmony export */ });
// Reads a response body with a byte cap, whatever transport produced it (any async iterable of
// byte chunks: undici's body, a Node stream, a web stream). A server that answers a token or
// Graph request with gigabytes — hostile, broken or a misdirected download — costs at most the
// cap in memory: reading stops there and the body is dropped.
/** Largest answer read from an HTTP endpoint (token, Graph page or $batch): README, Security. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
class BodyTooLarge extends Error {
    limit;
    constructor(limit) {
        super(`more than ${limit} bytes`);
        this.limit = limit;
        this.name = 'BodyTooLarge';
    }
}
/** "8 MiB", "512 KiB": the cap as people read it. */
function describeBytes(bytes) {
    if (bytes % (1024 * 1024) === 0)
        return `${bytes / (1024 * 1024)} MiB`;
    if (bytes % 1024 === 0)
        return `${bytes / 1024} KiB`;
    return `${bytes} bytes`;
}
/**
 * The body as UTF-8 text, or BodyTooLarge once more than `limit` bytes arrived (or a
 * Content-Length says they will). The body is destroyed then, so the connection is not read on.
 */
async function readCappedText(body, limit = MAX_BODY_BYTES, declaredLength) {
    const tooLarge = () => {
        const error = new BodyTooLarge(limit);
        body.destroy?.(error);
        return error;
    };
    if (declaredLength !== undefined && Number(declaredLength) > limit)
        throw tooLarge();
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        // A Buffer (Node streams) is kept as it is; a bare Uint8Array is viewed, not copied.
        const bytes = typeof chunk === 'string'
            ? Buffer.from(chunk)
            : Buffer.isBuffer(chunk)
                ? chunk
                : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        size += bytes.length;
        if (size > limit)
            throw tooLarge();
        chunks.push(bytes);
    }
    return Buffer.concat(chunks, size).toString('utf8');
}


/***/ }),

/***/ 3329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ createHttpClient)
/* harmony export */ });
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2378);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8549);
/* harmony import */ var _retry_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7593);
/* harmony import */ var _capped_body_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1640);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7765);
// HttpClient: per-attempt timeout capped by the run's deadline, a byte cap on every answer,
// retries with full-jitter backoff on 429/5xx/network errors, Retry-After honoured when the
// deadline leaves room for it. Other 4xx answers are returned, never retried. The exchange itself
// (node:http/https, the environment's proxy) is transport.ts.





function createHttpClient(options) {
    const policy = options.policy ?? _retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_RETRY_POLICY */ .cO;
    const sleep = options.sleep ?? _deadline_js__WEBPACK_IMPORTED_MODULE_4__/* .sleep */ .y;
    const { deadline } = options;
    const transport = options.transport ?? (0,_transport_js__WEBPACK_IMPORTED_MODULE_3__/* .createTransport */ .o)();
    async function attempt(req) {
        const remaining = deadline.remainingMs();
        const perAttempt = Math.min(req.timeoutMs ?? options.defaultTimeoutMs ?? 30_000, remaining);
        const where = `${req.endpointName} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__.displayUrl)(req.url)})`;
        const maxBody = req.maxBodyBytes ?? _capped_body_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_BODY_BYTES */ .YK;
        if (perAttempt <= 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.HttpError('deadline', req.endpointName, req.url, `the run's deadline passed before ${where} could be called`);
        }
        const timeout = AbortSignal.timeout(perAttempt);
        const signal = AbortSignal.any([timeout, deadline.signal]);
        try {
            const { status, headers, text } = await transport.send(req, { signal, maxBytes: maxBody });
            const contentType = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
            return {
                status,
                headers,
                contentType,
                text,
                attempts: 1,
                retryAfter: (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .retryAfterMs */ .Vs)(headers['retry-after']),
            };
        }
        catch (error) {
            if (error instanceof _capped_body_js__WEBPACK_IMPORTED_MODULE_2__/* .BodyTooLarge */ .KQ) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.HttpError('bad-response', req.endpointName, req.url, `answer too large from ${where}: more than ${(0,_capped_body_js__WEBPACK_IMPORTED_MODULE_2__/* .describeBytes */ .nI)(error.limit)}, not read further`);
            }
            // The attempt's own timer may fire a moment before the deadline's when the deadline capped it.
            const requested = req.timeoutMs ?? options.defaultTimeoutMs ?? 30_000;
            if (deadline.signal.aborted || (timeout.aborted && perAttempt < requested)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.HttpError('deadline', req.endpointName, req.url, `${where} did not answer before the run's deadline (timeout-seconds: ${Math.round(deadline.totalMs / 1000)})`);
            }
            if (timeout.aborted) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.HttpError('timeout', req.endpointName, req.url, `${where} did not answer within ${perAttempt} ms`);
            }
            const code = error.code;
            const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__.errorMessage)(error);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.HttpError('network', req.endpointName, req.url, `${where} could not be reached: ${code ? `${code} ` : ''}${message}`, undefined, code);
        }
    }
    return {
        async request(req) {
            const mode = req.retry ?? 'all';
            let resent = 0;
            for (let n = 1;; n++) {
                let outcome;
                try {
                    outcome = await attempt(req);
                }
                catch (error) {
                    if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.HttpError))
                        throw error;
                    outcome = error;
                }
                const answered = !(outcome instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.HttpError);
                // 'unprocessed' (the password grant): one resend after an answer, never two.
                const retryable = mayRetry(mode, outcome) && !(mode === 'unprocessed' && answered && resent >= 1);
                if (!retryable || n >= policy.maxAttempts) {
                    if (outcome instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.HttpError)
                        throw outcome;
                    const { retryAfter: _ignored, ...response } = outcome;
                    return { ...response, attempts: n };
                }
                const retryAfter = outcome instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.HttpError ? undefined : outcome.retryAfter;
                const waitMs = (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .backoffMs */ .jo)(policy, n, retryAfter);
                // Waiting past the deadline helps no one: answer with what we have.
                if (waitMs >= deadline.remainingMs()) {
                    if (outcome instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.HttpError)
                        throw outcome;
                    const { retryAfter: _ignored, ...response } = outcome;
                    return { ...response, attempts: n };
                }
                const reason = outcome instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.HttpError ? outcome.kind : `HTTP ${outcome.status}`;
                if (answered)
                    resent += 1;
                options.onRetry?.({
                    endpointName: req.endpointName,
                    attempt: n,
                    waitMs,
                    reason,
                    ...(answered && req.resendNote ? { note: req.resendNote } : {}),
                });
                await sleep(waitMs, deadline.signal).catch(() => undefined);
            }
        },
    };
}
/** Connection failures: the request never reached a server, so nothing was processed. */
const NOT_CONNECTED = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
]);
function mayRetry(mode, outcome) {
    if (mode === 'none')
        return false;
    if (outcome instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.HttpError) {
        if (outcome.kind === 'deadline' || outcome.kind === 'bad-response')
            return false;
        if (mode === 'all')
            return true;
        return outcome.kind === 'network' && NOT_CONNECTED.has(outcome.code ?? '');
    }
    if (mode === 'all')
        return (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryableStatus */ .PS)(outcome.status);
    // 429 and 503 say the server did not act on the request (RFC 9110 15.6.4, RFC 6585 4).
    return outcome.status === 429 || outcome.status === 503;
}


/***/ }),

/***/ 2378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ Deadline),
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
// The run's overall deadline (`timeout-seconds`): every request and probe gets at most what is left.
class Deadline {
    totalMs;
    clock;
    expiresAt;
    controller = new AbortController();
    timer;
    constructor(totalMs, clock = Date.now) {
        this.totalMs = totalMs;
        this.clock = clock;
        this.expiresAt = clock() + totalMs;
        this.timer = setTimeout(() => this.controller.abort(new Error('deadline')), totalMs);
        this.timer.unref();
    }
    remainingMs() {
        return Math.max(0, this.expiresAt - this.clock());
    }
    get signal() {
        return this.controller.signal;
    }
    dispose() {
        clearTimeout(this.timer);
    }
}
/**
 * A wait between retries that ends early when the run's deadline fires: it never rejects, so the
 * caller goes on to its next attempt, which then reports the deadline with the endpoint's name.
 */
const sleep = (ms, signal) => new Promise((resolve) => {
    if (signal.aborted)
        return resolve();
    const timer = setTimeout(done, ms);
    function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
    }
    signal.addEventListener('abort', done, { once: true });
});


/***/ }),

/***/ 8549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HttpError: () => (/* binding */ HttpError),
/* harmony export */   displayUrl: () => (/* binding */ displayUrl),
/* harmony export */   errorMessage: () => (/* binding */ errorMessage)
/* harmony export */ });
// Errors of the HTTP layer. Each names the endpoint (never a secret) so the report can say which
// endpoint hung, refused or answered nonsense.
class HttpError extends Error {
    kind;
    endpointName;
    url;
    status;
    code;
    constructor(kind, endpointName, url, message, status, 
    /** The system or undici error code of a network failure, e.g. ECONNREFUSED. */
    code) {
        super(message);
        this.kind = kind;
        this.endpointName = endpointName;
        this.url = url;
        this.status = status;
        this.code = code;
        this.name = 'HttpError';
    }
}
/** The URL without query string: query strings may carry $filter values but never secrets; keep it short. */
function displayUrl(url) {
    try {
        const parsed = new URL(url);
        return `${parsed.origin}${parsed.pathname}`;
    }
    catch {
        return '(invalid URL)';
    }
}
/** The message of anything thrown, for a plain one-line report (never a stack trace). */
const errorMessage = (error) => error instanceof Error ? error.message : String(error);


/***/ }),

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   cO: () => (/* binding */ DEFAULT_RETRY_POLICY),
/* harmony export */   jo: () => (/* binding */ backoffMs)
/* harmony export */ });
// When to retry and how long to wait: full-jitter exponential backoff, honouring Retry-After.
const DEFAULT_RETRY_POLICY = {
    maxAttempts: 4,
    baseDelayMs: 250,
    maxDelayMs: 8000,
    random: Math.random,
};
const isRetryableStatus = (status) => status === 429 || status >= 500;
/** Retry-After as milliseconds: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
function retryAfterMs(value, now = Date.now()) {
    if (!value)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value.trim()))
        return Math.ceil(Number(value) * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Full jitter: a random wait in [0, min(max, base * 2^attempt)], but never less than Retry-After. */
function backoffMs(policy, attempt, retryAfter) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    const jitter = Math.floor(policy.random() * ceiling);
    return retryAfter === undefined ? jitter : Math.max(retryAfter, jitter);
}


/***/ }),

/***/ 7765:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o: () => (/* binding */ createTransport)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./src/http/capped-body.ts
var capped_body = __webpack_require__(1640);
;// CONCATENATED MODULE: ./src/http/proxy.ts
// The forward proxy a request goes through, from the environment as self-hosted runners set it:
// https_proxy / HTTPS_PROXY for https targets (falling back to the http one), http_proxy /
// HTTP_PROXY for http targets (loopback overrides only), lower case winning, and NO_PROXY
// ("*", host names that also cover their subdomains, optional ":port", leading "." or "*."
// ignored). These are the rules undici's EnvHttpProxyAgent applies, which this action used before
// (https://github.com/nodejs/undici/blob/main/docs/docs/api/EnvHttpProxyAgent.md).
//
// https targets are reached through a CONNECT tunnel (TunnelAgent below), so the proxy sees only
// host and port; plain http goes to the proxy as an absolute-form request, which proxies that
// refuse CONNECT to port 80 still accept.

const DEFAULT_PORTS = { 'http:': 80, 'https:': 443 };
/** The proxy for `target`, or undefined to connect directly. */
function proxyFor(target, env = process.env) {
    const httpProxy = env.http_proxy ?? env.HTTP_PROXY;
    const value = target.protocol === 'https:' ? (env.https_proxy ?? env.HTTPS_PROXY ?? httpProxy) : httpProxy;
    if (!value)
        return undefined;
    const host = target.host.replace(/:\d*$/, '').toLowerCase();
    const port = Number.parseInt(target.port, 10) || DEFAULT_PORTS[target.protocol] || 0;
    if (bypassed(env.no_proxy ?? env.NO_PROXY ?? '', host, port))
        return undefined;
    return parseProxyUrl(value);
}
function bypassed(noProxy, host, port) {
    if (noProxy.trim() === '*')
        return true;
    for (const entry of noProxy.split(/[,\s]/)) {
        if (!entry)
            continue;
        const withPort = /^(.+):(\d+)$/.exec(entry);
        const name = (withPort ? withPort[1] : entry).replace(/^\*?\./, '').toLowerCase();
        if (withPort && Number(withPort[2]) !== port)
            continue;
        if (host === name || host.endsWith(`.${name}`))
            return true;
    }
    return false;
}
/** `proxy.example:3128` is read as `http://proxy.example:3128`, as curl does. */
function parseProxyUrl(value) {
    const text = value.trim();
    try {
        return new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `http://${text}`);
    }
    catch {
        // The value is not echoed: a proxy URL may carry a password.
        throw new ProxyConfigError('the proxy named in HTTPS_PROXY / HTTP_PROXY is not a URL');
    }
}
class ProxyConfigError extends Error {
    code = 'EPROXYCONFIG';
}
/** Proxy-Authorization for credentials in the proxy URL (http://user:pass@host:port). */
function proxyHeaders(proxy) {
    if (!proxy.username && !proxy.password)
        return {};
    const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}
/** Where a proxied plain-http request goes: the proxy, with the target's URL as the path. */
function absoluteFormOptions(proxy, target) {
    return {
        host: proxy.hostname.replace(/^\[|\]$/g, ''),
        port: Number(proxy.port) || DEFAULT_PORTS[proxy.protocol],
        path: target.href,
        headers: { host: target.host, ...proxyHeaders(proxy) },
    };
}
/**
 * An https agent whose connections are CONNECT tunnels through `proxy`: one CONNECT per new
 * connection, then TLS to the target inside it (SNI and certificate checks as for a direct
 * connection). Kept-alive tunnels are reused like any pooled connection.
 */
function createTunnelAgent(httpsModule, proxy, ca) {
    const connectVia = proxy.protocol === 'https:' ? httpsModule.request : external_node_http_.request;
    class TunnelAgent extends httpsModule.Agent {
        createConnection(options, created) {
            const authority = `${options.host.includes(':') ? `[${options.host}]` : options.host}:${options.port}`;
            const connect = connectVia({
                host: proxy.hostname.replace(/^\[|\]$/g, ''),
                port: Number(proxy.port) || DEFAULT_PORTS[proxy.protocol],
                method: 'CONNECT',
                path: authority,
                headers: { host: authority, ...proxyHeaders(proxy) },
                agent: false,
            });
            let done = false;
            const signal = options.tunnelSignal;
            // A proxy that never answers the CONNECT must not outlive the request's timeout.
            const onAbort = () => connect.destroy(new Error('aborted while connecting through the proxy'));
            signal?.addEventListener('abort', onAbort, { once: true });
            const finish = (error, socket) => {
                signal?.removeEventListener('abort', onAbort);
                if (done)
                    return;
                done = true;
                created(error, socket);
            };
            connect.once('connect', (res, socket) => {
                if (res.statusCode !== 200) {
                    socket.destroy();
                    finish(Object.assign(new Error(`the proxy refused the tunnel to ${authority} (HTTP ${res.statusCode})`), { code: 'EPROXYREFUSED' }));
                    return;
                }
                // https.Agent's own createConnection: TLS over the tunnel, with its session cache.
                const base = httpsModule.Agent.prototype;
                const { tunnelSignal: _signal, ...tlsOptions } = options;
                finish(null, base.createConnection.call(this, { ...tlsOptions, socket }));
            });
            connect.once('error', (error) => finish(error));
            connect.end();
            return undefined;
        }
    }
    return new TunnelAgent({ keepAlive: true, ...(ca ? { ca } : {}) });
}

;// CONCATENATED MODULE: ./src/http/transport.ts
// One HTTP exchange on node:http / node:https: the request sent, the whole answer read (at most
// `maxBytes` of body, through capped-body.ts like every other answer we read), through the environment's proxy when one applies (proxy.ts). Connections
// are kept alive per transport, so a run's token and Graph requests share them. node:https is
// loaded only when an https URL is asked for.
//
// This is all the HTTP the action needs, so it does not load undici: undici's parser alone (a
// WebAssembly module compiled at start on Node 20) cost more than the rest of a token-only run.



function createTransport(options = {}) {
    const { env = process.env, ca } = options;
    let httpsModule;
    const agents = new Map();
    const agent = (key, make) => {
        let found = agents.get(key);
        if (!found)
            agents.set(key, (found = make()));
        return found;
    };
    return {
        async send(req, { signal, maxBytes }) {
            const url = new URL(req.url);
            const proxy = proxyFor(url, env);
            const secure = url.protocol === 'https:';
            const mod = secure ? await (httpsModule ??= Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23))) : external_node_http_;
            const headers = { ...req.headers };
            if (req.body !== undefined)
                headers['content-length'] = String(Buffer.byteLength(req.body));
            let options;
            if (!proxy)
                options = {
                    agent: agent(url.protocol, () => new mod.Agent({ keepAlive: true, ...(ca ? { ca } : {}) })),
                };
            else if (secure)
                options = {
                    agent: agent(`tunnel ${proxy.href}`, () => createTunnelAgent(mod, proxy, ca)),
                    tunnelSignal: signal,
                };
            else {
                const target = absoluteFormOptions(proxy, url);
                options = {
                    ...target,
                    headers: { ...target.headers, ...headers },
                    agent: agent(`proxy ${proxy.href}`, () => new external_node_http_.Agent({ keepAlive: true })),
                };
            }
            return exchange((callback) => proxy && !secure
                ? external_node_http_.request({ ...options, method: req.method, signal }, callback)
                : mod.request(url, { ...options, method: req.method, headers, signal }, callback), req.body, signal, maxBytes);
        },
    };
}
function exchange(open, body, signal, maxBytes) {
    return new Promise((resolve, reject) => {
        let settled = false;
        const settle = (error, value) => {
            if (settled)
                return;
            settled = true;
            if (error) {
                request.destroy();
                reject(error);
            }
            else
                resolve(value);
        };
        const request = open((res) => {
            // readCappedText refuses a Content-Length past the cap before a byte of the body is read,
            // and destroys the response once more than maxBytes arrived (BodyTooLarge).
            (0,capped_body/* readCappedText */.h5)(res, maxBytes, res.headers['content-length']).then((text) => {
                const headers = {};
                for (const [name, value] of Object.entries(res.headers))
                    if (value !== undefined)
                        headers[name] = Array.isArray(value) ? value.join(', ') : value;
                settle(undefined, { status: res.statusCode ?? 0, headers, text });
            }, 
            // Node ends an answer whose connection closed early with the error 'aborted'.
            (error) => settle(error.message === 'aborted'
                ? Object.assign(new Error('the answer was cut off'), { code: 'ECONNRESET' })
                : error));
        });
        request.on('error', (error) => settle(error));
        if (signal.aborted)
            settle(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        request.end(body);
    });
}


/***/ }),

/***/ 5853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ parseJson)
/* harmony export */ });
// The engine's view of HTTP: one call that retries what is safe to retry within the run's
// deadline, and a response whose body has already been read.
/**
 * A response body as JSON, or undefined when it is not JSON (an HTML error page, a cut-off
 * answer): callers then describe the answer by status and content type instead of throwing.
 */
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 3315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H6: () => (/* binding */ normaliseAudience),
/* harmony export */   WV: () => (/* binding */ isExchangeAudience),
/* harmony export */   pr: () => (/* binding */ exchangeAudiences)
/* harmony export */ });
/* harmony import */ var _settings_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1664);
// The one list of audiences (`aud`) an Exchange Online token may carry, per cloud. The mailbox
// diagnosis and the permission evidence both read it, so a token one accepts the other accepts.
// `https://ps.outlook.com` is here because MailKit's Exchange guide has app-only users request
// `https://ps.outlook.com/.default` and such tokens carry that audience
// (https://github.com/jstedfast/MailKit/blob/master/ExchangeOAuth2.md). Sovereign hosts beyond the
// configured resources are not confirmed by Microsoft's documentation; the `endpoints` input's
// `outlook-resource=` is always accepted.

const CLOUD_AUDIENCES = {
    public: ['https://outlook.office.com', 'https://outlook.office365.com', 'https://ps.outlook.com'],
    usgov: ['https://outlook.office365.us'],
    'usgov-dod': ['https://outlook-dod.office365.us', 'https://outlook.office365.us'],
    china: ['https://partner.outlook.cn'],
};
/** Every audience an Exchange token for this cloud (and these endpoints) may carry. */
function exchangeAudiences(settings) {
    const all = [
        settings.endpoints.outlookDelegated,
        settings.endpoints.outlookApp,
        ...CLOUD_AUDIENCES[settings.cloud],
        // v1 tokens may name the resource by Exchange Online's application ID.
        _settings_types_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCE_APP_IDS */ .w.exchange,
    ].map(normaliseAudience);
    return [...new Set(all)];
}
function isExchangeAudience(aud, audiences) {
    return audiences.includes(normaliseAudience(aud));
}
function normaliseAudience(value) {
    return value.toLowerCase().replace(/\/+$/, '');
}


/***/ }),

/***/ 5705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JI: () => (/* binding */ appRoles),
/* harmony export */   TK: () => (/* binding */ delegatedScopes),
/* harmony export */   Yq: () => (/* binding */ decodeClaims)
/* harmony export */ });
// Reads an access token's payload WITHOUT verifying it, for diagnostics only: Microsoft says not
// to depend on the format of tokens for APIs you don't own, so every caller must cope with
// `undefined` (an opaque or encrypted token).
function decodeClaims(token) {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts[1])
        return undefined;
    try {
        const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        return payload && typeof payload === 'object' && !Array.isArray(payload) ? payload : undefined;
    }
    catch {
        return undefined;
    }
}
/** Space-separated `scp` as a list, with any resource prefix removed. */
const delegatedScopes = (claims) => (claims?.scp ?? '').split(/\s+/).filter(Boolean);
const appRoles = (claims) => Array.isArray(claims?.roles)
    ? claims.roles.filter((r) => typeof r === 'string')
    : [];


/***/ }),

/***/ 4031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ds: () => (/* binding */ readEntraError),
/* harmony export */   Vi: () => (/* binding */ readTokenSuccess)
/* harmony export */ });
/* unused harmony export MAX_TOKEN_LIFETIME_SECONDS */
// Shapes of the token endpoint's answers
// (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth-ropc#successful-authentication-response
// and #error-response). expires_in may arrive as a number or a string; everything else is
// optional except the token itself. Plain checks rather than a schema library: every run reads
// one of these, and loading zod for it cost more than the rest of a token-only run's own code.
/**
 * Lifetimes in seconds, as a number or a string of digits, within a range a token can have:
 * 1 second to a year (Entra issues 60–90 minutes; a configurable lifetime is at most a day). An
 * `expires_in` of 1e300 would otherwise make an expiry no Date can hold ("Invalid time value").
 */
const MAX_TOKEN_LIFETIME_SECONDS = 365 * 86_400;
/** AADSTS codes are positive integers of up to 8 digits. */
const MAX_AADSTS_CODE = 99_999_999;
const isObject = (body) => typeof body === 'object' && body !== null && !Array.isArray(body);
/**
 * Seconds as a number, or a string of digits, within 1 s to MAX_TOKEN_LIFETIME_SECONDS;
 * undefined when absent; NaN when unreadable or out of that range.
 */
function seconds(value) {
    if (value === undefined)
        return undefined;
    const n = typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\d{1,12}$/.test(value)
            ? Number(value)
            : NaN;
    return n >= 1 && n <= MAX_TOKEN_LIFETIME_SECONDS ? n : NaN;
}
function optionalStrings(body, names, bad) {
    const out = {};
    for (const name of names) {
        const value = body[name];
        if (typeof value === 'string')
            out[name] = value;
        else if (value !== undefined)
            bad.push(name);
    }
    return out;
}
function readTokenSuccess(body) {
    if (!isObject(body))
        return { ok: false, fields: ['(root)'] };
    const bad = [];
    const tokenType = body.token_type ?? 'Bearer';
    if (typeof tokenType !== 'string')
        bad.push('token_type');
    const accessToken = body.access_token;
    if (typeof accessToken !== 'string' || !accessToken)
        bad.push('access_token');
    const more = optionalStrings(body, ['refresh_token', 'scope'], bad);
    const expiresIn = seconds(body.expires_in);
    if (expiresIn === undefined || Number.isNaN(expiresIn))
        bad.push('expires_in');
    const extExpiresIn = seconds(body.ext_expires_in);
    if (Number.isNaN(extExpiresIn))
        bad.push('ext_expires_in');
    if (bad.length)
        return { ok: false, fields: bad };
    return {
        ok: true,
        value: {
            token_type: tokenType,
            access_token: accessToken,
            expires_in: expiresIn,
            ...(extExpiresIn === undefined ? {} : { ext_expires_in: extExpiresIn }),
            ...more,
        },
    };
}
const ENTRA_TEXT_FIELDS = [
    'error_description',
    'timestamp',
    'trace_id',
    'correlation_id',
    'error_uri',
    'suberror',
    'claims',
];
/**
 * `error` may be missing from a relayed or trimmed body that still carries the description (the
 * AADSTS code is then read from the description): such a body is still Entra's refusal, with
 * `error` ''. A body with neither is not one.
 */
function readEntraError(body) {
    if (!isObject(body))
        return { ok: false, fields: ['(root)'] };
    const bad = [];
    const error = body.error ?? '';
    if (typeof error !== 'string')
        bad.push('error');
    const more = optionalStrings(body, ENTRA_TEXT_FIELDS, bad);
    const codes = body.error_codes;
    const codesOk = codes === undefined ||
        (Array.isArray(codes) &&
            codes.every((c) => typeof c === 'number' && Number.isInteger(c) && c >= 0 && c <= MAX_AADSTS_CODE));
    if (!codesOk)
        bad.push('error_codes');
    if (!bad.length && error === '' && more.error_description === undefined)
        bad.push('(root)');
    if (bad.length)
        return { ok: false, fields: bad };
    return {
        ok: true,
        value: {
            error: error,
            ...more,
            ...(codes === undefined ? {} : { error_codes: codes }),
        },
    };
}


/***/ }),

/***/ 8607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ getMailboxPermission),
/* harmony export */   Il: () => (/* binding */ getServicePrincipal),
/* harmony export */   M2: () => (/* binding */ testAuthorization),
/* harmony export */   PG: () => (/* binding */ addMailboxPermission),
/* harmony export */   Ws: () => (/* binding */ appOnlyRoutes),
/* harmony export */   iv: () => (/* binding */ newServicePrincipal),
/* harmony export */   pJ: () => (/* binding */ rbacCommands)
/* harmony export */ });
/* unused harmony export spObjectId */
/* harmony import */ var _text_command_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6321);

const SP_PLACEHOLDER = '<object ID from Entra ID → Enterprise applications → your app>';
const spObjectId = (ids) => ids.servicePrincipalObjectId === undefined
    ? SP_PLACEHOLDER
    : (0,_text_command_values_js__WEBPACK_IMPORTED_MODULE_0__/* .graphId */ .sQ)(ids.servicePrincipalObjectId);
const clientId = (ids) => (0,_text_command_values_js__WEBPACK_IMPORTED_MODULE_0__/* .graphId */ .sQ)(ids.clientId);
const mailbox = (ids) => (0,_text_command_values_js__WEBPACK_IMPORTED_MODULE_0__/* .psWord */ .eW)(ids.mailbox);
const newServicePrincipal = (ids) => `New-ServicePrincipal -AppId ${clientId(ids)} -ObjectId ${spObjectId(ids)}`;
const addMailboxPermission = (ids) => `Add-MailboxPermission -Identity ${mailbox(ids)} -User ${spObjectId(ids)} -AccessRights FullAccess`;
const getMailboxPermission = (ids) => `Get-MailboxPermission -Identity ${mailbox(ids)} -User ${spObjectId(ids)}`;
const getServicePrincipal = (ids) => `Get-ServicePrincipal -Identity ${clientId(ids)} | fl AppId,ObjectId`;
const testAuthorization = (ids) => `Test-ServicePrincipalAuthorization -Identity ${spObjectId(ids)} -Resource ${mailbox(ids)}`;
/** The Exchange RBAC role Microsoft documents per protocol; undefined where it documents none. */
const RBAC_ROLE = {
    smtp: 'Application SMTP.SendAsApp',
};
const scopeName = (ids) => (0,_text_command_values_js__WEBPACK_IMPORTED_MODULE_0__/* .psLiteral */ .Lc)(`mail-preflight ${ids.mailbox}`);
/**
 * The filter is OPATH inside a PowerShell string, the address an OPATH '...' value: an address of
 * letters, digits and `._%+-@` has nothing either language reads (no quote, `$` or backtick), so
 * it is written as Microsoft's pages write it; any other address could end the OPATH value and
 * widen the scope, so a placeholder stands in for it.
 */
const recipientFilter = (ids) => `"PrimarySmtpAddress -eq '${/^[A-Za-z0-9._%+@-]+$/.test(ids.mailbox) ? ids.mailbox : '<mailbox address>'}'"`;
function rbacCommands(ids, protocol) {
    const role = RBAC_ROLE[protocol];
    if (!role)
        return [
            `Microsoft documents no Exchange RBAC role for ${protocol.toUpperCase()}; give the mailbox permission instead: ${addMailboxPermission(ids)}`,
        ];
    return [
        `New-ManagementScope -Name ${scopeName(ids)} -RecipientRestrictionFilter ${recipientFilter(ids)}`,
        `New-ManagementRoleAssignment -App ${spObjectId(ids)} -Role "${role}" -CustomResourceScope ${scopeName(ids)}`,
    ];
}
/** Both routes for one protocol, each complete, with the check that proves it. */
function appOnlyRoutes(ids, protocol, appRole) {
    const sp = newServicePrincipal(ids);
    return [
        `Route A (Entra app role): add ${appRole} (Office 365 Exchange Online, application) and grant admin consent; then in Exchange Online PowerShell:`,
        `  ${sp}`,
        `  ${addMailboxPermission(ids)}`,
        `Route B (Exchange RBAC for Applications, no tenant-wide ${appRole}): in Exchange Online PowerShell:`,
        `  ${sp}`,
        ...rbacCommands(ids, protocol).map((c) => `  ${c}`),
        `  Check: ${testAuthorization(ids)}`,
        'Use the object ID shown under Enterprise applications, not the one on the App registration page: the wrong one makes logins fail the same way.',
        ...(ids.servicePrincipalObjectId !== undefined && !(0,_text_command_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isGraphId */ .SR)(ids.servicePrincipalObjectId)
            ? [_text_command_values_js__WEBPACK_IMPORTED_MODULE_0__/* .UNEXPECTED_ID_NOTE */ .jW]
            : []),
    ].join('\n');
}


/***/ }),

/***/ 2940:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ BUILTIN_IDS),
/* harmony export */   u: () => (/* binding */ RESOURCE_NAMES)
/* harmony export */ });
const RESOURCE_NAMES = {
    graph: 'Microsoft Graph',
    exchange: 'Office 365 Exchange Online',
};
const BUILTIN_IDS = {
    graph: {
        application: {
            'Mail.Send': 'b633e1c5-b582-4048-a93e-9f11b44c7e96',
            'User.Read.All': 'df021288-bdef-4463-88db-98f22de89214',
            'Application.Read.All': '9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30',
            'Application.ReadWrite.OwnedBy': '18a4783c-866b-4cc7-a460-3d5e5662c884',
            'Application.ReadWrite.All': '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9',
            'Directory.Read.All': '7ab1d382-f21e-4acd-a863-ba3e13f7da61',
            'DelegatedPermissionGrant.Read.All': '81b4724a-58aa-41c1-8a55-84ef97466587',
        },
        delegated: {
            'Mail.Send': 'e383f46e-2787-4529-855e-0e479a3ffac0',
            'User.Read': 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
            offline_access: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
            openid: '37f7f235-527c-4136-accd-4a02d197296e',
            profile: '14dad69e-099b-42c9-810b-d002981feec1',
            email: '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0',
            'IMAP.AccessAsUser.All': '652390e4-393a-48de-9484-05f9b1212954',
            'POP.AccessAsUser.All': 'd7b7f2d9-0f45-4ea1-9d42-e50810c06991',
            'SMTP.Send': '258f6531-6087-4cc4-bb90-092c5fb3ed3f',
        },
    },
    exchange: {
        application: {
            'IMAP.AccessAsApp': '5e5addcd-3e8d-4e90-baf5-964efab2b20a',
            'POP.AccessAsApp': 'cb842b43-da6e-4506-86fe-bb12199c656d',
            'SMTP.SendAsApp': '7146a1f0-8703-45b3-9eae-527a64c00995',
            full_access_as_app: 'dc890d15-9560-4a4c-9b7f-a736ec74ec40',
            'Exchange.ManageAsApp': 'dc50a0fb-09a3-484d-be87-e023b12c6440',
        },
        delegated: {
            'IMAP.AccessAsUser.All': '195adc35-e27b-454b-a7ed-1ecdffa1c09f',
            'POP.AccessAsUser.All': 'fb698133-92fa-453e-a9ed-688e10f2e5ac',
            'SMTP.Send': '76faac2a-0f20-42f1-928a-50de5b9dbe52',
        },
    },
};


/***/ }),

/***/ 7065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bL: () => (/* binding */ formatPermission),
/* harmony export */   kx: () => (/* binding */ requiredPermissions),
/* harmony export */   uA: () => (/* binding */ MAIL_DELEGATED)
/* harmony export */ });
/* harmony import */ var _settings_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1664);
// Which permissions the run requires (contract: "Required permissions"): exactly what the grant,
// activities and read protocol need (`permissions-profile: flow`), or everything the connector's
// setup page lists (`email-connector`), plus `extra-permissions`. A permission is identified by
// resource, name and type; ids are resolved later, per tenant.

/** Delegated mail permissions that may be configured under either resource. */
const MAIL_DELEGATED = new Set(Object.values(_settings_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MAIL_PERMISSIONS */ .r).map((p) => p.delegated));
const { imap: IMAP, pop: POP, smtp: SMTP } = _settings_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MAIL_PERMISSIONS */ .r;
const req = (resource, name, type, why) => ({
    resource,
    name,
    type,
    why,
    ...(type === 'delegated' && MAIL_DELEGATED.has(name) ? { eitherResource: true } : {}),
});
const WHY = {
    imapUser: 'the mailbox user logs in to IMAP with XOAUTH2',
    popUser: 'the mailbox user logs in to POP with XOAUTH2',
    smtpUser: 'the mailbox user sends mail through SMTP AUTH with XOAUTH2',
    offline: 'a refresh token is issued, so later steps can renew the token without the password',
    imapApp: 'the app logs in to IMAP as itself (app-only XOAUTH2)',
    popApp: 'the app logs in to POP as itself (app-only XOAUTH2)',
    smtpApp: 'the app sends mail through SMTP AUTH as itself',
    mailSendApp: "the connector's setup page lists it (sending through Graph)",
    userReadAll: "the connector's setup page lists it (looking up users)",
    userRead: "the connector's setup page lists it (signing the user in when reading)",
};
function requiredPermissions(settings) {
    const reads = settings.activities.includes('read');
    const sends = settings.activities.includes('send');
    const pop = settings.readProtocol === 'pop';
    const list = [];
    if (settings.permissionsProfile === 'email-connector') {
        list.push(pop
            ? req('exchange', POP.application, 'application', WHY.popApp)
            : req('exchange', IMAP.application, 'application', WHY.imapApp), req('graph', 'Mail.Send', 'application', WHY.mailSendApp), req('graph', 'User.Read.All', 'application', WHY.userReadAll), req('graph', 'offline_access', 'delegated', WHY.offline));
        if (reads) {
            list.push(req('graph', IMAP.delegated, 'delegated', WHY.imapUser), req('graph', 'User.Read', 'delegated', WHY.userRead));
        }
        if (sends)
            list.push(req('graph', SMTP.delegated, 'delegated', WHY.smtpUser));
    }
    else if (settings.grant === 'password') {
        if (reads)
            list.push(pop
                ? req('graph', POP.delegated, 'delegated', WHY.popUser)
                : req('graph', IMAP.delegated, 'delegated', WHY.imapUser));
        if (sends)
            list.push(req('graph', SMTP.delegated, 'delegated', WHY.smtpUser));
        list.push(req('graph', 'offline_access', 'delegated', WHY.offline));
    }
    else {
        if (reads)
            list.push(pop
                ? req('exchange', POP.application, 'application', WHY.popApp)
                : req('exchange', IMAP.application, 'application', WHY.imapApp));
        if (sends)
            list.push(req('exchange', SMTP.application, 'application', WHY.smtpApp));
    }
    for (const extra of settings.extraPermissions) {
        list.push(req(extra.resource, extra.name, extra.type, 'listed in `extra-permissions`'));
    }
    return dedupe(list);
}
/** The contract's format: `graph:SMTP.Send (delegated)`. */
const formatPermission = (p) => `${p.resource}:${p.name} (${p.type})`;
function dedupe(list) {
    const seen = new Map();
    for (const r of list) {
        // A mail delegated permission under either resource is one requirement.
        const key = `${r.eitherResource ? '*' : r.resource}|${r.name.toLowerCase()}|${r.type}`;
        if (!seen.has(key))
            seen.set(key, r);
    }
    return [...seen.values()];
}


/***/ }),

/***/ 4663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ buildDirectory),
/* harmony export */   m: () => (/* binding */ resourceOfAppId)
/* harmony export */ });
/* harmony import */ var _settings_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1664);
/* harmony import */ var _builtin_ids_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2940);


const RESOURCES = ['graph', 'exchange'];
function resourceOfAppId(appId) {
    return RESOURCES.find((r) => _settings_types_js__WEBPACK_IMPORTED_MODULE_0__/* .RESOURCE_APP_IDS */ .w[r] === appId.toLowerCase());
}
function buildDirectory(read) {
    const sps = {};
    if (read.resources?.graph.ok)
        sps.graph = read.resources.graph.value;
    if (read.resources?.exchange.ok)
        sps.exchange = read.resources.exchange.value;
    const tenantList = (resource, type) => {
        const sp = sps[resource];
        if (!sp)
            return undefined;
        const entries = type === 'application' ? sp.appRoles : sp.oauth2PermissionScopes;
        return entries.filter((e) => e.value && e.isEnabled !== false);
    };
    return {
        source: {
            graph: sps.graph ? 'tenant' : 'built-in',
            exchange: sps.exchange ? 'tenant' : 'built-in',
        },
        idOf(resource, name, type) {
            const lower = name.toLowerCase();
            const list = tenantList(resource, type);
            if (list) {
                const hit = list.find((e) => e.value.toLowerCase() === lower);
                return hit ? { found: true, id: hit.id, source: 'tenant' } : { found: false, known: true };
            }
            const table = _builtin_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .BUILTIN_IDS */ .n[resource][type];
            const key = Object.keys(table).find((k) => k.toLowerCase() === lower);
            return key
                ? { found: true, id: table[key], source: 'built-in' }
                : { found: false, known: false };
        },
        nameOf(resource, id, type) {
            const lower = id.toLowerCase();
            const list = tenantList(resource, type);
            const fromTenant = list?.find((e) => e.id.toLowerCase() === lower)?.value;
            if (fromTenant)
                return fromTenant;
            const table = _builtin_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .BUILTIN_IDS */ .n[resource][type];
            return Object.keys(table).find((k) => table[k].toLowerCase() === lower);
        },
        resourceOfObjectId(objectId, displayName) {
            const lower = objectId.toLowerCase();
            const byId = RESOURCES.find((r) => sps[r]?.id.toLowerCase() === lower);
            if (byId)
                return byId;
            // The resource SPs could not be read: their display names are fixed by Microsoft.
            return RESOURCES.find((r) => !sps[r] && displayName === _builtin_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .RESOURCE_NAMES */ .u[r]);
        },
    };
}


/***/ }),

/***/ 309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EC: () => (/* binding */ resolveClientAuth),
/* harmony export */   Jr: () => (/* binding */ federationFromEnv),
/* harmony export */   Kh: () => (/* binding */ FEDERATED_AUDIENCE),
/* harmony export */   YW: () => (/* binding */ NO_FEDERATION)
/* harmony export */ });
/* unused harmony export hasAppCredential */
// How the app proves itself to Entra (`client-auth`): a client secret, a certificate, or a
// federated assertion (GitHub's OIDC token, or another CI system's token given to the CLI). `auto`
// takes a certificate when one is given, else the secret, else federation when the runner offers
// an OIDC token; a password grant with none of them stays a public client, as before.
/** Entra's token-exchange audience per cloud (Azure/azure-sdk-for-js GitHub Actions credential). */
const FEDERATED_AUDIENCE = {
    public: 'api://AzureADTokenExchange',
    usgov: 'api://AzureADTokenExchangeUSGov',
    'usgov-dod': 'api://AzureADTokenExchangeUSGov',
    china: 'api://AzureADTokenExchangeChina',
};
const NO_FEDERATION = { oidc: { kind: 'no-permission' } };
const CLIENT_AUTH_CHOICES = ['auto', 'secret', 'certificate', 'federated'];
function resolveClientAuth(input) {
    const problems = [];
    const federatedAudience = input.federatedAudience || FEDERATED_AUDIENCE[input.cloud];
    const { oidc, assertion } = input.env;
    const source = assertion
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
    if (!CLIENT_AUTH_CHOICES.includes(choice))
        problems.push({
            input: 'client-auth',
            message: `'${choice}' is not one of: ${CLIENT_AUTH_CHOICES.join(', ')}`,
        });
    let clientAuth;
    if (choice === 'secret')
        clientAuth = 'secret';
    else if (choice === 'certificate')
        clientAuth = 'certificate';
    else if (choice === 'federated')
        clientAuth = 'federated';
    else if (input.clientCertificate)
        clientAuth = 'certificate';
    else if (input.clientSecret)
        clientAuth = 'secret';
    else if (source)
        clientAuth = 'federated';
    else
        clientAuth = 'none';
    if (clientAuth === 'secret' && !input.clientSecret)
        problems.push({
            input: 'client-secret',
            message: 'is required with client-auth: secret (the secret VALUE from Certificates & secrets)',
        });
    if (clientAuth === 'certificate' && !input.clientCertificate)
        problems.push({
            input: 'client-certificate',
            message: 'is required with client-auth: certificate (the certificate and its private key as PEM)',
        });
    if (clientAuth === 'none' && input.grant === 'client-credentials')
        problems.push({
            input: 'client-secret',
            message: 'is required with grant: client-credentials (the secret VALUE from Certificates & secrets), unless the app signs in without one: set client-certificate, or give the job `permissions: id-token: write` for federation (the runner then offers an OIDC token)',
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
                        assertionMissing: oidc.kind === 'fork' ? 'fork' : 'no-permission',
                    }
                : {}),
        },
    };
}
/** Whether the app can get an app-only token (Graph reads, client credentials). */
const hasAppCredential = (s) => s.clientAuth !== 'none';
/**
 * What a front end finds for federation in its environment: the runner's OIDC offer
 * (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN, present only with `permissions: id-token: write` and
 * never on pull requests from forks), and for the CLI an assertion from another CI system.
 */
function federationFromEnv(env, fromFork, cli) {
    const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
    const oidc = requestUrl && requestToken
        ? { kind: 'available', requestUrl, requestToken }
        : { kind: fromFork ? 'fork' : 'no-permission' };
    if (!cli)
        return { oidc };
    if (cli.assertionFile)
        return { oidc, assertion: { kind: 'file', path: cli.assertionFile } };
    const value = env.M365_CLIENT_ASSERTION?.trim();
    return value ? { oidc, assertion: { kind: 'value', value } } : { oidc };
}


/***/ }),

/***/ 855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ CLOUD_ENDPOINTS)
/* harmony export */ });
const CLOUD_ENDPOINTS = {
    public: {
        authority: 'https://login.microsoftonline.com',
        graph: 'https://graph.microsoft.com',
        outlookDelegated: 'https://outlook.office.com',
        outlookApp: 'https://outlook.office365.com',
        imap: { host: 'outlook.office365.com', port: 993 },
        pop: { host: 'outlook.office365.com', port: 995 },
        smtp: { host: 'smtp.office365.com', port: 587 },
    },
    usgov: {
        authority: 'https://login.microsoftonline.us',
        graph: 'https://graph.microsoft.us',
        outlookDelegated: 'https://outlook.office365.us',
        outlookApp: 'https://outlook.office365.us',
        imap: { host: 'outlook.office365.us', port: 993 },
        pop: { host: 'outlook.office365.us', port: 995 },
        smtp: { host: 'smtp.office365.us', port: 587 },
    },
    'usgov-dod': {
        authority: 'https://login.microsoftonline.us',
        graph: 'https://dod-graph.microsoft.us',
        outlookDelegated: 'https://outlook-dod.office365.us',
        outlookApp: 'https://outlook-dod.office365.us',
        imap: { host: 'outlook-dod.office365.us', port: 993 },
        pop: { host: 'outlook-dod.office365.us', port: 995 },
        smtp: { host: 'outlook-dod.office365.us', port: 587 },
    },
    china: {
        authority: 'https://login.partner.microsoftonline.cn',
        graph: 'https://microsoftgraph.chinacloudapi.cn',
        outlookDelegated: 'https://partner.outlook.cn',
        outlookApp: 'https://partner.outlook.cn',
        imap: { host: 'partner.outlook.cn', port: 993 },
        pop: { host: 'partner.outlook.cn', port: 995 },
        smtp: { host: 'smtp.partner.outlook.cn', port: 587 },
    },
};


/***/ }),

/***/ 7092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ defaultMailScopes)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1664);
// The scopes the mail token request asks for when `scope` is not given (contract: Default scopes).
// Delegated mail scopes must carry the Outlook resource prefix: unprefixed names resolve to
// Microsoft Graph and give a token that IMAP/POP/SMTP refuse.

function defaultMailScopes(grant, activities, readProtocol, endpoints) {
    if (grant === 'client-credentials')
        return [`${endpoints.outlookApp}/.default`];
    const scopes = [];
    if (activities.includes('read')) {
        scopes.push(`${endpoints.outlookDelegated}/${_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MAIL_PERMISSIONS */ .r[readProtocol].delegated}`);
    }
    if (activities.includes('send'))
        scopes.push(`${endpoints.outlookDelegated}/${_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MAIL_PERMISSIONS */ .r.smtp.delegated}`);
    scopes.push('offline_access');
    return scopes;
}


/***/ }),

/***/ 7428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $7: () => (/* binding */ SECRET_ENV),
/* harmony export */   Ae: () => (/* binding */ REPEATABLE_INPUTS),
/* harmony export */   As: () => (/* binding */ ACTION_ONLY_INPUTS),
/* harmony export */   mm: () => (/* binding */ inputSpec),
/* harmony export */   nh: () => (/* binding */ FLAG_INPUTS),
/* harmony export */   pH: () => (/* binding */ SECRET_INPUTS),
/* harmony export */   zY: () => (/* binding */ DEFAULTS)
/* harmony export */ });
/* unused harmony exports INPUTS, INPUT_NAMES */
// The one table of inputs. Every other list of inputs derives from it: INPUT_NAMES and
// SECRET_INPUTS, the parser's DEFAULTS, the CLI's flags and --help, and the README's inputs table
// and action.yml (both compared with it by __tests__/settings/input-table.test.ts).
// Adding an input is adding a row here (then its line in action.yml and the README, which the test
// asks for, and its parsing in parse-settings.ts).
const INPUTS = [
    {
        name: 'tenant-id',
        kind: 'id',
        default: '',
        required: true,
        flag: { arg: 'ID', help: 'Directory (tenant) ID or a verified domain (required)' },
        meaning: 'Directory (tenant) ID: a GUID, or a verified domain such as `contoso.onmicrosoft.com`. Never `common`, `organizations` or `consumers`.',
    },
    {
        name: 'client-id',
        kind: 'id',
        default: '',
        required: true,
        flag: { arg: 'ID', help: 'Application (client) ID of the app registration (required)' },
        meaning: 'Application (client) ID of the app registration: a GUID.',
    },
    {
        name: 'client-secret',
        kind: 'secret',
        default: '',
        secret: true,
        env: 'M365_CLIENT_SECRET',
        meaning: 'The client secret VALUE (not its secret ID). Needed for `grant: client-credentials`, the permissions read through Microsoft Graph and the secret-expiry check. Masked.',
    },
    {
        name: 'client-auth',
        kind: 'choice',
        default: 'auto',
        flag: { arg: 'KIND', help: 'auto | secret | certificate | federated (default auto)' },
        meaning: "How the app proves itself: `secret`, `certificate`, `federated` (the workflow's GitHub OIDC token; needs `permissions: id-token: write`), or `auto`: `certificate` when `client-certificate` is set, else `secret` when `client-secret` is set, else `federated` when the runner offers an OIDC token. See [Without a client secret](#without-a-client-secret).",
    },
    {
        name: 'client-certificate',
        kind: 'secret',
        default: '',
        secret: true,
        env: 'M365_CLIENT_CERTIFICATE',
        meaning: 'PEM text with the certificate and its unencrypted private key (PKCS#8 or PKCS#1), instead of a client secret. Checked before any request; masked line by line.',
    },
    {
        name: 'federated-audience',
        kind: 'text',
        default: '',
        flag: { arg: 'AUD', help: 'audience of the federated token (default per cloud)' },
        meaning: "Audience asked of GitHub's OIDC issuer; empty: the cloud's, `api://AzureADTokenExchange` (public), `api://AzureADTokenExchangeUSGov` (usgov, usgov-dod), `api://AzureADTokenExchangeChina` (china).",
    },
    {
        name: 'username',
        kind: 'text',
        default: '',
        flag: { arg: 'UPN', help: 'the mailbox account, e.g. ci@contoso.com' },
        meaning: 'The mailbox account (UPN). With `grant: password` the user that signs in; with `client-credentials` the mailbox the probes open.',
    },
    {
        name: 'password',
        kind: 'secret',
        default: '',
        secret: true,
        env: 'M365_PASSWORD',
        meaning: "The account's password, for `grant: password` (ROPC). Read untrimmed; masked.",
    },
    {
        name: 'grant',
        kind: 'choice',
        default: 'auto',
        flag: { arg: 'MODE', help: 'password | client-credentials | auto (default auto)' },
        meaning: '`password` (ROPC, delegated token), `client-credentials` (app-only token), or `auto`: `password` when `password` is set, else `client-credentials`.',
    },
    {
        name: 'activities',
        kind: 'list',
        default: 'read, send',
        repeatable: true,
        flag: { arg: 'LIST', help: 'read, send (default read, send)' },
        meaning: 'Which connector activities must work: `read`, `send`.',
    },
    {
        name: 'read-protocol',
        kind: 'choice',
        default: 'imap',
        flag: { arg: 'PROTO', help: 'imap | pop (default imap)' },
        meaning: '`imap` or `pop`.',
    },
    {
        name: 'scope',
        kind: 'text',
        default: '',
        flag: { arg: 'SCOPES', help: 'override the requested scopes (space separated)' },
        meaning: 'Overrides the requested scopes (space separated). Default: derived from grant, activities and protocol.',
    },
    {
        name: 'permissions-profile',
        kind: 'choice',
        default: 'flow',
        flag: { arg: 'NAME', help: 'flow | email-connector (default flow)' },
        meaning: "`flow`: exactly what the chosen grant, activities and protocol need. `email-connector`: everything the connector's setup page lists.",
    },
    {
        name: 'exchange-authorization',
        kind: 'choice',
        default: 'auto',
        flag: {
            arg: 'MODE',
            help: 'auto | entra | rbac: how app-only mail access is authorized (default auto)',
        },
        meaning: 'How app-only mail access is authorized: `entra` (the app roles `IMAP.AccessAsApp`, `POP.AccessAsApp`, `SMTP.SendAsApp` consented in Entra), `rbac` (Exchange RBAC for Applications; the Entra app roles are not required), `auto` (a missing app role fails only when the mailbox login for that protocol also failed).',
    },
    {
        name: 'extra-permissions',
        kind: 'lines',
        default: '',
        repeatable: true,
        flag: {
            arg: 'PERM',
            help: 'more required permissions, e.g. "graph:Mail.Send (application)"; repeatable',
        },
        meaning: 'More permissions to require, one a line: `graph:Mail.Send (application)`, `exchange:IMAP.AccessAsApp (application)`.',
    },
    {
        name: 'checks',
        kind: 'list',
        default: 'permissions, token, mailbox, secret-expiry',
        repeatable: true,
        flag: { arg: 'LIST', help: 'permissions, token, mailbox, secret-expiry (default all)' },
        meaning: 'Which checks run.',
    },
    {
        name: 'secret-expiry-warning-days',
        kind: 'number',
        default: '30',
        flag: { arg: 'N', help: 'warn when the secret expires within N days (default 30)' },
        meaning: 'Warn when the secret in use expires within this many days.',
    },
    {
        name: 'secret-expiry-failure-days',
        kind: 'number',
        default: '7',
        flag: { arg: 'N', help: 'fail when it expires within N days (default 7)' },
        meaning: 'Fail when it expires within this many days (or has expired).',
    },
    {
        name: 'secret-expiry-scope',
        kind: 'choice',
        default: 'self',
        flag: { arg: 'SCOPE', help: 'self | tenant (default self)' },
        meaning: "`self`: this registration's credentials. `tenant`: every app registration in the tenant (needs `Application.Read.All`).",
    },
    {
        name: 'fail-on',
        kind: 'choice',
        default: 'error',
        flag: { arg: 'LEVEL', help: 'error | warning: exit 1 on warnings too (default error)' },
        meaning: '`error`: the step fails only on failed checks. `warning`: warnings fail it too.',
    },
    {
        name: 'cloud',
        kind: 'choice',
        default: 'public',
        flag: { arg: 'CLOUD', help: 'public | usgov | usgov-dod | china (default public)' },
        meaning: '`public`, `usgov` (GCC High), `usgov-dod`, `china` (21Vianet).',
    },
    {
        name: 'endpoints',
        kind: 'lines',
        default: '',
        repeatable: true,
        flag: { arg: 'KEY=VALUE', help: 'endpoint override, e.g. imap=host:993; repeatable' },
        meaning: 'Overrides, one `key=value` a line: `authority=URL`, `graph=URL`, `outlook-resource=URL`, `imap=host:port`, `pop=host:port`, `smtp=host:port`. `http://` only for loopback hosts.',
    },
    {
        name: 'timeout-seconds',
        kind: 'number',
        default: '60',
        flag: { arg: 'N', help: 'deadline for the whole run (default 60)' },
        meaning: 'Deadline for the whole run.',
    },
    {
        name: 'github-token',
        kind: 'secret',
        default: '${{ github.token }}',
        parserDefault: '',
        secret: true,
        meaning: 'Token for the pull-request check run (or commit status). Masked.',
    },
    {
        name: 'check-run',
        kind: 'choice',
        default: 'auto',
        actionOnly: true,
        meaning: '`auto`: a check on `pull_request` events when the token may; `always`: on every event; `never`.',
    },
    {
        name: 'junit-path',
        kind: 'text',
        default: '',
        flag: { arg: 'FILE', help: 'also write the report as JUnit XML (alias --junit FILE)' },
        meaning: "Also write the report as JUnit XML here, one test case per check (a failure's text is its summary and fix), for test-report actions. CLI: `--junit FILE`.",
    },
];
const SPECS = INPUTS;
const INPUT_NAMES = INPUTS.map((i) => i.name);
/** Inputs whose values are secrets: masked on read, never echoed. */
const SECRET_INPUTS = pick((i) => i.secret === true);
/** The parser's default of each input that has one (an empty value means "not given"). */
const DEFAULTS = Object.fromEntries(SPECS.flatMap((i) => {
    const value = i.parserDefault ?? i.default;
    return value ? [[i.name, value]] : [];
}));
/** The CLI's flags: every input but the secrets and the action-only ones. */
const FLAG_INPUTS = pick((i) => !i.secret && !i.actionOnly);
/** Inputs that only make sense in a workflow run. */
const ACTION_ONLY_INPUTS = pick((i) => i.actionOnly === true);
/** Inputs whose CLI flag may be repeated. */
const REPEATABLE_INPUTS = pick((i) => i.repeatable === true);
/** Where the CLI reads each secret it uses. */
const SECRET_ENV = Object.fromEntries(SPECS.flatMap((i) => (i.env ? [[i.name, i.env]] : [])));
const inputSpec = (name) => SPECS.find((i) => i.name === name);
function pick(test) {
    return SPECS.filter(test).map((i) => i.name);
}


/***/ }),

/***/ 1664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ MAIL_PERMISSIONS),
/* harmony export */   w: () => (/* binding */ RESOURCE_APP_IDS)
/* harmony export */ });
/**
 * The permission each mail protocol needs, per kind of token:
 * https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth
 */
const MAIL_PERMISSIONS = {
    imap: { delegated: 'IMAP.AccessAsUser.All', application: 'IMAP.AccessAsApp' },
    pop: { delegated: 'POP.AccessAsUser.All', application: 'POP.AccessAsApp' },
    smtp: { delegated: 'SMTP.Send', application: 'SMTP.SendAsApp' },
};
/**
 * The application (client) ids of the two resources, the same in every tenant and cloud:
 * https://learn.microsoft.com/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in
 */
const RESOURCE_APP_IDS = {
    graph: '00000003-0000-0000-c000-000000000000',
    exchange: '00000002-0000-0ff1-ce00-000000000000',
};


/***/ }),

/***/ 6566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dv: () => (/* binding */ parseHostPort),
/* harmony export */   Q2: () => (/* binding */ parseBaseUrl),
/* harmony export */   T0: () => (/* binding */ tenantIdProblem),
/* harmony export */   W_: () => (/* binding */ isGuid),
/* harmony export */   ry: () => (/* binding */ splitList),
/* harmony export */   uz: () => (/* binding */ splitLines)
/* harmony export */ });
/* unused harmony export isLoopbackHost */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
// Small value checks shared by the settings parser: identifiers that end up in URL paths,
// URLs that may only be plain http on loopback, host:port pairs.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;
const isGuid = (value) => GUID.test(value);
/** Why a tenant id is refused, or undefined when it is a GUID or a domain name. */
function tenantIdProblem(value) {
    const lower = value.toLowerCase();
    if (['common', 'organizations', 'consumers'].includes(lower)) {
        return `'${value}' is a multi-tenant alias; ROPC and app-only tokens need the Directory (tenant) ID or a verified domain of your tenant (Entra ID → Overview → Tenant ID)`;
    }
    // The value goes into the token URL's path: refuse anything that could change the path.
    if (/[/\\?#%\s]/.test(value) || value.includes('..')) {
        return `'${value}' contains a character that is not allowed in a tenant id (/ \\ ? # % space or ..); give the Directory (tenant) ID GUID or a domain such as contoso.onmicrosoft.com`;
    }
    if (isGuid(value) || DOMAIN.test(value))
        return undefined;
    return `'${value}' is neither a GUID nor a domain name; give the Directory (tenant) ID from Entra ID → Overview, or a verified domain such as contoso.onmicrosoft.com`;
}
/**
 * Loopback written literally: `localhost`, an IPv4 address in 127.0.0.0/8 or `::1` (as a URL's
 * hostname gives them). Not `*.localhost`: the system resolver answers for such a name, and
 * whatever it answers (a hosts file, a DNS server on the network) would get plain http.
 */
function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost')
        return true;
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 4)
        return host.startsWith('127.');
    return host === '::1';
}
/** Parses an endpoint base URL (scheme and host, optional port). Returns the normalised origin. */
function parseBaseUrl(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return { problem: `'${value}' is not a URL` };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return { problem: `'${value}' must use https://` };
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        return {
            problem: `'${value}' uses http://, which is accepted only for loopback hosts; use https://`,
        };
    }
    if (url.username || url.password)
        return { problem: `'${url.origin}' must not carry credentials` };
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
        return {
            problem: `'${value}' must be a scheme and host only (the path is added by the action)`,
        };
    }
    return { origin: url.origin };
}
function parseHostPort(value) {
    const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+):(\d{1,5})$/i.exec(value.trim());
    const port = match ? Number(match[2]) : NaN;
    if (!match || port < 1 || port > 65535) {
        return { problem: `'${value}' must be host:port, e.g. outlook.office365.com:993` };
    }
    return { host: match[1].replace(/^\[|\]$/g, ''), port };
}
/** Splits a comma- or newline-separated list, dropping blanks. */
const splitList = (value) => value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
const splitLines = (value) => value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));


/***/ }),

/***/ 6321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $6: () => (/* binding */ showsUnexpectedId),
/* harmony export */   Bw: () => (/* binding */ shLiteral),
/* harmony export */   Lc: () => (/* binding */ psLiteral),
/* harmony export */   SR: () => (/* binding */ isGraphId),
/* harmony export */   dA: () => (/* binding */ GRAPH_ID),
/* harmony export */   eW: () => (/* binding */ psWord),
/* harmony export */   jW: () => (/* binding */ UNEXPECTED_ID_NOTE),
/* harmony export */   sQ: () => (/* binding */ graphId),
/* harmony export */   y5: () => (/* binding */ shWord)
/* harmony export */ });
/* unused harmony export UNEXPECTED_ID */
/* harmony import */ var _sanitise_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9169);
// Values written into the commands the action and the setup assistant print for an administrator
// to copy and run: Exchange Online and Microsoft Graph PowerShell, `az`. Many of those values come
// from Microsoft Graph (a registration's display name, object and grant ids, a grant's scopes) or
// from a token (its upn), and server text is hostile: a display name `x"; $(Remove-Item ~); "`
// inside a double-quoted PowerShell string runs, an id `a'; rm -rf ~; '` ends a shell quote. So
// every such value goes through one of the functions here and reaches the command as an inert
// literal, or not at all.

/** One line, controls removed, never cut: a cut value inside a command would be another value. */
const oneLine = (value) => (0,_sanitise_js__WEBPACK_IMPORTED_MODULE_0__.cleanLine)(value, Number.MAX_SAFE_INTEGER);
/**
 * The characters PowerShell reads as a single quote: the ASCII apostrophe and the typographic
 * U+2018-U+201B, which its tokenizer treats the same (IsSingleQuote in
 * https://github.com/PowerShell/PowerShell/blob/master/src/System.Management.Automation/engine/parser/CharTraits.cs).
 * Inside a single-quoted string a quote character is written by doubling it.
 */
const PS_SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;
/**
 * A PowerShell single-quoted literal: nothing inside it is expanded (no `$(...)`, no variables, no
 * backtick escapes; https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules).
 * Control characters and line breaks are removed first: the command stays one line.
 */
function psLiteral(value) {
    return `'${oneLine(value).replace(PS_SINGLE_QUOTES, (q) => q + q)}'`;
}
/**
 * Letters first, then letters, digits and `._@-`: PowerShell reads such an argument as the plain
 * string it is (no number, no operator, no parameter name, nothing expanded), so a mailbox like
 * alice@contoso.com is printed the way Microsoft's pages print it.
 */
const PS_PLAIN = /^[A-Za-z][A-Za-z0-9._@-]*$/;
/**
 * A placeholder the reader fills in (`<mailbox>`): left bare, because PowerShell refuses to parse
 * a line with `<` in argument position ("reserved for future use"), so a line still holding it
 * cannot run.
 */
const PLACEHOLDER = /^<[A-Za-z0-9 ]+>$/;
/** A PowerShell argument: left as it is when plainly a string or a placeholder, else `psLiteral`. */
function psWord(value) {
    return PS_PLAIN.test(value) || PLACEHOLDER.test(value) ? value : psLiteral(value);
}
/** A POSIX shell single-quoted word: each `'` closes the quote, adds `\'` and reopens it. */
function shLiteral(value) {
    return `'${oneLine(value).replace(/'/g, `'\\''`)}'`;
}
/** Words a POSIX shell reads as themselves (the set Python's shlex.quote leaves bare). */
const SH_PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** A shell word: left as it is when nothing in it is special to the shell, else `shLiteral`. */
function shWord(value) {
    return SH_PLAIN.test(value) ? value : shLiteral(value);
}
/**
 * The characters Graph's ids have: object and app role ids are GUIDs, grant and assignment ids
 * base64url (`[A-Za-z0-9_-]`). Neither needs quoting in PowerShell, a shell, or a URL path.
 */
const GRAPH_ID = /^[A-Za-z0-9_-]{1,256}$/;
/** Shown instead of an id from Graph that has other characters than an id has. */
const UNEXPECTED_ID = '<id not shown: unexpected characters>';
const isGraphId = (value) => GRAPH_ID.test(value);
/** An id from Graph for a command or a URL path: itself when it looks like an id, else `UNEXPECTED_ID`. */
function graphId(value) {
    return isGraphId(value) ? value : UNEXPECTED_ID;
}
/** Said next to a command that shows `UNEXPECTED_ID`. */
const UNEXPECTED_ID_NOTE = 'Microsoft Graph sent an id with characters an id does not have; it is not shown in the commands: look it up in the Entra admin center.';
/** True when some command line shows `UNEXPECTED_ID`. */
const showsUnexpectedId = (lines) => lines.some((l) => l.includes(UNEXPECTED_ID));


/***/ }),

/***/ 9169:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_DETAILS_CHARS: () => (/* binding */ MAX_DETAILS_CHARS),
/* harmony export */   MAX_FIELD_CHARS: () => (/* binding */ MAX_FIELD_CHARS),
/* harmony export */   capText: () => (/* binding */ capText),
/* harmony export */   cleanLine: () => (/* binding */ cleanLine),
/* harmony export */   cleanText: () => (/* binding */ cleanText),
/* harmony export */   htmlText: () => (/* binding */ htmlText),
/* harmony export */   logText: () => (/* binding */ logText),
/* harmony export */   preText: () => (/* binding */ preText),
/* harmony export */   proseValue: () => (/* binding */ proseValue)
/* harmony export */ });
// The one boundary for text that came from a server (Entra, Graph, a mail server, the GitHub
// API): a registration's display name, an error description or an IMAP reply is written by
// whoever controls, spoofs or compromised that server. Everything that renders text — log lines,
// annotations, the job summary, the check run, the JSON report, the CLI — goes through the
// functions here, and every bound the action puts on server text is defined here (README,
// Security). Every function is linear in the length of its input: no pattern here can
// backtrack, and text is cut to its bound before anything else looks at it.
/** One piece of server text in a report field (a display name, a description, a reply). */
const MAX_FIELD_CHARS = 4096;
/** A check's `details` (transcripts, lists of credentials): several pieces, still bounded. */
const MAX_DETAILS_CHARS = 65_536;
/**
 * Characters removed from server text: C0 controls except tab and line feed (a carriage return
 * returns the cursor and lets a server overwrite what the line said, e.g. with a fake "✔ PASS";
 * ESC starts terminal sequences such as an OSC 52 clipboard write), DEL, C1 controls, and the
 * Unicode bidirectional overrides and isolates that make a terminal or browser show text in
 * another order than it is (CVE-2021-42574, "Trojan Source").
 */
const CONTROLS = 
// eslint-disable-next-line no-control-regex -- matching control characters is the point
/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Line endings in any form a renderer may honour: CRLF, a lone CR (CommonMark ends lines at
 * one), NEL, and the Unicode line and paragraph separators. */
const LINE_BREAKS = /\r\n|[\r\u0085\u2028\u2029]/g;
/**
 * Cuts `text` to at most `max` characters (never inside a surrogate pair) and says how much was
 * cut, so that a reader knows the text is not whole.
 */
function capText(text, max = MAX_FIELD_CHARS) {
    if (text.length <= max)
        return text;
    let end = max;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        end -= 1;
    return `${text.slice(0, end)}… (${text.length - end} more characters cut)`;
}
/**
 * Server text made safe for any renderer that understands line breaks: cut to `max`, every line
 * ending made a plain `\n`, control and bidi characters removed. Tabs stay.
 */
function cleanText(text, max = MAX_FIELD_CHARS) {
    return capText(String(text), max).replace(LINE_BREAKS, '\n').replace(CONTROLS, '');
}
/** `cleanText` on one line: line breaks and the blanks around them become one space. */
function cleanLine(text, max = MAX_FIELD_CHARS) {
    const clean = cleanText(text, max);
    if (!clean.includes('\n'))
        return clean;
    // split/trim/join rather than a /\s*\n\s*/ pattern: a run of blanks costs one pass, not n².
    return clean
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(' ');
}
/**
 * A server value (an app's display name) written into the action's own fix text. The summary
 * renders a fix with line breaks and `code` spans (report/html.ts), so the value is made one line
 * and its backticks plain quotes: it can start neither a line nor a code span of its own.
 */
function proseValue(text) {
    return cleanLine(text).replace(/`/g, "'");
}
/**
 * A line for the runner's log. The runner reads a line as a workflow command when, after leading
 * blanks, it starts with `::`, and in the legacy form when it contains `##[` anywhere
 * (https://github.com/actions/runner/blob/main/src/Runner.Common/ActionCommand.cs, TryParseV2
 * and TryParse): `##[set-output name=access-token]...` in a server's reply would be obeyed.
 * Both are broken up with a space; control characters go as everywhere.
 */
function logText(text) {
    return cleanText(text, Number.MAX_SAFE_INTEGER).split('\n').map(neutraliseCommands).join('\n');
}
/** One line of `logText`'s rules: `::` at its start and `##[` anywhere broken up. */
function neutraliseCommands(line) {
    let out = line.includes('##[') ? line.split('##[').join('# #[') : line;
    const lead = out.length - out.trimStart().length;
    if (out.startsWith('::', lead))
        out = `${out.slice(0, lead)}: :${out.slice(lead + 2)}`;
    return out;
}
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};
/** The five HTML characters as entities, so text stays text inside HTML. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
/**
 * Text for inside an HTML block of the job summary or the check run (GitHub renders both as
 * CommonMark with inline HTML). An HTML block ends at the first blank line, and CommonMark counts
 * a lone CR as a line ending, so `\r\r` in a cell would end the block and let Markdown read the
 * rest (headings, links, images). Here no line break survives: by default each becomes a space;
 * with `breaks` (the action's own multi-line text, e.g. a fix of several commands) a `<br>`.
 */
function htmlText(text, options = {}) {
    const clean = cleanText(text, Number.MAX_SAFE_INTEGER);
    if (options.breaks)
        return escapeHtml(clean.trim()).split('\n').join('<br>');
    return escapeHtml(cleanLine(clean, Number.MAX_SAFE_INTEGER).trim());
}
/**
 * Text for inside a `<pre>` of the summary: the line breaks are written as `&#10;`, so the
 * whole `<pre>` stays on one line of the Markdown source and no blank line can end its block.
 */
function preText(text) {
    return escapeHtml(cleanText(text, Number.MAX_SAFE_INTEGER)).split('\n').join('&#10;');
}


/***/ })

};
