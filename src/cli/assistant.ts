// `m365-mail-preflight consent` and `m365-mail-preflight setup`: loaded only when one of them is
// asked for (main.ts imports this module dynamically), so the preflight's start-up is unchanged.
// Everything printed goes through a redactor that knows the device code and every token; no token
// is stored or printed.
import { execFile } from 'node:child_process';
import { ADMIN_CONSENT_WARNING, adminConsentUrl } from '../assistant/admin-consent.js';
import { applyWrites } from '../assistant/apply.js';
import {
  ADMIN_SCOPES,
  buildPlan,
  plannedWrites,
  type AssistantOptions,
} from '../assistant/plan.js';
import { readTenant } from '../assistant/read-tenant.js';
import { renderApply, renderPlan, renderWrites } from '../assistant/render.js';
import { Redactor } from '../engine/redactor.js';
import { GraphClient } from '../graph/client.js';
import { Deadline } from '../http/deadline.js';
import type { HttpClient } from '../http/types.js';
import { createHttpClient, proxyAwareDispatcher } from '../http/undici-client.js';
import { diagnoseDeviceCode } from '../identity/device-code-diagnosis.js';
import {
  pollDeviceCode,
  startDeviceCode,
  type DeviceCodeFailure,
  type DeviceCodeTarget,
  type DeviceCodeToken,
} from '../identity/device-code.js';
import { decodeClaims } from '../identity/jwt-claims.js';
import { defaultMailScopes } from '../settings/default-scopes.js';
import { CLOUD_ENDPOINTS } from '../settings/clouds.js';
import {
  assistantHelp,
  parseAssistantArgs,
  type AssistantArgs,
  type AssistantCommand,
} from './assistant-args.js';
import type { Dispatcher } from 'undici';
import type { RetryPolicy } from '../http/retry-policy.js';
import type { SecretInput, TextOutput } from './secrets.js';

/** Microsoft Graph Command Line Tools, the public client Microsoft Graph PowerShell signs in with. */
const GRAPH_CLI_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

/** What tests replace: the wait between polls, the clock, and the Azure CLI. */
export interface AssistantHooks {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Runs `az` with these arguments and returns its stdout. */
  az?: (args: string[]) => Promise<string>;
}

const EXIT = { ok: 0, failed: 1, usage: 64 } as const;

/** What the subcommands use of the CLI's I/O (main.ts's CliIo has all of it). */
export interface AssistantIo {
  stdin: SecretInput;
  stdout: TextOutput;
  stderr: TextOutput;
  dispatcher?: Dispatcher;
  retryPolicy?: RetryPolicy;
  assistant?: AssistantHooks;
}

export async function runAssistant(
  command: AssistantCommand,
  argv: readonly string[],
  io: AssistantIo,
): Promise<number> {
  const redactor = new Redactor();
  const out = (text: string) => io.stdout.write(redactor.redact(text));
  const err = (text: string) => io.stderr.write(redactor.redact(text));
  const parsed = parseAssistantArgs(command, argv);
  if (!parsed.ok) {
    err(`m365-mail-preflight ${command}: ${parsed.message}\nRun with --help for the options.\n`);
    return EXIT.usage;
  }
  const args = parsed.args;
  if (args.help) {
    out(assistantHelp(command));
    return EXIT.ok;
  }
  const hooks = io.assistant ?? {};
  const deadline = new Deadline(args.timeoutMs);
  const http = createHttpClient({
    deadline,
    dispatcher: io.dispatcher ?? proxyAwareDispatcher(),
    ...(io.retryPolicy ? { policy: io.retryPolicy } : {}),
  });
  const ctx: Ctx = {
    args,
    http,
    deadline,
    out,
    err,
    redactor,
    stdin: io.stdin,
    stderr: io.stderr,
    sleep: hooks.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    now: hooks.now ?? Date.now,
    az: hooks.az ?? runAz,
  };
  try {
    return command === 'consent' ? await consent(ctx) : await setup(ctx);
  } finally {
    deadline.dispose();
  }
}

