// The Microsoft Graph client: the one place that knows Graph's protocol. It owns the bearer
// token (asked for on first use), JSON $batch with per-item throttling, paging through
// `@odata.nextLink`, single reads, and one error type (GraphReadFailure): an unreachable Graph, a
// refusal and an unexpected answer all come back as a failure value, never as an exception.
// A new Graph read is a request in a batch (see graph/registration.ts) or a call of get()/pages().
// $batch: https://learn.microsoft.com/graph/json-batching
// Paging: https://learn.microsoft.com/graph/paging
// Throttling: https://learn.microsoft.com/graph/throttling
import { z } from 'zod';
import { sleep, type Deadline } from '../http/deadline.js';
import { HttpError } from '../http/errors.js';
import { retryAfterMs } from '../http/retry-policy.js';
import { parseJson, type HttpClient, type HttpResponse } from '../http/types.js';
import {
  collectionSchema,
  graphErrorSchema,
  type GraphPart,
  type GraphReadFailure,
} from './types.js';

const MAX_BATCH_REQUESTS = 20;
const MAX_ROUNDS = 4;

/** A bearer token for Graph, or why there is none (it becomes every read's failure). */
export type GraphAuth =
  { ok: true; accessToken: string } | { ok: false; failure: GraphReadFailure };

export interface GraphClientOptions {
  /** Scheme and host of Microsoft Graph (the `graph` endpoint). */
  baseUrl: string;
  http: HttpClient;
  deadline: Deadline;
  log: { info(message: string): void };
  /** Called once, on the first read. */
  token: () => Promise<GraphAuth>;
}

export interface BatchRequest {
  /** Unique within the batch. */
  id: string;
  /** Relative to the version segment, e.g. /applications(appId='...'). */
  url: string;
}

export type BatchAnswer =
  { ok: true; status: number; body: unknown } | { ok: false; failure: GraphReadFailure };

/** One page of a collection, or the failure that ended the listing. */
export type GraphPage = { ok: true; items: unknown[] } | { ok: false; failure: GraphReadFailure };

const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});

export class GraphClient {
  private auth?: Promise<GraphAuth>;

  constructor(private readonly options: GraphClientOptions) {}

  /** The bearer token, or why Graph cannot be read. */
  token(): Promise<GraphAuth> {
    this.auth ??= this.options.token();
    return this.auth;
  }

  /**
   * Up to 20 GET requests in one round trip, answered in any order, each with its own status.
   * Items throttled on their own (429 with Retry-After) are sent again, alone, once the wait they
   * were given has passed, while the run's deadline allows it; every other item keeps its answer.
   */
  async batch(requests: readonly BatchRequest[]): Promise<Map<string, BatchAnswer>> {
    if (requests.length > MAX_BATCH_REQUESTS)
      throw new Error(`a Graph $batch holds at most ${MAX_BATCH_REQUESTS} requests`);
    const answers = new Map<string, BatchAnswer>();
    const auth = await this.token();
    if (!auth.ok) {
      for (const r of requests) answers.set(r.id, auth);
      return answers;
    }
    let pending = [...requests];
    for (let round = 1; pending.length && round <= MAX_ROUNDS; round++) {
      const { answered, throttled } = await this.batchRound(auth.accessToken, pending);
      for (const [id, answer] of answered) answers.set(id, answer);
      pending = pending.filter((r) => throttled.has(r.id));
      if (!pending.length) break;
      const waitMs = Math.max(...pending.map((r) => throttled.get(r.id)!));
      // Retry only when the wait leaves time for the answer; otherwise keep the 429 as the answer.
      if (round === MAX_ROUNDS || waitMs + 1000 > this.options.deadline.remainingMs()) {
        for (const r of pending)
          answers.set(r.id, {
            ok: false,
            failure: {
              status: 429,
              code: 'TooManyRequests',
              message: `Microsoft Graph throttled ${r.url.split('?')[0]} (429) and the run's deadline left no time to wait ${Math.ceil(waitMs / 1000)} s`,
            },
          });
        break;
      }
      this.options.log.info(
        `Microsoft Graph $batch: ${pending.length} item(s) throttled (429), retrying them in ${waitMs} ms`,
      );
      await sleep(waitMs, this.options.deadline.signal);
    }
    return answers;
  }

