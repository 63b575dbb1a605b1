// Shared state of one run: settings, adapters, the deadline, the redactor, the HTTP client, and a
// memo so that each piece of remote work is done once however many checks need it, and starts as
// soon as the first check asks for it. The clients built on it (tokens, Graph, mail) are added by
// the check plan (src/checks/context.ts): the engine does not know them.
import { Deadline } from '../http/deadline.js';
import type { HttpClient } from '../http/types.js';
import { createHttpClient } from '../http/client.js';
import type { Settings } from '../settings/types.js';
import { pemSecretParts } from '../settings/pem-mask.js';
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
  // Secretless sign-in: the PEM (whole and each key line) and the runner's OIDC request token.
  if (settings.clientCertificate)
    for (const part of pemSecretParts(settings.clientCertificate)) redactor.add(part);
  const source = settings.assertionSource;
  if (source?.kind === 'github') redactor.add(source.requestToken);
  if (source?.kind === 'value') redactor.add(source.value);
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
        transport: adapters.transport,
        policy: adapters.retryPolicy,
        onRetry: ({ endpointName, attempt, waitMs, reason, note }) =>
          adapters.log.info(
            `${endpointName}: ${reason}, retry ${attempt} in ${waitMs} ms${note ? ` (${note})` : ''}`,
          ),
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
