// The parts of undici this action uses, imported by path. undici's index.js loads everything it
// has (fetch, WebSocket, caches, mocks, ...), which cost about a third of a token-only run's
// start-up (measured with --cpu-prof; see docs/development.md); these files are all that a
// request through a proxy-aware agent needs.
import type { Dispatcher } from 'undici';
import api from 'undici/lib/api/index.js';
import DispatcherBase from 'undici/lib/dispatcher/dispatcher.js';
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js';
import { getGlobalDispatcher } from 'undici/lib/global.js';

// What undici's index.js does first: give every dispatcher request(), connect() (the proxy
// tunnel's CONNECT uses it), stream(), pipeline() and upgrade().
Object.assign(DispatcherBase.prototype, api);

export { EnvHttpProxyAgent };

export type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path'>;

/** undici's request(url, options), without loading undici's index. */
export function request(
  url: string,
  options: RequestOptions & { dispatcher?: Dispatcher },
): Promise<Dispatcher.ResponseData> {
  const { dispatcher = getGlobalDispatcher(), ...rest } = options;
  const parsed = new URL(url);
  return api.request.call(dispatcher, {
    ...rest,
    origin: parsed.origin,
    path: `${parsed.pathname}${parsed.search}`,
  });
}

/**
 * The environment's proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) for the GitHub API calls, the one
 * place undici is used (src/github/rest.ts); our own requests go through transport.ts.
 */
export function proxyAwareDispatcher(): Dispatcher {
  return new EnvHttpProxyAgent({ proxyTunnel: false });
}
