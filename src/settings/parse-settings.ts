// Turns raw input strings (from the action's inputs or the CLI's flags) into typed Settings.
// Every refusal names the input and the reason; no value of a secret input is ever echoed.
import { defaultMailScopes } from './default-scopes.js';
import { CLOUD_ENDPOINTS } from './clouds.js';
import { DEFAULTS, type InputName } from './inputs.js';
import { NO_FEDERATION, resolveClientAuth, type FederationEnv } from './client-auth.js';
import type {
  Activity,
  CheckName,
  CheckRunMode,
  Endpoints,
  FailOn,
  Grant,
  InputProblem,
  PermissionRef,
  RawInputs,
  Settings,
} from './types.js';
import {
  isGuid,
  parseBaseUrl,
  parseHostPort,
  splitLines,
  splitList,
  tenantIdProblem,
} from './validators.js';

/**
 * What a front end needs whether or not the inputs were accepted: the step's verdict rule, the
 * pull-request check and how long the run may take. Refused inputs keep the safe defaults, except
 * what can be read of the pull-request check's own inputs (so a refusal still shows on the PR).
 */
export interface FrontEndOptions {
  failOn: FailOn;
  checkRun: CheckRunMode;
  githubToken: string;
  timeoutMs: number;
  /** Where to also write the report as JUnit XML; '' for nowhere. */
  junitPath: string;
}

export type ParseResult =
  | { ok: true; settings: Settings; warnings: string[]; frontEnd: FrontEndOptions }
  | { ok: false; problems: InputProblem[]; warnings: string[]; frontEnd: FrontEndOptions };

const ACTIVITIES = ['read', 'send'] as const;
const CHECKS = ['permissions', 'token', 'mailbox', 'secret-expiry'] as const;

