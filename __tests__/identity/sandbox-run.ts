// The identity tests' engine run: the token check by default, with fast retries.
import type { Sandbox } from '../../sandbox/server.js';
import type { Adapters } from '../../src/engine/types.js';
import type { RawInputs } from '../../src/settings/types.js';
import { FAST_RETRIES, runEngine as runOnSandbox, type EngineRun } from '../helpers/engine-run.js';

export const runEngine = (
  sandbox: Sandbox,
  more: RawInputs = {},
  adapters: Partial<Adapters> = {},
): Promise<EngineRun> => runOnSandbox(sandbox, more, { retryPolicy: FAST_RETRIES, ...adapters });

export const tokenCheckOf = (run: EngineRun) =>
  run.outcome.report.checks.find((check) => check.id === 'token');
