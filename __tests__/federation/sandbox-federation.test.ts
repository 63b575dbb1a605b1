// The sandbox's GitHub OIDC issuer and Entra's judgement of client assertions, over real loopback
// HTTP: tokens as GitHub issues them (RS256, GitHub's claims and subject rules, 5 minutes), and
// each federation and certificate refusal with Entra's code. The product's own OIDC fetch is used
// against the issuer, as the runner's endpoint.
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { DEFAULT_JOB, GITHUB_ISSUER, githubSubject } from '../../sandbox/github-oidc.js';
import {
  healthyTenant,
  registerCertificate,
  SANDBOX_CLIENT_ID,
  SANDBOX_TENANT_ID,
} from '../../sandbox/tenant.js';
import { makeCertificate } from '../../sandbox/x509.js';
import { Deadline } from '../../src/http/deadline.js';
import { createHttpClient } from '../../src/http/client.js';
import { fetchGithubOidcToken } from '../../src/identity/github-oidc.js';
import { loadClientCertificate } from '../../src/identity/certificate.js';
import { signClientAssertion } from '../../src/identity/client-assertion.js';

let sandbox: Sandbox;
let clock = Date.now();
const registered = makeCertificate();
const unregistered = makeCertificate();
beforeAll(async () => {
  const tenant = healthyTenant();
  registerCertificate(tenant, registered);
  sandbox = await startSandbox({ tenant, now: () => clock });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  clock = Date.now();
  sandbox.tenant.github = { ...DEFAULT_JOB };
  sandbox.tenant.federatedCredentials = healthyTenant().federatedCredentials;
});

const http = () => createHttpClient({ deadline: new Deadline(10_000) });
const AUDIENCE = 'api://AzureADTokenExchange';

async function githubToken(audience = AUDIENCE): Promise<string> {
  const secrets: string[] = [];
  const outcome = await fetchGithubOidcToken({
    http: http(),
    requestUrl: sandbox.github.requestUrl,
    requestToken: sandbox.github.requestToken,
    audience,
    registerSecret: (v) => secrets.push(v),
  });
  if (!outcome.ok) throw new Error(outcome.failure.summary);
  expect(secrets).toEqual([outcome.token]);
  return outcome.token;
}

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

