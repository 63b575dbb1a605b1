// Microsoft Graph as the administrator's delegated token sees it: single reads (following
// @odata.nextLink for collections) and the writes of the plan. Writes are retried only on answers
// that prove Graph did not act (429, 503, no connection), so a POST is never made twice.
import { HttpError } from '../http/errors.js';
import { safeJson } from '../http/safe-json.js';
import type { HttpClient } from '../http/types.js';

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

  /** A collection, every page; the first refusal is returned as is. */
  async list(
    path: string,
  ): Promise<{ ok: true; value: unknown[] } | { ok: false; reply: GraphReply }> {
    const value: unknown[] = [];
    let url: string | undefined = `${this.base}/v1.0${path}`;
    for (let pages = 0; url && pages < 100; pages++) {
      const reply = await this.sendUrl(url, { method: 'GET', path });
      if (reply.status !== 200) return { ok: false, reply };
      const page = reply.json as { value?: unknown; '@odata.nextLink'?: unknown } | undefined;
      if (!Array.isArray(page?.value)) return { ok: false, reply: { ...reply, status: 502 } };
      value.push(...(page.value as unknown[]));
      const next = page['@odata.nextLink'];
      // Follow only links back to the same Graph host (server text is not trusted with our token).
      url = typeof next === 'string' && next.startsWith(`${this.base}/`) ? next : undefined;
    }
    return { ok: true, value };
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
