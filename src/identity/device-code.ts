// The OAuth 2.0 device authorization grant against Entra's v2.0 endpoints: ask for a device code,
// show Microsoft's message, and poll the token endpoint until the user has signed in or the flow
// ends. The polling rules are RFC 8628 section 3.5 (https://www.rfc-editor.org/rfc/rfc8628#section-3.5):
// `authorization_pending` keeps polling at `interval`, `slow_down` adds 5 seconds to the interval
// for this and every later request, anything else stops. Entra documents `authorization_pending`,
// `authorization_declined`, `bad_verification_code` and `expired_token` for this flow
// (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code#expected-errors).
//
// The clock and the sleeper are injected: tests drive every branch without waiting. The token is
// registered as a secret the moment it is read and stays inside the outcome for the caller that
// needs it (setup's Graph calls); nothing here prints it.
import { HttpError } from '../http/errors.js';
import { parseJson } from '../http/types.js';
import type { HttpClient } from '../http/types.js';
import { decodeClaims } from './jwt-claims.js';
import { entraErrorSchema, tokenSuccessSchema, type EntraError } from './token-response.js';
import { z } from 'zod';

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** RFC 8628 section 3.5: "the interval MUST be increased by 5 seconds". */
const SLOW_DOWN_STEP_SECONDS = 5;
/** RFC 8628 section 3.2: the default when the server sends no interval. */
const DEFAULT_INTERVAL_SECONDS = 5;

export interface DeviceCodeTarget {
  /** Scheme and host of the authority, e.g. https://login.microsoftonline.com */
  authority: string;
  tenant: string;
  clientId: string;
}

const deviceCodeSchema = z.object({
  device_code: z.string().min(1),
  user_code: z.string().min(1),
  verification_uri: z.string().min(1),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
  interval: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  message: z.string().optional(),
});

export interface DeviceCodeGrant {
  /** Secret-like: whoever holds it can redeem the sign-in. Never printed. */
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  expiresInSeconds: number;
  intervalSeconds: number;
  /** Microsoft's own instruction text, shown as it came. */
  message: string;
}

/** A refusal from Entra, or an answer that was not Entra's. */
export interface DeviceCodeFailure {
  /** The OAuth `error`, or 'unreadable' / 'network' / 'local-expiry'. */
  error: string;
  /** The first AADSTS number, from `error_codes` or the description. */
  code?: number;
  /** Microsoft's description, first line only (no trace ids). */
  description?: string;
  status?: number;
}

export type DeviceCodeStart =
  { ok: true; grant: DeviceCodeGrant } | { ok: false; failure: DeviceCodeFailure };

export interface DeviceCodeToken {
  accessToken: string;
  /** Scopes Entra reported in the answer's `scope` field. */
  scopes: string[];
  /** `amr` claim of the access token when it is a readable JWT (diagnostics only). */
  amr: string[];
  /** The signed-in user, from the token's upn / preferred_username when readable. */
  user?: string;
}

export type DeviceCodeOutcome =
  | { ok: true; token: DeviceCodeToken; polls: number }
  | { ok: false; failure: DeviceCodeFailure; polls: number };