  /**
   * A collection page by page, from its first URL (relative to the version segment) or from a
   * first page already read (a $batch item). Follows the whole `@odata.nextLink` until it is gone
   * (never parsing out $skiptoken; a page may be empty), and only while it stays on the configured
   * Graph host: the bearer token goes with it. Each page is handed over before the next is read,
   * so memory stays flat however long the collection is. A failure is the last thing yielded.
   */
  async *pages(
    start: { url: string } | { firstPage: unknown },
    what: string,
    maxPages = Infinity,
  ): AsyncGenerator<GraphPage> {
    const auth = await this.token();
    if (!auth.ok) {
      yield auth;
      return;
    }
    let body: unknown;
    let contentType: string | undefined;
    if ('url' in start) {
      const res = await this.send(auth.accessToken, `${this.versioned(start.url)}`, what);
      if (!res.ok) {
        yield res;
        return;
      }
      ({ body, contentType } = res);
    } else body = start.firstPage;
    for (let n = 1; ; n++) {
      const page = collectionSchema.safeParse(body);
      if (!page.success) {
        yield {
          ok: false,
          failure: {
            status: 200,
            message: `Microsoft Graph answered ${what} with an unexpected shape${contentType === undefined ? '' : ` (${contentType || 'no content type'})`}`,
          },
        };
        return;
      }
      yield { ok: true, items: page.data.value };
      const next = page.data['@odata.nextLink'];
      if (!next) return;
      if (n >= maxPages) {
        yield {
          ok: false,
          failure: { message: `Microsoft Graph kept paging ${what} past ${maxPages} pages` },
        };
        return;
      }
      if (!sameOrigin(next, this.options.baseUrl)) {
        yield {
          ok: false,
          failure: {
            message: `Microsoft Graph's next page of ${what} points to another host (${originOf(next)}); not followed, so the token was not sent there`,
          },
        };
        return;
      }
      const res = await this.send(auth.accessToken, next, `${what}, next page`);
      if (!res.ok) {
        yield res;
        return;
      }
      ({ body, contentType } = res);
    }
  }

  /** Every item of a collection, or the failure that stopped the listing. */
  async all(
    start: { url: string } | { firstPage: unknown },
    what: string,
    maxPages?: number,
  ): Promise<GraphPart<unknown[]>> {
    const items: unknown[] = [];
    for await (const page of this.pages(start, what, maxPages)) {
      if (!page.ok) return page;
      items.push(...page.items);
    }
    return { ok: true, value: items };
  }

  /** One GET (relative to the version segment): the body, or why there is none. */
  async get(url: string, what: string): Promise<GraphPart<unknown>> {
    const auth = await this.token();
    if (!auth.ok) return auth;
    const res = await this.send(auth.accessToken, this.versioned(url), what);
    return res.ok ? { ok: true, value: res.body } : res;
  }

