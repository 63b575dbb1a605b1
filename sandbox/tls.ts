// A throw-away self-signed certificate for 127.0.0.1, so the sandbox can speak https like the
// real endpoints (proxy tests need CONNECT tunnels). Made with the openssl CLI that CI installs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SandboxTls {
  key: string;
  cert: string;
  /** A file holding the certificate, for NODE_EXTRA_CA_CERTS. */
  certFile: string;
}

export function selfSignedLoopbackCert(): SandboxTls {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-tls-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  const tls = {
    key: readFileSync(keyFile, 'utf8'),
    cert: readFileSync(certFile, 'utf8'),
    certFile,
  };
  writeFileSync(certFile, tls.cert);
  return tls;
}
