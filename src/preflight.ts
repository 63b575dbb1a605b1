// The composition root both front ends share: the engine, run with the checks of src/checks.
// Tests drive a whole run through it, as the action and the CLI do.
import { CHECK_PLAN } from './checks/index.js';
import { runChecks } from './engine/run-preflight.js';
import type { Adapters, PreflightOutcome } from './engine/types.js';
import { certificateProblem } from './identity/client-credential.js';
import type { ParseResult } from './settings/parse-settings.js';

export async function runPreflight(
  parsed: ParseResult,
  adapters: Adapters,
): Promise<PreflightOutcome> {
  // A bad client-certificate is refused like any input value, before any request.
  const problem = parsed.ok ? await certificateProblem(parsed.settings, adapters.now()) : undefined;
  if (parsed.ok && problem)
    return runChecks(
      { ok: false, problems: [problem], warnings: parsed.warnings, frontEnd: parsed.frontEnd },
      adapters,
      CHECK_PLAN,
    );
  return runChecks(parsed, adapters, CHECK_PLAN);
}
