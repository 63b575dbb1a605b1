// The run's tokens, and the one place that knows how the app proves who it is. Each token is
// requested at most once per grant, resource and credential, and starts on first demand: the mail
// token (ROPC or app-only, per `grant`) and an app-only Microsoft Graph token for the
// registration reads. Checks get it injected (src/checks/context.ts) and never build a request.
import type { IssuedToken, SecretRegistry } from '../engine/types.js';
import type { HttpClient } from '../http/types.js';
import { CLOUD_ENDPOINTS } from '../settings/clouds.js';
import type { Grant, Settings } from '../settings/types.js';
import { appCredentialOf, type AppCredential } from './app-credential.js';
import { requestToken, type TokenOutcome } from './token-request.js';

export interface TokenProviderDeps {
  settings: Settings;
  http: HttpClient;
  registerSecret: SecretRegistry;
  now: () => Date;
}

export class TokenProvider {
  private readonly memo = new Map<string, Promise<TokenOutcome>>();
  private readonly credential: AppCredential | undefined;

  constructor(private readonly deps: TokenProviderDeps) {
    this.credential = appCredentialOf(deps.settings);
  }

  /** The mail token the connector would use (the `access-token` output). */
  mail(): Promise<TokenOutcome> {
    const { grant, scopes } = this.deps.settings;
    return this.token(grant, scopes, 'mail token');
  }

  /** App-only token for Microsoft Graph. Undefined when the app has no credential to get one. */
  async graph(): Promise<TokenOutcome | undefined> {
    if (!this.credential) return undefined;
    // The token's audience is the cloud's Graph resource, whatever URL `endpoints` sends
    // requests to (a proxy or the loopback sandbox is not a resource Entra knows).
    const resource = CLOUD_ENDPOINTS[this.deps.settings.cloud].graph;
    return this.token('client-credentials', [`${resource}/.default`], 'Graph token');
  }

  /** The access token the mail token carries, when there is one. */
  async issued(): Promise<IssuedToken | undefined> {
    const mail = await this.mail();
    return mail.ok ? mail.token : undefined;
  }

  private token(grant: Grant, scopes: string[], purpose: string): Promise<TokenOutcome> {
    const key = `${grant} ${this.credential?.kind ?? 'none'} ${scopes.join(' ')}`;
    let promise = this.memo.get(key);
    if (!promise) {
      promise = requestToken({ ...this.deps, credential: this.credential, grant, scopes, purpose });
      this.memo.set(key, promise);
    }
    return promise;
  }
}
