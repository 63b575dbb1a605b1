// dist/index.js as a runner runs it, on Node 20 and 24, signing in without a client secret:
// GitHub OIDC federation (the runner's request URL and token, pointing at the sandbox's issuer)
// and a certificate. Every token request carries a client assertion and no client_secret; with
// federation each token request has its own fresh OIDC token; the mailbox probes pass against the
// real Dovecot and Postfix with the federated token, and a later step logs in with the output.
// Every run is leak-checked for the OIDC tokens, the request token, the assertions and the key.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { generateSigningKey } from '../../sandbox/jwt.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  healthyTenant,
  registerCertificate,
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { makeCertificate } from '../../sandbox/x509.js';
import { pemSecretParts } from '../../src/settings/pem-mask.js';
import { xoauth2InitialResponse } from '../../src/mailbox/xoauth2.js';
import { findLeaks } from '../helpers/leak-check.js';
import {
  mailPeersUnavailable,
  startSandboxMailPeers,
  type MailPeers,
} from '../helpers/mail-peers.js';
import { nodeBinaries } from '../helpers/node-binaries.js';
import { runAction } from '../helpers/run-action.js';

const APP_AUDIENCE = 'https://outlook.office365.com';
const key = generateSigningKey('secretless-kid');
const certificate = makeCertificate({ cn: 'mail-preflight-ci' });
const unavailable = mailPeersUnavailable();
const { available, missing } = nodeBinaries();
let sandbox: Sandbox;
let peers: MailPeers | undefined;
let caFile = '';

beforeAll(async () => {
  const tenant = healthyTenant();
  registerCertificate(tenant, certificate, 'CN=mail-preflight-ci');
  sandbox = await startSandbox({ key, tenant });
  if (!unavailable) {
    peers = await startSandboxMailPeers(key, APP_AUDIENCE);
    caFile = join(mkdtempSync(join(tmpdir(), 'm365-ca-')), 'test-ca.pem');
    writeFileSync(caFile, peers.ca);
  }
}, 30_000);
afterAll(async () => {
  await sandbox?.close();
  await peers?.stop();
}, 30_000);

for (const reason of missing) it.skip(`secretless runs on ${reason}`, () => undefined);

const tokenRequestsSince = (n: number) =>
  sandbox.requests.slice(n).filter((r) => r.route === 'token');
const oidcRequestsSince = (n: number) =>
  sandbox.requests.slice(n).filter((r) => r.route === 'oidc');
/** Every secret a secretless run could leak: OIDC tokens, the request token, assertions, key parts. */
const secretlessSecrets = () => [
  ...sandbox.issued,
  ...sandbox.github.issued,
  sandbox.github.requestToken,
  ...sandbox.requests.map((r) => r.form?.get('client_assertion') ?? '').filter(Boolean),
  ...pemSecretParts(certificate.pem),
];
const runner = () => ({
  ACTIONS_ID_TOKEN_REQUEST_URL: sandbox.github.requestUrl,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: sandbox.github.requestToken,
});
const checksOf = (report: Record<string, unknown> | undefined) =>
  Object.fromEntries(
    ((report?.checks ?? []) as { id: string; status: string }[]).map((c) => [c.id, c.status]),
  );

