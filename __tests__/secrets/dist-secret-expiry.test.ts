// The secret-expiry check through dist/index.js, run as the runner runs it: the outputs
// secret-expires-on and secret-days-left, the exit status under fail-on, the report, no leaks,
// and no password request when only the expiry check runs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { grantApplicationReadAll } from '../../sandbox/scenarios.js';
import { findLeaks } from '../helpers/leak-check.js';
import { runAction } from '../helpers/run-action.js';

const DAY = 86_400_000;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/**
 * Sets the secret in use to end `days` whole days and half a day from now: the action reads the
 * clock a moment later, and the half day keeps the rounded-down count exact across that moment.
 */
function secretEndsIn(days: number): string {
  const end = new Date(Date.now() + days * DAY + DAY / 2).toISOString();
  sandbox.tenant.app.secrets[0]!.endDateTime = end;
  return end;
}

const annotationLines = (stdout: string) =>
  stdout.split('\n').filter((line) => /^::(error|warning|notice)\b/.test(line));

const inputs = (more: Record<string, string> = {}) => ({
  'tenant-id': SANDBOX_TENANT_ID,
  'client-id': SANDBOX_CLIENT_ID,
  'client-secret': SANDBOX_SECRET,
  checks: 'secret-expiry',
  endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
  ...more,
});

