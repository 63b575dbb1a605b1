// Shapes of the token endpoint's answers
// (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth-ropc#successful-authentication-response
// and #error-response). expires_in may arrive as a number or a string; everything else is
// optional except the token itself. Plain checks rather than a schema library: every run reads
// one of these, and loading zod for it cost more than the rest of a token-only run's own code.

/**
 * Lifetimes in seconds, as a number or a string of digits, within a range a token can have:
 * 1 second to a year (Entra issues 60–90 minutes; a configurable lifetime is at most a day). An
 * `expires_in` of 1e300 would otherwise make an expiry no Date can hold ("Invalid time value").
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 365 * 86_400;
/** AADSTS codes are positive integers of up to 8 digits. */
const MAX_AADSTS_CODE = 99_999_999;

export interface TokenSuccess {
  token_type: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  ext_expires_in?: number;
  scope?: string;
}

export interface EntraError {
  error: string;
  error_description?: string;
  error_codes?: number[];
  timestamp?: string;
  trace_id?: string;
  correlation_id?: string;
  error_uri?: string;
  suberror?: string;
  claims?: string;
}

/** The value read, or the names (never the values: they may be tokens) of the fields that failed. */
export type Read<T> = { ok: true; value: T } | { ok: false; fields: string[] };

type Fields = Record<string, unknown>;
const isObject = (body: unknown): body is Fields =>
  typeof body === 'object' && body !== null && !Array.isArray(body);

/**
 * Seconds as a number, or a string of digits, within 1 s to MAX_TOKEN_LIFETIME_SECONDS;
 * undefined when absent; NaN when unreadable or out of that range.
 */
function seconds(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,12}$/.test(value)
        ? Number(value)
        : NaN;
  return n >= 1 && n <= MAX_TOKEN_LIFETIME_SECONDS ? n : NaN;
}

function optionalStrings<K extends string>(body: Fields, names: readonly K[], bad: string[]) {
  const out: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = body[name];
    if (typeof value === 'string') out[name] = value;
    else if (value !== undefined) bad.push(name);
  }
  return out;
}

export function readTokenSuccess(body: unknown): Read<TokenSuccess> {
  if (!isObject(body)) return { ok: false, fields: ['(root)'] };
  const bad: string[] = [];
  const tokenType = body.token_type ?? 'Bearer';
  if (typeof tokenType !== 'string') bad.push('token_type');
  const accessToken = body.access_token;
  if (typeof accessToken !== 'string' || !accessToken) bad.push('access_token');
  const more = optionalStrings(body, ['refresh_token', 'scope'] as const, bad);
  const expiresIn = seconds(body.expires_in);
  if (expiresIn === undefined || Number.isNaN(expiresIn)) bad.push('expires_in');
  const extExpiresIn = seconds(body.ext_expires_in);
  if (Number.isNaN(extExpiresIn)) bad.push('ext_expires_in');
  if (bad.length) return { ok: false, fields: bad };
  return {
    ok: true,
    value: {
      token_type: tokenType as string,
      access_token: accessToken as string,
      expires_in: expiresIn!,
      ...(extExpiresIn === undefined ? {} : { ext_expires_in: extExpiresIn }),
      ...more,
    },
  };
}

const ENTRA_TEXT_FIELDS = [
  'error_description',
  'timestamp',
  'trace_id',
  'correlation_id',
  'error_uri',
  'suberror',
  'claims',
] as const;

/**
 * `error` may be missing from a relayed or trimmed body that still carries the description (the
 * AADSTS code is then read from the description): such a body is still Entra's refusal, with
 * `error` ''. A body with neither is not one.
 */
export function readEntraError(body: unknown): Read<EntraError> {
  if (!isObject(body)) return { ok: false, fields: ['(root)'] };
  const bad: string[] = [];
  const error = body.error ?? '';
  if (typeof error !== 'string') bad.push('error');
  const more = optionalStrings(body, ENTRA_TEXT_FIELDS, bad);
  const codes = body.error_codes;
  const codesOk =
    codes === undefined ||
    (Array.isArray(codes) &&
      codes.every(
        (c) => typeof c === 'number' && Number.isInteger(c) && c >= 0 && c <= MAX_AADSTS_CODE,
      ));
  if (!codesOk) bad.push('error_codes');
  if (!bad.length && error === '' && more.error_description === undefined) bad.push('(root)');
  if (bad.length) return { ok: false, fields: bad };
  return {
    ok: true,
    value: {
      error: error as string,
      ...more,
      ...(codes === undefined ? {} : { error_codes: codes as number[] }),
    },
  };
}
