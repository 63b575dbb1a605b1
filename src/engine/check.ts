// A check: decides whether it applies to these settings, then produces one or more results.
import type { Settings } from '../settings/types.js';
import type { RunContext } from './context.js';
import type { CheckResult } from './types.js';

export interface Check {
  /** The `checks` input name that turns it on. */
  name: Settings['checks'][number];
  run(ctx: RunContext): Promise<CheckResult[]>;
}

/** What a check may add to the run's outcome besides its results. */
export interface OutcomeNotes {
  missingPermissions: string[];
  secretInUse?: { endDateTime: string; daysLeft: number };
  secrets: import('./types.js').SecretReport[];
}
