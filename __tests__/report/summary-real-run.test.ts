// The job summary of real engine runs against the sandbox tenant (not hand-made reports): a
// passing run and a failing one (secret ID instead of value: the token, the permissions read and
// the secret check all fail), with one fixed clock, checked in as fixtures. What varies from run
// to run (durations, trace and correlation IDs, timestamps) is normalised first. These show what
// a person sees in a run: the permission table, the secrets table, Microsoft's reply and the fix.
// UPDATE_FIXTURES=1 rewrites them; look at the diff (and at them as HTML) before committing.
import { describe, expect, it } from '@jest/globals';
import { runPreflight } from '../../src/preflight.js';
import { planAnnotations } from '../../src/report/annotations.js';
import { renderSummary } from '../../src/report/summary-html.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import { startSandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
  healthyTenant,
  type SandboxTenant,
} from '../../sandbox/tenant.js';
import { matchesSummaryFixture } from './summary-fixtures.js';

const NOW = new Date('2026-11-24T12:00:00Z');

async function summaryOf(
  scenario: string,
  inputs: Record<string, string> = {},
  change: (tenant: SandboxTenant) => void = () => undefined,
): Promise<string> {
  const tenant = healthyTenant(NOW.getTime());
  change(tenant);
  const sandbox = await startSandbox({ scenario, tenant, now: () => NOW.getTime() });
  try {
    const outcome = await runPreflight(
      parseSettings({
        'tenant-id': SANDBOX_TENANT_ID,
        'client-id': SANDBOX_CLIENT_ID,
        'client-secret': SANDBOX_SECRET,
        username: SANDBOX_USER,
        password: SANDBOX_PASSWORD,
        checks: 'permissions, token, secret-expiry',
        endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
        ...inputs,
      }),
      {
        log: { debug: () => undefined, info: () => undefined, warning: () => undefined },
        registerSecret: () => undefined,
        now: () => NOW,
      },
    );
    const text = renderSummary(outcome.report, {
      overflow: planAnnotations(outcome.report).overflow,
    });
    expect(text).not.toContain(sandbox.url);
    return normalise(text);
  } finally {
    await sandbox.close();
  }
}

function normalise(text: string): string {
  return text
    .replace(/\b\d+ ms\b/g, 'N ms')
    .replace(/(Trace|Correlation) ID: [0-9a-f-]{36}/g, '$1 ID: {id}')
    .replace(/Timestamp: [\d-]+ [\d:]+Z/g, 'Timestamp: {time}');
}

describe('the job summary of real runs against the sandbox', () => {
  it('a passing run: verdict, checks table, the permission and secrets tables open', async () => {
    const text = await summaryOf('healthy');
    expect(text).toMatch(/^<h2>✅ Microsoft 365 mail preflight: pass<\/h2>/);
    expect(text).toMatch(/<details open><summary><strong>✅ App registration permissions/);
    expect(text).toMatch(/<details open><summary><strong>✅ Client secret expiry/);
    matchesSummaryFixture('real-passing', text);
  });

  it("a failing run: each failure with Microsoft's reply and the fix", async () => {
    const text = await summaryOf('secret-id-instead-of-value', {
      'client-secret': 'c0ffee00-1111-4222-8333-444455556666',
    });
    expect(text).toMatch(/^<h2>❌ Microsoft 365 mail preflight: fail<\/h2>/);
    expect(text).toContain('<code>AADSTS7000215</code>');
    expect(text).toContain('Microsoft said (HTTP 401, invalid_client)');
    expect(text).toContain('<th>Fix</th>');
    matchesSummaryFixture('real-failing', text);
  });

  it('no consent (AADSTS65001): one red row, the permissions table under a row that says why', async () => {
    const text = await summaryOf('no-admin-consent');
    expect(text.match(/<td>❌&nbsp;failed/g)).toHaveLength(1);
    expect(text).toContain('<td>same cause as Access token: 3 of 3 required permissions missing');
    expect(text).toContain('From App registration permissions: Entra ID → App registrations');
    matchesSummaryFixture('real-no-consent', text);
  });

  it('hostile server text (the app and secret names Graph and Entra return) stays text', async () => {
    const text = await summaryOf('smtp-not-consented', {}, (tenant) => {
      tenant.app.displayName = HOSTILE;
      tenant.app.secrets[0]!.displayName = HOSTILE;
    });
    expect(text).not.toMatch(/<(script|img|a|h1)[\s>]/);
    matchesSummaryFixture('real-hostile', text);
  });
});

/** What a compromised or spoofed tenant puts in a name it controls (see also __tests__/hostile). */
const HOSTILE = [
  'Mail <b>connector</b>',
  '::error title=pwned::injected',
  '##[set-output name=result]pass',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '[docs](https://evil.example/a) https://evil.example/b ![x](https://evil.example/x.png)',
  '**bold** `code` | pipe | ~~struck~~',
  '\n\n# Heading\n\n<details open><summary>fake</summary>',
].join(' ');