describe('secret-expiry through dist/index.js', () => {
  it('fails when the secret in use expires in 3 days and sets the outputs', async () => {
    const end = secretEndsIn(3);
    const run = await runAction(inputs());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('fail');
    expect(run.outputs['secret-days-left']).toBe('3');
    expect(run.outputs['secret-expires-on']).toBe(end);
    // The credential's own annotation (app, credential, date) stands for the check's line.
    expect(annotationLines(run.stdout)).toEqual([
      expect.stringMatching(
        /^::error title=Client secret expiring%3A Mail connector \(sandbox\)::client secret 'CI secret' of 'Mail connector \(sandbox\)' \(app 3b8e6f0a-[\w-]+\) expires in 3 days/,
      ),
    ]);
    expect(run.report).toMatchObject({
      result: 'fail',
      checks: expect.arrayContaining([
        expect.objectContaining({ id: 'secret-expiry', status: 'fail' }),
      ]) as unknown,
      secrets: [
        {
          keyId: 'c0ffee00-1111-4222-8333-444455556666',
          displayName: 'CI secret',
          hint: 'Xk4',
          endDateTime: end,
          daysLeft: 3,
          inUse: true,
          app: 'Mail connector (sandbox)',
          kind: 'password',
        },
      ],
    });
    // Summary-only parts stay out of the JSON report.
    expect(run.reportText).not.toContain('"tables"');
    expect(run.reportText).not.toContain('"annotations"');
    expect(findLeaks(run, [SANDBOX_SECRET])).toEqual([]);
  });

  it('warns at 20 days: exit 0 with fail-on: error, exit 1 with fail-on: warning', async () => {
    secretEndsIn(20);
    const lenient = await runAction(inputs({ 'fail-on': 'error' }));
    expect(lenient.outputs.result).toBe('warn');
    expect(lenient.outputs['secret-days-left']).toBe('20');
    expect(lenient.code).toBe(0);
    const strict = await runAction(inputs({ 'fail-on': 'warning' }));
    expect(strict.outputs.result).toBe('warn');
    expect(strict.code).toBe(1);
  });

  it('annotates each credential at or past a threshold, with the app, its name and its date', async () => {
    const inUseEnd = secretEndsIn(3);
    const certEnd = new Date(Date.now() + 20 * DAY + DAY / 2).toISOString();
    sandbox.tenant.app.certificates = [
      {
        keyId: 'cafe0000-1111-4222-8333-444455556666',
        displayName: 'CN=signing',
        startDateTime: new Date(Date.now() - 300 * DAY).toISOString(),
        endDateTime: certEnd,
      },
    ];
    try {
      const run = await runAction(inputs());
      expect(run.code).toBe(1);
      const day = (iso: string) => iso.slice(0, 10);
      expect(annotationLines(run.stdout)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^::error title=Client secret expiring%3A Mail connector \\(sandbox\\)::client secret 'CI secret' of 'Mail connector \\(sandbox\\)' .*expires in 3 days \\(${day(inUseEnd)}\\)`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^::warning title=Certificate expiring%3A Mail connector \\(sandbox\\)::certificate 'CN=signing' of 'Mail connector \\(sandbox\\)' .*expires in 20 days \\(${day(certEnd)}\\)`,
          ),
        ),
      ]);
    } finally {
      sandbox.tenant.app.certificates = [];
    }
  });

  it('an unused secret expiring soon is a notice: the run still passes', async () => {
    secretEndsIn(200);
    const unusedEnd = new Date(Date.now() + 5 * DAY + DAY / 2).toISOString();
    sandbox.tenant.app.secrets.push({
      keyId: 'dead0000-1111-4222-8333-444455556666',
      displayName: 'old laptop secret',
      value: 'Zz9Q~an.unused.secret.value-not-real_0123456',
      startDateTime: new Date(Date.now() - 300 * DAY).toISOString(),
      endDateTime: unusedEnd,
    });
    try {
      const run = await runAction(inputs());
      expect(run.code).toBe(0);
      expect(run.outputs.result).toBe('pass');
      const lines = annotationLines(run.stdout);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^::notice title=[^:]+::.*'old laptop secret'.*5 days/);
    } finally {
      sandbox.tenant.app.secrets.pop();
    }
  });

  it('tenant scope: a warning annotation per other credential within the window, and a 403 that names Application.Read.All', async () => {
    secretEndsIn(200);
    const grants = [...sandbox.tenant.appRoleAssignments];
    sandbox.tenant.otherApps = { count: 3, epochMs: Date.now(), secretDays: [5, 400, 20] };
    try {
      const refused = await runAction(inputs({ 'secret-expiry-scope': 'tenant' }));
      expect(refused.code).toBe(1);
      expect(annotationLines(refused.stdout)).toEqual([
        expect.stringMatching(
          /^::error title=Credential expiry across the tenant failed \(Authorization_RequestDenied\)::.*needs the Microsoft Graph application permission Application\.Read\.All/,
        ),
      ]);
      expect(refused.stdout).toContain(
        'App registrations → the app 3b8e6f0a-2c4d-4e9b-9a1f-6d7c5b4a3e21 → API permissions → Add a permission → Microsoft Graph → Application permissions → Application.Read.All',
      );

      grantApplicationReadAll(sandbox.tenant);
      const run = await runAction(inputs({ 'secret-expiry-scope': 'tenant' }));
      expect(run.code).toBe(0);
      expect(run.outputs.result).toBe('warn');
      expect(annotationLines(run.stdout)).toEqual([
        expect.stringMatching(
          /^::warning title=Client secret expiring%3A Generated app 1::client secret 'secret of app 1' of 'Generated app 1' \(app 0b000000-[\w-]+\) expires in [45] days/,
        ),
        expect.stringMatching(
          /^::warning title=Client secret expiring%3A Generated app 3::client secret 'secret of app 3' of 'Generated app 3' \(app 0b000000-[\w-]+\) expires in (19|20) days/,
        ),
      ]);
    } finally {
      delete sandbox.tenant.otherApps;
      sandbox.tenant.appRoleAssignments = grants;
    }
  });

  it('makes no password (ROPC) request when only secret-expiry runs', async () => {
    secretEndsIn(200);
    const before = sandbox.requests.length;
    const run = await runAction(inputs({ username: SANDBOX_USER, password: SANDBOX_PASSWORD }));
    expect(run.code).toBe(0);
    expect(run.outputs['secret-days-left']).toBe('200');
    expect(run.outputs['access-token']).toBeUndefined();
    const made = sandbox.requests.slice(before);
    expect(made.filter((r) => r.route === 'token').map((r) => r.form?.get('grant_type'))).toEqual([
      'client_credentials',
    ]);
    expect(made.filter((r) => r.form?.has('password') || r.form?.has('username'))).toEqual([]);
    expect(findLeaks(run, [SANDBOX_SECRET, SANDBOX_PASSWORD])).toEqual([]);
  });
});
