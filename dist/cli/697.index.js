export const id = 697;
export const ids = [697,873];
export const modules = {

/***/ 5697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FEDERATION_CODES: () => (/* binding */ FEDERATION_CODES),
/* harmony export */   diagnoseFederation: () => (/* binding */ diagnoseFederation),
/* harmony export */   presentedClaims: () => (/* binding */ presentedClaims)
/* harmony export */ });
/* harmony import */ var _jwt_claims_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5705);
/* harmony import */ var _github_oidc_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8873);
/* harmony import */ var _text_command_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6321);
// The federated-credential doctor: when Entra refuses the workflow's OIDC token, show side by side
// what the workflow presented (its decoded claims, never the token) and what the app registration
// must have, and print the fix ready to paste. Loaded only when a federated sign-in fails.
//
// Entra matches a federated identity credential on issuer, subject and audience, exactly and
// case-sensitively (case-sensitive since the August 2024 change:
// https://learn.microsoft.com/entra/identity-platform/reference-breaking-changes#august-2024;
// https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
// GitHub builds `sub` by the first rule that applies: the job's environment, else pull_request
// events, else the ref (https://docs.github.com/actions/reference/security/oidc).



/** The codes the doctor explains. Sources of their wording: sandbox/entra-errors.ts. */
const FEDERATION_CODES = new Set([
    70021, 700211, 700212, 700213, 7002138, 700024,
]);
/** The claims the doctor shows, read from a GitHub OIDC token without verifying it. */
function presentedClaims(token) {
    const raw = token ? (0,_jwt_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeClaims */ .Yq)(token) : undefined;
    if (!raw)
        return undefined;
    const text = (k) => (typeof raw[k] === 'string' ? raw[k] : undefined);
    const num = (k) => (typeof raw[k] === 'number' ? raw[k] : undefined);
    const aud = Array.isArray(raw.aud)
        ? raw.aud.filter((a) => typeof a === 'string').join(' ')
        : text('aud');
    return {
        iss: text('iss'),
        sub: text('sub'),
        aud,
        job_workflow_ref: text('job_workflow_ref'),
        environment: text('environment'),
        ref: text('ref'),
        event_name: text('event_name'),
        repository: text('repository'),
        iat: num('iat'),
        nbf: num('nbf'),
        exp: num('exp'),
    };
}
/** What a federated credential for this workflow must hold: GitHub's issuer, the presented subject, Entra's audience. */
function required(input) {
    return {
        issuer: _github_oidc_js__WEBPACK_IMPORTED_MODULE_0__/* .GITHUB_ISSUER */ .oX,
        subject: input.presented?.sub ?? '(the subject of the workflow’s token)',
        audience: _github_oidc_js__WEBPACK_IMPORTED_MODULE_0__/* .FEDERATED_AUDIENCE */ .Kh[input.cloud],
    };
}
function diagnoseFederation(input) {
    const p = input.presented;
    const want = required(input);
    const subject = p?.sub ?? '(unknown: the token could not be read)';
    let summary;
    let why;
    switch (input.code) {
        case 700211:
            summary = `no federated credential of app ${input.clientId} has the issuer the workflow presented ('${p?.iss ?? 'unknown'}')`;
            why = [
                `The issuer must be exactly ${_github_oidc_js__WEBPACK_IMPORTED_MODULE_0__/* .GITHUB_ISSUER */ .oX}: no trailing slash, https, lower case. GitHub Enterprise Cloud with a customised issuer presents ${_github_oidc_js__WEBPACK_IMPORTED_MODULE_0__/* .GITHUB_ISSUER */ .oX}/<enterprise-slug> instead; then that is the issuer to configure.`,
            ];
            break;
        case 700212:
            summary = `no federated credential of app ${input.clientId} has the audience the workflow presented ('${p?.aud ?? input.audience}')`;
            why = [
                `Entra's audience is ${_github_oidc_js__WEBPACK_IMPORTED_MODULE_0__/* .FEDERATED_AUDIENCE */ .Kh.public} (public cloud), ${_github_oidc_js__WEBPACK_IMPORTED_MODULE_0__/* .FEDERATED_AUDIENCE */ .Kh.usgov} (usgov, usgov-dod) or ${_github_oidc_js__WEBPACK_IMPORTED_MODULE_0__/* .FEDERATED_AUDIENCE */ .Kh.china} (china). The credential's audience and \`federated-audience\` (default: the one for \`cloud: ${input.cloud}\`) must be the same.`,
            ];
            break;
        case 7002138:
            summary = `the app's federated credential subject differs from the presented subject '${subject}' only in upper/lower case`;
            why = [
                'Since 2024 Entra compares subjects case-sensitively. GitHub writes the owner, repository and environment names with the case they have on GitHub (environment names as created, e.g. Production vs production).',
            ];
            break;
        case 700024:
            summary = `Entra judged the workflow's OIDC token outside its valid time range${timeRange(p)}`;
            why = [
                "GitHub's tokens live 5 minutes and this action fetches a fresh one for every token request, so the usual cause is the runner's clock (self-hosted runners: check NTP) or a run held up for minutes between fetching and sending. Run the job again; if it repeats, fix the runner's clock.",
            ];
            break;
        case 70021:
        case 700213:
        default:
            summary = `no federated credential of app ${input.clientId} matches the subject the workflow presented: '${subject}'`;
            why = subjectRules(p);
    }
    const details = [
        sideBySide(p, want),
        ...(p ? [] : ['The workflow’s token could not be decoded, so its claims are not shown.']),
        ...why,
    ].join('\n');
    const remediation = input.code === 700024
        ? `Run the job again; on a self-hosted runner sync its clock (NTP). Nothing on the app registration needs to change.`
        : fixText(input.clientId, want);
    return { summary, details, remediation };
}
function timeRange(p) {
    if (!p?.exp)
        return '';
    const at = (s) => new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return ` (issued ${p.iat ? at(p.iat) : 'unknown'}, expired ${at(p.exp)})`;
}
function subjectRules(p) {
    const rules = [
        'GitHub builds the subject by the first rule that applies: the job’s `environment:` gives repo:OWNER/REPO:environment:NAME; else a pull_request event gives repo:OWNER/REPO:pull_request; else repo:OWNER/REPO:ref:refs/heads/BRANCH (or refs/tags/TAG). A credential for a branch does not match a job that names an environment, and a pull request never matches a branch credential.',
        'Repositories created (or renamed or transferred) after 2026-07-15 present repo:OWNER@OWNER_ID/REPO@REPO_ID:...; an organisation may also customise the subject template (GET /repos/OWNER/REPO/actions/oidc/customization/sub). Matching is exact and case-sensitive.',
    ];
    if (p?.environment)
        rules.unshift(`This job runs in environment '${p.environment}', so its subject ends in :environment:${p.environment}, not :ref:${p.ref ?? '...'}.`);
    else if (p?.event_name === 'pull_request')
        rules.unshift('This run is a pull_request event, so its subject ends in :pull_request.');
    return rules;
}
function sideBySide(p, want) {
    const rows = [
        ['', 'the workflow presented', 'a federated credential must have'],
        ['issuer', p?.iss ?? '?', want.issuer],
        ['subject', p?.sub ?? '?', want.subject],
        ['audience', p?.aud ?? '?', want.audience],
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    const lines = rows.map(([a, b, c]) => `  ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`.trimEnd());
    const more = [
        ['job_workflow_ref', p?.job_workflow_ref],
        ['environment', p?.environment ?? (p ? '(none)' : undefined)],
        ['ref', p?.ref],
        ['event', p?.event_name],
    ];
    const w = Math.max(...more.map(([k]) => k.length));
    return [
        'Claims of the OIDC token (decoded; the token itself is never shown):',
        ...lines,
        ...more.filter(([, v]) => v !== undefined).map(([k, v]) => `  ${k.padEnd(w)}  ${v}`),
    ].join('\n');
}
/** A name Entra accepts for a federated credential: letters, digits, '-' and '_', at most 120. */
function credentialName(subject) {
    const slug = subject
        .replace(/^repo:/, '')
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return `github-${slug}`.slice(0, 120);
}
function portalEntity(subject) {
    const m = /:(environment|pull_request|ref)(?::(.*))?$/.exec(subject);
    if (!m)
        return 'the entity that matches the subject above';
    if (m[1] === 'environment')
        return `entity type Environment, value ${m[2] ?? ''}`;
    if (m[1] === 'pull_request')
        return 'entity type Pull request';
    const ref = m[2] ?? '';
    return ref.startsWith('refs/tags/')
        ? `entity type Tag, value ${ref.slice('refs/tags/'.length)}`
        : `entity type Branch, value ${ref.replace(/^refs\/heads\//, '')}`;
}
function fixText(clientId, want) {
    const parameters = JSON.stringify({
        name: credentialName(want.subject),
        issuer: want.issuer,
        subject: want.subject,
        audiences: [want.audience],
    });
    return [
        `Add a federated credential with subject ${want.subject} (issuer ${want.issuer}, audience ${want.audience}):`,
        `az ad app federated-credential create --id ${(0,_text_command_values_js__WEBPACK_IMPORTED_MODULE_1__/* .graphId */ .sQ)(clientId)} --parameters ${(0,_text_command_values_js__WEBPACK_IMPORTED_MODULE_1__/* .shLiteral */ .Bw)(parameters)}`,
        `Or in the Entra admin center: App registrations → the app → Certificates & secrets → Federated credentials → Add credential → GitHub Actions deploying Azure resources, with the organisation and repository of the subject and ${portalEntity(want.subject)}; check that the subject the portal shows is exactly the one above (use "Other issuer" to paste it if it differs). A new credential can take a minute to apply.`,
    ].join('\n');
}


/***/ }),

