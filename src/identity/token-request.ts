// One call to the v2.0 token endpoint (form-encoded; a JSON body gets AADSTS900144), with the
// answer parsed, the token registered as a secret the moment it is read, and any refusal turned
// into a diagnosis.
import type { HttpClient, HttpResponse } from '../http/types.js';
import { cleanLine } from '../text/sanitise.js';
import { HttpError } from '../http/errors.js';
import { parseJson } from '../http/types.js';
import type { IssuedToken } from '../engine/types.js';
import type { Grant, Settings } from '../settings/types.js';
import {
  diagnoseTokenError,
  diagnoseUnreadableAnswer,
  type TokenFailure,
} from './token-diagnosis.js';
import { readEntraError, readTokenSuccess } from './token-response.js';
import { credentialFields, type AppCredential } from './app-credential.js';
import { federationDoctor, loadedCertificate } from './client-credential.js';

export interface TokenRequestInput {
  settings: Settings;
  http: HttpClient;
  registerSecret: (value: string) => void;
  now: () => Date;
  /** How the app authenticates; none for a public client (ROPC without a secret). */
  credential: AppCredential | undefined;
  grant: Grant;
  scopes: string[];
  /** "mail token" / "Graph token": names the request in messages. */
  purpose: string;
}

export type TokenOutcome =
  | { ok: true; token: IssuedToken; durationMs: number }
  | { ok: false; failure: TokenFailure; durationMs: number };

function tokenUrl(settings: Pick<Settings, 'endpoints' | 'tenantId'>): string {
  return `${settings.endpoints.authority}/${encodeURIComponent(settings.tenantId)}/oauth2/v2.0/token`;
}

export async function requestToken(input: TokenRequestInput): Promise<TokenOutcome> {
  const { settings, grant } = input;
  const started = Date.now();
  const form = new URLSearchParams({ client_id: settings.clientId, scope: input.scopes.join(' ') });
  if (grant === 'password') {
    form.set('grant_type', 'password');
    form.set('username', settings.username);
    form.set('password', settings.password);
  } else {
    form.set('grant_type', 'client_credentials');
  }
  const elapsed = () => Date.now() - started;
  // The app's proof of identity: secret, certificate assertion or federated assertion.
  const auth = input.credential
    ? await credentialFields(input.credential, {
        settings,
        http: input.http,
        registerSecret: input.registerSecret,
        now: input.now,
        tokenUrl: tokenUrl(settings),
      })
    : { ok: true as const, fields: {} as Record<string, string> };
  if (!auth.ok) return { ok: false, durationMs: elapsed(), failure: auth.failure };
  for (const [name, value] of Object.entries(auth.fields)) form.set(name, value);

  let response;
  try {
    response = await input.http.request({
      method: 'POST',
      url: tokenUrl(settings),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      endpointName: `token endpoint (${input.purpose})`,
      // A password may only be re-sent when the server provably did not check it.
      retry: grant === 'password' ? 'unprocessed' : 'all',
      ...(grant === 'password'
        ? {
            resendNote:
              'Entra answered before checking the password, so it is sent a second time; there is no further retry, as each wrong password counts towards smart lockout',
          }
        : {}),
    });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return {
      ok: false,
      durationMs: elapsed(),
      failure: { summary: error.message, remediation: networkRemedy(error), code: undefined },
    };
  }

  if (response.status >= 300 && response.status < 400) {
    return { ok: false, durationMs: elapsed(), failure: redirected(response, input.purpose) };
  }
  const body = parseJson(response.text);
  if (response.status === 200 && body !== undefined) {
    const parsed = readTokenSuccess(body);
    if (parsed.ok) {
      const t = parsed.value;
      // Mask first: nothing may print these before the registry knows them.
      input.registerSecret(t.access_token);
      if (t.refresh_token) input.registerSecret(t.refresh_token);
      return {
        ok: true,
        durationMs: elapsed(),
        token: {
          accessToken: t.access_token,
          refreshToken: t.refresh_token,
          expiresOn: new Date(input.now().getTime() + t.expires_in * 1000),
          scopes: t.scope ? t.scope.split(/\s+/).filter(Boolean) : input.scopes,
          tokenType: t.token_type,
        },
      };
    }
    return {
      ok: false,
      durationMs: elapsed(),
      failure: diagnoseUnreadableAnswer(response, input.purpose, shapeProblem(parsed.fields)),
    };
  }
  const entra = body === undefined ? undefined : readEntraError(body);
  if (entra?.ok && response.status >= 400) {
    const failure = diagnoseTokenError(entra.value, response.status, { settings, grant });
    // Federation refused: the doctor shows what the workflow presented and the fix to paste.
    const doctor = await federationDoctor(
      settings,
      entra.value.error_codes ?? [],
      auth.fields.client_assertion,
      input.now(),
    );
    if (doctor)
      return {
        ok: false,
        durationMs: elapsed(),
        failure: {
          ...failure,
          code: `AADSTS${doctor.code}`,
          summary: `AADSTS${doctor.code}: ${doctor.summary}`,
          details: `${doctor.details}\n${failure.details ?? ''}`.trim(),
          remediation: doctor.remediation,
        },
      };
    // A certificate Entra does not know: name it by the thumbprint the portal shows.
    const certificate =
      settings.clientAuth === 'certificate' && entra.value.error_codes?.includes(700027)
        ? await loadedCertificate(settings)
        : undefined;
    if (certificate)
      failure.summary += ` (client-certificate: thumbprint ${certificate.thumbprints.sha1Hex}, ${certificate.subject})`;
    return { ok: false, durationMs: elapsed(), failure };
  }
  return {
    ok: false,
    durationMs: elapsed(),
    failure: diagnoseUnreadableAnswer(
      response,
      input.purpose,
      body === undefined
        ? undefined
        : entra && !entra.ok
          ? shapeProblem(entra.fields)
          : `an error body with HTTP ${response.status}`,
    ),
  };
}

