// Turns the token endpoint's refusal into plain words: the cause, the setup step that fixes it,
// the fix, and Microsoft's own description (with any secret removed by the caller's redactor).
import type { HttpResponse } from '../http/types.js';
import type { Grant, Settings } from '../settings/types.js';
import { AADSTS_CATALOGUE } from './aadsts-catalogue.js';
import { OAUTH_ERRORS, UNKNOWN_OAUTH_ERROR } from './oauth-errors.js';
import type { EntraError } from './token-response.js';

export interface TokenFailure {
  summary: string;
  details?: string;
  remediation: string;
  code?: string;
  httpStatus?: number;
  error?: string;
  errorCodes?: number[];
}

export interface TokenDiagnosisContext {
  settings: Pick<Settings, 'tenantId' | 'clientId' | 'username'>;
  grant: Grant;
}

/**
 * The AADSTS codes in a description, in order: the only place a relayed or trimmed body keeps
 * them ("AADSTS70002: Error validating credentials. AADSTS50012: Invalid client secret...").
 */
function codesIn(description: string | undefined): number[] {
  return [...(description ?? '').matchAll(/\bAADSTS(\d+)\b/g)].map((m) => Number(m[1]));
}

/** First line of Microsoft's description, without the Trace/Correlation/Timestamp tail. */
function describeEntraError(error: EntraError): string {
  const text = (error.error_description ?? '')
    .split(/\r?\n/)[0]!
    .replace(/\s*Trace ID:.*$/s, '')
    .trim();
  return text || error.error || '(no description)';
}

export function diagnoseTokenError(
  error: EntraError,
  status: number,
  ctx: TokenDiagnosisContext,
): TokenFailure {
  // `error` first: Microsoft documents it as the stable part of the answer.
  const family = OAUTH_ERRORS[error.error] ?? UNKNOWN_OAUTH_ERROR;
  const codes = error.error_codes?.length ? error.error_codes : codesIn(error.error_description);
  // The first code we can explain names the failure; otherwise the first code Entra sent.
  const knownCode = codes.find((c) => AADSTS_CATALOGUE.has(c));
  const known = knownCode === undefined ? undefined : AADSTS_CATALOGUE.get(knownCode);
  const shown = knownCode ?? codes[0];
  const code = shown === undefined ? undefined : `AADSTS${shown}`;
  const ids = [
    error.trace_id ? `Trace ID: ${error.trace_id}` : '',
    error.correlation_id ? `Correlation ID: ${error.correlation_id}` : '',
    error.timestamp ? `Timestamp: ${error.timestamp}` : '',
  ].filter(Boolean);
  const details = [
    `Microsoft said (HTTP ${status}${error.error ? `, ${error.error}` : ''}): ${describeEntraError(error)}`,
    ...ids,
  ].join('\n');
  const base = { details, code, httpStatus: status, error: error.error, errorCodes: codes };
  if (known) {
    return {
      ...base,
      summary: `${code}: ${known.cause}`,
      remediation: `Setup ${known.step}. ${known.fix}`,
    };
  }
  const lookup = codes[0] ? ` (https://login.microsoftonline.com/error?code=${codes[0]})` : '';
  return {
    ...base,
    summary: `${code ?? (error.error || 'unknown')}: ${family.meaning}${error.error ? ` (${error.error})` : ''}${error.error_description ? `: ${describeEntraError(error)}` : ''}`,
    remediation: `${family.advice}. This code is not in the action's catalogue: look it up${lookup} and search Entra ID → Sign-in logs for the correlation ID; tenant ${ctx.settings.tenantId}, client ${ctx.settings.clientId}.`,
  };
}

/**
 * An answer that is neither a token nor an Entra error: an HTML page (a proxy or captive portal),
 * malformed JSON, or JSON of another shape. The message quotes status and content type.
 */
export function diagnoseUnreadableAnswer(
  response: HttpResponse,
  purpose: string,
  shapeProblem?: string,
): TokenFailure {
  const kind = response.contentType || 'no content type';
  const looksHtml = response.contentType === 'text/html' || /^\s*</.test(response.text);
  const what = looksHtml
    ? 'an HTML page'
    : shapeProblem === undefined
      ? 'malformed JSON'
      : `JSON that is not a token response (${shapeProblem})`;
  return {
    summary: `the token endpoint (${purpose}) answered HTTP ${response.status} (${kind}) with ${what}`,
    remediation: looksHtml
      ? 'An HTML page usually comes from a proxy or captive portal, or an `endpoints: authority=` override that does not point at the token authority. Check the authority URL and the proxy settings (HTTPS_PROXY, NO_PROXY).'
      : 'Check that `endpoints: authority=` (if set) points at an Entra token authority and that no proxy rewrites answers; retry later if the service is degraded.',
    httpStatus: response.status,
  };
}
