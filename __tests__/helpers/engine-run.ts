// Runs the engine (parse → runPreflight) against a sandbox over real loopback HTTP, with the
// adapters a front end would give it, and records what it logged, registered as secret and
// reported as progress. Each area's helper (identity, permissions, secrets) sets its own
// defaults on top of this one, so every engine test drives the engine the same way.
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
import type { RetryPolicy } from '../../src/http/retry-policy.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import type { RawInputs } from '../../src/settings/types.js';

/** The sandbox's credentials and endpoints, with `more` on top. */
export const sandboxInputs = (sandbox: Pick<Sandbox, 'url'>, more: RawInputs = {}): RawInputs => ({
  'tenant-id': SANDBOX_TENANT_ID,
  'client-id': SANDBOX_CLIENT_ID,
  'client-secret': SANDBOX_SECRET,
  username: SANDBOX_USER,
  password: SANDBOX_PASSWORD,
  checks: 'token',
  endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
  ...more,
});

/** Fast retries: these tests are about what is retried, not how long the waits are. */
export const FAST_RETRIES: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1,
  maxDelayMs: 5,
  random: () => 0.5,
};

export interface EngineRun {
  outcome: PreflightOutcome;
  /** Every log line, prefixed with its level ('debug: ', 'info: ', 'warning: '). */
  logs: string[];
  secrets: string[];
  progress: string[];
}

export async function runEngine(
  sandbox: Pick<Sandbox, 'url'>,
  more: RawInputs = {},
  adapters: Partial<Adapters> = {},
): Promise<EngineRun> {
  const logs: string[] = [];
  const secrets: string[] = [];
  const progress: string[] = [];
  const outcome = await runPreflight(parseSettings(sandboxInputs(sandbox, more)), {
    log: {
      debug: (m) => logs.push(`debug: ${m}`),
      info: (m) => logs.push(`info: ${m}`),
      warning: (m) => logs.push(`warning: ${m}`),
    },
    registerSecret: (value) => secrets.push(value),
    now: () => new Date(),
    progress: (m) => progress.push(m),
    ...adapters,
  });
  return { outcome, logs, secrets, progress };
}
