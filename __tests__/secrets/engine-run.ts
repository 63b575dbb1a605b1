// Runs the engine against a sandbox tenant with one fixed clock shared by the sandbox and the
// engine, so day counts in the tests are exact, and returns the outcome plus the requests made.
import { runPreflight } from '../../src/engine/run-preflight.js';
import type { PreflightOutcome } from '../../src/engine/types.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import { startSandbox, type RecordedRequest } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  type SandboxTenant,
} from '../../sandbox/tenant.js';

export const NOW = new Date('2026-11-24T12:00:00Z');
export const DAY = 86_400_000;
export const isoIn = (days: number, from = NOW) =>
  new Date(from.getTime() + days * DAY).toISOString();

export interface EngineRun {
  outcome: PreflightOutcome;
  requests: RecordedRequest[];
  progress: string[];
}

export async function runEngine(
  tenant: SandboxTenant,
  inputs: Record<string, string> = {},
  clocks: { engine?: Date; sandbox?: Date } = {},
): Promise<EngineRun> {
  const sandboxNow = (clocks.sandbox ?? NOW).getTime();
  const sandbox = await startSandbox({ tenant, now: () => sandboxNow });
  try {
    const parsed = parseSettings({
      'tenant-id': SANDBOX_TENANT_ID,
      'client-id': SANDBOX_CLIENT_ID,
      'client-secret': SANDBOX_SECRET,
      checks: 'secret-expiry',
      endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
      ...inputs,
    });
    const progress: string[] = [];
    const outcome = await runPreflight(parsed, {
      log: { debug: () => undefined, info: () => undefined, warning: () => undefined },
      registerSecret: () => undefined,
      now: () => clocks.engine ?? NOW,
      progress: (m) => progress.push(m),
    });
    return { outcome, requests: sandbox.requests, progress };
  } finally {
    await sandbox.close();
  }
}

export const expiryResults = (run: EngineRun) =>
  run.outcome.report.checks.filter((c) => c.id === 'secret-expiry');
