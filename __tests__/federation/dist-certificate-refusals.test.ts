// A bad `client-certificate` is refused by the inputs check, before any request: garbage, the key
// of another certificate, an expired certificate. The PEM is masked line by line even so.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { SANDBOX_CLIENT_ID, SANDBOX_TENANT_ID, SANDBOX_USER } from '../../sandbox/tenant.js';
import { makeCertificate } from '../../sandbox/x509.js';
import { pemSecretParts } from '../../src/settings/pem-mask.js';
import { runAction } from '../helpers/run-action.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const mine = makeCertificate();
const other = makeCertificate();
const expired = makeCertificate({
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2026-01-01T00:00:00Z'),
});

describe('client-certificate refused before any request (dist/index.js)', () => {
  it.each([
    ['garbage', 'this is not a certificate', /is not PEM text/],
    [
      'the key of another certificate',
      `${mine.certPem}${other.keyPem}`,
      /private key that does not belong to its certificate \(thumbprint [0-9A-F]{40}\)/,
    ],
    ['an expired certificate', expired.pem, /expired on 2026-01-01T00:00:00Z/],
  ])('%s', async (_name, pem, problem) => {
    const since = sandbox.requests.length;
    const run = await runAction(
      {
        'tenant-id': SANDBOX_TENANT_ID,
        'client-id': SANDBOX_CLIENT_ID,
        'client-certificate': pem,
        username: SANDBOX_USER,
        grant: 'client-credentials',
        endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
      },
      { issued: () => pemSecretParts(pem) },
    );
    expect(run.code).toBe(1);
    const inputs = (run.report!.checks as { id: string; status: string; summary: string }[]).find(
      (c) => c.id === 'inputs',
    )!;
    expect(inputs.status).toBe('fail');
    expect(inputs.summary).toMatch(/client-certificate/);
    expect(JSON.stringify(run.report)).toMatch(problem);
    expect(sandbox.requests.length).toBe(since);
  });
});
