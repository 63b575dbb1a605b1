export const id = 911;
export const ids = [911];
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


/***/ })

};
