// Runs the engine (parse → runPreflight) against a sandbox over real loopback HTTP, with the
// adapters a front end would give it, and records what it logged and registered as secret.
import type { Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { runPreflight } from '../../src/engine/run-preflight.js';
import type { Adapters, PreflightOutcome } from '../../src/engine/types.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import type { RawInputs } from '../../src/settings/types.js';

export const sandboxInputs = (sandbox: Sandbox, more: RawInputs = {}): RawInputs => ({
  'tenant-id': SANDBOX_TENANT_ID,
  'client-id': SANDBOX_CLIENT_ID,
  'client-secret': SANDBOX_SECRET,
  username: SANDBOX_USER,
  password: SANDBOX_PASSWORD,
  checks: 'token',
  endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
  ...more,
});

export interface EngineRun {
  outcome: PreflightOutcome;
  logs: string[];
  secrets: string[];
}

export async function runEngine(
  sandbox: Sandbox,
  more: RawInputs = {},
  adapters: Partial<Adapters> = {},
): Promise<EngineRun> {
  const logs: string[] = [];
  const secrets: string[] = [];
  const parsed = parseSettings(sandboxInputs(sandbox, more));
  const outcome = await runPreflight(parsed, {
    log: {
      debug: (m) => logs.push(`debug: ${m}`),
      info: (m) => logs.push(`info: ${m}`),
      warning: (m) => logs.push(`warning: ${m}`),
    },
    registerSecret: (value) => secrets.push(value),
    now: () => new Date(),
    // Fast retries: these tests are about what is retried, not how long the waits are.
    retryPolicy: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5, random: () => 0.5 },
    ...adapters,
  });
  return { outcome, logs, secrets };
}

export const tokenCheckOf = (run: EngineRun) =>
  run.outcome.report.checks.find((check) => check.id === 'token');
