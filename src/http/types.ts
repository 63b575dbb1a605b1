// The engine's view of HTTP: one call that retries what is safe to retry within the run's
// deadline, and a response whose body has already been read.

export type RetryMode = 'all' | 'unprocessed' | 'none';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Human name used in every error, e.g. "token endpoint" or "Microsoft Graph $batch". */
  endpointName: string;
  /**
   * What may be retried (default 'all'):
   * - 'all': 429, 5xx, timeouts and network errors (idempotent reads, the client-credentials grant);
   * - 'unprocessed': only answers and errors that prove the server did not act on the request:
   *   429, 503, and failures to connect. The ROPC request uses it, so a password is never sent
   *   a second time after the server may have checked it (a timeout, a reset, a 500): each wrong
   *   password counts towards smart lockout;
   * - 'none': one attempt.
   * No other 4xx is ever retried.
   */
  retry?: RetryMode;
  /** Per-attempt timeout; the run's deadline caps it. */
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Lower-cased media type without parameters, '' when absent. */
  contentType: string;
  text: string;
  /** Attempts made, 1 when the first succeeded. */
  attempts: number;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
}

/**
 * A response body as JSON, or undefined when it is not JSON (an HTML error page, a cut-off
 * answer): callers then describe the answer by status and content type instead of throwing.
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
