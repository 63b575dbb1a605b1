// Entra-v1-shaped Exchange Online access tokens for the mailbox tests, signed with the sandbox
// key so the real Dovecot peer validates them.
import { signJwt, type Claims, type SigningKey } from '../../sandbox/jwt.js';
import type { TokenClaims } from '../../src/mailbox/diagnose.js';

export const TENANT_ID = '11111111-2222-3333-4444-555555555555';
export const ISSUER = `https://sts.windows.net/${TENANT_ID}/`;
export const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const SP_OBJECT_ID = '99999999-8888-7777-6666-555555555555';
export const MAILBOX = 'alice@contoso.example';
export const OUTLOOK_AUDIENCES = ['https://outlook.office.com', 'https://outlook.office365.com'];

/** A delegated (ROPC-style) token for MAILBOX; `null` in overrides removes a claim. */
export function delegatedToken(key: SigningKey, overrides: Record<string, unknown> = {}): string {
  // Dovecot allows no clock leeway on nbf/iat, so start a little in the past.
  const now = Math.floor(Date.now() / 1000) - 5;
  const claims: Claims = {
    aud: 'https://outlook.office.com',
    iss: ISSUER,
    iat: now,
    nbf: now,
    exp: now + 3600,
    appid: CLIENT_ID,
    tid: TENANT_ID,
    oid: '12345678-1234-1234-1234-123456789012',
    sub: 'test-subject-1',
    upn: MAILBOX,
    unique_name: MAILBOX,
    scp: 'IMAP.AccessAsUser.All POP.AccessAsUser.All SMTP.Send',
    ver: '1.0',
  };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) delete claims[name];
    else claims[name] = value;
  }
  return signJwt(claims, key);
}

/** The payload, decoded without verification, as the engine hands it to the diagnosis. */
export function decodeClaims(token: string): TokenClaims {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as TokenClaims;
}

/** Every encoding of a secret that must never appear in a report. */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [secret, bytes.toString('base64'), bytes.toString('base64url')].map((f) =>
    f.replace(/=+$/, ''),
  );
}
