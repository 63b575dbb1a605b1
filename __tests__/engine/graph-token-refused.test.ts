// The Graph token refused while the mail token is issued: the checks that need only the mail
// token keep their verdict, those that read the registration say why they could not, and
// neither token request is repeated. The Graph token asks for the US Government cloud's Graph,
// which the sandbox tenant does not know (AADSTS500011); `scope` keeps the mail token public.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { runEngine, type EngineRun } from '../helpers/engine-run.js';

let sandbox: Sandbox;
let run: EngineRun;
const byId = (id: string) => run.outcome.report.checks.find((check) => check.id === id);

beforeAll(async () => {
  sandbox = await startSandbox();
  run = await runEngine(sandbox, {
    checks: 'permissions, token, secret-expiry',
    cloud: 'usgov',
    scope:
      'https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send offline_access',
  });
});
afterAll(() => sandbox.close());

describe('Graph token refused, mail token issued', () => {
  it('keeps the token verdict and hands the token on', () => {
    expect(byId('token')?.status).toBe('pass');
    expect(run.outcome.token?.accessToken).toBeTruthy();
  });

  it('judges the permissions from the token and says why the registration was not read', () => {
    expect(byId('permissions')?.summary).toBe(
      'all 3 required permissions are in the token (grants could not be read; judged from the token)',
    );
    expect(byId('permissions')?.details).toContain('no Graph token: AADSTS500011');
  });

  it("fails the secret's expiry with Entra's refusal", () => {
    expect(byId('secret-expiry')).toMatchObject({ status: 'fail', code: 'AADSTS500011' });
  });

  it('asks for each token once', () => {
    const grants = sandbox.requests
      .filter((r) => r.route === 'token')
      .map((r) => r.form?.get('grant_type'));
    expect(grants.sort()).toEqual(['client_credentials', 'password']);
  });
});
