// When to retry and how long to wait: full-jitter exponential backoff, honouring Retry-After.

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8000,
  random: Math.random,
};

export const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500;

/** Retry-After as milliseconds: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full jitter: a random wait in [0, min(max, base * 2^attempt)], but never less than Retry-After. */
export function backoffMs(policy: RetryPolicy, attempt: number, retryAfter?: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jitter = Math.floor(policy.random() * ceiling);
  return retryAfter === undefined ? jitter : Math.max(retryAfter, jitter);
}
