// dist/index.js run exactly as a runner runs it, on Node 20 and Node 24, against the sandbox.
// Every run goes through runActionChecked: no secret or token leaks, on success or failure.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { sandboxInputs } from '../../sandbox/inputs.js';
import { SANDBOX_PASSWORD, SANDBOX_SECRET, SANDBOX_TENANT_ID } from '../../sandbox/tenant.js';
import { runActionChecked } from '../helpers/checked-run.js';
import { maskedBeforeUse } from '../helpers/leak-check.js';
import { nodeBinaries } from '../helpers/node-binaries.js';

const { available, missing } = nodeBinaries();
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.faults.clear());

const baseInputs = (): Record<string, string> => sandboxInputs(sandbox);

const passwordRequests = (since: number) =>
  sandbox.requests.slice(since).filter((r) => r.form?.get('grant_type') === 'password');

for (const reason of missing) it.skip(`runs on ${reason}`, () => undefined);

describe.each(available)('dist/index.js on $name', ({ path: node }) => {
  it('gets a token, masks it before anything else prints it, and sets the outputs', async () => {
    const run = await runActionChecked(baseInputs(), { node, sandbox });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const token = run.outputs['access-token']!;
    const refresh = run.outputs['refresh-token']!;
    expect(token.split('.')).toHaveLength(3);
    expect(refresh).toMatch(/^sandbox-rt\./);
    expect(maskedBeforeUse(run.stdout, token)).toBe(true);
    expect(maskedBeforeUse(run.stdout, refresh)).toBe(true);
    // The secret inputs are masked before anything else is printed.
    expect(run.stdout.split('\n').slice(0, 2).sort()).toEqual(
      [`::add-mask::${SANDBOX_PASSWORD}`, `::add-mask::${SANDBOX_SECRET}`].sort(),
    );
    expect(new Date(run.outputs['token-expires-on']!).getTime()).toBeGreaterThan(
      Date.now() + 50 * 60_000,
    );
    expect(run.outputs['granted-scopes']).toBe(
      'https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send',
    );
    expect(run.outputs.result).toBe('pass');
    expect(run.report).toMatchObject({
      version: 1,
      result: 'pass',
      grant: 'password',
      tenantId: SANDBOX_TENANT_ID,
      checks: [{ id: 'inputs' }, { id: 'token', status: 'pass' }],
    });
    expect(run.summary).toContain('<table>');
  });

  it('app-only: gets a token with the client-credentials grant and no refresh token', async () => {
    const run = await runActionChecked({ ...baseInputs(), password: '' }, { node, sandbox });
    expect(run.code).toBe(0);
    expect(run.report).toMatchObject({ grant: 'client-credentials', result: 'pass' });
    expect(run.outputs['refresh-token']).toBeUndefined();
    expect(run.outputs['granted-scopes']).toBe('https://outlook.office365.com/.default');
  });

  it.each([
    ['tenant-id', 'common', /input 'tenant-id' 'common' is a multi-tenant alias/],
    ['tenant-id', 'contoso.com/../x', /input 'tenant-id' .* not allowed in a tenant id/],
    ['client-id', 'my-app', /input 'client-id' 'my-app' is not a GUID/],
    [
      'endpoints',
      'authority=http://login.example.com',
      /input 'endpoints' authority: .*only for loopback/,
    ],
    ['timeout-seconds', 'soon', /input 'timeout-seconds' 'soon' must be a whole number/],
  ])(
    'refuses %s %p: an error naming it, exit 1, a report, and no request',
    async (name, value, message) => {
      const before = sandbox.requests.length;
      const run = await runActionChecked({ ...baseInputs(), [name]: value }, { node, sandbox });
      expect(run.code).toBe(1);
      // An error annotation (its title is the reporting code's choice) naming the input.
      expect(run.stdout).toMatch(new RegExp(`^::error [^\\n]*${message.source}`, 'm'));
      expect(run.report).toMatchObject({
        result: 'fail',
        checks: [{ id: 'inputs', status: 'fail' }],
      });
      expect(run.outputs.result).toBe('fail');
      expect(sandbox.requests.length).toBe(before);
    },
  );

  it('a wrong password: AADSTS50126, sent exactly once, exit 1, nothing leaked', async () => {
    const before = sandbox.requests.length;
    const inputs = { ...baseInputs(), password: 'Wr0ng pass!' };
    const run = await runActionChecked(inputs, { node, sandbox });
    expect(run.code).toBe(1);
    expect(passwordRequests(before)).toHaveLength(1);
    expect(run.report).toMatchObject({
      result: 'fail',
      token: null,
      checks: [{ id: 'inputs' }, { id: 'token', status: 'fail', code: 'AADSTS50126' }],
    });
    expect(run.stdout).toMatch(/^::error [^\n]*AADSTS50126/m);
    expect(run.outputs['access-token']).toBeUndefined();
  });

  it("the secret's ID instead of its value: a warning, then AADSTS7000215 with the fix", async () => {
    const inputs = { ...baseInputs(), 'client-secret': 'c0ffee00-1111-4222-8333-444455556666' };
    const run = await runActionChecked(inputs, { node, sandbox });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::warning [^\n]*client-secret looks like a GUID/m);
    expect(run.report).toMatchObject({
      checks: [
        { id: 'inputs', status: 'warn' },
        { id: 'token', status: 'fail', code: 'AADSTS7000215' },
      ],
    });
    expect(run.reportText).toContain('copy the secret VALUE');
  });

  it('a password with surrounding spaces is sent as given, with a warning', async () => {
    const before = sandbox.requests.length;
    const inputs = { ...baseInputs(), password: ` ${SANDBOX_PASSWORD} ` };
    const run = await runActionChecked(inputs, { node, sandbox });
    expect(run.stdout).toMatch(/password has leading or trailing whitespace/);
    expect(passwordRequests(before)[0]!.form!.get('password')).toBe(` ${SANDBOX_PASSWORD} `);
    expect(run.report).toMatchObject({
      checks: [
        { id: 'inputs', status: 'warn' },
        { id: 'token', code: 'AADSTS50126' },
      ],
    });
  });

  it('a hung token endpoint fails the run by timeout-seconds, naming the endpoint', async () => {
    sandbox.faults.add({ kind: 'hang', times: 1, route: 'token' });
    const run = await runActionChecked(
      { ...baseInputs(), 'timeout-seconds': '1' },
      { node, sandbox },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^::error [^\n]*token endpoint \(mail token\) \(http:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]+\/oauth2\/v2\.0\/token\) did not answer before the run's deadline \(timeout-seconds: 1\)/m,
    );
  });
});
