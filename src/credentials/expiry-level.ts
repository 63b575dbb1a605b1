// Where a credential stands against the secret-expiry thresholds. "Within N days" includes the
// N-th day: with failure-days 7, a secret with 7 whole days left fails.
import type { Settings } from '../settings/types.js';

export type ExpiryLevel = 'ok' | 'warning' | 'failure' | 'expired';
export type Thresholds = Pick<Settings['secretExpiry'], 'warningDays' | 'failureDays'>;

export function expiryLevel(
  credential: { daysLeft: number; expired: boolean; neverExpires: boolean },
  thresholds: Thresholds,
): ExpiryLevel {
  if (credential.neverExpires) return 'ok';
  if (credential.expired) return 'expired';
  if (credential.daysLeft <= thresholds.failureDays) return 'failure';
  if (credential.daysLeft <= thresholds.warningDays) return 'warning';
  return 'ok';
}

/** At or past a threshold: worth an annotation. */
export const isAlarming = (level: ExpiryLevel): boolean => level !== 'ok';

export const isFailing = (level: ExpiryLevel): boolean =>
  level === 'failure' || level === 'expired';