interface Ctx {
  args: AssistantArgs;
  http: HttpClient;
  deadline: Deadline;
  out: (text: string) => void;
  err: (text: string) => void;
  redactor: Redactor;
  stdin: SecretInput;
  stderr: TextOutput;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  az: (args: string[]) => Promise<string>;
}

// ---- consent ---------------------------------------------------------------------------------

async function consent(ctx: Ctx): Promise<number> {
  const { args } = ctx;
  const url = adminConsentUrl(CLOUD_ENDPOINTS[args.cloud].authority, args.tenantId, args.clientId);
  if (args.admin) {
    if (args.json)
      ctx.out(
        `${JSON.stringify({ adminConsentUrl: url, warning: ADMIN_CONSENT_WARNING }, null, 2)}\n`,
      );
    else
      ctx.out(
        `Admin-consent URL (open it in a browser as an administrator):\n  ${url}\n\n${ADMIN_CONSENT_WARNING}\n`,
      );
    return EXIT.ok;
  }
  // The delegated mail scopes the chosen activities use, as the connector's manual verifies them.
  const scopes = args.scope.length
    ? args.scope
    : defaultMailScopes(
        'password',
        args.activities,
        args.readProtocol,
        CLOUD_ENDPOINTS[args.cloud],
      );
  const target: DeviceCodeTarget = {
    authority: args.authority,
    tenant: args.tenantId,
    clientId: args.clientId,
  };
  const signIn = await deviceCodeSignIn(ctx, target, scopes);
  const base = {
    tenantId: args.tenantId,
    clientId: args.clientId,
    scopesRequested: scopes,
    polls: signIn.polls,
  };
  if (signIn.ok) {
    const t = signIn.token;
    if (args.json)
      ctx.out(
        `${JSON.stringify({ result: 'granted', ...base, user: t.user ?? null, scopesGranted: t.scopes, amr: t.amr }, null, 2)}\n`,
      );
    else
      ctx.out(
        `✓ Signed in${t.user ? ` as ${t.user}` : ''} through the device-code flow.\n  Scopes granted: ${t.scopes.join(' ') || '(none reported)'}\n  Sign-in methods (amr): ${t.amr.join(', ') || '(not readable)'}\n  No token was stored or printed.\n`,
      );
    return EXIT.ok;
  }
  const diagnosis = diagnoseDeviceCode(signIn.failure, {
    tenant: args.tenantId,
    clientId: args.clientId,
    adminConsentUrl: url,
  });
  if (args.json)
    ctx.out(
      `${JSON.stringify({ result: 'failed', ...base, failure: signIn.failure, diagnosis }, null, 2)}\n`,
    );
  else
    ctx.out(
      `✗ ${diagnosis.summary}\n${diagnosis.explanation.map((e) => `  ${e}\n`).join('')}Fix:\n${diagnosis.fix.map((f) => `  ${f}\n`).join('')}`,
    );
  return EXIT.failed;
}

type SignIn =
  | { ok: true; token: DeviceCodeToken; polls: number }
  | { ok: false; failure: DeviceCodeFailure; polls: number };

async function deviceCodeSignIn(
  ctx: Ctx,
  target: DeviceCodeTarget,
  scopes: string[],
): Promise<SignIn> {
  const started = await startDeviceCode(ctx.http, target, scopes);
  if (!started.ok) return { ok: false, failure: started.failure, polls: 0 };
  const grant = started.grant;
  ctx.redactor.add(grant.deviceCode);
  // Microsoft's own message, on stderr so that --json output stays machine-readable.
  ctx.err(
    `${grant.message}\nWaiting for the sign-in (checking every ${grant.intervalSeconds} s; the code expires in ${Math.round(grant.expiresInSeconds / 60)} min)...\n`,
  );
  return pollDeviceCode(ctx.http, target, grant, {
    sleep: ctx.sleep,
    now: ctx.now,
    registerSecret: (v) => ctx.redactor.add(v),
    onPending: ({ error, intervalSeconds }) => {
      if (error === 'slow_down')
        ctx.err(`Entra asked to slow down: checking every ${intervalSeconds} s now.\n`);
    },
  });
}