  /**
   * One write: POST or PATCH with a JSON body (URL relative to the version segment). Retried only
   * on answers that prove Graph did not act (429, 503, no connection), so a POST is never made
   * twice. A refusal is a failure with Graph's status and code, never an exception.
   */
  async write(
    method: 'POST' | 'PATCH',
    url: string,
    body: unknown,
    what: string,
  ): Promise<
    { ok: true; status: number; body: unknown } | { ok: false; failure: GraphReadFailure }
  > {
    const auth = await this.token();
    if (!auth.ok) return auth;
    const res = await this.request({
      method,
      url: this.versioned(url),
      headers: {
        authorization: `Bearer ${auth.accessToken}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(body),
      endpointName: `Microsoft Graph (${what})`,
      retry: 'unprocessed',
    });
    if (!res.ok) return res;
    const { status, text, contentType } = res.response;
    const parsed = text ? parseJson(text) : undefined;
    if (status >= 200 && status < 300) return { ok: true, status, body: parsed };
    return { ok: false, failure: graphFailure(status, parsed, contentType) };
  }

  private versioned(url: string): string {
    return `${this.options.baseUrl}/v1.0${url}`;
  }

  /** A GET whose answer is 200 with its parsed body, or a failure; never throws HttpError. */
  private async send(
    accessToken: string,
    url: string,
    what: string,
  ): Promise<
    { ok: true; body: unknown; contentType: string } | { ok: false; failure: GraphReadFailure }
  > {
    const res = await this.request({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      endpointName: `Microsoft Graph (${what})`,
    });
    if (!res.ok) return res;
    const body = parseJson(res.response.text);
    if (res.response.status !== 200)
      return {
        ok: false,
        failure: graphFailure(res.response.status, body, res.response.contentType),
      };
    return { ok: true, body, contentType: res.response.contentType };
  }

  /** The one conversion of the HTTP layer's errors into Graph failures. */
  private async request(
    req: Parameters<HttpClient['request']>[0],
  ): Promise<{ ok: true; response: HttpResponse } | { ok: false; failure: GraphReadFailure }> {
    try {
      return { ok: true, response: await this.options.http.request(req) };
    } catch (error) {
      if (error instanceof HttpError) return { ok: false, failure: { message: error.message } };
      throw error;
    }
  }

  private async batchRound(
    accessToken: string,
    requests: readonly BatchRequest[],
  ): Promise<{ answered: Map<string, BatchAnswer>; throttled: Map<string, number> }> {
    const answered = new Map<string, BatchAnswer>();
    const throttled = new Map<string, number>();
    const failAll = (failure: GraphReadFailure) => {
      for (const r of requests) answered.set(r.id, { ok: false, failure });
      return { answered, throttled };
    };
    const res = await this.request({
      method: 'POST',
      url: `${this.options.baseUrl}/v1.0/$batch`,
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({
        requests: requests.map((r) => ({ id: r.id, method: 'GET', url: r.url })),
      }),
      endpointName: 'Microsoft Graph $batch',
    });
    if (!res.ok) return failAll(res.failure);
    const { response } = res;
    const body = parseJson(response.text);
    if (response.status !== 200)
      return failAll(graphFailure(response.status, body, response.contentType));
    const parsed = batchResponseSchema.safeParse(body);
    if (!parsed.success)
      return failAll({
        status: response.status,
        message: `Microsoft Graph answered the $batch with an unexpected shape (${response.contentType || 'no content type'})`,
      });
    const wanted = new Set(requests.map((r) => r.id));
    for (const item of parsed.data.responses) {
      if (!wanted.has(item.id)) continue;
      const headers = lowerKeys(item.headers ?? {});
      if (item.status === 429 || (item.status === 503 && headers['retry-after'])) {
        throttled.set(item.id, retryAfterMs(headers['retry-after']) ?? 1000);
        continue;
      }
      answered.set(
        item.id,
        item.status >= 200 && item.status < 300
          ? { ok: true, status: item.status, body: item.body }
          : { ok: false, failure: graphFailure(item.status, item.body) },
      );
    }
    for (const r of requests)
      if (!answered.has(r.id) && !throttled.has(r.id))
        answered.set(r.id, {
          ok: false,
          failure: { message: `Microsoft Graph's $batch answer left out the request '${r.id}'` },
        });
    return { answered, throttled };
  }
}

/**
 * A Graph error body turned into a failure, to branch on by `code` (never by `message`).
 * `contentType` is that of a whole HTTP answer; items of a $batch have none, and their status
 * alone is said. A $batch item may carry a 403 whose `code` is empty: its status is then all there
 * is. Graph's own message is kept, one line and short, to be quoted (server text, never trusted).
 */
export function graphFailure(
  status: number,
  body: unknown,
  contentType?: string,
): GraphReadFailure {
  const err = graphErrorSchema.safeParse(body);
  const what = err.success
    ? err.data.error.code
      ? ` ${err.data.error.code}`
      : ''
    : contentType === undefined
      ? ''
      : ` (${contentType || 'no content type'})`;
  const said = err.success ? oneLine(err.data.error.message ?? '') : '';
  return {
    status,
    code: err.success && err.data.error.code ? err.data.error.code : undefined,
    message: `Microsoft Graph answered HTTP ${status}${what}`,
    ...(said ? { graphMessage: said } : {}),
  };
}

/** Server text for a report line: one line, at most 200 characters. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

/** True when `url` is an absolute URL with the same scheme, host and port as `base`. */
function sameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}

/** The link's origin for a message; a link that is not a URL is named as such. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'not a URL';
  }
}

const lowerKeys = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
