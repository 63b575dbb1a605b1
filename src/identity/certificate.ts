// The `client-certificate` input: PEM text with an X.509 certificate and its unencrypted private
// key (PKCS#8 "PRIVATE KEY" or PKCS#1 "RSA PRIVATE KEY"). Checked here, before any request, the
// way Entra would judge it later: it parses, the key belongs to the certificate, the certificate is
// within its validity, and it is RSA (Entra's certificate assertions are RS256/PS256:
// https://learn.microsoft.com/entra/identity-platform/certificate-credentials).
// node:crypto only; no dependency.
import { createHash, createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';

export interface ClientCertificate {
  privateKey: KeyObject;
  /** Subject as the certificate states it, e.g. CN=mail-preflight. */
  subject: string;
  notBefore: Date;
  notAfter: Date;
  thumbprints: Thumbprints;
}

export interface Thumbprints {
  /** SHA-1 of the DER certificate, upper-case hex: what the Entra portal shows as "Thumbprint". */
  sha1Hex: string;
  /**
   * base64 of the SHA-1 thumbprint: what Graph's keyCredential.customKeyIdentifier holds by default
   * (https://learn.microsoft.com/graph/api/resources/keycredential).
   */
  customKeyIdentifier: string;
  /** base64url SHA-1: the JWT header `x5t` (older tenants). */
  x5t: string;
  /** base64url SHA-256: the JWT header `x5t#S256`. */
  x5tS256: string;
}

export type CertificateCheck =
  { ok: true; certificate: ClientCertificate } | { ok: false; problem: string; fix: string };

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)\r?\n?-----END \1-----/g;

/** The PEM blocks of `text`, each with its label and whole text. */
function pemBlocks(text: string): { label: string; pem: string; body: string }[] {
  return [...text.matchAll(BLOCK)].map((m) => ({ label: m[1]!, pem: m[0], body: m[2]! }));
}

function thumbprintsOf(der: Buffer): Thumbprints {
  const sha1 = createHash('sha1').update(der).digest();
  return {
    sha1Hex: sha1.toString('hex').toUpperCase(),
    customKeyIdentifier: sha1.toString('base64'),
    x5t: sha1.toString('base64url'),
    x5tS256: createHash('sha256').update(der).digest('base64url'),
  };
}

const FIX_PEM =
  'Put the certificate and its unencrypted private key, both as PEM, in one secret (for example `cat cert.pem key.pem`) and pass it as `client-certificate`';

/**
 * Parses and checks the PEM. The problem texts name what is wrong and the certificate's
 * thumbprint where there is one; never any part of the key.
 */
export function loadClientCertificate(text: string, now: Date): CertificateCheck {
  const blocks = pemBlocks(text.replace(/\r\n/g, '\n'));
  const certBlocks = blocks.filter((b) => b.label === 'CERTIFICATE');
  const keyBlocks = blocks.filter((b) => /(^|\s)PRIVATE KEY$/.test(b.label));
  if (blocks.length === 0)
    return { ok: false, problem: 'is not PEM text (no -----BEGIN ...----- block)', fix: FIX_PEM };
  if (certBlocks.length === 0)
    return { ok: false, problem: 'holds no CERTIFICATE block', fix: FIX_PEM };
  if (keyBlocks.length === 0)
    return {
      ok: false,
      problem: 'holds no private key (PRIVATE KEY or RSA PRIVATE KEY block)',
      fix: FIX_PEM,
    };
  if (keyBlocks.length > 1)
    return { ok: false, problem: `holds ${keyBlocks.length} private keys; give one`, fix: FIX_PEM };
  const keyBlock = keyBlocks[0]!;
  if (keyBlock.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type: 4,ENCRYPTED/.test(keyBlock.body))
    return {
      ok: false,
      problem: 'has an encrypted private key',
      fix: 'Decrypt the key first (`openssl pkey -in key.pem -out plain.pem`) and store the PEM as a secret',
    };
  if (keyBlock.label !== 'PRIVATE KEY' && keyBlock.label !== 'RSA PRIVATE KEY')
    return {
      ok: false,
      problem: `has a ${keyBlock.label} block; Entra certificate credentials need an RSA key`,
      fix: 'Create an RSA certificate (for example `openssl req -x509 -newkey rsa:2048 ...`) and upload it to the app registration',
    };

  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: keyBlock.pem, format: 'pem' });
  } catch {
    return { ok: false, problem: 'has a private key that does not parse', fix: FIX_PEM };
  }
  if (privateKey.asymmetricKeyType !== 'rsa')
    return {
      ok: false,
      problem: `has a ${privateKey.asymmetricKeyType ?? 'non-RSA'} key; Entra certificate credentials need an RSA key`,
      fix: 'Create an RSA certificate and upload it to the app registration',
    };

  const parsed: X509Certificate[] = [];
  for (const block of certBlocks) {
    try {
      parsed.push(new X509Certificate(block.pem));
    } catch {
      return { ok: false, problem: 'has a CERTIFICATE block that does not parse', fix: FIX_PEM };
    }
  }
  // A chain may come along; the credential is the certificate that the key belongs to.
  const cert = parsed.find((c) => c.checkPrivateKey(privateKey));
  if (!cert) {
    const prints = parsed.map((c) => thumbprintsOf(c.raw).sha1Hex).join(', ');
    return {
      ok: false,
      problem: `has a private key that does not belong to its certificate (thumbprint ${prints})`,
      fix: 'Store the key that was created with this certificate, or the certificate that goes with this key',
    };
  }
  const thumbprints = thumbprintsOf(cert.raw);
  const notBefore = new Date(cert.validFrom);
  const notAfter = new Date(cert.validTo);
  if (now.getTime() >= notAfter.getTime())
    return {
      ok: false,
      problem: `is a certificate that expired on ${iso(notAfter)} (thumbprint ${thumbprints.sha1Hex})`,
      fix: 'Create a new certificate, upload it under Certificates & secrets → Certificates, and store it with its key as `client-certificate`',
    };
  if (now.getTime() < notBefore.getTime())
    return {
      ok: false,
      problem: `is a certificate that is not valid before ${iso(notBefore)} (thumbprint ${thumbprints.sha1Hex})`,
      fix: "Check the runner's clock, or wait until the certificate's start date",
    };
  return {
    ok: true,
    certificate: { privateKey, subject: cert.subject, notBefore, notAfter, thumbprints },
  };
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