/**
 * Entra's token endpoint answers a POST itself; a redirect comes from something in between (a
 * proxy, a captive portal, an `authority` that is not a token authority). Redirects are not
 * followed: the form holds the client secret or the password.
 */
function redirected(response: HttpResponse, purpose: string): TokenFailure {
  const location = response.headers.location;
  let where = 'no Location given';
  if (location) {
    try {
      where = new URL(location, 'http://relative.invalid').host;
      if (where === 'relative.invalid') where = 'a path on the same host';
    } catch {
      where = 'a Location that is not a URL';
    }
  }
  return {
    summary: `the token endpoint (${purpose}) answered HTTP ${response.status}: redirected to ${cleanLine(where, 255)}; not followed`,
    remediation:
      'An Entra token endpoint does not redirect: check `endpoints: authority=` (if set) and any proxy or captive portal between the runner and Entra (HTTPS_PROXY, NO_PROXY). The request, with its secret, was not sent on.',
    httpStatus: response.status,
  };
}

/** The fields that failed validation, by name only: never the values (they may be tokens). */
function shapeProblem(fields: string[]): string {
  return `missing or invalid: ${fields.join(', ')}`;
}

function networkRemedy(error: HttpError): string {
  if (error.kind === 'bad-response')
    return 'No token endpoint answers like this: check that `endpoints: authority=` (if set) points at an Entra token authority and that no proxy rewrites answers (HTTPS_PROXY, NO_PROXY).';
  if (error.kind === 'deadline')
    return 'Raise `timeout-seconds`, or check that the runner can reach the authority host (proxy settings: HTTPS_PROXY, NO_PROXY).';
  return 'Check that the runner can reach the authority host; behind a proxy set HTTPS_PROXY (and NO_PROXY for hosts that must bypass it). For a national cloud set `cloud`.';
}
