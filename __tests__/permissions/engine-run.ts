// Runs the engine against a sandbox with the sandbox's credentials, for the permissions tests.
import { runPreflight } from '../../src/engine/run-preflight.js';
import type { PreflightOutcome } from '../../src/engine/types.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import type { Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';

export function sandboxInputs(sandbox: Sandbox): Record<string, string> {
  return {
    'tenant-id': SANDBOX_TENANT_ID,
    'client-id': SANDBOX_CLIENT_ID,
    'client-secret': SANDBOX_SECRET,
    username: SANDBOX_USER,
    password: SANDBOX_PASSWORD,
    checks: 'permissions',
    endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
  };
}

export interface EngineRun {
  outcome: PreflightOutcome;
  logs: string[];
}

export async function runEngine(
  sandbox: Sandbox,
  inputs: Record<string, string> = {},
): Promise<EngineRun> {
  const parsed = parseSettings({ ...sandboxInputs(sandbox), ...inputs });
  if (!parsed.ok) throw new Error(`bad test inputs: ${JSON.stringify(parsed.problems)}`);
  const logs: string[] = [];
  const outcome = await runPreflight(parsed, {
    log: { debug: () => undefined, info: (m) => logs.push(m), warning: (m) => logs.push(m) },
    registerSecret: () => undefined,
    now: () => new Date(),
    retryPolicy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, random: () => 0 },
  });
  return { outcome, logs };
}

export const permissionsResult = (run: EngineRun) => {
  const result = run.outcome.report.checks.find((c) => c.id === 'permissions');
  if (!result) throw new Error('no permissions result');
  return result;
};

/** The permission table as { name: { column: value } }. */
export function tableOf(run: EngineRun): Record<string, Record<string, string>> {
  const table = permissionsResult(run).tables?.[0];
  if (!table) throw new Error('no permission table');
  return Object.fromEntries(
    table.rows.map((row) => [
      `${row[0]} (${row[1]})`,
      Object.fromEntries(table.headers.map((h, i) => [h, row[i]!])),
    ]),
  );
}
