// The sandbox tenant stands in for Entra ID in every test, the bench and `npm start`, so it must
// answer as Entra does (issue 2, item 8): RS256 JWTs with Entra's claims, errors in Entra's exact
// shape and status, and the faults the HTTP adapter is tested against. Checked here over HTTP,
// with node:crypto verifying the signature against the sandbox's public key.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createPublicKey, verify } from 'node:crypto';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  OTHER_TENANT_ID,
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

// Issue 10, item 9: shapes seen in real replies (__tests__/fixtures/real-replies.json).
describe('sandbox answers as Microsoft does', () => {
  const cc = (scope: string, tenant = SANDBOX_TENANT_ID) =>
    fetch(`${sandbox.url}/${tenant}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: SANDBOX_CLIENT_ID,
        client_secret: SANDBOX_SECRET,
        grant_type: 'client_credentials',
        scope,
      }),
    });
  const errorOf = async (response: Response) =>
    (await response.json()) as { error: string; error_codes: number[]; suberror?: string };

  it('a tenant that does not exist: invalid_tenant, AADSTS90002', async () => {
    const response = await cc(
      'https://outlook.office365.com/.default',
      '99999999-9999-4999-8999-999999999999',
    );
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({
      error: 'invalid_tenant',
      error_codes: [90002],
    });
  });

  it.each([OTHER_TENANT_ID, 'fabrikam.example'])(
    'a tenant that exists but holds no such app (%s): AADSTS700016',
    async (tenant) => {
      const response = await cc('https://outlook.office365.com/.default', tenant);
      expect(await errorOf(response)).toMatchObject({
        error: 'unauthorized_client',
        error_codes: [700016],
      });
    },
  );

  it('Conditional Access with ROPC: interaction_required with suberror message_only', async () => {
    sandbox.faults.add({ kind: 'entra-error', code: 53003, times: 1, route: 'token' });
    const response = await ropc();
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({
      error: 'interaction_required',
      suberror: 'message_only',
      error_codes: [53003],
    });
  });

  it('client credentials with two /.default scopes: AADSTS70011', async () => {
    const response = await cc(
      'https://outlook.office365.com/.default https://graph.microsoft.com/.default',
    );
    expect(await errorOf(response)).toMatchObject({ error: 'invalid_scope', error_codes: [70011] });
  });

  it('client credentials with a named scope: AADSTS1002012', async () => {
    const response = await cc('https://outlook.office365.com/SMTP.SendAsApp');
    const body = await errorOf(response);
    expect(body).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
    expect(JSON.stringify(body)).toContain(
      'The provided value for scope https://outlook.office365.com/SMTP.SendAsApp is not valid.',
    );
  });

  it('a client-credentials token answer has no scope field', async () => {
    const body = (await (await cc('https://outlook.office365.com/.default')).json()) as Record<
      string,
      unknown
    >;
    expect(typeof body.access_token).toBe('string');
    expect('scope' in body).toBe(false);
  });

  it('a token asked for https://ps.outlook.com/.default carries that audience', async () => {
    const body = (await (await cc('https://ps.outlook.com/.default')).json()) as {
      access_token: string;
    };
    expect(verified(body.access_token).claims.aud).toBe('https://ps.outlook.com');
  });

  it('Graph errors carry innerError with the request ids', async () => {
    const response = await fetch(`${sandbox.url}/v1.0/applications(appId='${SANDBOX_CLIENT_ID}')`, {
      headers: { authorization: 'Bearer not-a-graph-token' },
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ code: 'InvalidAuthenticationToken' });
    expect(body.error.innerError).toMatchObject({ 'request-id': expect.any(String) });
  });
});
