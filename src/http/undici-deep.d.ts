// Types for the few undici modules imported by path (undici-parts.ts). undici has no "exports"
// map, so these paths are public files; their shapes are the package's documented ones.
declare module 'undici/lib/api/index.js' {
  import type { Dispatcher } from 'undici';
  /** The methods index.js copies onto Dispatcher.prototype; called with a dispatcher as `this`. */
  const api: {
    request: (
      this: Dispatcher,
      options: Dispatcher.RequestOptions,
    ) => Promise<Dispatcher.ResponseData>;
    stream: unknown;
    pipeline: unknown;
    upgrade: unknown;
    connect: unknown;
  };
  export default api;
}
declare module 'undici/lib/dispatcher/dispatcher.js' {
  import type { Dispatcher } from 'undici';
  const DispatcherClass: typeof Dispatcher;
  export default DispatcherClass;
}
declare module 'undici/lib/dispatcher/env-http-proxy-agent.js' {
  import type { EnvHttpProxyAgent } from 'undici';
  const EnvHttpProxyAgentClass: typeof EnvHttpProxyAgent;
  export default EnvHttpProxyAgentClass;
}
declare module 'undici/lib/global.js' {
  import type { Dispatcher } from 'undici';
  export function getGlobalDispatcher(): Dispatcher;
}
