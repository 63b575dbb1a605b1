// The undici dispatcher every request of a run goes through: proxy-aware from the environment
// (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, lower case winning, as self-hosted runners set them).
// proxyTunnel: false makes plain-http targets (loopback overrides only) go to the proxy as
// absolute-form requests instead of CONNECT, which some corporate proxies refuse for port 80;
// https targets are always tunnelled.
import type { Dispatcher } from 'undici';
import { EnvHttpProxyAgent } from './undici-parts.js';

export function proxyAwareDispatcher(): Dispatcher {
  return new EnvHttpProxyAgent({ proxyTunnel: false });
}
