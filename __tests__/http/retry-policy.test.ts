// Retry-After parsing and the full-jitter formula.
import { describe, expect, it } from '@jest/globals';
import { backoffMs, retryAfterMs, type RetryPolicy } from '../../src/http/retry-policy.js';

const policy = (random: number): RetryPolicy => ({
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8000,
  random: () => random,
});

describe('retryAfterMs', () => {
  it('reads delta-seconds, including fractions', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(' 1.5 ')).toBe(1500);
  });
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(retryAfterMs('Tue, 24 Nov 2026 10:00:03 GMT', now)).toBe(3000);
    expect(retryAfterMs('Tue, 24 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('is a random share of min(max, base·2^(attempt-1))', () => {
    expect(backoffMs(policy(0), 1)).toBe(0);
    expect(backoffMs(policy(0.999), 1)).toBe(249);
    expect(backoffMs(policy(0.5), 3)).toBe(500);
    expect(backoffMs(policy(0.5), 10)).toBe(4000);
  });
  it('never waits less than Retry-After', () => {
    expect(backoffMs(policy(0), 1, 3000)).toBe(3000);
    expect(backoffMs(policy(0.5), 10, 1000)).toBe(4000);
  });
});