export function parseSettings(
  raw: RawInputs,
  federation: FederationEnv = NO_FEDERATION,
): ParseResult {
  const problems: InputProblem[] = [];
  const warnings: string[] = [];
  const problem = (input: InputName, message: string) => problems.push({ input, message });
  // '' means "not given" (the runner passes every declared input, empty when unset).
  const get = (name: InputName): string => {
    const value = raw[name] ?? '';
    return name === 'password' ? value : value.trim();
  };
  const withDefault = (name: keyof typeof DEFAULTS): string => get(name) || DEFAULTS[name];

  const oneOf = <T extends string>(name: keyof typeof DEFAULTS, allowed: readonly T[]): T => {
    const value = withDefault(name);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problem(name, `'${value}' is not one of: ${allowed.join(', ')}`);
    return allowed[0]!;
  };
  const listOf = <T extends string>(name: 'activities' | 'checks', allowed: readonly T[]): T[] => {
    const items = splitList(withDefault(name));
    const unknown = items.filter((item) => !allowed.includes(item as T));
    if (unknown.length)
      problem(
        name,
        `unknown value(s) ${unknown.map((u) => `'${u}'`).join(', ')}; allowed: ${allowed.join(', ')}`,
      );
    const known = [...new Set(items.filter((item): item is T => allowed.includes(item as T)))];
    if (!known.length && !unknown.length)
      problem(name, `must name at least one of: ${allowed.join(', ')}`);
    return known;
  };
  const wholeNumber = (name: keyof typeof DEFAULTS, min: number, max: number): number => {
    const value = withDefault(name);
    const parsed = Number(value);
    if (/^\d+$/.test(value) && parsed >= min && parsed <= max) return parsed;
    problem(name, `'${value}' must be a whole number from ${min} to ${max}`);
    return Number(DEFAULTS[name]);
  };

  const tenantId = get('tenant-id');
  if (!tenantId)
    problem('tenant-id', 'is required: the Directory (tenant) ID from Entra ID → Overview');
  else {
    const why = tenantIdProblem(tenantId);
    if (why) problem('tenant-id', why);
  }

  const clientId = get('client-id');
  if (!clientId)
    problem(
      'client-id',
      'is required: the Application (client) ID from Entra ID → App registrations → your app → Overview',
    );
  else if (!isGuid(clientId))
    problem(
      'client-id',
      `'${clientId}' is not a GUID; give the Application (client) ID from the app registration's Overview page`,
    );

  const clientSecret = get('client-secret');
  if (clientSecret && isGuid(clientSecret)) {
    warnings.push(
      "client-secret looks like a GUID: that is usually the secret's ID, not its value. Copy the Value column (shown once, when the secret is created) from Certificates & secrets.",
    );
  }
  const username = get('username');
  const password = get('password');
  if (password && password !== password.trim()) {
    warnings.push(
      'password has leading or trailing whitespace; it is sent as given, but Entra ROPC does not support such passwords (expect AADSTS50126).',
    );
  }

  const grantInput = oneOf('grant', ['auto', 'password', 'client-credentials'] as const);
  const grant = grantInput === 'auto' ? (password ? 'password' : 'client-credentials') : grantInput;
  const activities = listOf('activities', ACTIVITIES) as Activity[];
  const readProtocol = oneOf('read-protocol', ['imap', 'pop'] as const);
  const permissionsProfile = oneOf('permissions-profile', ['flow', 'email-connector'] as const);
  const exchangeAuthorization = oneOf('exchange-authorization', ['auto', 'entra', 'rbac'] as const);
  const checks = listOf('checks', CHECKS) as CheckName[];
  const warningDays = wholeNumber('secret-expiry-warning-days', 0, 3650);
  const failureDays = wholeNumber('secret-expiry-failure-days', 0, 3650);
  if (failureDays > warningDays) {
    problem(
      'secret-expiry-failure-days',
      `${failureDays} is more than secret-expiry-warning-days (${warningDays}); the failure window must lie inside the warning window`,
    );
  }
  const secretExpiryScope = oneOf('secret-expiry-scope', ['self', 'tenant'] as const);
  const failOn = oneOf('fail-on', ['error', 'warning'] as const);
  const cloud = oneOf('cloud', ['public', 'usgov', 'usgov-dod', 'china'] as const);
  const timeoutSeconds = wholeNumber('timeout-seconds', 1, 3600);
  const checkRun = oneOf('check-run', ['auto', 'always', 'never'] as const);
  const endpoints = parseEndpoints(get('endpoints'), CLOUD_ENDPOINTS[cloud], (m) =>
    problem('endpoints', m),
  );
  const extraPermissions = parseExtraPermissions(get('extra-permissions'), (m) =>
    problem('extra-permissions', m),
  );

  // How the app proves itself: a secret, a certificate or a federated assertion (client-auth.ts).
  const auth = resolveClientAuth({
    clientAuth: get('client-auth'),
    clientSecret,
    clientCertificate: get('client-certificate'),
    federatedAudience: get('federated-audience'),
    grant,
    cloud,
    env: federation,
  });
  for (const p of auth.problems) problem(p.input, p.message);
  crossFieldRules(
    { grant, checks, username, password, hasAppCredential: auth.settings.clientAuth !== 'none' },
    problem,
  );

  const scopeInput = get('scope');
  const scopes = scopeInput
    ? scopeInput.split(/\s+/).filter(Boolean)
    : defaultMailScopes(grant, activities, readProtocol, endpoints);

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
function crossFieldRules(
  given: {
    grant: Grant;
    checks: CheckName[];
    username: string;
    password: string;
    /** A secret, a certificate or federation (client-auth.ts refuses client credentials without). */
    hasAppCredential: boolean;
  },
  problem: (input: InputName, message: string) => void,
): void {
  const { grant, checks, username, password, hasAppCredential } = given;
  const needsUserToken =
    grant === 'password' &&
    (checks.includes('token') || checks.includes('mailbox') || checks.includes('permissions'));
  if (needsUserToken) {
    if (!username)
      problem(
        'username',
        'is required with grant: password (the mailbox account that signs in, as its UPN)',
      );
    if (!password) problem('password', 'is required with grant: password');
  }
  if (checks.includes('secret-expiry') && !hasAppCredential) {
    problem(
      'client-secret',
      'is required by the secret-expiry check (it reads the registration through Microsoft Graph with an app-only token); or set client-certificate, or use federation',
    );
  }
  if (checks.includes('mailbox') && !username && grant === 'client-credentials') {
    problem(
      'username',
      'is required by the mailbox check: the mailbox (UPN) that IMAP/POP/SMTP open',
    );
  }
  if (username && !username.includes('@')) {
    problem(
      'username',
      `'${username}' is not a user principal name; give the mailbox account as user@domain`,
    );
  }
}

/** Refused inputs: the defaults, and the pull-request check's inputs when they can be read. */
function refusedFrontEnd(
  checkRun: string,
  githubToken: string,
  junitPath: string,
): FrontEndOptions {
  return {
    junitPath,
    failOn: 'error',
    checkRun: checkRun === 'always' || checkRun === 'never' ? checkRun : 'auto',
    githubToken,
    timeoutMs: Number(DEFAULTS['timeout-seconds']) * 1000,
  };
}

function parseEndpoints(value: string, base: Endpoints, problem: (m: string) => void): Endpoints {
  const endpoints: Endpoints = { ...base };
  for (const line of splitLines(value)) {
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    const val = eq > 0 ? line.slice(eq + 1).trim() : '';
    if (!key || !val) {
      problem(`'${line}' is not key=value`);
      continue;
    }
    if (key === 'authority' || key === 'graph' || key === 'outlook-resource') {
      const { origin, problem: why } = parseBaseUrl(val);
      if (why || !origin) problem(`${key}: ${why}`);
      else if (key === 'authority') endpoints.authority = origin;
      else if (key === 'graph') endpoints.graph = origin;
      else endpoints.outlookDelegated = endpoints.outlookApp = origin;
    } else if (key === 'imap' || key === 'pop' || key === 'smtp') {
      const { host, port, problem: why } = parseHostPort(val);
      if (why || !host || !port) problem(`${key}: ${why}`);
      else endpoints[key] = { host, port };
    } else {
      problem(`unknown key '${key}'; allowed: authority, graph, outlook-resource, imap, pop, smtp`);
    }
  }
  return endpoints;
}

const EXTRA_PERMISSION = /^(graph|exchange):\s*([A-Za-z][\w.]*)\s*\((delegated|application)\)$/i;

function parseExtraPermissions(value: string, problem: (m: string) => void): PermissionRef[] {
  const refs: PermissionRef[] = [];
  for (const line of splitLines(value)) {
    const match = EXTRA_PERMISSION.exec(line);
    if (!match) {
      problem(
        `'${line}' is not of the form resource:Permission (type), e.g. graph:Mail.Send (application)`,
      );
      continue;
    }
    refs.push({
      resource: match[1]!.toLowerCase() as PermissionRef['resource'],
      name: match[2]!,
      type: match[3]!.toLowerCase() as PermissionRef['type'],
    });
  }
  return refs;
}
