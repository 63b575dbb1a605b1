// HttpClient on undici: proxy-aware dispatcher, per-attempt timeout capped by the run's deadline,
// retries with full-jitter backoff on 429/5xx/network errors, Retry-After honoured when the
// deadline leaves room for it. Other 4xx answers are returned, never retried.
import type { Dispatcher } from 'undici';
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
import { EnvHttpProxyAgent, request } from './undici-parts.js';

/**
 * The undici dispatcher every request of a run goes through: proxy-aware from the environment
 * (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, lower case winning, as self-hosted runners set them).
 * proxyTunnel: false makes plain-http targets (loopback overrides only) go to the proxy as
 * absolute-form requests instead of CONNECT, which some corporate proxies refuse for port 80;
 * https targets are always tunnelled.
 */
export function proxyAwareDispatcher(): Dispatcher {
  return new EnvHttpProxyAgent({ proxyTunnel: false });
}

export interface UndiciClientOptions {
  deadline: Deadline;
  dispatcher?: Dispatcher;
  policy?: RetryPolicy;
  defaultTimeoutMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  onRetry?: (info: {
    endpointName: string;
    attempt: number;
    waitMs: number;
    reason: string;
  }) => void;
}

export function createHttpClient(options: UndiciClientOptions): HttpClient {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? waitOrDeadline;
  const { deadline } = options;

  async function attempt(req: HttpRequest): Promise<HttpResponse & { retryAfter?: number }> {
    const remaining = deadline.remainingMs();
    const perAttempt = Math.min(req.timeoutMs ?? options.defaultTimeoutMs ?? 30_000, remaining);
    const where = `${req.endpointName} (${displayUrl(req.url)})`;
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
      const res = await request(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal,
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
      const text = await res.body.text();
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(res.headers)) {
        if (value !== undefined)
          headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      const contentType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      return {
        status: res.statusCode,
        headers,
        contentType,
        text,
        attempts: 1,
        retryAfter: retryAfterMs(headers['retry-after']),
      };
    } catch (error) {
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
      for (let n = 1; ; n++) {
        let outcome: (HttpResponse & { retryAfter?: number }) | HttpError;
        try {
          outcome = await attempt(req);
        } catch (error) {
          if (!(error instanceof HttpError)) throw error;
          outcome = error;
        }
        const retryable = mayRetry(mode, outcome);
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
        options.onRetry?.({ endpointName: req.endpointName, attempt: n, waitMs, reason });
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
  'UND_ERR_CONNECT_TIMEOUT',
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
