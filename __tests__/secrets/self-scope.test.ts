// Self scope against the sandbox tenant: the secret in use found by its hint, judged by the
// thresholds; other secrets and certificates listed; one Graph read; no password request.
import { describe, expect, it } from '@jest/globals';
import {
  healthyTenant,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { DAY, expiryResults, isoIn, NOW, runEngine } from './engine-run.js';

const tenantWith = (inUseDays: number) => {
  const tenant = healthyTenant(NOW.getTime());
  tenant.app.secrets[0]!.endDateTime = isoIn(inUseDays);
  return tenant;
};
const addSecret = (
  tenant: ReturnType<typeof healthyTenant>,
  displayName: string,
  value: string,
  days: number,
) =>
  tenant.app.secrets.push({
    keyId: `5ec00000-0000-4000-8000-${String(tenant.app.secrets.length).padStart(12, '0')}`,
    displayName,
    value,
    startDateTime: isoIn(-100),
    endDateTime: isoIn(days),
  });

describe('secret-expiry, self scope', () => {
  it('fails when the secret in use expires in 3 days, with days left 3 and the fix', async () => {
    const run = await runEngine(tenantWith(3));
    const [result] = expiryResults(run);
    expect(result).toMatchObject({ status: 'fail', title: 'Client secret expiry' });
    expect(result!.summary).toBe(
      "The client secret in use ('CI secret', hint 'Xk4') expires in 3 days (2026-11-27)",
    );
    expect(result!.remediation).toContain('Certificates & secrets → New client secret');
    expect(result!.remediation).toContain("'Mail connector (sandbox)'");
    expect(result!.remediation).toContain("'CI secret' (ends 2026-11-27)");
    expect(run.outcome.secretInUse).toEqual({ endDateTime: isoIn(3), daysLeft: 3 });
    expect(run.outcome.report.result).toBe('fail');
    expect(run.outcome.report.secrets).toEqual([
      {
        keyId: 'c0ffee00-1111-4222-8333-444455556666',
        displayName: 'CI secret',
        hint: 'Xk4',
        endDateTime: isoIn(3),
        daysLeft: 3,
        inUse: true,
        app: 'Mail connector (sandbox)',
        kind: 'password',
      },
    ]);
    expect(result!.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        title: 'Client secret expiring: Mail connector (sandbox)',
      }),
    ]);
    expect(result!.annotations![0]!.message).toContain(
      "client secret 'CI secret' of 'Mail connector (sandbox)'",
    );
    expect(result!.annotations![0]!.message).toContain('2026-11-27');
    expect(result!.tables![0]!.rows).toEqual([
      ["client secret 'CI secret'", 'Xk4', '2026-11-27', '3', 'yes', '❌ expiring'],
    ]);
  });

  it('warns at 20 days, passes at 31, fails at exactly failure-days', async () => {
    expect(expiryResults(await runEngine(tenantWith(20)))[0]!.status).toBe('warn');
    expect(expiryResults(await runEngine(tenantWith(31)))[0]!.status).toBe('pass');
    const atFailure = await runEngine(tenantWith(10), {
      'secret-expiry-failure-days': '10',
      'secret-expiry-warning-days': '15',
    });
    expect(expiryResults(atFailure)[0]!.status).toBe('fail');
  });

  it('fails an expired secret and gives negative days (the engine clock is past the end)', async () => {
    // Entra refuses an expired secret outright; here the sandbox's clock still accepts it so
    // that the check's own arithmetic is what decides.
    const tenant = tenantWith(-2.5);
    const run = await runEngine(tenant, {}, { sandbox: new Date(NOW.getTime() - 5 * DAY) });
    const [result] = expiryResults(run);
    expect(result!.status).toBe('fail');
    expect(result!.summary).toContain('expired 2 days ago (2026-11-22)');
    expect(run.outcome.secretInUse?.daysLeft).toBe(-3);
  });

  it('fails with AADSTS7000222 when Entra refuses the expired secret', async () => {
    const run = await runEngine(tenantWith(-1));
    const [result] = expiryResults(run);
    expect(result).toMatchObject({ status: 'fail', code: 'AADSTS7000222' });
    expect(result!.summary).toContain('has expired');
    expect(result!.remediation).toContain('New client secret');
    expect(run.outcome.secretInUse).toBeUndefined();
  });

  it('reports a year-2299 secret as never expiring, and passes', async () => {
    const tenant = healthyTenant(NOW.getTime());
    tenant.app.secrets[0]!.endDateTime = '2299-12-31T23:59:59Z';
    const run = await runEngine(tenant);
    const [result] = expiryResults(run);
    expect(result!.status).toBe('pass');
    expect(result!.summary).toContain('never expires (2299-12-31)');
    expect(result!.tables![0]!.rows[0]).toContain('2299-12-31 (never expires)');
    expect(run.outcome.secretInUse?.endDateTime).toBe('2299-12-31T23:59:59.000Z');
  });

  it('warns when no secret of the app has the hint (legacy secret shown without a hint)', async () => {
    const tenant = tenantWith(200);
    tenant.app.secrets[0]!.hint = null;
    const run = await runEngine(tenant);
    const [result] = expiryResults(run);
    expect(result!.status).toBe('warn');
    expect(result!.summary).toBe(
      "The configured client secret is not among the secrets of 'Mail connector (sandbox)'",
    );
    expect(result!.details).toContain("has the hint 'Xk4'");
    expect(result!.details).toContain('client-id names another app');
    expect(run.outcome.secretInUse).toBeUndefined();
    expect(run.outcome.report.secrets).toMatchObject([{ inUse: false, hint: '' }]);
    // Its own annotation, so it is not lost behind other credentials' annotations.
    expect(result!.annotations).toEqual([
      {
        level: 'warning',
        title: 'Client secret not found: Mail connector (sandbox)',
        message: expect.stringMatching(/has the hint 'Xk4'.*\nFix: Check that client-id \(3b8e/s),
      },
    ]);
  });

  it('says so when two secrets share the hint, and judges by the soonest', async () => {
    const tenant = tenantWith(200);
    addSecret(tenant, 'Old CI secret', `${SANDBOX_SECRET.slice(0, 3)}other-value-0000`, 5);
    const run = await runEngine(tenant);
    const [result] = expiryResults(run);
    expect(result!.status).toBe('fail');
    expect(result!.summary).toContain("('Old CI secret', hint 'Xk4') expires in 5 days");
    expect(result!.details).toContain(
      "2 secrets of 'Mail connector (sandbox)' share the hint 'Xk4'",
    );
    expect(run.outcome.secretInUse?.daysLeft).toBe(5);
    expect(Array.from(run.outcome.report.secrets, (s) => [s.displayName, s.inUse])).toEqual([
      ['Old CI secret', true],
      ['CI secret', true],
    ]);
  });

  it('shows an unused secret expiring soon without failing or warning', async () => {
    const tenant = tenantWith(200);
    addSecret(tenant, 'Forgotten secret', 'zzz8Q~unused', 2);
    const run = await runEngine(tenant);
    const [result] = expiryResults(run);
    expect(result!.status).toBe('pass');
    expect(run.outcome.report.result).toBe('pass');
    expect(result!.summary).toContain('1 other secret(s) expire within 30 days');
    expect(result!.details).toContain(
      "failure: client secret 'Forgotten secret' of 'Mail connector (sandbox)' expires in 2 days (2026-11-26), not in use by this pipeline",
    );
    expect(result!.annotations).toEqual([expect.objectContaining({ level: 'notice' })]);
    // Soonest first.
    expect(Array.from(run.outcome.report.secrets, (s) => s.displayName)).toEqual([
      'Forgotten secret',
      'CI secret',
    ]);
    expect(run.outcome.secretInUse?.daysLeft).toBe(200);
  });

  it('lists certificates and judges them by the same thresholds', async () => {
    const tenant = tenantWith(200);
    tenant.app.certificates.push(
      {
        keyId: 'ce000000-0000-4000-8000-000000000001',
        displayName: 'CN=mail-connector',
        startDateTime: isoIn(-300),
        endDateTime: isoIn(12),
      },
      {
        keyId: 'ce000000-0000-4000-8000-000000000002',
        displayName: 'CN=long-lived',
        startDateTime: isoIn(-300),
        endDateTime: isoIn(600),
      },
    );
    const run = await runEngine(tenant);
    const [result] = expiryResults(run);
    expect(result!.status).toBe('warn');
    expect(result!.summary).toContain('1 certificate(s) expire within 30 days');
    expect(result!.remediation).toContain('Upload certificate');
    expect(result!.remediation).toContain("certificate 'CN=mail-connector'");
    expect(
      Array.from(run.outcome.report.secrets, (s) => [s.displayName, s.kind, s.daysLeft]),
    ).toEqual([
      ['CN=mail-connector', 'certificate', 12],
      ['CI secret', 'password', 200],
      ['CN=long-lived', 'certificate', 600],
    ]);
    tenant.app.certificates[0]!.endDateTime = isoIn(6);
    expect(expiryResults(await runEngine(tenant))[0]!.status).toBe('fail');
  });

  it('makes no password request, even with a password given, and one Graph read', async () => {
    const run = await runEngine(tenantWith(200), {
      username: SANDBOX_USER,
      password: SANDBOX_PASSWORD,
    });
    expect(expiryResults(run)[0]!.status).toBe('pass');
    const tokenRequests = run.requests.filter((r) => r.route === 'token');
    expect(tokenRequests.map((r) => r.form?.get('grant_type'))).toEqual(['client_credentials']);
    expect(run.requests.filter((r) => r.route === 'graph')).toHaveLength(1);
    expect(run.outcome.token).toBeUndefined();
  });
});
