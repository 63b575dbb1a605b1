// Flags of `consent` and `setup`. They share the preflight's names where the meaning is the same
// (--tenant-id, --grant, --activities ...) and add the assistant's own. No secret is ever a flag:
// the assistant needs none (the administrator signs in with a device code or the Azure CLI).
import { CLOUD_ENDPOINTS } from '../settings/clouds.js';
import type { Activity, Cloud, Grant, PermissionRef } from '../settings/types.js';
import {
  isGuid,
  parseBaseUrl,
  splitLines,
  splitList,
  tenantIdProblem,
} from '../settings/validators.js';
import type { AssistantTarget } from '../assistant/plan.js';

export type AssistantCommand = 'consent' | 'setup';

export interface AssistantArgs extends AssistantTarget {
  command: AssistantCommand;
  repository: string;
  environment: string;
  branch: string;
  audience: string;
  /** Overrides the subject GitHub's default rules give (customised or ID-based subjects). */
  subject: string;
  scope: string[];
  cloud: Cloud;
  authority: string;
  graph: string;
  timeoutMs: number;
  adminSignIn: 'device-code' | 'azure-cli';
  apply: boolean;
  yes: boolean;
  json: boolean;
  admin: boolean;
  help: boolean;
}

const VALUE_FLAGS = [
  'tenant-id',
  'client-id',
  'grant',
  'activities',
  'read-protocol',
  'permissions-profile',
  'extra-permissions',
  'client-auth',
  'username',
  'repository',
  'environment',
  'branch',
  'federated-audience',
  'federated-subject',
  'scope',
  'cloud',
  'endpoints',
  'timeout-seconds',
  'admin-sign-in',
] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
const REPEATABLE: ValueFlag[] = ['activities', 'extra-permissions', 'endpoints'];
const SWITCHES = {
  apply: 'setup',
  yes: 'setup',
  json: 'both',
  admin: 'consent',
  help: 'both',
} as const;
const SECRET_FLAGS = ['client-secret', 'password', 'client-certificate', 'github-token'];

const AUDIENCES: Record<Cloud, string> = {
  public: 'api://AzureADTokenExchange',
  usgov: 'api://AzureADTokenExchangeUSGov',
  'usgov-dod': 'api://AzureADTokenExchangeUSGov',
  china: 'api://AzureADTokenExchangeChina',
};

export type ParsedAssistantArgs =
  { ok: true; args: AssistantArgs } | { ok: false; message: string };

export function parseAssistantArgs(
  command: AssistantCommand,
  argv: readonly string[],
): ParsedAssistantArgs {
  const values = new Map<ValueFlag, string[]>();
  const switches = new Set<keyof typeof SWITCHES>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') {
      switches.add('help');
      continue;
    }
    if (!arg.startsWith('--'))
      return {
        ok: false,
        message: `unexpected argument '${arg.slice(0, 40)}'; options start with --`,
      };
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (SECRET_FLAGS.includes(name))
      return {
        ok: false,
        message: `--${name} is refused: ${command} needs no secret, and secrets are never taken from the command line.`,
      };
    if (name in SWITCHES) {
      const only = SWITCHES[name as keyof typeof SWITCHES];
      if (only !== 'both' && only !== command)
        return { ok: false, message: `--${name} belongs to '${only}', not '${command}'` };
      switches.add(name as keyof typeof SWITCHES);
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name))
      return { ok: false, message: `unknown option '--${name}'` };
    const flag = name as ValueFlag;
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        return { ok: false, message: `--${flag} needs a value` };
    }
    if (values.has(flag) && !REPEATABLE.includes(flag))
      return { ok: false, message: `--${flag} was given more than once` };
    values.set(flag, [...(values.get(flag) ?? []), value]);
  }
  const get = (flag: ValueFlag) => (values.get(flag) ?? []).join('\n').trim();
  const help = switches.has('help');
  const problems: string[] = [];
  const oneOf = <T extends string>(flag: ValueFlag, allowed: readonly T[], fallback: T): T => {
    const v = get(flag) || fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    problems.push(`--${flag} '${v}' is not one of: ${allowed.join(', ')}`);
    return fallback;
  };

  const tenantId = get('tenant-id');
  if (!tenantId && !help)
    problems.push('--tenant-id is required (Directory (tenant) ID or a verified domain)');
  else if (tenantId) {
    const why = tenantIdProblem(tenantId);
    if (why) problems.push(`--tenant-id: ${why}`);
  }
  const clientId = get('client-id');
  if (!clientId && !help)
    problems.push('--client-id is required (the Application (client) ID of the registration)');
  else if (clientId && !isGuid(clientId)) problems.push(`--client-id '${clientId}' is not a GUID`);

  // The assistant has no password, so `auto` cannot look at one: it means app-only here.
  const grantIn = oneOf('grant', ['auto', 'password', 'client-credentials'] as const, 'auto');
  const grant: Grant = grantIn === 'auto' ? 'client-credentials' : grantIn;
  const activityList = splitList(get('activities') || 'read, send');
  const activities = [...new Set(activityList)].filter(
    (a): a is Activity => a === 'read' || a === 'send',
  );
  if (activities.length !== activityList.length || !activities.length)
    problems.push(`--activities '${activityList.join(', ')}' must list read and/or send`);
  const cloud = oneOf('cloud', ['public', 'usgov', 'usgov-dod', 'china'] as const, 'public');
  let authority = CLOUD_ENDPOINTS[cloud].authority;
  let graph = CLOUD_ENDPOINTS[cloud].graph;
  for (const line of splitLines(get('endpoints'))) {
    const [key, ...rest] = line.split('=');
    const parsed = parseBaseUrl(rest.join('=').trim());
    if (key?.trim() !== 'authority' && key?.trim() !== 'graph')
      problems.push(`--endpoints '${line}': ${command} uses authority= and graph= only`);
    else if (!parsed.origin) problems.push(`--endpoints ${key.trim()}: ${parsed.problem}`);
    else if (key.trim() === 'authority') authority = parsed.origin;
    else graph = parsed.origin;
  }
  const extraPermissions: PermissionRef[] = [];
  for (const line of splitLines(get('extra-permissions'))) {
    const m = /^(graph|exchange):\s*([A-Za-z][\w.]*)\s*\((delegated|application)\)$/i.exec(line);
    if (!m) problems.push(`--extra-permissions '${line}' is not resource:Permission (type)`);
    else
      extraPermissions.push({
        resource: m[1]!.toLowerCase() as PermissionRef['resource'],
        name: m[2]!,
        type: m[3]!.toLowerCase() as PermissionRef['type'],
      });
  }
  const timeout = get('timeout-seconds') || '900';
  if (!/^\d+$/.test(timeout) || Number(timeout) < 1 || Number(timeout) > 3600)
    problems.push(`--timeout-seconds '${timeout}' must be a whole number from 1 to 3600`);
  const repository = get('repository');
  if (repository && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository))
    problems.push(`--repository '${repository}' must be OWNER/REPO`);
  const environment = get('environment');
  const branch = get('branch');
  if (environment && branch) problems.push('give --environment or --branch, not both');
  const username = get('username');
  if (username && !username.includes('@'))
    problems.push(`--username '${username}' is not a user principal name`);

  const args: AssistantArgs = {
    command,
    tenantId,
    clientId,
    grant,
    activities,
    readProtocol: oneOf('read-protocol', ['imap', 'pop'] as const, 'imap'),
    permissionsProfile: oneOf('permissions-profile', ['flow', 'email-connector'] as const, 'flow'),
    extraPermissions,
    clientAuth: oneOf('client-auth', ['secret', 'certificate', 'federated'] as const, 'secret'),
    mailbox: username,
    repository,
    environment,
    branch: branch || (repository && !environment ? 'main' : ''),
    audience: get('federated-audience') || AUDIENCES[cloud],
    subject: get('federated-subject'),
    scope: get('scope').split(/\s+/).filter(Boolean),
    cloud,
    authority,
    graph,
    timeoutMs: Number(timeout) * 1000,
    adminSignIn: oneOf('admin-sign-in', ['device-code', 'azure-cli'] as const, 'device-code'),
    apply: switches.has('apply'),
    yes: switches.has('yes'),
    json: switches.has('json'),
    admin: switches.has('admin'),
    help,
  };
  if (problems.length && !help) return { ok: false, message: problems.join('\n') };
  return { ok: true, args };
}

