// A tenant of 300,000 applications, 80 % of whose credentials are expiring or expired, scanned
// through the engine against the sandbox: the scan completes (it once crashed after the last
// page, spreading 127,500 findings into one call), reports every finding soonest first, keeps
// the human-facing parts short, and writes a report that reads back. How fast and how much memory
// is the bench's (`npm run bench -- tenant`), not this test's.
import { describe, expect, it } from '@jest/globals';
import { grantApplicationReadAll } from '../../sandbox/scenarios.js';
import { healthyTenant, type GeneratedApps } from '../../sandbox/tenant.js';
import { toReportJson } from '../../src/report/json-report.js';
import { DAY, expiryResults, NOW, runEngine } from './engine-run.js';

const APPS = 300_000;
const spec: GeneratedApps = {
  count: APPS - 1, // and the connector's own app: 300,000 in all
  epochMs: NOW.getTime(),
  // 4 of 5 secrets within 30 days or expired; 1 of 2 certificates on every other app.
  secretDays: [5, -3, 400, 25, 12],
  certificateDays: [20, null, 90, null],
};

/** What the generator's cycles give: credentials of the other apps within 30 days, and apps. */
function expectedFindings(): { found: number; apps: number } {
  let found = 0;
  let apps = 0;
  for (let k = 0; k < spec.count; k++) {
    const secret = spec.secretDays[k % spec.secretDays.length]! <= 30 ? 1 : 0;
    const cert = spec.certificateDays![k % spec.certificateDays!.length];
    const certificate = cert !== null && cert !== undefined && cert <= 30 ? 1 : 0;
    found += secret + certificate;
    if (secret + certificate) apps++;
  }
  return { found, apps };
}

describe('secret-expiry, tenant scope, 300,000 applications', () => {
  it('completes and reports every credential in the window, soonest first', async () => {
    const tenant = healthyTenant(NOW.getTime());
    grantApplicationReadAll(tenant);
    tenant.otherApps = spec;
    const run = await runEngine(tenant, { 'secret-expiry-scope': 'tenant' });
    const [, scan] = expiryResults(run);
    const { found: expected, apps } = expectedFindings();
    expect(expected).toBeGreaterThan(APPS * 0.8);
    expect(scan!.status).toBe('warn');
    expect(scan!.summary).toMatch(
      new RegExp(
        `^Scanned ${APPS} applications \\(301 pages, \\d+ ms\\): ${expected} credential\\(s\\) of ${apps} other app\\(s\\)`,
      ),
    );
    const secrets = [...run.outcome.report.secrets];
    expect(secrets).toHaveLength(expected + 1); // and this app's own secret
    for (let i = 1; i < secrets.length; i++)
      expect(secrets[i - 1]!.endDateTime <= secrets[i]!.endDateTime).toBe(true);
    expect(secrets[0]).toMatchObject({ daysLeft: -3, kind: 'password' });
    const others = secrets.filter((s) => s.app !== tenant.app.displayName);
    expect(others).toHaveLength(expected);
    expect(Date.parse(others.at(-1)!.endDateTime)).toBeLessThanOrEqual(NOW.getTime() + 31 * DAY);
    // The human-facing parts stay short however many there are.
    expect(scan!.details!.split('\n')).toHaveLength(501);
    expect(scan!.tables![0]!.rows).toHaveLength(201);
    expect(scan!.annotations).toHaveLength(50);
    // The report is one line per credential and reads back whole.
    const json = toReportJson(run.outcome.report);
    expect(json.split('\n').length).toBeLessThan(secrets.length + 100);
    expect((JSON.parse(json) as { secrets: unknown[] }).secrets).toHaveLength(secrets.length);
  }, 180_000);
});
