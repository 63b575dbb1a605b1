// What the token check says when Entra answers with a code outside the catalogue, or with
// something that is not an Entra answer at all.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { SANDBOX_SECRET } from '../../sandbox/tenant.js';
import { OAUTH_ERRORS } from '../../src/identity/oauth-errors.js';
import { diagnoseTokenError } from '../../src/identity/token-diagnosis.js';
import { runEngine, tokenCheckOf } from './sandbox-run.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.faults.clear());

describe('an AADSTS code outside the catalogue', () => {
  it('shows the code, the OAuth error, Microsoft’s first line without secrets, and the IDs', async () => {
    sandbox.faults.add({
      kind: 'entra-error',
      code: 4242424,
      spec: {
        status: 400,
        error: 'invalid_client',
        text: `Something new went wrong with client secret ${SANDBOX_SECRET}.\r\nSecond line that is dropped.`,
      },
      times: 1,
      route: 'token',
    });
    const check = tokenCheckOf(await runEngine(sandbox))!;
    expect(check.status).toBe('fail');
    expect(check.code).toBe('AADSTS4242424');
    // `error` decides the kind of problem: invalid_client is the client secret.
    expect(check.summary).toMatch(
      /^AADSTS4242424: Entra refused the client authentication \(the client secret\) \(invalid_client\): AADSTS4242424: Something new went wrong with client secret \*\*\*\.$/,
    );
    expect(check.remediation).toMatch(
      /^Check setup step 2 \(client secret\)\. This code is not in/,
    );
    expect(check.remediation).toContain('https://login.microsoftonline.com/error?code=4242424');
    expect(check.details).toMatch(/Trace ID: [0-9a-f-]{36}\nCorrelation ID: [0-9a-f-]{36}/);
    expect(JSON.stringify(check)).not.toContain(SANDBOX_SECRET);
    expect(JSON.stringify(check)).not.toContain('Second line');
  });
});

describe('the OAuth error decides the advice for an unknown code', () => {
  it.each(Object.entries(OAUTH_ERRORS))('%s', async (error, family) => {
    sandbox.faults.add({
      kind: 'entra-error',
      code: 4242425,
      spec: { status: 400, error, text: 'Something new.' },
      times: 1,
      route: 'token',
    });
    const check = tokenCheckOf(await runEngine(sandbox))!;
    expect(check.summary).toBe(
      `AADSTS4242425: ${family.meaning} (${error}): AADSTS4242425: Something new.`,
    );
    expect(check.remediation).toMatch(
      new RegExp(`^${escape(family.advice)}\\. This code is not in`),
    );
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('an answer that is not from Entra', () => {
  it.each([
    ['html', /answered HTTP 200 \(text\/html\) with an HTML page$/],
    ['malformed-json', /answered HTTP 200 \(application\/json\) with malformed JSON$/],
    [
      'unexpected-shape',
      /answered HTTP 200 \(application\/json\) with JSON that is not a token response \(missing or invalid: access_token, expires_in\)$/,
    ],
  ] as const)('%s: quotes the status and content type', async (kind, message) => {
    sandbox.faults.add({ kind, times: 1, route: 'token' });
    const check = tokenCheckOf(await runEngine(sandbox))!;
    expect(check.status).toBe('fail');
    expect(check.summary).toMatch(/^the token endpoint \(mail token\) /);
    expect(check.summary).toMatch(message);
    expect(check.remediation).toMatch(/endpoints: authority=/);
  });
});

describe('diagnoseTokenError edge cases', () => {
  const ctx = {
    settings: { tenantId: 't', clientId: 'c', username: 'u@x.example' },
    grant: 'password' as const,
  };
  it('names the failure by the first code it can explain', () => {
    const failure = diagnoseTokenError(
      { error: 'invalid_grant', error_codes: [4242426, 50126], error_description: 'x' },
      400,
      ctx,
    );
    expect(failure.code).toBe('AADSTS50126');
    expect(failure.summary).toBe('AADSTS50126: the username or password is wrong');
  });
  it('without error_codes, falls back to the OAuth error', () => {
    const failure = diagnoseTokenError({ error: 'invalid_client' }, 401, ctx);
    expect(failure.code).toBeUndefined();
    expect(failure.summary).toBe(
      'invalid_client: Entra refused the client authentication (the client secret) (invalid_client)',
    );
    expect(failure.remediation).toMatch(/^Check setup step 2 \(client secret\)\./);
  });
});
