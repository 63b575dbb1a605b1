// Reads an access token's payload WITHOUT verifying it, for diagnostics only: Microsoft says not
// to depend on the format of tokens for APIs you don't own, so every caller must cope with
// `undefined` (an opaque or encrypted token).

export interface TokenClaims {
  aud?: string | string[];
  iss?: string;
  tid?: string;
  appid?: string;
  azp?: string;
  upn?: string;
  unique_name?: string;
  preferred_username?: string;
  scp?: string;
  roles?: string[];
  exp?: number;
  oid?: string;
  idtyp?: string;
}

export function decodeClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? payload : undefined;
  } catch {
    return undefined;
  }
}

/** Space-separated `scp` as a list, with any resource prefix removed. */
export const delegatedScopes = (claims: TokenClaims | undefined): string[] =>
  (claims?.scp ?? '').split(/\s+/).filter(Boolean);

export const appRoles = (claims: TokenClaims | undefined): string[] =>
  Array.isArray(claims?.roles)
    ? claims.roles.filter((r): r is string => typeof r === 'string')
    : [];
