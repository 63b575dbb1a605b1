// The token request as the sandbox sees it: form-encoded, the contract's default scopes, the
// token registered as a secret at once, and a password that is never sent twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { SANDBOX_CLIENT_ID, SANDBOX_PASSWORD, SANDBOX_SECRET } from '../../sandbox/tenant.js';
import { readTokenSuccess } from '../../src/identity/token-response.js';
import { runEngine, tokenCheckOf } from './sandbox-run.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.faults.clear());

const passwordRequests = (since: number) =>
  sandbox.requests.slice(since).filter((r) => r.form?.get('grant_type') === 'password');

describe('grant: password (ROPC)', () => {
  it('sends one form-encoded request with the default delegated scopes', async () => {
    const before = sandbox.requests.length;
    const run = await runEngine(sandbox);
    expect(tokenCheckOf(run)!.status).toBe('pass');
    const [request, ...more] = sandbox.requests.slice(before);
    expect(more).toEqual([]);
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(request!.form!)).toEqual({
      client_id: SANDBOX_CLIENT_ID,
      scope:
        'https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send offline_access',
      grant_type: 'password',
      username: 'alice@contoso.example',
      password: SANDBOX_PASSWORD,
      client_secret: SANDBOX_SECRET,
    });
    // Both tokens were registered as secrets, the moment they were parsed.
    const token = run.outcome.token!;
    expect(run.secrets).toEqual([token.accessToken, token.refreshToken]);
    expect(sandbox.issued).toEqual(expect.arrayContaining(run.secrets));
  });

  it('sends a wrong password exactly once', async () => {
    const before = sandbox.requests.length;
    const run = await runEngine(sandbox, { password: 'not the password' });
    expect(tokenCheckOf(run)).toMatchObject({ status: 'fail', code: 'AADSTS50126' });
    expect(tokenCheckOf(run)!.remediation).toContain('sent once and is not retried');
    expect(passwordRequests(before)).toHaveLength(1);
  });

  it.each([500, 502, 504])(
    'does not re-send the password after HTTP %i (Entra may have checked it)',
    async (status) => {
      sandbox.faults.add({ kind: 'status', status, times: 1, route: 'token' });
      const before = sandbox.requests.length;
      const run = await runEngine(sandbox);
      expect(tokenCheckOf(run)!.status).toBe('fail');
      expect(passwordRequests(before)).toHaveLength(1);
    },
  );

  it('does not re-send the password after the endpoint hung, and ends by the deadline', async () => {
    sandbox.faults.add({ kind: 'hang', times: 1, route: 'token' });
    const before = sandbox.requests.length;
    const run = await runEngine(sandbox, { 'timeout-seconds': '1' });
    const check = tokenCheckOf(run)!;
    expect(check.status).toBe('fail');
    expect(check.summary).toMatch(
      /^token endpoint \(mail token\) \(http:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]+\/oauth2\/v2\.0\/token\) did not answer before the run's deadline \(timeout-seconds: 1\)$/,
    );
    expect(check.remediation).toMatch(/timeout-seconds/);
    expect(passwordRequests(before)).toHaveLength(1);
  });

  it('re-sends once after 429 or 503 (Entra did not check it) and says so in the log', async () => {
    sandbox.faults.add({ kind: 'status', status: 503, times: 1, route: 'token' });
    const before = sandbox.requests.length;
    const run = await runEngine(sandbox);
    expect(tokenCheckOf(run)!.status).toBe('pass');
    expect(passwordRequests(before)).toHaveLength(2);
    expect(run.logs.filter((l) => l.includes('password'))).toEqual([
      expect.stringMatching(
        /^info: token endpoint \(mail token\): HTTP 503, retry 1 in \d+ ms \(Entra answered before checking the password, so it is sent a second time; there is no further retry/,
      ),
    ]);
  });

  it('never sends the password a third time: 503 and then 429 end the request', async () => {
    sandbox.faults.add({ kind: 'status', status: 503, times: 1, route: 'token' });
    sandbox.faults.add({
      kind: 'status',
      status: 429,
      retryAfterSeconds: 0,
      times: 1,
      route: 'token',
    });
    const before = sandbox.requests.length;
    const run = await runEngine(sandbox);
    expect(tokenCheckOf(run)!.status).toBe('fail');
    expect(passwordRequests(before)).toHaveLength(2);
  });
});

describe('runs that need no user token', () => {
  it.each([
    ['checks: secret-expiry, with a password given', { checks: 'secret-expiry' }],
    [
      'checks: secret-expiry, no username or password',
      { checks: 'secret-expiry', username: '', password: '' },
    ],
    ['checks: permissions, app-only', { checks: 'permissions', password: '' }],
  ])('%s: no password request', async (_name, inputs) => {
    const before = sandbox.requests.length;
    const run = await runEngine(sandbox, inputs);
    expect(run.outcome.report.checks[0]).toMatchObject({ id: 'inputs', status: 'pass' });
    expect(passwordRequests(before)).toHaveLength(0);
  });
});

describe('grant: client-credentials', () => {
  it('asks for the app-only .default scope with the secret, and gets no refresh token', async () => {
    const before = sandbox.requests.length;
    const run = await runEngine(sandbox, { grant: 'client-credentials', password: '' });
    expect(tokenCheckOf(run)!.status).toBe('pass');
    const [request] = sandbox.requests.slice(before);
    expect(Object.fromEntries(request!.form!)).toEqual({
      client_id: SANDBOX_CLIENT_ID,
      scope: 'https://outlook.office365.com/.default',
      grant_type: 'client_credentials',
      client_secret: SANDBOX_SECRET,
    });
    expect(run.outcome.token!.refreshToken).toBeUndefined();
    expect(run.outcome.token!.scopes).toEqual(['https://outlook.office365.com/.default']);
  });

  it('is retried after a 500 (a client secret cannot lock an account)', async () => {
    sandbox.faults.add({ kind: 'status', status: 500, times: 1, route: 'token' });
    const run = await runEngine(sandbox, { grant: 'client-credentials' });
    expect(tokenCheckOf(run)!.status).toBe('pass');
  });
});

describe('the success answer', () => {
  it('accepts expires_in as a number or a string', () => {
    const base = { token_type: 'Bearer', access_token: 'a.b.c' };
    expect(readTokenSuccess({ ...base, expires_in: 3599 })).toMatchObject({
      ok: true,
      value: { expires_in: 3599 },
    });
    expect(readTokenSuccess({ ...base, expires_in: '3599' })).toMatchObject({
      ok: true,
      value: { expires_in: 3599 },
    });
    expect(readTokenSuccess({ ...base, expires_in: 'soon' })).toEqual({
      ok: false,
      fields: ['expires_in'],
    });
  });

  it('names the fields that are missing or of the wrong type, never their values', () => {
    expect(readTokenSuccess({ access_token: '', expires_in: 1, scope: 7 })).toEqual({
      ok: false,
      fields: ['access_token', 'scope'],
    });
    expect(readTokenSuccess(['a.b.c'])).toEqual({ ok: false, fields: ['(root)'] });
    expect(readTokenSuccess({ access_token: 'a.b.c', expires_in: 60 })).toEqual({
      ok: true,
      value: { token_type: 'Bearer', access_token: 'a.b.c', expires_in: 60 },
    });
  });
});
