// The permissions tests' engine run: the permissions check by default, fast retries.
import type { Sandbox } from '../../sandbox/server.js';
import type { RawInputs } from '../../src/settings/types.js';
import {
  FAST_RETRIES,
  runEngine as runOnSandbox,
  sandboxInputs as inputsOf,
  type EngineRun,
} from '../helpers/engine-run.js';

export const sandboxInputs = (sandbox: Sandbox): RawInputs =>
  inputsOf(sandbox, { checks: 'permissions' });

export const runEngine = (sandbox: Sandbox, inputs: RawInputs = {}): Promise<EngineRun> =>
  runOnSandbox(
    sandbox,
    { checks: 'permissions', ...inputs },
    {
      retryPolicy: { ...FAST_RETRIES, maxAttempts: 3, random: () => 0 },
    },
  );

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
