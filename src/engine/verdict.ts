// The run's verdict from its checks, and whether the step fails under `fail-on`.
import type { FailOn } from '../settings/types.js';
import type { CheckResult, Verdict } from './types.js';

export function verdictOf(checks: readonly CheckResult[]): Verdict {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'warn')) return 'warn';
  return 'pass';
}

export const failsStep = (verdict: Verdict, failOn: FailOn): boolean =>
  verdict === 'fail' || (verdict === 'warn' && failOn === 'warning');
