// The federated-credential doctor, one test per case, through dist/index.js as a runner runs it:
// what the workflow presented (its subject) next to what the app needs, and the fix ready to
// paste. Runs without an OIDC token make no token request at all.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_JOB, GITHUB_ISSUER } from '../../sandbox/github-oidc.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  healthyTenant,
  SANDBOX_CLIENT_ID,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { runAction, type ActionRun } from '../helpers/run-action.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.tenant.github = { ...DEFAULT_JOB };
  sandbox.tenant.federatedCredentials = healthyTenant().federatedCredentials;
});

const secrets = () => [...sandbox.issued, ...sandbox.github.issued, sandbox.github.requestToken];
async function federatedRun(
  env: Record<string, string> = {},
  withRunnerToken = true,
): Promise<{
  run: ActionRun;
  tokenRequests: number;
  token: { status: string; summary: string; details?: string; remediation?: string; code?: string };
}> {
  const since = sandbox.requests.length;
  const run = await runAction(
    {
      'tenant-id': SANDBOX_TENANT_ID,
      'client-id': SANDBOX_CLIENT_ID,
      'client-auth': 'federated',
      username: SANDBOX_USER,
      grant: 'client-credentials',
      checks: 'token',
      endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
    },
    {
      env: {
        ...(withRunnerToken
          ? {
              ACTIONS_ID_TOKEN_REQUEST_URL: sandbox.github.requestUrl,
              ACTIONS_ID_TOKEN_REQUEST_TOKEN: sandbox.github.requestToken,
            }
          : {}),
        ...env,
      },
      issued: secrets,
    },
  );
  expect(run.stderr).toBe('');
  const token = (run.report!.checks as { id: string; status: string; summary: string }[]).find(
    (c) => c.id === 'token',
  )!;
  return {
    run,
    token,
    tokenRequests: sandbox.requests.slice(since).filter((r) => r.route === 'token').length,
  };
}
const AZ_LINE = `az ad app federated-credential create --id ${SANDBOX_CLIENT_ID} --parameters '{"name":"`;

describe('the federated-credential doctor (dist/index.js)', () => {
  it('subject mismatch: a job in an environment, a credential for the branch (AADSTS700213)', async () => {
    sandbox.tenant.github.environment = 'production';
    const { run, token } = await federatedRun();
    const subject = 'repo:contoso/mail-connector:environment:production';
    expect(token).toMatchObject({ status: 'fail', code: 'AADSTS700213' });
    expect(token.summary).toContain(`'${subject}'`);
    expect(token.details).toMatch(new RegExp(`subject +${subject} +${subject}`));
    expect(token.details).toContain("This job runs in environment 'production'");
    expect(token.remediation).toContain(AZ_LINE);
    expect(token.remediation).toContain(
      `"subject":"${subject}","audiences":["api://AzureADTokenExchange"]`,
    );
    expect(token.remediation).toContain(
      'Certificates & secrets → Federated credentials → Add credential → GitHub Actions deploying Azure resources',
    );
    expect(run.summary).toContain(subject);
    expect(run.code).toBe(1);
  });

  it('case-only mismatch: GitHub writes Contoso, the credential contoso (AADSTS7002138)', async () => {
    sandbox.tenant.github.owner = 'Contoso';
    const { token } = await federatedRun();
    expect(token.code).toBe('AADSTS7002138');
    expect(token.summary).toContain("'repo:Contoso/mail-connector:ref:refs/heads/main'");
    expect(token.summary).toContain('only in upper/lower case');
    expect(token.remediation).toContain(
      '"subject":"repo:Contoso/mail-connector:ref:refs/heads/main"',
    );
  });

  it('issuer: the credential has a trailing slash (AADSTS700211)', async () => {
    sandbox.tenant.federatedCredentials![0]!.issuer = `${GITHUB_ISSUER}/`;
    const { token } = await federatedRun();
    expect(token.code).toBe('AADSTS700211');
    expect(token.summary).toContain(`('${GITHUB_ISSUER}')`);
    expect(token.details).toContain('no trailing slash');
    expect(token.details).toContain('repo:contoso/mail-connector:ref:refs/heads/main');
    expect(token.remediation).toContain(`"issuer":"${GITHUB_ISSUER}"`);
  });

  it('audience: the credential expects the US Government audience (AADSTS700212)', async () => {
    sandbox.tenant.federatedCredentials![0]!.audiences = ['api://AzureADTokenExchangeUSGov'];
    const { token } = await federatedRun();
    expect(token.code).toBe('AADSTS700212');
    expect(token.summary).toContain("('api://AzureADTokenExchange')");
    expect(token.details).toContain('repo:contoso/mail-connector:ref:refs/heads/main');
    expect(token.remediation).toContain('"audiences":["api://AzureADTokenExchange"]');
  });

  it('expired assertion: the token arrives after its 5 minutes (AADSTS700024)', async () => {
    sandbox.tenant.github.clockOffsetSeconds = -900;
    const { token } = await federatedRun();
    expect(token.code).toBe('AADSTS700024');
    expect(token.summary).toMatch(/outside its valid time range \(issued \S+Z, expired \S+Z\)/);
    expect(token.details).toContain('repo:contoso/mail-connector:ref:refs/heads/main');
    expect(token.remediation).toContain('clock');
  });

  it('no `id-token: write`: no OIDC token, a clear message, no token request', async () => {
    const { token, tokenRequests } = await federatedRun({}, false);
    expect(token.status).toBe('fail');
    expect(token.summary).toContain('lacks `permissions: id-token: write`');
    expect(token.remediation).toContain('permissions: { id-token: write, contents: read }');
    expect(tokenRequests).toBe(0);
  });

  it('a pull request from a fork: GitHub gives it no OIDC token; no token request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'm365-fork-'));
    const eventPath = join(dir, 'event.json');
    writeFileSync(
      eventPath,
      JSON.stringify({
        pull_request: {
          number: 7,
          head: { sha: 'f'.repeat(40), repo: { full_name: 'mallory/mail-connector' } },
          base: { repo: { full_name: 'contoso/mail-connector' } },
        },
      }),
    );
    const { token, tokenRequests } = await federatedRun(
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: 'contoso/mail-connector',
      },
      false,
    );
    expect(token.status).toBe('fail');
    expect(token.summary).toContain('comes from a fork');
    expect(token.remediation).toContain('head.repo.full_name == github.repository');
    expect(tokenRequests).toBe(0);
  });
});
