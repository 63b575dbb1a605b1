// The permissions check through the built dist/index.js, as a runner runs it: the
// missing-permissions output in the contract's format, the report entry, the exit status, and no
// secret anywhere.
import { afterEach, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { SANDBOX_PASSWORD, SANDBOX_SECRET } from '../../sandbox/tenant.js';
import { findLeaks } from '../helpers/leak-check.js';
import { runAction } from '../helpers/run-action.js';
import { sandboxInputs } from './engine-run.js';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

interface ReportCheck {
  id: string;
  status: string;
  summary: string;
  remediation?: string;
}

it('healthy tenant: permissions pass and missing-permissions is empty', async () => {
  sandbox = await startSandbox();
  const run = await runAction({ ...sandboxInputs(sandbox), checks: 'permissions, token' });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.outputs['missing-permissions']).toBe('');
  const checks = (run.report?.checks ?? []) as ReportCheck[];
  expect(checks.find((c) => c.id === 'permissions')).toMatchObject({ status: 'pass' });
});

it('unconsented SMTP.Send: fails, names the fix, and sets missing-permissions', async () => {
  sandbox = await startSandbox({ scenario: 'smtp-not-consented' });
  // The permissions check alone: with the token check too, the token's AADSTS65001 is the one red
  // row and this one says "same cause" (__tests__/report/one-cause-outputs.test.ts).
  const run = await runAction({ ...sandboxInputs(sandbox), checks: 'permissions' });
  expect(run.code).toBe(1);
  expect(run.outputs['missing-permissions']).toBe('graph:SMTP.Send (delegated)');
  expect(run.outputs.result).toBe('fail');
  const checks = (run.report?.checks ?? []) as ReportCheck[];
  const permissions = checks.find((c) => c.id === 'permissions')!;
  expect(permissions.status).toBe('fail');
  expect(permissions.summary).toBe(
    '1 of 3 required permissions missing: graph:SMTP.Send (delegated) not consented',
  );
  expect(permissions.remediation).toContain('Grant admin consent for <your organisation>');
  expect(run.stdout).toMatch(/::error title=App registration permissions failed::/);
  expect(findLeaks(run, [SANDBOX_SECRET, SANDBOX_PASSWORD])).toEqual([]);
});

it('email-connector profile, app-only: several missing, comma-separated', async () => {
  const tenant = (await import('../../sandbox/tenant.js')).healthyTenant();
  const { neverAdded, unconsent } = await import('../../sandbox/graph/permission-faults.js');
  const { GRAPH_APP_ID, EXCHANGE_APP_ID } = await import('../../sandbox/permission-ids.js');
  unconsent(tenant, EXCHANGE_APP_ID, 'IMAP.AccessAsApp', 'application');
  neverAdded(tenant, GRAPH_APP_ID, 'User.Read.All', 'application');
  sandbox = await startSandbox({ tenant });
  const run = await runAction({
    ...sandboxInputs(sandbox),
    grant: 'client-credentials',
    password: '',
    'permissions-profile': 'email-connector',
    // entra: the Exchange app role is required as the setup page has it (auto would let an
    // app-only login decide, and no login runs here).
    'exchange-authorization': 'entra',
    checks: 'permissions',
  });
  expect(run.code).toBe(1);
  expect(run.outputs['missing-permissions']).toBe(
    'exchange:IMAP.AccessAsApp (application), graph:User.Read.All (application)',
  );
});