/***/ 8873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kh: () => (/* reexport safe */ _settings_client_auth_js__WEBPACK_IMPORTED_MODULE_1__.Kh),
/* harmony export */   QG: () => (/* binding */ fetchGithubOidcToken),
/* harmony export */   noOidcTokenFailure: () => (/* binding */ noOidcTokenFailure),
/* harmony export */   oX: () => (/* binding */ GITHUB_ISSUER)
/* harmony export */ });
/* harmony import */ var _http_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8549);
/* harmony import */ var _http_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5853);
/* harmony import */ var _settings_client_auth_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(309);
// The workflow's own OIDC token from GitHub, used as the client assertion of workload identity
// federation (https://learn.microsoft.com/entra/workload-id/workload-identity-federation).
// GitHub's runner offers it only to jobs with `permissions: id-token: write`, through two
// variables: GET `${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=...` with
// `Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}` answers `{ "value": "<jwt>" }`
// (https://docs.github.com/actions/reference/security/oidc). The tokens live about five minutes,
// so one is fetched for every token request. Both tokens are secrets, masked at once.



/** GitHub's issuer, spelled exactly as the token's `iss` (no trailing slash). */
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const PERMISSION_FIX = 'Give the job `permissions: id-token: write` (and `contents: read`), and run it from this repository rather than a fork.';
/** The runner's URL with the audience appended as GitHub's toolkit does (`&audience=`). */
function oidcTokenUrl(requestUrl, audience) {
    const joiner = requestUrl.includes('?') ? '&' : '?';
    return `${requestUrl}${joiner}audience=${encodeURIComponent(audience)}`;
}
async function fetchGithubOidcToken(request) {
    // Named by host only: the query may carry run identifiers nobody needs in a log.
    const host = hostOf(request.requestUrl);
    let response;
    try {
        response = await request.http.request({
            method: 'GET',
            url: oidcTokenUrl(request.requestUrl, request.audience),
            headers: {
                authorization: `Bearer ${request.requestToken}`,
                accept: 'application/json; api-version=2.0',
            },
            endpointName: `GitHub's OIDC token endpoint (${host})`,
            retry: 'all',
        });
    }
    catch (error) {
        if (!(error instanceof _http_errors_js__WEBPACK_IMPORTED_MODULE_0__.HttpError))
            throw error;
        return {
            ok: false,
            failure: {
                summary: `the workflow's OIDC token could not be fetched: ${error.message}`,
                remediation: 'Check that the runner can reach the URL in ACTIONS_ID_TOKEN_REQUEST_URL (proxy settings: HTTPS_PROXY, NO_PROXY), and run again.',
            },
        };
    }
    const body = (0,_http_types_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .q)(response.text);
    const value = typeof body?.value === 'string' ? body.value : '';
    if (value)
        request.registerSecret(value);
    if (response.status === 200 && value.split('.').length === 3)
        return { ok: true, token: value };
    return {
        ok: false,
        failure: {
            summary: response.status === 200
                ? `GitHub's OIDC token endpoint (${host}) answered without a token in \`value\``
                : `GitHub's OIDC token endpoint (${host}) refused the request with HTTP ${response.status}`,
            remediation: response.status === 401 || response.status === 403
                ? `The request token was refused. ${PERMISSION_FIX}`
                : 'Run the job again; if it keeps failing, check githubstatus.com for Actions incidents.',
        },
    };
}
function hostOf(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return 'an unreadable URL';
    }
}
/** The plain words for a run without an OIDC token: no request is made. */
function noOidcTokenFailure(kind) {
    if (kind === 'fork')
        return {
            summary: 'this pull request comes from a fork, and GitHub gives workflows of fork pull requests no OIDC token, so federation cannot sign in',
            remediation: 'Run the preflight on push, on workflow_dispatch, or on pull requests from branches of this repository; for forks, skip this step with `if: github.event.pull_request.head.repo.full_name == github.repository`.',
        };
    return {
        summary: 'the runner offers no OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set): the job lacks `permissions: id-token: write`',
        remediation: "Add `permissions: { id-token: write, contents: read }` to the job (or the workflow). Outside GitHub Actions, pass the CI system's OIDC token with M365_CLIENT_ASSERTION or --client-assertion-file, or use `client-certificate`.",
    };
}


/***/ })

};
