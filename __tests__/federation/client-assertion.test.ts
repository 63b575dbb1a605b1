// The certificate's client assertion: PS256 (or RS256) over header and claims as Microsoft's
// certificate-credentials page specifies, verified here with the certificate's public key.
import { constants, createHash, verify, X509Certificate } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { loadClientCertificate } from '../../src/identity/certificate.js';
import {
  ASSERTION_LIFETIME_SECONDS,
  signClientAssertion,
} from '../../src/identity/client-assertion.js';
import { makeCertificate } from '../../sandbox/x509.js';

const made = makeCertificate();
const loaded = loadClientCertificate(made.pem, new Date());
if (!loaded.ok) throw new Error(loaded.problem);
const certificate = loaded.certificate;
const TOKEN_URL = 'https://login.microsoftonline.com/contoso.example/oauth2/v2.0/token';
const CLIENT = '3b8e6f0a-2c4d-4e9b-9a1f-6d7c5b4a3e21';

const part = (jwt: string, i: number) =>
  JSON.parse(Buffer.from(jwt.split('.')[i]!, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

describe('signClientAssertion', () => {
  const now = new Date('2026-11-30T08:00:00Z');
  const jwt = signClientAssertion({ certificate, clientId: CLIENT, tokenUrl: TOKEN_URL, now });

  it('has the header Entra looks the key up by', () => {
    expect(part(jwt, 0)).toEqual({
      alg: 'PS256',
      typ: 'JWT',
      'x5t#S256': createHash('sha256').update(made.der).digest('base64url'),
      x5t: createHash('sha1').update(made.der).digest('base64url'),
    });
  });

  it('has aud = the token endpoint, iss = sub = client id, a jti and at most 10 minutes of life', () => {
    const claims = part(jwt, 1);
    const at = Math.floor(now.getTime() / 1000);
    expect(claims).toMatchObject({ aud: TOKEN_URL, iss: CLIENT, sub: CLIENT, nbf: at, iat: at });
    expect(claims.exp).toBe(at + ASSERTION_LIFETIME_SECONDS);
    expect(ASSERTION_LIFETIME_SECONDS).toBeLessThanOrEqual(600);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    const again = signClientAssertion({ certificate, clientId: CLIENT, tokenUrl: TOKEN_URL, now });
    expect(part(again, 1).jti).not.toBe(claims.jti);
  });

  it('is signed RSASSA-PSS SHA-256 (salt 32) by the certificate key', () => {
    const [h, c, s] = jwt.split('.');
    const key = new X509Certificate(made.certPem).publicKey;
    const ok = (saltLength: number) =>
      verify(
        'sha256',
        Buffer.from(`${h}.${c}`),
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength },
        Buffer.from(s!, 'base64url'),
      );
    expect(ok(32)).toBe(true);
    // Not PKCS#1 v1.5: the same bytes do not verify as RS256.
    expect(verify('sha256', Buffer.from(`${h}.${c}`), key, Buffer.from(s!, 'base64url'))).toBe(
      false,
    );
  });

  it('signs RS256 when asked', () => {
    const rs = signClientAssertion({
      certificate,
      clientId: CLIENT,
      tokenUrl: TOKEN_URL,
      now,
      alg: 'RS256',
    });
    const [h, c, s] = rs.split('.');
    expect(part(rs, 0).alg).toBe('RS256');
    const key = new X509Certificate(made.certPem).publicKey;
    expect(verify('sha256', Buffer.from(`${h}.${c}`), key, Buffer.from(s!, 'base64url'))).toBe(
      true,
    );
  });
});
