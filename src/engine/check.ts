// A check: turned on by its name in the `checks` input, it produces one or more results and may
// leave notes for the run's outcome (outputs the front ends set).
import type { Settings } from '../settings/types.js';
import type { RunContext } from './context.js';
import type { CheckResult, SecretReport } from './types.js';

export interface Check {
  /** The `checks` input name that turns it on. */
  name: Settings['checks'][number];
  run(ctx: RunContext): Promise<CheckResult[]>;
}

/** What a check may add to the run's outcome besides its results. */
export interface OutcomeNotes {
  missingPermissions: string[];
  secretInUse?: { endDateTime: string; daysLeft: number };
  secrets: SecretReport[];
}
