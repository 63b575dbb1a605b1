// Day arithmetic for credential expiry: whole days left, rounded down (so a secret that expires
// in 2 days 23 hours has 2 days left, and one that expired an hour ago has -1), and the legacy
// "never expires" dates (year 2299) that must not be reported as an expiry.

export const DAY_MS = 86_400_000;

/** The year Entra wrote for secrets created as "never expires" (https://learn.microsoft.com/graph/api/resources/passwordcredential). */
const NEVER_EXPIRES_YEAR = 2299;

/** Whole days from `now` until `end`, rounded down; negative once `end` has passed. */
export function daysLeft(end: Date, now: Date): number {
  return Math.floor((end.getTime() - now.getTime()) / DAY_MS);
}

export const neverExpires = (end: Date): boolean => end.getUTCFullYear() >= NEVER_EXPIRES_YEAR;

/** `2026-11-27` */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** Parses Graph's endDateTime; undefined when absent or not a date. */
export function parseGraphDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** "in 3 days", "today", "1 day ago", for summaries. */
export function describeDaysLeft(days: number, expired: boolean): string {
  if (expired) {
    // daysLeft is rounded down, so -1 means "less than a day ago", -3 "2 to 3 days ago".
    const ago = -days - 1;
    return ago === 0
      ? 'expired within the last day'
      : `expired ${ago} day${ago === 1 ? '' : 's'} ago`;
  }
  if (days === 0) return 'expires within a day';
  return `expires in ${days} day${days === 1 ? '' : 's'}`;
}
