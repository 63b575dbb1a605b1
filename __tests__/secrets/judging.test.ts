// Day arithmetic, "never expires" dates, thresholds and hint matching: the rules the check is
// built on, at their boundaries.
import { describe, expect, it } from '@jest/globals';
import { DAY_MS, daysLeft, describeDaysLeft, neverExpires } from '../../src/credentials/days.js';
import { expiryLevel } from '../../src/credentials/expiry-level.js';
import { hintOf, matchingHint } from '../../src/credentials/hint.js';

const NOW = new Date('2026-11-24T12:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe('daysLeft', () => {
  it('counts whole days, rounded down', () => {
    expect(daysLeft(at(3 * DAY_MS), NOW)).toBe(3);
    expect(daysLeft(at(3 * DAY_MS - 1), NOW)).toBe(2);
    expect(daysLeft(at(DAY_MS - 1), NOW)).toBe(0);
  });
  it('is negative once the end has passed', () => {
    expect(daysLeft(at(-1), NOW)).toBe(-1);
    expect(daysLeft(at(-DAY_MS), NOW)).toBe(-1);
    expect(daysLeft(at(-DAY_MS - 1), NOW)).toBe(-2);
  });
  it('describes expired secrets in whole days since expiry', () => {
    expect(describeDaysLeft(-1, true)).toBe('expired within the last day');
    expect(describeDaysLeft(-2, true)).toBe('expired 1 day ago');
    expect(describeDaysLeft(-11, true)).toBe('expired 10 days ago');
    expect(describeDaysLeft(0, false)).toBe('expires within a day');
    expect(describeDaysLeft(1, false)).toBe('expires in 1 day');
  });
  it('treats year-2299 end dates as never expiring, and nothing sooner', () => {
    expect(neverExpires(new Date('2299-12-31T23:59:59Z'))).toBe(true);
    expect(neverExpires(new Date('2298-12-31T23:59:59Z'))).toBe(false);
    expect(neverExpires(new Date('2028-11-24T00:00:00Z'))).toBe(false);
  });
});

describe('expiryLevel', () => {
  const thresholds = { warningDays: 30, failureDays: 7 };
  const level = (days: number, expired = false, never = false) =>
    expiryLevel({ daysLeft: days, expired, neverExpires: never }, thresholds);
  it('fails within failure-days (inclusive), warns within warning-days (inclusive)', () => {
    expect(level(0)).toBe('failure');
    expect(level(7)).toBe('failure');
    expect(level(8)).toBe('warning');
    expect(level(30)).toBe('warning');
    expect(level(31)).toBe('ok');
  });
  it('marks expired and never-expiring credentials as such', () => {
    expect(level(-1, true)).toBe('expired');
    expect(level(99_000, false, true)).toBe('ok');
  });
});

describe('hint matching', () => {
  const creds = [
    { keyId: 'a', hint: 'Xk4' },
    { keyId: 'b', hint: 'abc' },
    { keyId: 'c', hint: 'Xk4' },
    { keyId: 'd', hint: null },
  ];
  it('uses the first three characters of the secret value', () => {
    expect(hintOf('Xk48Q~rest')).toBe('Xk4');
    expect(matchingHint(creds, 'Xk48Q~rest').map((c) => c.keyId)).toEqual(['a', 'c']);
    expect(matchingHint(creds, 'abc8Q~rest').map((c) => c.keyId)).toEqual(['b']);
  });
  it('matches nothing for an unknown hint, a hintless secret or a too-short value', () => {
    expect(matchingHint(creds, 'zzz8Q~rest')).toEqual([]);
    expect(matchingHint(creds, 'Xk')).toEqual([]);
  });
  it('is case-sensitive, as secret values are', () => {
    expect(matchingHint(creds, 'xk48Q~rest')).toEqual([]);
  });
});
