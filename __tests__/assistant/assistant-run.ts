// Drives `m365-mail-preflight consent|setup` (through runCli, so the lazy import is exercised)
// against a sandbox tenant, with a recorded sleeper and a clock that the sleeps move: no test
// waits for real time.
import { encodings } from '../helpers/leak-check.js';
import { runCli } from '../../src/cli/main.js';
import { startSandbox, type RecordedRequest, type Sandbox } from '../../sandbox/server.js';
import type { SandboxTenant } from '../../sandbox/tenant.js';
import { FAST_RETRIES } from '../helpers/engine-run.js';
import { cliIo, type FakeTerminal } from '../cli/cli-io.js';

export interface AssistantRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Every wait the polling asked for, in ms. */
  sleeps: number[];
}

export async function withSandbox<T>(
  tenant: SandboxTenant,
  fn: (s: Sandbox) => Promise<T>,
): Promise<T> {
  const sandbox = await startSandbox({ tenant });
  try {
    return await fn(sandbox);
  } finally {
    await sandbox.close();
  }
}

export async function runAssistantCli(
  sandbox: Sandbox,
  argv: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    stdin?: FakeTerminal;
    az?: (args: string[]) => Promise<string>;
  } = {},
): Promise<AssistantRun> {
  const { io, stdout, stderr } = cliIo(
    options.env ?? {},
    options.stdin ? { stdin: options.stdin } : {},
  );
  const sleeps: number[] = [];
  let clock = Date.parse('2026-11-30T08:00:00Z');
  const code = await runCli(
    [...argv, '--endpoints', `authority=${sandbox.url}\ngraph=${sandbox.url}`],
    {
      ...io,
      retryPolicy: FAST_RETRIES,
      assistant: {
        sleep: (ms) => {
          sleeps.push(ms);
          clock += ms;
          return Promise.resolve();
        },
        now: () => clock,
        ...(options.az ? { az: options.az } : {}),
      },
    },
  );
  return { code, stdout: stdout.text, stderr: stderr.text, sleeps };
}

/** Graph writes the sandbox received: method, path and parsed body, in order. */
export function graphWrites(sandbox: Sandbox): { method: string; path: string; body: unknown }[] {
  return sandbox.requests
    .filter((r: RecordedRequest) => r.route === 'graph' && r.method !== 'GET' && !readOnlyBatch(r))
    .map((r) => ({
      method: r.method,
      path: r.path.replace(/^\/v1\.0/, ''),
      body: r.body ? (JSON.parse(r.body) as unknown) : undefined,
    }));
}

/** Every token and device code the sandbox handed out, in any encoding, absent from `text`. */
export function leaksIn(sandbox: Sandbox, text: string): string[] {
  const deviceCodes = sandbox.requests
    .filter((r) => r.route === 'token')
    .map((r) => r.form?.get('device_code') ?? '')
    .filter(Boolean);
  const secrets = [...sandbox.issued, ...deviceCodes];
  return secrets.flatMap((s) =>
    encodings(s)
      .filter((form) => text.includes(form))
      .map((f) => f.slice(0, 6)),
  );
}

/** The preflight reads through $batch (a POST): a batch of GETs writes nothing. */
function readOnlyBatch(r: RecordedRequest): boolean {
  if (!r.path.endsWith('/$batch')) return false;
  const body = JSON.parse(r.body) as { requests?: { method?: string }[] };
  return (body.requests ?? []).every((q) => (q.method ?? 'GET') === 'GET');
}