export interface PollTools {
  /** Waits `ms`; tests record the waits instead of sleeping. */
  sleep: (ms: number) => Promise<void>;
  /** Milliseconds, for the local expiry guard. */
  now: () => number;
  registerSecret: (value: string) => void;
  /** Called after each poll that keeps the flow going, with the interval now in force. */
  onPending?: (info: { error: string; intervalSeconds: number }) => void;
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

export async function startDeviceCode(
  http: HttpClient,
  target: DeviceCodeTarget,
  scopes: readonly string[],
): Promise<DeviceCodeStart> {
  const url = `${target.authority}/${encodeURIComponent(target.tenant)}/oauth2/v2.0/devicecode`;
  const body = new URLSearchParams({ client_id: target.clientId, scope: scopes.join(' ') });
  const answer = await post(http, url, body, 'device-code endpoint');
  if ('failure' in answer) return { ok: false, failure: answer.failure };
  const parsed = deviceCodeSchema.safeParse(answer.json);
  if (answer.status === 200 && parsed.success) {
    const d = parsed.data;
    return {
      ok: true,
      grant: {
        deviceCode: d.device_code,
        userCode: d.user_code,
        verificationUri: d.verification_uri,
        expiresInSeconds: d.expires_in,
        intervalSeconds: d.interval && d.interval > 0 ? d.interval : DEFAULT_INTERVAL_SECONDS,
        message:
          d.message ??
          `To sign in, use a web browser to open the page ${d.verification_uri} and enter the code ${d.user_code} to authenticate.`,
      },
    };
  }
  return { ok: false, failure: failureOf(answer.status, answer.json) };
}

export async function pollDeviceCode(
  http: HttpClient,
  target: DeviceCodeTarget,
  grant: DeviceCodeGrant,
  tools: PollTools,
): Promise<DeviceCodeOutcome> {
  tools.registerSecret(grant.deviceCode);
  const url = `${target.authority}/${encodeURIComponent(target.tenant)}/oauth2/v2.0/token`;
  const body = new URLSearchParams({
    grant_type: DEVICE_CODE_GRANT,
    client_id: target.clientId,
    device_code: grant.deviceCode,
  });
  const started = tools.now();
  let interval = grant.intervalSeconds;
  for (let polls = 1; ; polls++) {
    await tools.sleep(interval * 1000);
    const answer = await post(http, url, body, 'token endpoint (device code)');
    if ('failure' in answer) return { ok: false, failure: answer.failure, polls };
    if (answer.status === 200) {
      const parsed = tokenSuccessSchema.safeParse(answer.json);
      if (!parsed.success)
        return {
          ok: false,
          polls,
          failure: {
            error: 'unreadable',
            status: 200,
            description: 'a 200 answer without a token',
          },
        };
      const t = parsed.data;
      tools.registerSecret(t.access_token);
      if (t.refresh_token) tools.registerSecret(t.refresh_token);
      const claims = decodeClaims(t.access_token);
      const rawAmr: unknown = (claims as { amr?: unknown } | undefined)?.amr;
      const amr = Array.isArray(rawAmr)
        ? rawAmr.filter((a): a is string => typeof a === 'string')
        : [];
      return {
        ok: true,
        polls,
        token: {
          accessToken: t.access_token,
          scopes: (t.scope ?? '').split(/\s+/).filter(Boolean),
          amr,
          user: claims?.upn ?? claims?.preferred_username,
        },
      };
    }
    const failure = failureOf(answer.status, answer.json);
    if (failure.error === 'authorization_pending' || failure.error === 'slow_down') {
      if (failure.error === 'slow_down') interval += SLOW_DOWN_STEP_SECONDS;
      // Entra's expired_token is the authority; this guard only stops a server that never says it.
      if (tools.now() - started > (grant.expiresInSeconds + interval) * 1000)
        return {
          ok: false,
          polls,
          failure: {
            error: 'local-expiry',
            description: `no answer but pending within the code's ${grant.expiresInSeconds} s`,
          },
        };
      tools.onPending?.({ error: failure.error, intervalSeconds: interval });
      continue;
    }
    return { ok: false, failure, polls };
  }
}

async function post(
  http: HttpClient,
  url: string,
  body: URLSearchParams,
  endpointName: string,
): Promise<{ status: number; json: unknown } | { failure: DeviceCodeFailure }> {
  try {
    const res = await http.request({
      method: 'POST',
      url,
      headers: FORM,
      body: body.toString(),
      endpointName,
      // Only answers that prove the request was not processed are retried (429, 503, no connection).
      retry: 'unprocessed',
    });
    const json = parseJson(res.text);
    if (json === undefined)
      return {
        failure: {
          error: 'unreadable',
          status: res.status,
          description: `${endpointName} answered HTTP ${res.status} with ${res.contentType || 'no content type'}, not JSON`,
        },
      };
    return { status: res.status, json };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { failure: { error: 'network', description: error.message } };
  }
}

function failureOf(status: number, json: unknown): DeviceCodeFailure {
  const parsed = entraErrorSchema.safeParse(json);
  if (!parsed.success)
    return { error: 'unreadable', status, description: `HTTP ${status} without an OAuth error` };
  return { error: parsed.data.error, status, ...codeAndText(parsed.data) };
}

function codeAndText(e: EntraError): { code?: number; description?: string } {
  // Server text reaches a terminal: first line only, no control characters, bounded.
  const first = e.error_description
    ?.split(/\r?\n/)[0]
    // eslint-disable-next-line no-control-regex
    ?.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim()
    .slice(0, 300);
  const fromText = /AADSTS(\d+)/.exec(first ?? '')?.[1];
  const code = e.error_codes?.[0] ?? (fromText ? Number(fromText) : undefined);
  return { ...(code !== undefined ? { code } : {}), ...(first ? { description: first } : {}) };
}
