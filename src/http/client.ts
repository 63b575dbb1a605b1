// HttpClient: per-attempt timeout capped by the run's deadline, a byte cap on every answer,
// retries with full-jitter backoff on 429/5xx/network errors, Retry-After honoured when the
// deadline leaves room for it. Other 4xx answers are returned, never retried. The exchange itself
// (node:http/https, the environment's proxy) is transport.ts.
import { sleep as waitOrDeadline, type Deadline } from './deadline.js';
import { HttpError, displayUrl, errorMessage } from './errors.js';
import {
  DEFAULT_RETRY_POLICY,
  backoffMs,
  isRetryableStatus,
  retryAfterMs,
  type RetryPolicy,
} from './retry-policy.js';
import type { HttpClient, HttpRequest, HttpResponse, RetryMode } from './types.js';
import { BodyTooLarge, MAX_BODY_BYTES, describeBytes } from './capped-body.js';
import { createTransport, type Transport } from './transport.js';

export interface HttpClientOptions {
  deadline: Deadline;
  /** The environment's proxy settings apply by default (transport.ts). */
  transport?: Transport;
  policy?: RetryPolicy;
  defaultTimeoutMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  onRetry?: (info: {
    endpointName: string;
    attempt: number;
    waitMs: number;
    reason: string;
    /** The request's resendNote, when an answered request is sent again. */
    note?: string;
  }) => void;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? waitOrDeadline;
  const { deadline } = options;
  const transport = options.transport ?? createTransport();

  async function attempt(req: HttpRequest): Promise<HttpResponse & { retryAfter?: number }> {
    const remaining = deadline.remainingMs();
    const perAttempt = Math.min(req.timeoutMs ?? options.defaultTimeoutMs ?? 30_000, remaining);
    const where = `${req.endpointName} (${displayUrl(req.url)})`;
    const maxBody = req.maxBodyBytes ?? MAX_BODY_BYTES;
    if (perAttempt <= 0) {
      throw new HttpError(
        'deadline',
        req.endpointName,
        req.url,
        `the run's deadline passed before ${where} could be called`,
      );
    }
    const timeout = AbortSignal.timeout(perAttempt);
    const signal = AbortSignal.any([timeout, deadline.signal]);
    try {
      const { status, headers, text } = await transport.send(req, { signal, maxBytes: maxBody });
      const contentType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      return {
        status,
        headers,
        contentType,
        text,
        attempts: 1,
        retryAfter: retryAfterMs(headers['retry-after']),
      };
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        throw new HttpError(
          'bad-response',
          req.endpointName,
          req.url,
          `answer too large from ${where}: more than ${describeBytes(error.limit)}, not read further`,
        );
      }
      // The attempt's own timer may fire a moment before the deadline's when the deadline capped it.
      const requested = req.timeoutMs ?? options.defaultTimeoutMs ?? 30_000;
      if (deadline.signal.aborted || (timeout.aborted && perAttempt < requested)) {
        throw new HttpError(
          'deadline',
          req.endpointName,
          req.url,
          `${where} did not answer before the run's deadline (timeout-seconds: ${Math.round(deadline.totalMs / 1000)})`,
        );
      }
      if (timeout.aborted) {
        throw new HttpError(
          'timeout',
          req.endpointName,
          req.url,
          `${where} did not answer within ${perAttempt} ms`,
        );
      }
      const code = (error as { code?: string }).code;
      const message = errorMessage(error);
      throw new HttpError(
        'network',
        req.endpointName,
        req.url,
        `${where} could not be reached: ${code ? `${code} ` : ''}${message}`,
        undefined,
        code,
      );
    }
  }

  return {
    async request(req) {
      const mode = req.retry ?? 'all';
      let resent = 0;
      for (let n = 1; ; n++) {
        let outcome: (HttpResponse & { retryAfter?: number }) | HttpError;
        try {
          outcome = await attempt(req);
        } catch (error) {
          if (!(error instanceof HttpError)) throw error;
          outcome = error;
        }
        const answered = !(outcome instanceof HttpError);
        // 'unprocessed' (the password grant): one resend after an answer, never two.
        const retryable =
          mayRetry(mode, outcome) && !(mode === 'unprocessed' && answered && resent >= 1);
        if (!retryable || n >= policy.maxAttempts) {
          if (outcome instanceof HttpError) throw outcome;
          const { retryAfter: _ignored, ...response } = outcome;
          return { ...response, attempts: n };
        }
        const retryAfter = outcome instanceof HttpError ? undefined : outcome.retryAfter;
        const waitMs = backoffMs(policy, n, retryAfter);
        // Waiting past the deadline helps no one: answer with what we have.
        if (waitMs >= deadline.remainingMs()) {
          if (outcome instanceof HttpError) throw outcome;
          const { retryAfter: _ignored, ...response } = outcome;
          return { ...response, attempts: n };
        }
        const reason = outcome instanceof HttpError ? outcome.kind : `HTTP ${outcome.status}`;
        if (answered) resent += 1;
        options.onRetry?.({
          endpointName: req.endpointName,
          attempt: n,
          waitMs,
          reason,
          ...(answered && req.resendNote ? { note: req.resendNote } : {}),
        });
        await sleep(waitMs, deadline.signal).catch(() => undefined);
      }
    },
  };
}

/** Connection failures: the request never reached a server, so nothing was processed. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function mayRetry(mode: RetryMode, outcome: HttpResponse | HttpError): boolean {
  if (mode === 'none') return false;
  if (outcome instanceof HttpError) {
    if (outcome.kind === 'deadline' || outcome.kind === 'bad-response') return false;
    if (mode === 'all') return true;
    return outcome.kind === 'network' && NOT_CONNECTED.has(outcome.code ?? '');
  }
  if (mode === 'all') return isRetryableStatus(outcome.status);
  // 429 and 503 say the server did not act on the request (RFC 9110 15.6.4, RFC 6585 4).
  return outcome.status === 429 || outcome.status === 503;
}