export function assistantHelp(command: AssistantCommand): string {
  if (command === 'consent')
    return `m365-mail-preflight consent: the device-code verification step. Signs in with the device-code
flow as the app (public client), reports the scopes Entra granted and how the user signed in (amr),
and explains AADSTS7000218, 90094, 53003 and 65001. No token is stored or printed.

Usage: m365-mail-preflight consent --tenant-id ID --client-id ID [options]
  --grant MODE              password | client-credentials (default: app-only); picks the scopes
  --activities LIST         read, send (default read, send)
  --read-protocol PROTO     imap | pop (default imap)
  --scope SCOPES            ask for these scopes instead (space separated)
  --admin                   print the admin-consent URL and Microsoft's warning; no sign-in
  --cloud CLOUD, --endpoints authority=URL
  --json                    print the outcome as JSON
Exit status: 0 signed in (or --admin), 1 the sign-in failed, 64 unusable arguments.
`;
  return `m365-mail-preflight setup: reads the tenant as an administrator and shows every setup step for the
chosen grant, activities, read protocol and client authentication as done (✓), missing (✗) or cannot
tell (?), with the portal path, the Graph request, the az line and the Microsoft Graph PowerShell line
for each missing step, and Exchange Online PowerShell for the Exchange steps.
With --apply it makes the plan's Entra writes through Microsoft Graph after asking (--yes: without).

Usage: m365-mail-preflight setup --tenant-id ID --client-id ID [options]
  --grant MODE              password | client-credentials (default client-credentials)
  --activities LIST         read, send (default read, send)
  --read-protocol PROTO     imap | pop (default imap)
  --client-auth MODE        secret | certificate | federated (default secret)
  --username UPN            the mailbox, filled into the Exchange commands
  --repository OWNER/REPO   with --client-auth federated: the GitHub repository
  --environment NAME        ... and the environment its job runs in, or
  --branch NAME             ... the branch (default main)
  --federated-subject SUB   the subject exactly as GitHub sends it, when the repository customises
                            it or uses ID-based subjects (repo:OWNER@ID/REPO@ID:...)
  --permissions-profile NAME, --extra-permissions PERM, --cloud CLOUD, --endpoints KEY=URL
  --admin-sign-in HOW       device-code (Microsoft Graph Command Line Tools) | azure-cli (uses
                            az account get-access-token --resource <Graph>)
  --apply                   make the missing Entra steps' Graph writes, after confirmation
  --yes                     do not ask (scripts)
  --json                    the plan (and what was applied) as JSON
Exit status: 0 nothing missing (after --apply: everything applied), 1 steps missing or a write
refused or the sign-in failed, 64 unusable arguments.
`;
}
