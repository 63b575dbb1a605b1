// Runs the engine (parse → runPreflight) against a sandbox over real loopback HTTP, with the
// adapters a front end would give it, and records what it logged, registered as secret and
// reported as progress. Each area's helper (identity, permissions, secrets) sets its own
// defaults on top of this one, so every engine test drives the engine the same way.
import { sandboxInputs } from '../../sandbox/inputs.js';
import type { Sandbox } from '../../sandbox/server.js';
import { runPreflight } from '../../src/preflight.js';
import type { Adapters, PreflightOutcome } from '../../src/engine/types.js';
import type { RetryPolicy } from '../../src/http/retry-policy.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import type { RawInputs } from '../../src/settings/types.js';

export { sandboxInputs };

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
