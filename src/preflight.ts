// The composition root both front ends share: the engine, run with the checks of src/checks.
// Tests drive a whole run through it, as the action and the CLI do.
import { CHECK_PLAN } from './checks/index.js';
import { runChecks } from './engine/run-preflight.js';
import type { Adapters, PreflightOutcome } from './engine/types.js';
import type { ParseResult } from './settings/parse-settings.js';

export const runPreflight = (parsed: ParseResult, adapters: Adapters): Promise<PreflightOutcome> =>
  runChecks(parsed, adapters, CHECK_PLAN);
