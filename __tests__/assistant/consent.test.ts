// `m365-mail-preflight consent`: every device-code polling branch against the sandbox's device-code
// endpoint, the interval growing by 5 s on slow_down (recorded sleeps, no real waiting), the traps
// explained, and no token or device code in any output.
import { describe, expect, it } from '@jest/globals';
import { healthyTenant, SANDBOX_CLIENT_ID, SANDBOX_TENANT_ID } from '../../sandbox/tenant.js';
import type { DeviceCodeStep } from '../../sandbox/assistant-tenant.js';
import { leaksIn, runAssistantCli, withSandbox, type AssistantRun } from './assistant-run.js';

const BASE = ['consent', '--tenant-id', SANDBOX_TENANT_ID, '--client-id', SANDBOX_CLIENT_ID];

async function consent(steps: DeviceCodeStep[], more: string[] = [], publicClient = true) {
  const tenant = healthyTenant();
  tenant.app.isFallbackPublicClient = publicClient;
  tenant.deviceCode = { steps };
  return withSandbox(tenant, async (sandbox) => {
    const run = await runAssistantCli(sandbox, [...BASE, ...more]);
    const polls = sandbox.requests.filter((r) => r.route === 'token').length;
    return {
      run,
      polls,
      leaks: leaksIn(sandbox, run.stdout + run.stderr),
      issued: sandbox.issued.length,
    };
  });
}

const json = (run: AssistantRun) => JSON.parse(run.stdout) as Record<string, unknown>;

describe('consent: device-code polling', () => {
  it('keeps polling at the interval while authorization is pending, then reports scopes and amr', async () => {
    const { run, polls, leaks, issued } = await consent(['pending', 'pending', 'approve']);
    expect(run.code).toBe(0);
    expect(run.sleeps).toEqual([5000, 5000, 5000]);
    expect(polls).toBe(3);
    expect(run.stderr).toContain('enter the code');
    expect(run.stdout).toContain(
      'Scopes granted: https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send',
    );
    expect(run.stdout).toContain('Sign-in methods (amr): pwd, mfa');
    expect(issued).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });

  it('adds 5 seconds to the interval on every slow_down, for all later polls', async () => {
    const { run, leaks } = await consent(
      ['pending', 'slow_down', 'pending', 'slow_down', 'approve'],
      ['--json'],
    );
    expect(run.code).toBe(0);
    expect(run.sleeps).toEqual([5000, 5000, 10000, 10000, 15000]);
    expect(json(run)).toMatchObject({ result: 'granted', polls: 5, amr: ['pwd', 'mfa'] });
    expect(run.stderr).toContain('checking every 15 s now');
    expect(leaks).toEqual([]);
  });

  it.each([
    ['expired', 'expired_token', 'The code expired before the sign-in was finished.'],
    ['declined', 'authorization_declined', 'The sign-in was declined on the verification page.'],
    ['bad_code', 'bad_verification_code', 'Entra did not recognise the device code'],
  ] as const)('stops on %s and says why', async (step, error, summary) => {
    const { run, polls, leaks } = await consent(['pending', step], ['--json']);
    expect(run.code).toBe(1);
    expect(polls).toBe(2);
    const out = json(run);
    expect(out).toMatchObject({ result: 'failed', failure: { error } });
    expect((out.diagnosis as { summary: string }).summary).toContain(summary);
    expect(leaks).toEqual([]);
  });

  it('explains AADSTS7000218 (public client flows off) with the switch and the ROPC trap', async () => {
    const { run, leaks } = await consent(['approve'], [], false);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('AADSTS7000218');
    expect(run.stdout).toContain(
      `az ad app update --id ${SANDBOX_CLIENT_ID} --is-fallback-public-client true`,
    );
    expect(run.stdout).toContain('AADSTS700025');
    expect(run.stdout).toContain('Allow public client flows: Yes');
    expect(leaks).toEqual([]);
  });

  it('explains AADSTS90094 (admin approval) with the ways an administrator grants consent', async () => {
    const { run } = await consent(['pending', 90094]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('AADSTS90094');
    expect(run.stdout).toContain('setup --apply');
    expect(run.stdout).toContain('consent --admin');
  });

  it('offers the admin-consent URL when Conditional Access blocks the device code (53003)', async () => {
    const { run } = await consent([53003]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('AADSTS53003');
    expect(run.stdout).toContain(
      `/${SANDBOX_TENANT_ID}/adminconsent?client_id=${SANDBOX_CLIENT_ID}`,
    );
  });

  it('explains AADSTS65001 (no consent) with the admin-consent routes', async () => {
    const { run } = await consent([65001]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('AADSTS65001');
    expect(run.stdout).toContain('Grant admin consent');
  });

  it('an unknown refusal is quoted verbatim and called unknown', async () => {
    const { run } = await consent([50105]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('an answer this tool does not know');
    expect(run.stdout).toContain('specifically granted');
  });
});

describe('consent --admin', () => {
  it('prints the admin-consent URL and Microsoft’s warning without any request', async () => {
    await withSandbox(healthyTenant(), async (sandbox) => {
      const run = await runAssistantCli(sandbox, [...BASE, '--admin']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        `https://login.microsoftonline.com/${SANDBOX_TENANT_ID}/adminconsent?client_id=${SANDBOX_CLIENT_ID}`,
      );
      expect(run.stdout).toContain('may revoke permissions already granted');
      expect(sandbox.requests).toEqual([]);
    });
  });

  it('refuses a secret flag and an option of the other subcommand', async () => {
    await withSandbox(healthyTenant(), async (sandbox) => {
      expect((await runAssistantCli(sandbox, [...BASE, '--client-secret', 'x'])).code).toBe(64);
      expect((await runAssistantCli(sandbox, [...BASE, '--apply'])).code).toBe(64);
      expect(sandbox.requests).toEqual([]);
    });
  });
});
