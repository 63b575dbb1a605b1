// RS256 JWT signing for the sandbox tenant, with node:crypto only (no extra dependency).
// Tokens are shaped like Entra's v1.0 access tokens for Exchange Online (aud, iss, tid, appid,
// azp, upn, scp or roles, exp); the header carries typ "JWT", which Dovecot's local validator needs.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** SPKI PEM text, as Dovecot's key dict expects it. */
  publicKeyPem: string;
}

export function generateSigningKey(kid = 'sandbox-kid-1'): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid,
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export type Claims = Record<string, unknown>;

export function signJwt(claims: Claims, key: SigningKey): string {
  const header = { typ: 'JWT', alg: 'RS256', kid: key.kid };
  const body = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(body), key.privateKey);
  return `${body}.${b64url(signature)}`;
}
