// Microsoft Graph as the administrator's delegated token sees it: single reads (following
// @odata.nextLink for collections) and the writes of the plan. Writes are retried only on answers
// that prove Graph did not act (429, 503, no connection), so a POST is never made twice.
import { HttpError } from '../http/errors.js';
import { safeJson } from '../http/safe-json.js';
import type { HttpClient } from '../http/types.js';
import { sameOrigin } from '../graph/answers.js';

export interface GraphCall {
  method: 'GET' | 'POST' | 'PATCH';
  /** Path after /v1.0, e.g. /servicePrincipals */
  path: string;
  body?: unknown;
}

export interface GraphReply {
  status: number;
  /** Parsed JSON body, undefined when empty or not JSON. */
  json: unknown;
  /** Graph's error code and message when it refused. */
  error?: { code: string; message: string };
}

/** Longest Graph error message kept: server text is shown, so it is bounded. */
const MAX_MESSAGE = 300;

export class AdminGraph {
  constructor(
    private readonly http: HttpClient,
    /** Scheme and host, e.g. https://graph.microsoft.com */
    private readonly base: string,
    private readonly token: string,
  ) {}

  async send(call: GraphCall): Promise<GraphReply> {
    return this.sendUrl(`${this.base}/v1.0${call.path}`, call);
  }

  /**
   * A collection, every page (the whole @odata.nextLink followed, never rebuilt). The first
   * refusal is returned as is; a next page on another host, or past 100 pages, is a failure, not
   * a shorter list: a list cut short would make granted permissions look missing.
   */
  async list(
    path: string,
  ): Promise<{ ok: true; value: unknown[] } | { ok: false; reply: GraphReply }> {
    const value: unknown[] = [];
    let url = `${this.base}/v1.0${path}`;
    for (let pages = 1; ; pages++) {
      const reply = await this.sendUrl(url, { method: 'GET', path });
      if (reply.status !== 200) return { ok: false, reply };
      const page = reply.json as { value?: unknown; '@odata.nextLink'?: unknown } | undefined;
      if (!Array.isArray(page?.value))
        return { ok: false, reply: failed(`${path} answered without a value list`) };
      value.push(...(page.value as unknown[]));
      const next = page['@odata.nextLink'];
      if (typeof next !== 'string' || !next) return { ok: true, value };
      // The administrator's token goes to the configured Graph host only.
      if (!sameOrigin(next, this.base))
        return {
          ok: false,
          reply: failed(`the next page of ${path} points to another host; not followed`),
        };
      if (pages >= 100) return { ok: false, reply: failed(`${path} kept paging past 100 pages`) };
      url = next;
    }
  }

  private async sendUrl(url: string, call: GraphCall): Promise<GraphReply> {
    try {
      const res = await this.http.request({
        method: call.method,
        url,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/json',
          ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
        endpointName: `Microsoft Graph ${call.method} ${call.path.split('?')[0]}`,
        retry: call.method === 'GET' ? 'all' : 'unprocessed',
      });
      const json = res.text ? safeJson(res.text) : undefined;
      const err = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      return {
        status: res.status,
        json,
        ...(res.status >= 400
          ? {
              error: {
                code: typeof err?.code === 'string' ? err.code : '',
                message:
                  typeof err?.message === 'string'
                    ? err.message.slice(0, MAX_MESSAGE)
                    : `HTTP ${res.status}`,
              },
            }
          : {}),
      };
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return { status: 0, json: undefined, error: { code: error.kind, message: error.message } };
    }
  }
}

const failed = (message: string): GraphReply => ({
  status: 502,
  json: undefined,
  error: { code: '', message },
});