const tokenUrl = () => `${sandbox.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`;
async function exchange(
  assertion: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(tokenUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: SANDBOX_CLIENT_ID,
      grant_type: 'client_credentials',
      scope: 'https://outlook.office365.com/.default',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const codeOf = (answer: { body: Record<string, unknown> }) =>
  (answer.body.error_codes as number[] | undefined)?.[0];

describe("the sandbox's GitHub OIDC issuer", () => {
  it('answers {value} with an RS256 JWT carrying GitHub claims, the requested audience and 5 minutes of life', async () => {
    const jwt = await githubToken();
    const [h, p, s] = jwt.split('.');
    expect(
      verify(
        'sha256',
        Buffer.from(`${h}.${p}`),
        createPublicKey(sandbox.github.key.publicKeyPem),
        Buffer.from(s!, 'base64url'),
      ),
    ).toBe(true);
    const claims = claimsOf(jwt);
    expect(claims).toMatchObject({
      iss: GITHUB_ISSUER,
      aud: AUDIENCE,
      sub: 'repo:contoso/mail-connector:ref:refs/heads/main',
      repository: 'contoso/mail-connector',
      ref: 'refs/heads/main',
      event_name: 'push',
      job_workflow_ref: 'contoso/mail-connector/.github/workflows/preflight.yml@refs/heads/main',
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(300);
    const request = sandbox.requests.filter((r) => r.route === 'oidc').at(-1)!;
    expect(request.path).toBe(
      `/_github/oidc/token?api-version=2.0&audience=${encodeURIComponent(AUDIENCE)}`,
    );
    expect(request.headers.authorization).toBe(`Bearer ${sandbox.github.requestToken}`);
  });

  it('refuses a wrong request token, and the product says which setting to fix', async () => {
    const outcome = await fetchGithubOidcToken({
      http: http(),
      requestUrl: sandbox.github.requestUrl,
      requestToken: 'not-the-runner-token',
      audience: AUDIENCE,
      registerSecret: () => undefined,
    });
    expect(outcome).toMatchObject({ ok: false });
    if (!outcome.ok) {
      expect(outcome.failure.summary).toBe(
        `GitHub's OIDC token endpoint (${new URL(sandbox.url).host}) refused the request with HTTP 401`,
      );
      expect(outcome.failure.remediation).toContain('permissions: id-token: write');
    }
  });

  it.each([
    [{}, 'repo:contoso/mail-connector:ref:refs/heads/main'],
    [{ environment: 'production' }, 'repo:contoso/mail-connector:environment:production'],
    [
      { environment: 'production', eventName: 'pull_request' },
      'repo:contoso/mail-connector:environment:production',
    ],
    [
      { eventName: 'pull_request', ref: 'refs/pull/7/merge' },
      'repo:contoso/mail-connector:pull_request',
    ],
    [{ ref: 'refs/tags/v1.2' }, 'repo:contoso/mail-connector:ref:refs/tags/v1.2'],
    [{ environment: 'a:b' }, 'repo:contoso/mail-connector:environment:a%3Ab'],
    [{ idSubject: true }, 'repo:contoso@4711001/mail-connector@982734001:ref:refs/heads/main'],
  ])('builds the subject by GitHub’s rules: %j', async (change, subject) => {
    expect(githubSubject({ ...DEFAULT_JOB, ...change })).toBe(subject);
    sandbox.tenant.github = { ...DEFAULT_JOB, ...change };
    expect(claimsOf(await githubToken()).sub).toBe(subject);
  });
});

describe("the sandbox's Entra: federated assertions", () => {
  it('exchanges a matching GitHub token for an app-only token (appidacr 2)', async () => {
    const answer = await exchange(await githubToken());
    expect(answer.status).toBe(200);
    expect(claimsOf(answer.body.access_token as string)).toMatchObject({
      appidacr: '2',
      idtyp: 'app',
      aud: 'https://outlook.office365.com',
    });
  });

  it.each([
    [
      'a job in an environment against a branch credential',
      () => {
        sandbox.tenant.github.environment = 'production';
      },
      700213,
      "presented assertion subject 'repo:contoso/mail-connector:environment:production'",
    ],
    [
      'a subject that differs only in case',
      () => {
        sandbox.tenant.github.owner = 'Contoso';
      },
      7002138,
      'matches with case-insensitive comparison',
    ],
    [
      'an issuer with a trailing slash',
      () => {
        sandbox.tenant.federatedCredentials![0]!.issuer = `${GITHUB_ISSUER}/`;
      },
      700211,
      `presented assertion issuer '${GITHUB_ISSUER}'`,
    ],
    [
      'no federated credential at all',
      () => {
        sandbox.tenant.federatedCredentials = [];
      },
      70021,
      `Assertion Subject: 'repo:contoso/mail-connector:ref:refs/heads/main'`,
    ],
    [
      'another audience',
      () => {
        sandbox.tenant.federatedCredentials![0]!.audiences = ['api://AzureADTokenExchangeUSGov'];
      },
      700212,
      `presented assertion audience '${AUDIENCE}'`,
    ],
  ])('refuses %s', async (_name, change, code, words) => {
    change();
    const answer = await exchange(await githubToken());
    expect(codeOf(answer)).toBe(code);
    expect(answer.body.error_description).toContain(words);
  });

  it('refuses an expired GitHub token with AADSTS700024 and the three instants', async () => {
    const jwt = await githubToken();
    clock += 11 * 60_000; // 5 minutes of life + 5 of skew, passed
    const answer = await exchange(jwt);
    expect(codeOf(answer)).toBe(700024);
    expect(answer.body.error_description).toMatch(
      /Current time: \S+Z, assertion valid from \S+Z, expiry time of assertion \S+Z/,
    );
  });
});

describe("the sandbox's Entra: certificate assertions", () => {
  const assertion = (pem: string, change: { tokenUrl?: string; now?: Date } = {}) => {
    const loaded = loadClientCertificate(pem, new Date());
    if (!loaded.ok) throw new Error(loaded.problem);
    return signClientAssertion({
      certificate: loaded.certificate,
      clientId: SANDBOX_CLIENT_ID,
      tokenUrl: change.tokenUrl ?? tokenUrl(),
      now: change.now ?? new Date(clock),
    });
  };

  it('accepts an assertion signed by a registered certificate', async () => {
    const answer = await exchange(assertion(registered.pem));
    expect(answer.status).toBe(200);
    expect(claimsOf(answer.body.access_token as string).appidacr).toBe('2');
  });

  it('refuses an unregistered certificate with AADSTS700027, naming its thumbprint', async () => {
    const thumbprint = loadClientCertificate(unregistered.pem, new Date());
    const answer = await exchange(assertion(unregistered.pem));
    expect(answer.status).toBe(401);
    expect(codeOf(answer)).toBe(700027);
    expect(answer.body.error_description).toContain(
      `[Reason - The key was not found., Thumbprint of key used by client: '${thumbprint.ok && thumbprint.certificate.thumbprints.sha1Hex}'`,
    );
  });

  it('refuses a wrong audience (AADSTS700023) and an expired assertion (AADSTS700024)', async () => {
    expect(
      codeOf(
        await exchange(
          assertion(registered.pem, {
            tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
          }),
        ),
      ),
    ).toBe(700023);
    expect(
      codeOf(await exchange(assertion(registered.pem, { now: new Date(clock - 20 * 60_000) }))),
    ).toBe(700024);
  });

  it("refuses a signature by another key under the registered certificate's thumbprint", async () => {
    const good = assertion(registered.pem).split('.');
    const other = assertion(unregistered.pem).split('.');
    const answer = await exchange(`${good[0]}.${good[1]}.${other[2]}`);
    expect(codeOf(answer)).toBe(700027);
    expect(answer.body.error_description).toContain(
      'Key was found, but use of the key to verify the signature failed.',
    );
  });
});
