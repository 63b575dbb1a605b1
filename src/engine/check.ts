// A check: turned on by its name in the `checks` input, it declares the results it reports and
// hands back, from run(), its results and the outputs it found (one way out; the engine merges).
// The engine knows checks only through this shape: the registry is src/checks/index.ts, passed in
// by the front ends (the composition root), so adding a check is adding a file there.
import type { CheckName } from '../settings/types.js';
import type { RunContext } from './context.js';
import type { CheckId, CheckResult, IssuedToken, SecretEntries } from './types.js';

/** What a check may hand to later steps besides its results; the engine merges them. */
export interface CheckOutputs {
  /** The mail token, for the `access-token` outputs. */
  token?: IssuedToken;
  /** `resource:Permission (type)` strings, contract format. */
  missingPermissions?: string[];
  /** The client secret in use, when its expiry could be read. */
  secretInUse?: { endDateTime: string; daysLeft: number };
  /** The contract's `secrets` entries. */
  secrets?: SecretEntries;
}

export interface CheckOutput {
  results: CheckResult[];
  outputs?: CheckOutputs;
}

export interface Check<C extends RunContext = RunContext> {
  /** The `checks` input name that turns it on. */
  name: CheckName;
  /** The results it reports, in report order; the first one carries a crash of the check. */
  reports: readonly [{ id: CheckId; title: string }, ...{ id: CheckId; title: string }[]];
  run(ctx: C): Promise<CheckOutput>;
}

/** The checks a run may choose from, in report order, and how their context is built. */
export interface CheckPlan<C extends RunContext = RunContext> {
  checks: readonly Check<C>[];
  /** Adds what the checks need (their clients) to the engine's context. */
  context(base: RunContext): C;
}
