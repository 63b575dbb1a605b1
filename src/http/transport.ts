// One HTTP exchange on node:http / node:https: the request sent, the whole answer read (at most
// `maxBytes` of body, through capped-body.ts like every other answer we read), through the environment's proxy when one applies (proxy.ts). Connections
// are kept alive per transport, so a run's token and Graph requests share them. node:https is
// loaded only when an https URL is asked for.
//
// This is all the HTTP the action needs, so it does not load undici: undici's parser alone (a
// WebAssembly module compiled at start on Node 20) cost more than the rest of a token-only run.
import * as http from 'node:http';
import type * as https from 'node:https';
import { readCappedText } from './capped-body.js';
import { absoluteFormOptions, createTunnelAgent, proxyFor } from './proxy.js';

export interface Outgoing {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Incoming {
  status: number;
  /** Lower-case names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  text: string;
}

export interface Transport {
  send(req: Outgoing, options: { signal: AbortSignal; maxBytes: number }): Promise<Incoming>;
}

export interface TransportOptions {
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Extra trust anchors for https targets (tests); Node's own CA list is used otherwise. */
  ca?: string;
}

export function createTransport(options: TransportOptions = {}): Transport {
  const { env = process.env, ca } = options;
  let httpsModule: Promise<typeof https> | undefined;
  const agents = new Map<string, http.Agent>();
  const agent = (key: string, make: () => http.Agent): http.Agent => {
    let found = agents.get(key);
    if (!found) agents.set(key, (found = make()));
    return found;
  };

  return {
    async send(req, { signal, maxBytes }) {
      const url = new URL(req.url);
      const proxy = proxyFor(url, env);
      const secure = url.protocol === 'https:';
      const mod = secure ? await (httpsModule ??= import('node:https')) : http;
      const headers: Record<string, string> = { ...req.headers };
      if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
      let options: http.RequestOptions & { tunnelSignal?: AbortSignal };
      if (!proxy)
        options = {
          agent: agent(
            url.protocol,
            () => new mod.Agent({ keepAlive: true, ...(ca ? { ca } : {}) }),
          ),
        };
      else if (secure)
        options = {
          agent: agent(`tunnel ${proxy.href}`, () =>
            createTunnelAgent(mod as typeof https, proxy, ca),
          ),
          tunnelSignal: signal,
        };
      else {
        const target = absoluteFormOptions(proxy, url);
        options = {
          ...target,
          headers: { ...target.headers, ...headers },
          agent: agent(`proxy ${proxy.href}`, () => new http.Agent({ keepAlive: true })),
        };
      }
      return exchange(
        (callback) =>
          proxy && !secure
            ? http.request({ ...options, method: req.method, signal }, callback)
            : mod.request(url, { ...options, method: req.method, headers, signal }, callback),
        req.body,
        signal,
        maxBytes,
      );
    },
  };
}

function exchange(
  open: (callback: (res: http.IncomingMessage) => void) => http.ClientRequest,
  body: string | undefined,
  signal: AbortSignal,
  maxBytes: number,
): Promise<Incoming> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | undefined, value?: Incoming) => {
      if (settled) return;
      settled = true;
      if (error) {
        request.destroy();
        reject(error);
      } else resolve(value!);
    };
    const request = open((res) => {
      // readCappedText refuses a Content-Length past the cap before a byte of the body is read,
      // and destroys the response once more than maxBytes arrived (BodyTooLarge).
      readCappedText(res, maxBytes, res.headers['content-length']).then(
        (text) => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers))
            if (value !== undefined)
              headers[name] = Array.isArray(value) ? value.join(', ') : value;
          settle(undefined, { status: res.statusCode ?? 0, headers, text });
        },
        // Node ends an answer whose connection closed early with the error 'aborted'.
        (error: Error) =>
          settle(
            error.message === 'aborted'
              ? Object.assign(new Error('the answer was cut off'), { code: 'ECONNRESET' })
              : error,
          ),
      );
    });
    request.on('error', (error) => settle(error));
    if (signal.aborted)
      settle(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    request.end(body);
  });
}