// ---- setup -----------------------------------------------------------------------------------

async function setup(ctx: Ctx): Promise<number> {
  const { args } = ctx;
  const admin = await adminToken(ctx);
  if (!admin.ok) {
    ctx.err(`${admin.message}\n`);
    if (args.json)
      ctx.out(`${JSON.stringify({ result: 'sign-in-failed', message: admin.message }, null, 2)}\n`);
    return EXIT.failed;
  }
  const graph = new GraphClient({
    baseUrl: args.graph,
    http: ctx.http,
    deadline: ctx.deadline,
    log: { info: (m) => ctx.err(`${m}\n`) },
    token: () => Promise.resolve({ ok: true, accessToken: admin.token }),
  });
  const options: AssistantOptions = {
    tenantId: args.tenantId,
    clientId: args.clientId,
    grant: args.grant,
    activities: args.activities,
    readProtocol: args.readProtocol,
    permissionsProfile: args.permissionsProfile,
    extraPermissions: args.extraPermissions,
    clientAuth: args.clientAuth,
    mailbox: args.mailbox,
    federation: {
      repository: args.repository,
      environment: args.environment,
      branch: args.branch,
      audience: args.audience,
      subject: args.subject,
    },
    now: new Date(ctx.now()),
    graphUrl: `${CLOUD_ENDPOINTS[args.cloud].graph}/v1.0`,
  };
  const plan = buildPlan(await readTenant(graph, args.clientId), options);
  const writes = plannedWrites(plan);
  const missing = plan.steps.some((s) => s.status === 'missing');
  if (!args.json) {
    ctx.out(
      `Setup plan for app ${args.clientId} in tenant ${args.tenantId}\n(grant ${args.grant}; activities ${args.activities.join(', ')}; read protocol ${args.readProtocol}; client-auth ${args.clientAuth}${admin.user ? `; read as ${admin.user}` : ''})\n\n`,
    );
    ctx.out(renderPlan(plan));
  }
  if (!args.apply) {
    if (args.json) ctx.out(`${JSON.stringify({ plan }, null, 2)}\n`);
    else if (writes.length)
      ctx.out(
        `\nRun again with --apply to make the ${writes.length} Graph write(s) listed above (after a confirmation).\n`,
      );
    return missing ? EXIT.failed : EXIT.ok;
  }
  if (!writes.length) {
    if (args.json)
      ctx.out(`${JSON.stringify({ plan, applied: { results: [], notSent: [] } }, null, 2)}\n`);
    else
      ctx.out(
        '\nNothing to apply: no Entra step that the assistant can do is missing. No write was made.\n',
      );
    return missing ? EXIT.failed : EXIT.ok;
  }
  if (!args.json)
    ctx.out(
      `\nThese ${writes.length} write(s) will be made in tenant ${args.tenantId}, in this order:\n${renderWrites(plan)}`,
    );
  if (!args.yes) {
    if (!ctx.stdin.isTTY) {
      ctx.err(
        'Not a terminal, so no confirmation can be asked: pass --yes to apply without asking. Nothing was written.\n',
      );
      if (args.json) ctx.out(`${JSON.stringify({ plan, applied: null }, null, 2)}\n`);
      return EXIT.failed;
    }
    const answer = await promptLine(
      'Make these writes? Type yes to go on: ',
      ctx.stdin,
      ctx.stderr,
    );
    if (!/^y(es)?$/i.test(answer.trim())) {
      ctx.err('Not confirmed. Nothing was written.\n');
      return EXIT.failed;
    }
  }
  const result = await applyWrites(graph, writes, admin.scopes);
  if (args.json) ctx.out(`${JSON.stringify({ plan, applied: result }, null, 2)}\n`);
  else ctx.out(`\n${renderApply(result)}`);
  if (result.refusal) return EXIT.failed;
  if (!args.json) {
    // The tenant as it is now: what is left (the Exchange steps, with the new object id filled in).
    const after = buildPlan(await readTenant(graph, args.clientId), options);
    const left = after.steps.filter((s) => s.status !== 'done');
    ctx.out(
      `\nWhat is left after the apply (the Exchange side cannot be done from here):\n${renderPlan({ ...after, steps: left }, { summary: false })}`,
    );
  }
  return EXIT.ok;
}

