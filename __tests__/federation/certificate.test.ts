// The `client-certificate` PEM: parsed and judged locally (it parses, the key belongs to the
// certificate, the certificate is valid now), thumbprints as the portal, Graph and JWT headers
// spell them, and the parts to mask.
import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { loadClientCertificate } from '../../src/identity/certificate.js';
import { pemSecretParts } from '../../src/settings/pem-mask.js';
import { makeCertificate } from '../../sandbox/x509.js';

const DAY = 86_400_000;
const now = new Date();

describe('loadClientCertificate', () => {
  it.each(['pkcs8', 'pkcs1'] as const)('accepts a certificate with its %s key', (keyFormat) => {
    const made = makeCertificate({ keyFormat, cn: 'preflight-ci' });
    expect(made.keyPem).toContain(
      keyFormat === 'pkcs8' ? 'BEGIN PRIVATE KEY' : 'BEGIN RSA PRIVATE KEY',
    );
    const result = loadClientCertificate(made.pem, now);
    if (!result.ok) throw new Error(result.problem);
    const sha1 = createHash('sha1').update(made.der).digest();
    expect(result.certificate.thumbprints).toEqual({
      sha1Hex: sha1.toString('hex').toUpperCase(),
      customKeyIdentifier: sha1.toString('base64'),
      x5t: sha1.toString('base64url'),
      x5tS256: createHash('sha256').update(made.der).digest('base64url'),
    });
    // The portal's thumbprint is Node's fingerprint without colons.
    expect(result.certificate.thumbprints.sha1Hex).toBe(
      new X509Certificate(made.certPem).fingerprint.replace(/:/g, ''),
    );
    expect(result.certificate.subject).toBe('CN=preflight-ci');
    expect(result.certificate.notAfter.getTime()).toBe(
      Math.floor(made.notAfter.getTime() / 1000) * 1000,
    );
  });

  it('accepts the key before the certificate, CRLF line ends, and a chain certificate alongside', () => {
    const leaf = makeCertificate();
    const other = makeCertificate({ cn: 'issuing-ca' });
    const text = `${leaf.keyPem}${other.certPem}${leaf.certPem}`.replace(/\n/g, '\r\n');
    const result = loadClientCertificate(text, now);
    expect(result.ok && result.certificate.subject).toBe('CN=mail-preflight-sandbox');
  });

  it.each([
    ['garbage', 'not a certificate at all', /is not PEM text/],
    ['a certificate without its key', () => makeCertificate().certPem, /holds no private key/],
    ['a key without a certificate', () => makeCertificate().keyPem, /holds no CERTIFICATE block/],
    [
      'a damaged certificate',
      () => {
        const c = makeCertificate();
        return c.pem.replace(/MII[A-Za-z0-9+/]{20}/, 'MIIAAAAAAAAAAAAAAAAAAAAA');
      },
      /does not parse/,
    ],
    [
      'an encrypted key',
      '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n',
      /encrypted private key/,
    ],
  ])('refuses %s', (_name, input, problem) => {
    const text = typeof input === 'function' ? input() : input;
    const result = loadClientCertificate(text, now);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toMatch(problem);
      expect(result.fix.length).toBeGreaterThan(20);
    }
  });

  it('refuses the key of another certificate, naming the certificate by thumbprint', () => {
    const mine = makeCertificate();
    const theirs = makeCertificate();
    const result = loadClientCertificate(`${mine.certPem}${theirs.keyPem}`, now);
    const thumbprint = createHash('sha1').update(mine.der).digest('hex').toUpperCase();
    expect(result).toMatchObject({
      ok: false,
      problem: `has a private key that does not belong to its certificate (thumbprint ${thumbprint})`,
    });
  });

  it('refuses an expired certificate and one not yet valid, with the date and thumbprint', () => {
    const expired = makeCertificate({
      notBefore: new Date(Date.parse('2025-01-01T00:00:00Z')),
      notAfter: new Date(Date.parse('2026-01-01T00:00:00Z')),
    });
    const result = loadClientCertificate(expired.pem, now);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problem).toMatch(
        /^is a certificate that expired on 2026-01-01T00:00:00Z \(thumbprint [0-9A-F]{40}\)$/,
      );
    const future = makeCertificate({ notBefore: new Date(now.getTime() + 2 * DAY) });
    const later = loadClientCertificate(future.pem, now);
    expect(later.ok).toBe(false);
    if (!later.ok) expect(later.problem).toMatch(/not valid before/);
  });

  it('refuses an EC key: Entra certificate assertions are RSA', () => {
    const text = `-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----\n`;
    const result = loadClientCertificate(text, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(/need an RSA key/);
  });

  it('never puts key material in a problem text', () => {
    const mine = makeCertificate();
    const theirs = makeCertificate();
    const result = loadClientCertificate(`${mine.certPem}${theirs.keyPem}`, now);
    const keyLines = theirs.keyPem.split('\n').filter((l) => l && !l.startsWith('-----'));
    const text = JSON.stringify(result);
    expect(keyLines.filter((line) => text.includes(line))).toEqual([]);
  });
});

describe('pemSecretParts', () => {
  it('masks the whole text, the key block and every line of the key, not the certificate', () => {
    const made = makeCertificate();
    const parts = pemSecretParts(made.pem);
    expect(parts).toContain(made.pem);
    expect(parts).toContain(made.keyPem.trimEnd());
    const keyLines = made.keyPem.split('\n').filter((l) => l && !l.startsWith('-----'));
    expect(keyLines.length).toBeGreaterThan(20);
    for (const line of keyLines) expect(parts).toContain(line);
    const certLine = made.certPem.split('\n')[1]!;
    expect(parts).not.toContain(certLine);
    expect(parts).not.toContain('-----BEGIN PRIVATE KEY-----');
  });
});
