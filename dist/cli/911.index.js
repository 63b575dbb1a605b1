export const id = 911;
export const ids = [911];
export const modules = {

/***/ 429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nh: () => (/* binding */ FLAG_INPUTS),
  $7: () => (/* binding */ SECRET_ENV),
  hT: () => (/* binding */ parseCliArgs)
});

;// CONCATENATED MODULE: ./src/settings/types.ts
// The typed settings every part of the engine works from. Built once from raw inputs by
// parse-settings.ts; nothing else reads action inputs or CLI flags.
const INPUT_NAMES = [
    'tenant-id',
    'client-id',
    'client-secret',
    'username',
    'password',
    'grant',
    'activities',
    'read-protocol',
    'scope',
    'permissions-profile',
    'extra-permissions',
    'checks',
    'secret-expiry-warning-days',
    'secret-expiry-failure-days',
    'secret-expiry-scope',
    'fail-on',
    'cloud',
    'endpoints',
    'timeout-seconds',
    'github-token',
    'check-run',
];
/** Inputs whose values are secrets: masked on read, never echoed. */
const SECRET_INPUTS = ['client-secret', 'password', 'github-token'];

;// CONCATENATED MODULE: ./src/cli/args.ts
// The CLI's flags: one per action input (`--tenant-id` for `tenant-id`), except the secrets,
// which are refused: a process's arguments are visible to every user of the machine (ps, /proc)
// and end up in shell history. Secrets come from the environment or a prompt instead.

/** Inputs that only make sense in a workflow run. */
const ACTION_ONLY = ['check-run'];
/** Inputs whose flag may be repeated: the values are joined, one a line. */
const REPEATABLE = ['activities', 'checks', 'endpoints', 'extra-permissions'];
const FLAG_INPUTS = INPUT_NAMES.filter((name) => !SECRET_INPUTS.includes(name) && !ACTION_ONLY.includes(name));
const SECRET_ENV = {
    'client-secret': 'M365_CLIENT_SECRET',
    password: 'M365_PASSWORD',
};
function parseCliArgs(argv) {
    const options = { json: false, help: false, version: false, verbose: false };
    const values = new Map();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--json')
            options.json = true;
        else if (arg === '--help' || arg === '-h')
            options.help = true;
        else if (arg === '--version')
            options.version = true;
        else if (arg === '--verbose')
            options.verbose = true;
        else if (arg.startsWith('--')) {
            const eq = arg.indexOf('=');
            const name = (eq > 0 ? arg.slice(2, eq) : arg.slice(2));
            // Say why a secret flag is refused, and never repeat its value.
            if (SECRET_INPUTS.includes(name))
                return { ok: false, message: secretFlagMessage(name) };
            if (ACTION_ONLY.includes(name))
                return {
                    ok: false,
                    message: `--${name} is an action input only: the command line creates no pull-request check.`,
                };
            if (!FLAG_INPUTS.includes(name))
                return { ok: false, message: `unknown option '${arg.slice(0, eq > 0 ? eq : undefined)}'` };
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
            if (seen && !REPEATABLE.includes(name))
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
function secretFlagMessage(name) {
    const env = SECRET_ENV[name];
    const where = env
        ? `set the environment variable ${env} instead, or leave it unset to be asked on the terminal (without echo)`
        : 'the command line does not use it';
    return `--${name} is refused: secrets are never taken from the command line, where other users of this machine can read them (ps, /proc) and shell history keeps them; ${where}.`;
}


/***/ }),

/***/ 911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   helpText: () => (/* binding */ helpText)
/* harmony export */ });
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(429);

const FLAG_HELP = {
    'tenant-id': ['ID', 'Directory (tenant) ID or a verified domain (required)'],
    'client-id': ['ID', 'Application (client) ID of the app registration (required)'],
    username: ['UPN', 'the mailbox account, e.g. ci@contoso.com'],
    grant: ['MODE', 'password | client-credentials | auto (default auto)'],
    activities: ['LIST', 'read, send (default read, send)'],
    'read-protocol': ['PROTO', 'imap | pop (default imap)'],
    scope: ['SCOPES', 'override the requested scopes (space separated)'],
    'permissions-profile': ['NAME', 'flow | email-connector (default flow)'],
    'extra-permissions': [
        'PERM',
        'more required permissions, e.g. "graph:Mail.Send (application)"; repeatable',
    ],
    checks: ['LIST', 'permissions, token, mailbox, secret-expiry (default all)'],
    'secret-expiry-warning-days': ['N', 'warn when the secret expires within N days (default 30)'],
    'secret-expiry-failure-days': ['N', 'fail when it expires within N days (default 7)'],
    'secret-expiry-scope': ['SCOPE', 'self | tenant (default self)'],
    'fail-on': ['LEVEL', 'error | warning: exit 1 on warnings too (default error)'],
    cloud: ['CLOUD', 'public | usgov | usgov-dod | china (default public)'],
    endpoints: ['KEY=VALUE', 'endpoint override, e.g. imap=host:993; repeatable'],
    'timeout-seconds': ['N', 'deadline for the whole run (default 60)'],
};
function helpText() {
    const flags = _args_js__WEBPACK_IMPORTED_MODULE_0__/* .FLAG_INPUTS */ .nh.map((name) => {
        const [arg, text] = FLAG_HELP[name] ?? ['VALUE', ''];
        return `  --${`${name} ${arg}`.padEnd(36)} ${text}`;
    });
    return `m365-mail-preflight: proves a Microsoft 365 mail setup works before anything depends on it:
the app registration's permissions, an OAuth token, an IMAP/POP/SMTP XOAUTH2 login, and the
client secret's expiry. The same engine as the GitHub Action; flags mirror its inputs.

Usage: m365-mail-preflight --tenant-id ID --client-id ID [options]

Secrets are never flags (other users of the machine can read a process's arguments):
  M365_CLIENT_SECRET                     the client secret VALUE (not its ID)
  M365_PASSWORD                          the mailbox account's password (grant password)
  On a terminal, a secret the run needs and the environment lacks is asked for, without echo.

Options:
${flags.join('\n')}
  --json                                 print the JSON report instead of text
  --verbose                              details of passed checks, long tables whole, debug lines
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


/***/ })

};
