// The forward proxy a request goes through, from the environment as self-hosted runners set it:
// https_proxy / HTTPS_PROXY for https targets (falling back to the http one), http_proxy /
// HTTP_PROXY for http targets (loopback overrides only), lower case winning, and NO_PROXY
// ("*", host names that also cover their subdomains, optional ":port", leading "." or "*."
// ignored). These are the rules undici's EnvHttpProxyAgent applies, which this action used before
// (https://github.com/nodejs/undici/blob/main/docs/docs/api/EnvHttpProxyAgent.md).
//
// https targets are reached through a CONNECT tunnel (TunnelAgent below), so the proxy sees only
// host and port; plain http goes to the proxy as an absolute-form request, which proxies that
// refuse CONNECT to port 80 still accept.
import * as http from 'node:http';
import type * as https from 'node:https';
import type { Duplex } from 'node:stream';
import type * as tls from 'node:tls';

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** The proxy for `target`, or undefined to connect directly. */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv = process.env): URL | undefined {
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY;
  const value =
    target.protocol === 'https:' ? (env.https_proxy ?? env.HTTPS_PROXY ?? httpProxy) : httpProxy;
  if (!value) return undefined;
  const host = target.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number.parseInt(target.port, 10) || DEFAULT_PORTS[target.protocol] || 0;
  if (bypassed(env.no_proxy ?? env.NO_PROXY ?? '', host, port)) return undefined;
  return parseProxyUrl(value);
}

function bypassed(noProxy: string, host: string, port: number): boolean {
  if (noProxy.trim() === '*') return true;
  for (const entry of noProxy.split(/[,\s]/)) {
    if (!entry) continue;
    const withPort = /^(.+):(\d+)$/.exec(entry);
    const name = (withPort ? withPort[1]! : entry).replace(/^\*?\./, '').toLowerCase();
    if (withPort && Number(withPort[2]) !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** `proxy.example:3128` is read as `http://proxy.example:3128`, as curl does. */
function parseProxyUrl(value: string): URL {
  const text = value.trim();
  try {
    return new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    // The value is not echoed: a proxy URL may carry a password.
    throw new ProxyConfigError('the proxy named in HTTPS_PROXY / HTTP_PROXY is not a URL');
  }
}

export class ProxyConfigError extends Error {
  readonly code = 'EPROXYCONFIG';
}

/** Proxy-Authorization for credentials in the proxy URL (http://user:pass@host:port). */
function proxyHeaders(proxy: URL): Record<string, string> {
  if (!proxy.username && !proxy.password) return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}

/** Where a proxied plain-http request goes: the proxy, with the target's URL as the path. */
export function absoluteFormOptions(proxy: URL, target: URL): http.RequestOptions {
  return {
    host: proxy.hostname.replace(/^\[|\]$/g, ''),
    port: Number(proxy.port) || DEFAULT_PORTS[proxy.protocol],
    path: target.href,
    headers: { host: target.host, ...proxyHeaders(proxy) },
  };
}

type TunnelOptions = tls.ConnectionOptions & {
  host: string;
  port: number;
  /** The request's abort signal (node:http keeps `signal` itself from the agent). */
  tunnelSignal?: AbortSignal;
};
type Created = (error: Error | null, socket?: Duplex) => void;

/**
 * An https agent whose connections are CONNECT tunnels through `proxy`: one CONNECT per new
 * connection, then TLS to the target inside it (SNI and certificate checks as for a direct
 * connection). Kept-alive tunnels are reused like any pooled connection.
 */
export function createTunnelAgent(httpsModule: typeof https, proxy: URL, ca?: string): https.Agent {
  const connectVia = proxy.protocol === 'https:' ? httpsModule.request : http.request;
  class TunnelAgent extends httpsModule.Agent {
    override createConnection(options: TunnelOptions, created: Created): undefined {
      const authority = `${options.host.includes(':') ? `[${options.host}]` : options.host}:${options.port}`;
      const connect = connectVia({
        host: proxy.hostname.replace(/^\[|\]$/g, ''),
        port: Number(proxy.port) || DEFAULT_PORTS[proxy.protocol],
        method: 'CONNECT',
        path: authority,
        headers: { host: authority, ...proxyHeaders(proxy) },
        agent: false,
      });
      let done = false;
      const signal = options.tunnelSignal;
      // A proxy that never answers the CONNECT must not outlive the request's timeout.
      const onAbort = () =>
        connect.destroy(new Error('aborted while connecting through the proxy'));
      signal?.addEventListener('abort', onAbort, { once: true });
      const finish = (error: Error | null, socket?: Duplex) => {
        signal?.removeEventListener('abort', onAbort);
        if (done) return;
        done = true;
        created(error, socket);
      };
      connect.once('connect', (res: http.IncomingMessage, socket: Duplex) => {
        if (res.statusCode !== 200) {
          socket.destroy();
          finish(
            Object.assign(
              new Error(`the proxy refused the tunnel to ${authority} (HTTP ${res.statusCode})`),
              { code: 'EPROXYREFUSED' },
            ),
          );
          return;
        }
        // https.Agent's own createConnection: TLS over the tunnel, with its session cache.
        const base = httpsModule.Agent.prototype as unknown as {
          createConnection(o: tls.ConnectionOptions): tls.TLSSocket;
        };
        const { tunnelSignal: _signal, ...tlsOptions } = options;
        finish(null, base.createConnection.call(this, { ...tlsOptions, socket }));
      });
      connect.once('error', (error) => finish(error));
      connect.end();
      return undefined;
    }
  }
  return new TunnelAgent({ keepAlive: true, ...(ca ? { ca } : {}) });
}
