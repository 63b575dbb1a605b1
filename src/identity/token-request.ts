// One call to the v2.0 token endpoint (form-encoded; a JSON body gets AADSTS900144), with the
// answer parsed, the token registered as a secret the moment it is read, and any refusal turned
// into a diagnosis.
import type { HttpClient } from '../http/types.js';
import { HttpError } from '../http/errors.js';
import { parseJson } from '../http/types.js';
import type { IssuedToken } from '../engine/types.js';
import type { Grant, Settings } from '../settings/types.js';
import {
  diagnoseTokenError,
  diagnoseUnreadableAnswer,
  type TokenFailure,
} from './token-diagnosis.js';
import { entraErrorSchema, tokenSuccessSchema } from './token-response.js';
import { credentialFields, type AppCredential } from './app-credential.js';

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
  if (input.credential)
    for (const [name, value] of Object.entries(await credentialFields(input.credential)))
      form.set(name, value);

  const elapsed = () => Date.now() - started;
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
    });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return {
      ok: false,
      durationMs: elapsed(),
      failure: { summary: error.message, remediation: networkRemedy(error), code: undefined },
    };
  }

  const body = parseJson(response.text);
  if (response.status === 200 && body !== undefined) {
    const parsed = tokenSuccessSchema.safeParse(body);
    if (parsed.success) {
      const t = parsed.data;
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
      failure: diagnoseUnreadableAnswer(response, input.purpose, shapeProblem(parsed.error)),
    };
  }
  const entra = body === undefined ? undefined : entraErrorSchema.safeParse(body);
  if (entra?.success && response.status >= 400) {
    return {
      ok: false,
      durationMs: elapsed(),
      failure: diagnoseTokenError(entra.data, response.status, { settings, grant }),
    };
  }
  return {
    ok: false,
    durationMs: elapsed(),
    failure: diagnoseUnreadableAnswer(
      response,
      input.purpose,
      body === undefined
        ? undefined
        : entra && !entra.success
          ? shapeProblem(entra.error)
          : `an error body with HTTP ${response.status}`,
    ),
  };
}

/** The fields that failed validation, by name only: never the values (they may be tokens). */
function shapeProblem(error: { issues: { path: PropertyKey[] }[] }): string {
  const fields = [...new Set(error.issues.map((i) => i.path.map(String).join('.') || '(root)'))];
  return `missing or invalid: ${fields.join(', ')}`;
}

function networkRemedy(error: HttpError): string {
  if (error.kind === 'deadline')
    return 'Raise `timeout-seconds`, or check that the runner can reach the authority host (proxy settings: HTTPS_PROXY, NO_PROXY).';
  return 'Check that the runner can reach the authority host; behind a proxy set HTTPS_PROXY (and NO_PROXY for hosts that must bypass it). For a national cloud set `cloud`.';
}
