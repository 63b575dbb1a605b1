// A certificate's client assertion, as Microsoft specifies it
// (https://learn.microsoft.com/entra/identity-platform/certificate-credentials): a JWT signed with
// the certificate's key, header `alg` PS256 (RS256 is the legacy choice, still accepted),
// `x5t#S256` (and `x5t` for tenants that only know the SHA-1 thumbprint), claims `aud` = the v2.0
// token endpoint, `iss` = `sub` = the client id, `jti`, `nbf`, `iat`, `exp` at most 10 minutes on.
// One is signed for every token request; it is a secret like the client secret it replaces.
import { constants, randomUUID, sign } from 'node:crypto';
import type { ClientCertificate } from './certificate.js';

/** Ten minutes: the longest lifetime Microsoft's page suggests; Entra refuses stale ones (AADSTS700024). */
export const ASSERTION_LIFETIME_SECONDS = 600;

export interface AssertionInput {
  certificate: ClientCertificate;
  clientId: string;
  /** The exact token endpoint URL the assertion is sent to. */
  tokenUrl: string;
  now: Date;
  alg?: 'PS256' | 'RS256';
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export function signClientAssertion(input: AssertionInput): string {
  const alg = input.alg ?? 'PS256';
  const { thumbprints, privateKey } = input.certificate;
  const now = Math.floor(input.now.getTime() / 1000);
  const header = { alg, typ: 'JWT', 'x5t#S256': thumbprints.x5tS256, x5t: thumbprints.x5t };
  const claims = {
    aud: input.tokenUrl,
    iss: input.clientId,
    sub: input.clientId,
    jti: randomUUID(),
    nbf: now,
    iat: now,
    exp: now + ASSERTION_LIFETIME_SECONDS,
  };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = sign(
    'sha256',
    Buffer.from(signingInput),
    alg === 'PS256'
      ? // PS256 = RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (RFC 7518 3.5).
        { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
      : privateKey,
  );
  return `${signingInput}.${b64url(signature)}`;
}
