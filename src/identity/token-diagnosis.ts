// Turns the token endpoint's refusal into plain words: the cause, the setup step that fixes it,
// the fix, and Microsoft's own description (with any secret removed by the caller's redactor).
import type { HttpResponse } from '../http/types.js';
import type { Settings } from '../settings/types.js';
import { AADSTS_CATALOGUE } from './aadsts-catalogue.js';
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

export interface DiagnosisContext {
  settings: Pick<Settings, 'tenantId' | 'clientId' | 'username'>;
  grant: 'password' | 'client-credentials';
}

/** First line of Microsoft's description, without the Trace/Correlation/Timestamp tail. */
export function describeEntraError(error: EntraError): string {
  const text = (error.error_description ?? '')
    .split(/\r?\n/)[0]!
    .replace(/\s*Trace ID:.*$/s, '')
    .trim();
  return text || error.error;
}

export function diagnoseTokenError(
  error: EntraError,
  status: number,
  ctx: DiagnosisContext,
): TokenFailure {
  const codes = error.error_codes ?? [];
  const known = codes.map((c) => AADSTS_CATALOGUE.get(c)).find((e) => e !== undefined);
  const code = codes.length ? `AADSTS${codes[0]}` : undefined;
  const ids = [
    error.trace_id ? `Trace ID: ${error.trace_id}` : '',
    error.correlation_id ? `Correlation ID: ${error.correlation_id}` : '',
    error.timestamp ? `Timestamp: ${error.timestamp}` : '',
  ].filter(Boolean);
  const details = [
    `Microsoft said (HTTP ${status}, ${error.error}): ${describeEntraError(error)}`,
    ...ids,
  ].join('\n');
  if (known) {
    return {
      summary: `${code}: ${known.cause}`,
      details,
      remediation: `Setup ${known.step}. ${known.fix}`,
      code,
      httpStatus: status,
      error: error.error,
      errorCodes: codes,
    };
  }
  return {
    summary: `${code ?? error.error}: the token endpoint refused the request (${error.error})`,
    details,
    remediation: `This code is not in our catalogue. Look it up at https://login.microsoftonline.com/error?code=${codes[0] ?? ''} and check the sign-in logs (Entra ID → Sign-in logs) for the correlation ID above; tenant ${ctx.settings.tenantId}, client ${ctx.settings.clientId}.`,
    code,
    httpStatus: status,
    error: error.error,
    errorCodes: codes,
  };
}

export function diagnoseUnreadableAnswer(response: HttpResponse, purpose: string): TokenFailure {
  const kind = response.contentType || 'no content type';
  const looksHtml = /^\s*</.test(response.text);
  return {
    summary: `the token endpoint (${purpose}) answered HTTP ${response.status} (${kind}) with ${looksHtml ? 'an HTML page' : 'a body that is not a token response'}`,
    remediation: looksHtml
      ? 'An HTML page usually comes from a proxy or captive portal, or an `endpoints: authority=` override that does not point at the token authority. Check the authority URL and proxy settings.'
      : 'Check that `endpoints: authority=` (if set) points at an Entra token authority, and retry later if the service is degraded.',
    httpStatus: response.status,
  };
}
