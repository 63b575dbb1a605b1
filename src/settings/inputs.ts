// The one table of inputs. Every other list of inputs derives from it: INPUT_NAMES and
// SECRET_INPUTS, the parser's DEFAULTS, the CLI's flags and --help, and the README's inputs table
// and action.yml (both compared with it by __tests__/settings/input-table.test.ts).
// Adding an input is adding a row here (then its line in action.yml and the README, which the test
// asks for, and its parsing in parse-settings.ts).

/** How a value is read: the parser's rule for it, and what --help shows as its argument. */
export type InputKind = 'id' | 'text' | 'secret' | 'choice' | 'list' | 'lines' | 'number';

export interface InputSpec {
  name: string;
  kind: InputKind;
  /** The action.yml default ('' for none); `required` inputs have none. */
  default: string;
  required?: true;
  /** A secret: masked the moment it is read, never a CLI flag, never echoed. */
  secret?: true;
  /** The environment variable the CLI reads a secret from (secrets without one are not used). */
  env?: string;
  /** Action only: the command line has no such flag. */
  actionOnly?: true;
  /** The CLI flag may be repeated; the values are joined, one a line. */
  repeatable?: true;
  /** The parser's default when it differs from action.yml's (the runner fills it in). */
  parserDefault?: string;
  /** --help: the argument's placeholder and one line. Absent for secrets and action-only inputs. */
  flag?: { arg: string; help: string };
  /** The README's "Meaning" column. */
  meaning: string;
}

export const INPUTS = [
  {
    name: 'tenant-id',
    kind: 'id',
    default: '',
    required: true,
    flag: { arg: 'ID', help: 'Directory (tenant) ID or a verified domain (required)' },
    meaning:
      'Directory (tenant) ID: a GUID, or a verified domain such as `contoso.onmicrosoft.com`. Never `common`, `organizations` or `consumers`.',
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
    meaning:
      'The client secret VALUE (not its secret ID). Needed for `grant: client-credentials`, the permissions read through Microsoft Graph and the secret-expiry check. Masked.',
  },
  {
    name: 'client-auth',
    kind: 'choice',
    default: 'auto',
    flag: { arg: 'KIND', help: 'auto | secret | certificate | federated (default auto)' },
    meaning:
      "How the app proves itself: `secret`, `certificate`, `federated` (the workflow's GitHub OIDC token; needs `permissions: id-token: write`), or `auto`: `certificate` when `client-certificate` is set, else `secret` when `client-secret` is set, else `federated` when the runner offers an OIDC token. See [Without a client secret](#without-a-client-secret).",
  },
  {
    name: 'client-certificate',
    kind: 'secret',
    default: '',
    secret: true,
    env: 'M365_CLIENT_CERTIFICATE',
    meaning:
      'PEM text with the certificate and its unencrypted private key (PKCS#8 or PKCS#1), instead of a client secret. Checked before any request; masked line by line.',
  },
  {
    name: 'federated-audience',
    kind: 'text',
    default: '',
    flag: { arg: 'AUD', help: 'audience of the federated token (default per cloud)' },
    meaning:
      "Audience asked of GitHub's OIDC issuer; empty: the cloud's, `api://AzureADTokenExchange` (public), `api://AzureADTokenExchangeUSGov` (usgov, usgov-dod), `api://AzureADTokenExchangeChina` (china).",
  },
  {
    name: 'username',
    kind: 'text',
    default: '',
    flag: { arg: 'UPN', help: 'the mailbox account, e.g. ci@contoso.com' },
    meaning:
      'The mailbox account (UPN). With `grant: password` the user that signs in; with `client-credentials` the mailbox the probes open.',
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
    meaning:
      '`password` (ROPC, delegated token), `client-credentials` (app-only token), or `auto`: `password` when `password` is set, else `client-credentials`.',
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
    meaning:
      'Overrides the requested scopes (space separated). Default: derived from grant, activities and protocol.',
  },
  {
    name: 'permissions-profile',
    kind: 'choice',
    default: 'flow',
    flag: { arg: 'NAME', help: 'flow | email-connector (default flow)' },
    meaning:
      "`flow`: exactly what the chosen grant, activities and protocol need. `email-connector`: everything the connector's setup page lists.",
  },
  {
    name: 'exchange-authorization',
    kind: 'choice',
    default: 'auto',
    flag: {
      arg: 'MODE',
      help: 'auto | entra | rbac: how app-only mail access is authorized (default auto)',
    },
    meaning:
      'How app-only mail access is authorized: `entra` (the app roles `IMAP.AccessAsApp`, `POP.AccessAsApp`, `SMTP.SendAsApp` consented in Entra), `rbac` (Exchange RBAC for Applications; the Entra app roles are not required), `auto` (a missing app role fails only when the mailbox login for that protocol also failed).',
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
    meaning:
      'More permissions to require, one a line: `graph:Mail.Send (application)`, `exchange:IMAP.AccessAsApp (application)`.',
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
    meaning:
      "`self`: this registration's credentials. `tenant`: every app registration in the tenant (needs `Application.Read.All`).",
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
    meaning:
      'Overrides, one `key=value` a line: `authority=URL`, `graph=URL`, `outlook-resource=URL`, `imap=host:port`, `pop=host:port`, `smtp=host:port`. `http://` only for loopback hosts.',
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
    meaning:
      '`auto`: a check on `pull_request` events when the token may; `always`: on every event; `never`.',
  },
  {
    name: 'junit-path',
    kind: 'text',
    default: '',
    flag: { arg: 'FILE', help: 'also write the report as JUnit XML (alias --junit FILE)' },
    meaning:
      "Also write the report as JUnit XML here, one test case per check (a failure's text is its summary and fix), for test-report actions. CLI: `--junit FILE`.",
  },
] as const satisfies readonly InputSpec[];

export type InputName = (typeof INPUTS)[number]['name'];

const SPECS: readonly InputSpec[] = INPUTS;

export const INPUT_NAMES: readonly InputName[] = INPUTS.map((i) => i.name);

/** Inputs whose values are secrets: masked on read, never echoed. */
export const SECRET_INPUTS: readonly InputName[] = pick((i) => i.secret === true);

type Defaulted = Exclude<(typeof INPUTS)[number], { default: '' } | { parserDefault: '' }>;
/** The parser's default of each input that has one (an empty value means "not given"). */
export const DEFAULTS = Object.fromEntries(
  SPECS.flatMap((i) => {
    const value = i.parserDefault ?? i.default;
    return value ? [[i.name, value]] : [];
  }),
) as { readonly [K in Defaulted['name']]: string };

/** The CLI's flags: every input but the secrets and the action-only ones. */
export const FLAG_INPUTS: readonly InputName[] = pick((i) => !i.secret && !i.actionOnly);
/** Inputs that only make sense in a workflow run. */
export const ACTION_ONLY_INPUTS: readonly InputName[] = pick((i) => i.actionOnly === true);
/** Inputs whose CLI flag may be repeated. */
export const REPEATABLE_INPUTS: readonly InputName[] = pick((i) => i.repeatable === true);
/** Where the CLI reads each secret it uses. */
export const SECRET_ENV: Partial<Record<InputName, string>> = Object.fromEntries(
  SPECS.flatMap((i) => (i.env ? [[i.name, i.env]] : [])),
);

export const inputSpec = (name: InputName): InputSpec => SPECS.find((i) => i.name === name)!;

function pick(test: (spec: InputSpec) => boolean): InputName[] {
  return SPECS.filter(test).map((i) => i.name as InputName);
}
