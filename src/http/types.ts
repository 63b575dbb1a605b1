// The engine's view of HTTP: one call that retries what is safe to retry within the run's
// deadline, and a response whose body has already been read.

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Human name used in every error, e.g. "token endpoint" or "Microsoft Graph $batch". */
  endpointName: string;
  /**
   * Retry on 429, 5xx and network errors (default true). The ROPC request keeps this on but
   * never retries a 4xx: a wrong password is sent once.
   */
  retry?: boolean;
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
