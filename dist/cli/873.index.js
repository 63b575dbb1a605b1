export const id = 873;
export const ids = [873];
export const modules = {

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
