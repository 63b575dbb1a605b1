// Tenant scope against a generated sandbox tenant served in several pages: every other app's
// credential within the warning window, grouped by app; a clear failure without
// Application.Read.All.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { runPreflight } from '../../src/preflight.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import { startSandbox } from '../../sandbox/server.js';
import { generatedApp } from '../../sandbox/graph/tenant-apps.js';
import { grantApplicationReadAll } from '../../sandbox/scenarios.js';
import {
  healthyTenant,
  SANDBOX_CLIENT_ID,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  type GeneratedApps,
} from '../../sandbox/tenant.js';
import { DAY, expiryResults, isoIn, NOW, runEngine } from './engine-run.js';

const spec: GeneratedApps = {
  count: 25,
  epochMs: NOW.getTime(),
  secretDays: [100, 5, 20, -4, 400],
  certificateDays: [null, 25, null],
  maxPageSize: 10,
};

/** What the generator serves, judged independently: end dates within 30 days of NOW. */
function expectedWithinWindow(): { app: string; displayName: string; endDateTime: string }[] {
  const out = [];
  for (let i = 1; i <= spec.count; i++) {
    const app = generatedApp(spec, i) as {
      displayName: string;
      passwordCredentials: { displayName: string; endDateTime: string }[];
      keyCredentials: { displayName: string; endDateTime: string }[];
    };
    for (const c of [...app.passwordCredentials, ...app.keyCredentials])
      if (Date.parse(c.endDateTime) <= NOW.getTime() + 30 * DAY)
        out.push({ app: app.displayName, displayName: c.displayName, endDateTime: c.endDateTime });
  }
  return out;
}

describe('secret-expiry, tenant scope', () => {
  it('follows @odata.nextLink over every page and reports credentials within the window', async () => {
    const tenant = healthyTenant(NOW.getTime());
    grantApplicationReadAll(tenant);
    tenant.otherApps = spec;
    const run = await runEngine(tenant, { 'secret-expiry-scope': 'tenant' });

    const lists = run.requests.filter((r) => r.path.startsWith('/v1.0/applications?'));
    expect(lists).toHaveLength(3); // 26 apps (own + 25) in pages of 10
    expect(lists[0]!.path).toBe(
      '/v1.0/applications?$select=id,appId,displayName,passwordCredentials,keyCredentials&$top=999',
    );
    expect(lists.slice(1).every((r) => r.path.includes('$skiptoken='))).toBe(true);
    expect(run.progress).toHaveLength(3);
    expect(run.progress[2]).toMatch(/page 3, 26 applications scanned/);

    const [self, scan] = expiryResults(run);
    expect(self!.status).toBe('pass');
    expect(scan!.title).toBe('Credential expiry across the tenant');
    expect(scan!.status).toBe('warn');
    const expected = expectedWithinWindow();
    const apps = new Set(expected.map((e) => e.app));
    expect(scan!.summary).toMatch(
      new RegExp(
        `^Scanned 26 applications \\(3 pages, \\d+ ms\\): ${expected.length} credential\\(s\\) of ${apps.size} other app\\(s\\) expire within 30 days or have expired$`,
      ),
    );
    // The report lists them (plus this app's own secret), soonest first.
    const secrets = [...run.outcome.report.secrets];
    expect(secrets).toHaveLength(expected.length + 1);
    const others = secrets.filter((s) => s.app !== 'Mail connector (sandbox)');
    expect(others.map((s) => [s.app, s.displayName]).sort()).toEqual(
      expected.map((e) => [e.app, e.displayName]).sort(),
    );
    const ends = secrets.map((s) => Date.parse(s.endDateTime));
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    expect(others.every((s) => !s.inUse)).toBe(true);
    expect(secrets.find((s) => s.displayName === 'secret of app 4')).toMatchObject({
      daysLeft: -4,
      hint: 'g04',
    });
    // Grouped by app: an app's lines follow its heading, the soonest app first.
    const lines = scan!.details!.split('\n');
    expect(lines[0]).toBe("'Generated app 4' (app 0b000000-0000-4000-8000-000000000004):");
    expect(lines[1]).toBe(
      "  expired: client secret 'secret of app 4' of 'Generated app 4' expired 3 days ago (2026-11-20)",
    );
    const app2 = lines.indexOf("'Generated app 2' (app 0b000000-0000-4000-8000-000000000002):");
    expect(lines.slice(app2 + 1, app2 + 3)).toEqual([
      "  failure: client secret 'secret of app 2' of 'Generated app 2' expires in 5 days (2026-11-29)",
      "  warning: certificate 'CN=app-2' of 'Generated app 2' expires in 25 days (2026-12-19)",
    ]);
    expect(scan!.tables![0]!.headers[0]).toBe('App');
    expect(scan!.annotations!.every((a) => a.level === 'warning')).toBe(true);
    // Other apps' credentials warn, never fail the run.
    expect(run.outcome.report.result).toBe('warn');
  });

  it('passes when no other app has a credential within the window', async () => {
    const tenant = healthyTenant(NOW.getTime());
    grantApplicationReadAll(tenant);
    tenant.otherApps = { count: 5, epochMs: NOW.getTime(), secretDays: [90, 45] };
    const run = await runEngine(tenant, { 'secret-expiry-scope': 'tenant' });
    const [, scan] = expiryResults(run);
    expect(scan!.status).toBe('pass');
    expect(scan!.summary).toMatch(/no other app has a credential expiring within 30 days$/);
  });

  it('fails with a message naming Application.Read.All when Graph refuses the listing', async () => {
    const tenant = healthyTenant(NOW.getTime());
    tenant.otherApps = spec;
    const run = await runEngine(tenant, { 'secret-expiry-scope': 'tenant' });
    const [self, scan] = expiryResults(run);
    expect(self!.status).toBe('pass');
    expect(scan).toMatchObject({ status: 'fail', code: 'Authorization_RequestDenied' });
    expect(scan!.summary).toBe(
      "Listing the tenant's applications was refused (Microsoft Graph answered HTTP 403 Authorization_RequestDenied): secret-expiry-scope: tenant needs the Microsoft Graph application permission Application.Read.All",
    );
    expect(scan!.remediation).toContain('Application permissions → Application.Read.All');
    expect(scan!.remediation).toContain('Grant admin consent');
    expect(run.outcome.report.result).toBe('fail');
    // The self-scope outputs still come from the registration read.
    expect(run.outcome.secretInUse?.daysLeft).toBe(300);
  });
});