describe.each(available)('dist/index.js on $name', ({ path: node }) => {
  (unavailable ? it.skip : it)(
    `federation: assertions only, one fresh OIDC token per token request, real mailbox logins, and a later step logs in with the output${unavailable ? ` (skipped: ${unavailable})` : ''}`,
    async () => {
      const since = sandbox.requests.length;
      const run = await runAction(
        {
          'tenant-id': SANDBOX_TENANT_ID,
          'client-id': SANDBOX_CLIENT_ID,
          username: SANDBOX_USER,
          grant: 'client-credentials',
          checks: 'permissions, token, mailbox, secret-expiry',
          endpoints: [
            `authority=${sandbox.url}`,
            `graph=${sandbox.url}`,
            `imap=${peers!.imap.host}:${peers!.imap.port}`,
            `pop=${peers!.pop.host}:${peers!.pop.port}`,
            `smtp=${peers!.smtp.host}:${peers!.smtp.port}`,
          ].join('\n'),
        },
        { node, env: { ...runner(), NODE_EXTRA_CA_CERTS: caFile }, issued: secretlessSecrets },
      );
      expect(run.stderr).toBe('');
      expect(checksOf(run.report)).toEqual({
        inputs: 'pass',
        token: 'pass',
        permissions: 'pass',
        'secret-expiry': 'pass',
        'mailbox-imap': 'pass',
        'mailbox-smtp': 'pass',
      });
      expect(run.code).toBe(0);
      // Two token requests (mail and Graph), each with its own OIDC token, and no secret.
      const tokens = tokenRequestsSince(since);
      const oidc = oidcRequestsSince(since);
      expect(tokens).toHaveLength(2);
      expect(oidc).toHaveLength(2);
      for (const request of tokens) {
        expect(request.form!.get('client_secret')).toBeNull();
        expect(request.form!.get('client_assertion_type')).toBe(
          'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        );
        expect(sandbox.github.issued).toContain(request.form!.get('client_assertion'));
      }
      expect(new Set(tokens.map((r) => r.form!.get('client_assertion'))).size).toBe(2);
      expect(oidc[0]!.path).toContain('&audience=api%3A%2F%2FAzureADTokenExchange');
      // The federated credentials come in the registration's one Graph $batch.
      const graph = sandbox.requests.slice(since).filter((r) => r.route === 'graph');
      expect(graph.map((r) => r.path)).toEqual(['/v1.0/$batch']);
      expect(graph[0]!.body).toContain('/federatedIdentityCredentials');
      const permissions = (run.report!.checks as { id: string; details?: string }[]).find(
        (c) => c.id === 'permissions',
      )!;
      expect(permissions.details).toContain('Federated credentials: 1 of the 20 allowed are used.');
      expect(permissions.details).toContain(
        'github-main: issuer https://token.actions.githubusercontent.com, subject repo:contoso/mail-connector:ref:refs/heads/main',
      );
      // Nothing expires; the remaining secret is named as one to delete.
      expect(run.outputs['secret-expires-on'] ?? '').toBe(''); // unset: an empty output
      const expiry = (
        run.report!.checks as { id: string; summary: string; details?: string }[]
      ).find((c) => c.id === 'secret-expiry')!;
      expect(expiry.summary).toContain('Nothing expires');
      expect(expiry.details).toContain("client secret 'CI secret'");

      // The later step: the access-token output opens the mailbox over IMAP by itself.
      const token = run.outputs['access-token']!;
      const client = new ImapFlow({
        host: peers!.imap.host,
        port: peers!.imap.port,
        secure: true,
        tls: { ca: peers!.ca },
        auth: { user: SANDBOX_USER, accessToken: token },
        logger: false,
      });
      await client.connect();
      const box = await client.mailboxOpen('INBOX');
      expect(box.path).toBe('INBOX');
      await client.logout();
      expect(findLeaks(run, [xoauth2InitialResponse(SANDBOX_USER, token)])).toEqual([]);
    },
    60_000,
  );

  it.each([
    ['client credentials', { grant: 'client-credentials' }, 1],
    ['the password grant', { grant: 'password', password: SANDBOX_PASSWORD }, 1],
  ])(
    'certificate, %s: a PS256 assertion on every token request; expiry judges the certificate',
    async (_name, more, expected) => {
      const since = sandbox.requests.length;
      const run = await runAction(
        {
          'tenant-id': SANDBOX_TENANT_ID,
          'client-id': SANDBOX_CLIENT_ID,
          'client-certificate': certificate.pem,
          username: SANDBOX_USER,
          checks: 'token, secret-expiry',
          endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
          ...more,
        },
        { node, issued: secretlessSecrets },
      );
      expect(run.stderr).toBe('');
      expect(checksOf(run.report)).toMatchObject({ token: 'pass', 'secret-expiry': 'pass' });
      const tokens = tokenRequestsSince(since);
      expect(tokens.length).toBeGreaterThanOrEqual(expected);
      for (const request of tokens) {
        expect(request.form!.get('client_secret')).toBeNull();
        const header = JSON.parse(
          Buffer.from(
            request.form!.get('client_assertion')!.split('.')[0]!,
            'base64url',
          ).toString(),
        ) as Record<string, string>;
        expect(header.alg).toBe('PS256');
        expect(header['x5t#S256']).toBeTruthy();
      }
      expect(run.outputs['secret-expires-on']).toBe(
        new Date(Math.floor(certificate.notAfter.getTime() / 1000) * 1000).toISOString(),
      );
      for (const line of certificate.keyPem.split('\n').filter((l) => l && !l.startsWith('-----')))
        expect(run.stdout).toContain(`::add-mask::${line}`);
    },
  );
});

it('a certificate that is not uploaded to the app: AADSTS700027, named by its thumbprint', async () => {
  const stranger = makeCertificate({ cn: 'not-uploaded' });
  const thumbprint = createHash('sha1').update(stranger.der).digest('hex').toUpperCase();
  const run = await runAction(
    {
      'tenant-id': SANDBOX_TENANT_ID,
      'client-id': SANDBOX_CLIENT_ID,
      'client-certificate': stranger.pem,
      username: SANDBOX_USER,
      grant: 'client-credentials',
      checks: 'token',
      endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
    },
    { issued: () => [...secretlessSecrets(), ...pemSecretParts(stranger.pem)] },
  );
  const token = (run.report!.checks as { id: string; code?: string; summary: string }[]).find(
    (c) => c.id === 'token',
  )!;
  expect(token.code).toBe('AADSTS700027');
  expect(token.summary).toContain(
    `(client-certificate: thumbprint ${thumbprint}, CN=not-uploaded)`,
  );
  expect(run.code).toBe(1);
});
