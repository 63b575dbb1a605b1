// Self-signed RSA certificates for the sandbox app's certificate credentials and for tests, with
// any validity window (an expired one too), built with node:crypto and a few lines of DER:
// a version-1 certificate, sha256WithRSAEncryption, subject = issuer = CN (RFC 5280 4.1).
import { generateKeyPairSync, sign, X509Certificate, type KeyObject } from 'node:crypto';

export interface TestCertificate {
  /** The certificate as PEM (public). */
  certPem: string;
  /** The private key as PEM, PKCS#8 ("PRIVATE KEY") or PKCS#1 ("RSA PRIVATE KEY"). */
  keyPem: string;
  /** certificate + key: what the `client-certificate` input takes. */
  pem: string;
  der: Buffer;
  privateKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
}

export interface CertificateOptions {
  cn?: string;
  notBefore?: Date;
  notAfter?: Date;
  keyFormat?: 'pkcs8' | 'pkcs1';
  /** Sign with this key instead of a new one (a second certificate for the same key). */
  privateKey?: KeyObject;
  publicKey?: KeyObject;
}

const DAY = 86_400_000;

function der(tag: number, content: Buffer): Buffer {
  const n = content.length;
  const len =
    n < 0x80
      ? Buffer.from([n])
      : n < 0x100
        ? Buffer.from([0x81, n])
        : n < 0x10000
          ? Buffer.from([0x82, n >> 8, n & 0xff])
          : Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, content]);
}
const seq = (...items: Buffer[]) => der(0x30, Buffer.concat(items));
const oid = (dotted: string) => {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [a! * 40 + b!];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
};
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  // UTCTime through 2049, GeneralizedTime after (RFC 5280 4.1.2.5).
  return d.getUTCFullYear() < 2050
    ? der(0x17, Buffer.from(`${iso.slice(2)}Z`))
    : der(0x18, Buffer.from(`${iso}Z`));
}
const name = (cn: string) =>
  seq(der(0x31, seq(oid('2.5.4.3'), der(0x0c, Buffer.from(cn, 'utf8')))));
const SHA256_RSA = seq(oid('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]));

export function makeCertificate(options: CertificateOptions = {}): TestCertificate {
  const pair =
    options.privateKey && options.publicKey
      ? { privateKey: options.privateKey, publicKey: options.publicKey }
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Date.now();
  const notBefore = options.notBefore ?? new Date(now - DAY);
  const notAfter = options.notAfter ?? new Date(now + 365 * DAY);
  const serial = Buffer.from([0x01, ...Array.from({ length: 8 }, () => (Math.random() * 256) | 0)]);
  const tbs = seq(
    der(0x02, serial),
    SHA256_RSA,
    name(options.cn ?? 'mail-preflight-sandbox'),
    seq(time(notBefore), time(notAfter)),
    name(options.cn ?? 'mail-preflight-sandbox'),
    pair.publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, pair.privateKey);
  const certDer = seq(tbs, SHA256_RSA, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const certPem = new X509Certificate(certDer).toString();
  const keyPem = pair.privateKey
    .export({ type: options.keyFormat ?? 'pkcs8', format: 'pem' })
    .toString();
  return {
    certPem,
    keyPem,
    pem: `${certPem.trimEnd()}\n${keyPem.trimEnd()}\n`,
    der: certDer,
    privateKey: pair.privateKey,
    notBefore,
    notAfter,
  };
}
