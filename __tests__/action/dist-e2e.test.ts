// dist/index.js run exactly as a runner runs it, on Node 20 and Node 24, against the sandbox.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { findLeaks, maskedBeforeUse } from '../helpers/leak-check.js';
import { nodeBinaries } from '../helpers/node-binaries.js';
import { runAction } from '../helpers/run-action.js';

const { available, missing } = nodeBinaries();
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const baseInputs = () => ({
  'tenant-id': SANDBOX_TENANT_ID,
  'client-id': SANDBOX_CLIENT_ID,
  'client-secret': SANDBOX_SECRET,
  username: SANDBOX_USER,
  password: SANDBOX_PASSWORD,
  checks: 'token',
  endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
});

for (const reason of missing) it.skip(`runs on ${reason}`, () => undefined);

describe.each(available)('dist/index.js on $name', ({ path: node }) => {
  it('gets a token, masks it before anything else prints it, and sets the outputs', async () => {
    const run = await runAction(baseInputs(), { node });
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
    });
    expect(run.summary).toContain('<table>');
    expect(findLeaks(run, [SANDBOX_SECRET, SANDBOX_PASSWORD, token, refresh])).toEqual([]);
  });

  it('refuses a bad input with an error naming it, exit 1, a report, and no request', async () => {
    const before = sandbox.requests.length;
    const run = await runAction({ ...baseInputs(), 'tenant-id': 'common' }, { node });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error title=Inputs failed::input 'tenant-id' 'common' is a multi-tenant alias/,
    );
    expect(run.report).toMatchObject({
      result: 'fail',
      checks: [{ id: 'inputs', status: 'fail' }],
    });
    expect(sandbox.requests.length).toBe(before);
    expect(findLeaks(run, [SANDBOX_SECRET, SANDBOX_PASSWORD])).toEqual([]);
  });
});