describe('secret-expiry, tenant scope, a next page link off the Graph host', () => {
  it.each([
    ['to another host', (other: string) => `${other}/v1.0/applications?$skiptoken=abc`, ''],
    ['that is not a URL', () => 'not a url/applications?$skiptoken=abc', 'not a URL'],
  ])('stops the scan at a link %s rather than send the token elsewhere', async (_, link, named) => {
    const elsewhere: string[] = [];
    const other = createServer((req, res) => {
      elsewhere.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.end('{}');
    });
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const sandbox = await startSandbox({ tenant: healthyTenant(NOW.getTime()) });
    // A Graph stand-in: the app itself from the sandbox's view, one page pointing elsewhere.
    const graph = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/v1.0/applications(')) {
        res.end(
          JSON.stringify({
            id: 'x',
            appId: SANDBOX_CLIENT_ID,
            displayName: 'Mail connector',
            passwordCredentials: [
              { keyId: 'k', displayName: 'CI secret', hint: 'Xk4', endDateTime: isoIn(200) },
            ],
          }),
        );
      } else {
        res.end(
          JSON.stringify({
            value: [],
            '@odata.nextLink': link(otherOrigin),
          }),
        );
      }
    });
    await new Promise<void>((done) => graph.listen(0, '127.0.0.1', done));
    const graphUrl = `http://127.0.0.1:${(graph.address() as AddressInfo).port}`;
    try {
      const parsed = parseSettings({
        'tenant-id': SANDBOX_TENANT_ID,
        'client-id': SANDBOX_CLIENT_ID,
        'client-secret': SANDBOX_SECRET,
        checks: 'secret-expiry',
        'secret-expiry-scope': 'tenant',
        endpoints: `authority=${sandbox.url}\ngraph=${graphUrl}`,
      });
      const outcome = await runPreflight(parsed, {
        log: { debug: () => undefined, info: () => undefined, warning: () => undefined },
        registerSecret: () => undefined,
        now: () => NOW,
      });
      const scan = outcome.report.checks.find(
        (c) => c.title === 'Credential expiry across the tenant',
      );
      expect(scan?.status).toBe('fail');
      expect(scan?.summary).toContain(`points to another host (${named || otherOrigin})`);
      expect(elsewhere).toEqual([]);
    } finally {
      other.close();
      graph.close();
      await sandbox.close();
    }
  });
});
