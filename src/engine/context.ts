// Shared state of one run: settings, adapters, the deadline, the redactor, the HTTP client, and a
// memo so that each piece of remote work is done once however many checks need it, and starts as
// soon as the first check asks for it. The clients built on it (tokens, Graph, mail) are added by
// the check plan (src/checks/context.ts): the engine does not know them.
import { Deadline } from '../http/deadline.js';
import type { HttpClient } from '../http/types.js';
import { createHttpClient } from '../http/undici-client.js';
import type { Settings } from '../settings/types.js';
import { Redactor } from './redactor.js';
import type { Adapters } from './types.js';

export interface RunContext {
  settings: Settings;
  adapters: Adapters;
  http: HttpClient;
  deadline: Deadline;
  redactor: Redactor;
  /** Runs `work` once per key and shares its promise. */
  once<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export function createBaseContext(settings: Settings, adapters: Adapters): RunContext {
  const deadline = new Deadline(settings.timeoutMs);
  const redactor = new Redactor();
  for (const value of [settings.clientSecret, settings.password, settings.githubToken])
    redactor.add(value);
  const registerSecret = (value: string) => {
    redactor.add(value);
    adapters.registerSecret(value);
  };
  const memo = new Map<string, Promise<unknown>>();
  return {
    settings,
    adapters: { ...adapters, registerSecret },
    deadline,
    redactor,
    http:
      adapters.http ??
      createHttpClient({
        deadline,
        dispatcher: adapters.dispatcher,
        policy: adapters.retryPolicy,
        onRetry: ({ endpointName, attempt, waitMs, reason }) =>
          adapters.log.info(`${endpointName}: ${reason}, retry ${attempt} in ${waitMs} ms`),
      }),
    once<T>(key: string, work: () => Promise<T>): Promise<T> {
      let promise = memo.get(key) as Promise<T> | undefined;
      if (!promise) {
        promise = work();
        memo.set(key, promise);
      }
      return promise;
    },
  };
}
