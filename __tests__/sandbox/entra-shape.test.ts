// The sandbox tenant stands in for Entra ID in every test, the bench and `npm start`, so it must
// answer as Entra does (issue 2, item 8): RS256 JWTs with Entra's claims, errors in Entra's exact
// shape and status, and the faults the HTTP adapter is tested against. Checked here over HTTP,
// with node:crypto verifying the signature against the sandbox's public key.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createPublicKey, verify } from 'node:crypto';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.faults.clear());

const OUTLOOK = 'https://outlook.office.com';

function tokenRequest(form: Record<string, string>): Promise<Response> {
  return fetch(`${sandbox.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: SANDBOX_CLIENT_ID, ...form }),
  });
}
const ropc = (password = SANDBOX_PASSWORD) =>
  tokenRequest({
    grant_type: 'password',
    client_secret: SANDBOX_SECRET,
    username: SANDBOX_USER,
    password,
    scope: `${OUTLOOK}/IMAP.AccessAsUser.All ${OUTLOOK}/SMTP.Send offline_access`,
  });

/** Verifies the RS256 signature with the sandbox's public key; returns header and claims. */
function verified(jwt: string): {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
} {
  const [h, p, s] = jwt.split('.');
  const ok = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    createPublicKey(sandbox.key.publicKeyPem),
    Buffer.from(s!, 'base64url'),
  );
  expect(ok).toBe(true);
  const json = (part: string) =>
    JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: json(h!), claims: json(p!) };
}

describe('sandbox token endpoint: tokens', () => {
  it('ROPC: an RS256 JWT with Entra claims for the Outlook resource, delegated scp, a refresh token', async () => {
    const response = await ropc();
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer' });
    expect(typeof body.refresh_token).toBe('string');
    const { header, claims } = verified(body.access_token as string);
    expect(header).toEqual({ typ: 'JWT', alg: 'RS256', kid: sandbox.key.kid });
    expect(claims).toMatchObject({
      aud: OUTLOOK,
      iss: `https://sts.windows.net/${SANDBOX_TENANT_ID}/`,
      tid: SANDBOX_TENANT_ID,
      appid: SANDBOX_CLIENT_ID,
      azp: SANDBOX_CLIENT_ID,
      upn: SANDBOX_USER,
    });
    expect((claims.scp as string).split(' ').sort()).toEqual([
      'IMAP.AccessAsUser.All',
      'SMTP.Send',
    ]);
    expect(claims.roles).toBeUndefined();
    const now = Date.now() / 1000;
    expect(claims.exp as number).toBeGreaterThan(now + 3000);
    expect(Number(body.expires_in)).toBeGreaterThan(3000);
  });

  it('client credentials: an app-only JWT with roles and no scp, no refresh token', async () => {
    const response = await tokenRequest({
      grant_type: 'client_credentials',
      client_secret: SANDBOX_SECRET,
      scope: 'https://outlook.office365.com/.default',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.refresh_token).toBeUndefined();
    const { claims } = verified(body.access_token as string);
    expect(claims).toMatchObject({ tid: SANDBOX_TENANT_ID, appid: SANDBOX_CLIENT_ID });
    expect(claims.scp).toBeUndefined();
    expect(claims.roles).toEqual(expect.arrayContaining(['IMAP.AccessAsApp', 'SMTP.SendAsApp']));
  });
});

describe('sandbox token endpoint: errors in Entra’s shape', () => {
  it('a wrong password: 400 invalid_grant with AADSTS50126 and every field Entra sends', async () => {
    const response = await ropc('not the password');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      [
        'correlation_id',
        'error',
        'error_codes',
        'error_description',
        'error_uri',
        'timestamp',
        'trace_id',
      ].sort(),
    );
    expect(body.error).toBe('invalid_grant');
    expect(body.error_codes).toEqual([50126]);
    expect(body.error_description).toMatch(
      /^AADSTS50126: .+\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: /,
    );
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    expect(body.error_uri).toContain('error?code=50126');
  });

  it('a wrong client secret: 401 invalid_client with AADSTS7000215', async () => {
    const response = await tokenRequest({
      grant_type: 'client_credentials',
      client_secret: 'c0ffee00-aaaa-4bbb-8ccc-ddddeeeeffff',
      scope: 'https://outlook.office365.com/.default',
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
  });
});

describe('sandbox faults', () => {
  it('429 with Retry-After, once, then a token', async () => {
    sandbox.faults.add({
      kind: 'status',
      status: 429,
      retryAfterSeconds: 3,
      times: 1,
      route: 'token',
    });
    const throttled = await ropc();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect((await ropc()).status).toBe(200);
  });

  it('503, an HTML page and malformed JSON, each with its content type', async () => {
    sandbox.faults.add({ kind: 'status', status: 503, times: 1, route: 'token' });
    sandbox.faults.add({ kind: 'html', times: 1, route: 'token' });
    sandbox.faults.add({ kind: 'malformed-json', times: 1, route: 'token' });
    expect((await ropc()).status).toBe(503);
    const html = await ropc();
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/<html/i);
    const malformed = await ropc();
    expect(malformed.headers.get('content-type')).toMatch(/^application\/json/);
    await expect(malformed.clone().json()).rejects.toThrow();
  });

  it('latency delays every answer by at least the set time', async () => {
    sandbox.faults.latencyMs = 150;
    const started = performance.now();
    expect((await ropc()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });
});
