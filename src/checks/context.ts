// What every check works with: the engine's run context plus the clients that own their
// protocols (the run's tokens, Microsoft Graph), built once per run and shared, and the reads
// several checks need (the registration), memoised so each is done once.
import type { RunContext } from '../engine/context.js';
import type { Adapters } from '../engine/types.js';
import { createBaseContext } from '../engine/context.js';
import { GraphClient, type GraphAuth } from '../graph/client.js';
import { readRegistration, type RegistrationRead } from '../graph/registration.js';
import { TokenProvider } from '../identity/token-provider.js';
import type { Settings } from '../settings/types.js';

export interface CheckContext extends RunContext {
  tokens: TokenProvider;
  graph: GraphClient;
}

/** The check plan's context: the clients, on the engine's HTTP client, deadline and log. */
export function withClients(base: RunContext): CheckContext {
  const tokens = new TokenProvider({
    settings: base.settings,
    http: base.http,
    registerSecret: base.adapters.registerSecret,
    now: base.adapters.now,
  });
  const graph = new GraphClient({
    baseUrl: base.settings.endpoints.graph,
    http: base.http,
    deadline: base.deadline,
    log: base.adapters.log,
    token: async (): Promise<GraphAuth> => {
      const token = await tokens.graph();
      if (!token)
        return {
          ok: false,
          failure: {
            message: 'no client secret was given, so Microsoft Graph could not be read',
          },
        };
      if (!token.ok)
        return {
          ok: false,
          failure: {
            message: `no Graph token: ${token.failure.summary}`,
            code: token.failure.code,
          },
        };
      return { ok: true, accessToken: token.token.accessToken };
    },
  });
  return { ...base, tokens, graph };
}

/** A check context outside a run (tests of one client or read); dispose its deadline after. */
export const createRunContext = (settings: Settings, adapters: Adapters): CheckContext =>
  withClients(createBaseContext(settings, adapters));

/** The registration as Graph shows it, read once per run whichever check asks first. */
export const registration = (ctx: CheckContext): Promise<RegistrationRead> =>
  ctx.once('registration', () => readRegistration(ctx.graph, ctx.settings.clientId));
