// Runs the engine against a sandbox tenant with one fixed clock shared by the sandbox and the
// engine, so day counts in the tests are exact, and returns the outcome plus the requests made.
import { startSandbox, type RecordedRequest } from '../../sandbox/server.js';
import type { SandboxTenant } from '../../sandbox/tenant.js';
import { runEngine as runOnSandbox, type EngineRun as SharedRun } from '../helpers/engine-run.js';

export const NOW = new Date('2026-11-24T12:00:00Z');
export const DAY = 86_400_000;
export const isoIn = (days: number, from = NOW) =>
  new Date(from.getTime() + days * DAY).toISOString();

export type EngineRun = SharedRun & { requests: RecordedRequest[] };

/** A sandbox serving `tenant` on its own fixed clock; the secret-expiry check, app-only. */
export async function runEngine(
  tenant: SandboxTenant,
  inputs: Record<string, string> = {},
  clocks: { engine?: Date; sandbox?: Date } = {},
): Promise<EngineRun> {
  const sandboxNow = (clocks.sandbox ?? NOW).getTime();
  const sandbox = await startSandbox({ tenant, now: () => sandboxNow });
  try {
    const run = await runOnSandbox(
      sandbox,
      { username: '', password: '', checks: 'secret-expiry', ...inputs },
      { now: () => clocks.engine ?? NOW },
    );
    return { ...run, requests: sandbox.requests };
  } finally {
    await sandbox.close();
  }
}

export const expiryResults = (run: EngineRun) =>
  run.outcome.report.checks.filter((c) => c.id === 'secret-expiry');
