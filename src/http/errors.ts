// Errors of the HTTP layer. Each names the endpoint (never a secret) so the report can say which
// endpoint hung, refused or answered nonsense.

export type HttpFailureKind = 'timeout' | 'deadline' | 'network' | 'bad-response';

export class HttpError extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    readonly endpointName: string,
    readonly url: string,
    message: string,
    readonly status?: number,
    /** The system or undici error code of a network failure, e.g. ECONNREFUSED. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The URL without query string: query strings may carry $filter values but never secrets; keep it short. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** The message of anything thrown, for a plain one-line report (never a stack trace). */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
