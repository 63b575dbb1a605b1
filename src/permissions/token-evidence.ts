// What the issued tokens show (decoded, NOT verified: a diagnostic, per Microsoft's advice not to
// depend on token formats): the mail token's delegated scopes (`scp`, else the response's `scope`)
// or app roles, whether a refresh token came with it, and the Graph token's app roles.
import type { TokenOutcome } from '../identity/token-request.js';
import {
  appRoles,
  decodeClaims,
  delegatedScopes,
  type TokenClaims,
} from '../identity/jwt-claims.js';
import { RESOURCE_APP_IDS, type ResourceKey, type Settings } from '../settings/types.js';
import type { Requirement } from './catalogue.js';
import { isExchangeAudience } from '../identity/exchange-audiences.js';

export type InToken = 'yes' | 'no' | 'n/a' | 'no token';

export interface TokenEvidence {
  mail?: {
    claims?: TokenClaims;
    /** Resource the mail token is for, from `aud` (undefined when opaque or unknown). */
    audience?: ResourceKey;
    scopes: Set<string>;
    roles: Set<string>;
    refresh: boolean;
  };
  /** Why there is no mail token. */
  mailFailure?: string;
  graph?: { roles: Set<string>; readable: boolean };
  graphFailure?: string;
}

const lowerSet = (items: string[]) => new Set(items.map((i) => i.toLowerCase()));
const lastSegment = (scope: string) => scope.slice(scope.lastIndexOf('/') + 1);

/** The resource of `aud`: Exchange when it is one of `exchangeAudiences` (identity/exchange-audiences.ts). */
function audienceOf(
  claims: TokenClaims | undefined,
  exchangeAudiences: readonly string[],
): ResourceKey | undefined {
  const aud = Array.isArray(claims?.aud) ? claims.aud[0] : claims?.aud;
  if (!aud) return undefined;
  const host = /^https?:\/\/([^/]+)/i.exec(aud)?.[1]?.toLowerCase();
  if (aud.toLowerCase() === RESOURCE_APP_IDS.graph || host?.includes('graph.')) return 'graph';
  if (isExchangeAudience(aud, exchangeAudiences)) return 'exchange';
  return undefined;
}

export function tokenEvidence(
  mail: TokenOutcome,
  graph: TokenOutcome | undefined,
  exchangeAudiences: readonly string[],
): TokenEvidence {
  const evidence: TokenEvidence = {};
  if (mail.ok) {
    const claims = decodeClaims(mail.token.accessToken);
    const scp = claims ? delegatedScopes(claims) : mail.token.scopes.map(lastSegment);
    evidence.mail = {
      claims,
      audience: audienceOf(claims, exchangeAudiences),
      scopes: lowerSet(scp),
      roles: lowerSet(appRoles(claims)),
      refresh: !!mail.token.refreshToken,
    };
  } else evidence.mailFailure = mail.failure.summary;
  if (graph?.ok) {
    const claims = decodeClaims(graph.token.accessToken);
    evidence.graph = { roles: lowerSet(appRoles(claims)), readable: !!claims };
  } else if (graph) evidence.graphFailure = graph.failure.summary;
  return evidence;
}

/** Whether the token that should carry this permission does. */
export function inToken(
  req: Requirement,
  evidence: TokenEvidence,
  grant: Settings['grant'],
): InToken {
  const name = req.name.toLowerCase();
  if (req.type === 'delegated') {
    if (grant !== 'password') return 'n/a';
    if (!evidence.mail) return 'no token';
    if (name === 'offline_access') return evidence.mail.refresh ? 'yes' : 'no';
    // A delegated permission of another resource than the token's is not expected in it.
    if (!req.eitherResource && evidence.mail.audience !== req.resource) return 'n/a';
    return evidence.mail.scopes.has(name) ? 'yes' : 'no';
  }
  if (req.resource === 'graph') {
    if (!evidence.graph) return evidence.graphFailure ? 'no token' : 'n/a';
    if (!evidence.graph.readable) return 'n/a';
    return evidence.graph.roles.has(name) ? 'yes' : 'no';
  }
  if (grant !== 'client-credentials') return 'n/a';
  if (!evidence.mail) return 'no token';
  if (evidence.mail.audience !== 'exchange') return 'n/a';
  return evidence.mail.roles.has(name) ? 'yes' : 'no';
}
