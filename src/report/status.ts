// How a status or verdict looks to people: one icon and word per state, shared by the job
// summary, the annotations, the check run and the CLI so they never disagree.
import type { CheckStatus, Verdict } from '../engine/types.js';

export const STATUS_ICON: Record<CheckStatus, string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  skip: '⏭️',
};

export const STATUS_WORD: Record<CheckStatus, string> = {
  pass: 'passed',
  warn: 'warning',
  fail: 'failed',
  skip: 'skipped',
};

export const VERDICT_HEADLINE: Record<Verdict, string> = {
  pass: 'everything the mail integration needs works',
  warn: 'works, with warnings to act on',
  fail: 'the mail setup is not ready',
};

/** "3 passed, 1 warning, 1 failed": counts in a fixed order, zero counts left out. */
export function countLine(statuses: readonly CheckStatus[]): string {
  const order: CheckStatus[] = ['fail', 'warn', 'pass', 'skip'];
  const words: Record<CheckStatus, [string, string]> = {
    fail: ['failed', 'failed'],
    warn: ['warning', 'warnings'],
    pass: ['passed', 'passed'],
    skip: ['skipped', 'skipped'],
  };
  return order
    .map((s) => [s, statuses.filter((x) => x === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${words[s][n === 1 ? 0 : 1]}`)
    .join(', ');
}
