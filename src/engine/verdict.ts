// The run's verdict from its checks, the worst of several statuses, and whether the step fails
// under `fail-on`.
import type { FailOn } from '../settings/types.js';
import type { CheckResult, CheckStatus, Verdict } from './types.js';

const RANK: Record<CheckStatus, number> = { skip: 0, pass: 1, warn: 2, fail: 3 };

/** The worst of `statuses`; 'pass' when there are none (a skip is not worse than a pass). */
export const worstStatus = (statuses: readonly CheckStatus[]): Verdict =>
  statuses.reduce<Verdict>((a, b) => (b !== 'skip' && RANK[b] > RANK[a] ? b : a), 'pass');

export const verdictOf = (checks: readonly CheckResult[]): Verdict =>
  worstStatus(checks.map((c) => c.status));

export const failsStep = (verdict: Verdict, failOn: FailOn): boolean =>
  verdict === 'fail' || (verdict === 'warn' && failOn === 'warning');