type AdminToken =
  { ok: true; token: string; scopes: string[]; user?: string } | { ok: false; message: string };

async function adminToken(ctx: Ctx): Promise<AdminToken> {
  const { args } = ctx;
  // Scopes name Graph's resource of the cloud, whatever address --endpoints sends requests to.
  const resource = CLOUD_ENDPOINTS[args.cloud].graph;
  if (args.adminSignIn === 'azure-cli') {
    let token: string;
    try {
      token = (
        await ctx.az([
          'account',
          'get-access-token',
          '--resource',
          resource,
          '--query',
          'accessToken',
          '--output',
          'tsv',
        ])
      ).trim();
    } catch (error) {
      return {
        ok: false,
        message: `The Azure CLI gave no Graph token (is it installed and signed in with az login?): ${ctx.redactor.redact(error instanceof Error ? error.message : String(error)).slice(0, 300)}`,
      };
    }
    if (!token)
      return {
        ok: false,
        message: 'The Azure CLI printed no token: run az login as an administrator first.',
      };
    ctx.redactor.add(token);
    const claims = decodeClaims(token);
    return {
      ok: true,
      token,
      scopes: (claims?.scp ?? '').split(/\s+/).filter(Boolean),
      ...(claims?.upn ? { user: claims.upn } : {}),
    };
  }
  const scopes = (args.apply ? ADMIN_SCOPES.apply : ADMIN_SCOPES.plan).map(
    (s) => `${resource}/${s}`,
  );
  ctx.err(
    `Sign in as an administrator (Microsoft Graph Command Line Tools asks for: ${scopes.map((s) => s.slice(resource.length + 1)).join(', ')}).\n`,
  );
  const signIn = await deviceCodeSignIn(
    ctx,
    { authority: args.authority, tenant: args.tenantId, clientId: GRAPH_CLI_CLIENT_ID },
    scopes,
  );
  if (!signIn.ok) {
    const d = diagnoseDeviceCode(signIn.failure, {
      tenant: args.tenantId,
      clientId: GRAPH_CLI_CLIENT_ID,
      adminConsentUrl: adminConsentUrl(
        CLOUD_ENDPOINTS[args.cloud].authority,
        args.tenantId,
        GRAPH_CLI_CLIENT_ID,
      ),
    });
    return {
      ok: false,
      message: `The administrator's sign-in failed: ${d.summary}\n${d.fix.join('\n')}\nOr sign in with the Azure CLI: --admin-sign-in azure-cli`,
    };
  }
  return {
    ok: true,
    token: signIn.token.accessToken,
    scopes: signIn.token.scopes,
    ...(signIn.token.user ? { user: signIn.token.user } : {}),
  };
}

function runAz(azArgs: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('az', azArgs, { timeout: 60_000, maxBuffer: 1 << 20 }, (error, stdout) =>
      error ? reject(new Error(error.message)) : resolve(stdout),
    ),
  );
}

/** One line from the terminal, echoed (it is not a secret). */
function promptLine(question: string, input: SecretInput, output: TextOutput): Promise<string> {
  return new Promise((resolve) => {
    let value = '';
    output.write(question);
    input.setRawMode?.(true);
    input.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004' || char === '\u0003') {
          input.removeListener('data', onData);
          input.setRawMode?.(false);
          input.pause();
          output.write('\n');
          return resolve(char === '\u0003' ? '' : value);
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else {
          value += char;
          output.write(char);
        }
      }
    };
    input.on('data', onData);
    input.resume();
  });
}
