// One cause, one red row: a token failure that stops the other checks leaves one failed row;
// the checks it blocks are skipped and say so; a check that shows the same refusal from another
// side (a delegated permission not consented or never added, AADSTS65001) says "same cause" and
// hands its exact fix to the token row; a check that failed for its own reason stays red.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { findScenario } from '../../sandbox/scenarios.js';
import { runEngine, sandboxInputs } from '../helpers/engine-run.js';
import { runPreflight } from '../../src/preflight.js';
import type { FederationEnv } from '../../src/settings/client-auth.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import type { PreflightOutcome } from '../../src/engine/types.js';
import { SANDBOX_CLIENT_ID, SANDBOX_TENANT_ID } from '../../sandbox/tenant.js';

const CHECKS = { checks: 'permissions, token, secret-expiry, mailbox' };
const NEEDS_TOKEN = 'not checked: needs the token (see Access token)';
let sandboxes: Sandbox[] = [];
const start = async (scenario: string) => {
  const sandbox = await startSandbox({ scenario });
  sandboxes.push(sandbox);
  return sandbox;
};
beforeAll(() => {
  sandboxes = [];
});
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
});

const run = async (scenario: string) => {
  const sandbox = await start(scenario);
  // Mail endpoints on loopback: should a token be issued, no probe may leave the machine.
  const endpoints = [
    `authority=${sandbox.url}`,
    `graph=${sandbox.url}`,
    ...['imap', 'pop', 'smtp'].map((p) => `${p}=127.0.0.1:9`),
  ].join('\n');
  const { outcome } = await runEngine(sandbox, {
    ...CHECKS,
    endpoints,
    ...findScenario(scenario)!.inputs,
  });
  return outcome;
};
const byId = (outcome: PreflightOutcome) =>
  Object.fromEntries(outcome.report.checks.map((c) => [c.id, c]));
const rows = async (scenario: string) => byId(await run(scenario));

describe('one cause, one red row', () => {
  it.each(['secret-expired', 'secret-id-instead-of-value'])(
    '%s: only the Access token row fails; the rest need the token',
    async (scenario) => {
      const checks = await rows(scenario);
      expect(checks.token!.status).toBe('fail');
      for (const id of ['permissions', 'secret-expiry', 'mailbox-imap', 'mailbox-smtp']) {
        expect(`${id}: ${checks[id]!.status} ${checks[id]!.summary}`).toBe(
          `${id}: skip ${NEEDS_TOKEN}`,
        );
        expect(checks[id]!.remediation).toBeUndefined();
      }
      // What the skipped check saw is kept, as details.
      expect(checks['secret-expiry']!.details).toMatch(/^What this check saw: /);
    },
  );

  it.each([
    ['no-admin-consent', ['IMAP.AccessAsUser.All', 'SMTP.Send', 'offline_access']],
    ['smtp-not-consented', ['SMTP.Send']],
  ])(
    '%s: Access token alone is red, with the exact permissions; the permissions row says it is the same cause',
    async (scenario, names) => {
      const outcome = await run(scenario);
      const checks = byId(outcome);
      const red = Object.values(checks).filter((c) => c.status === 'fail');
      expect(red.map((c) => c.id)).toEqual(['token']);
      // Microsoft's words and code stay on the token row; the fix gains what Graph showed.
      expect(checks.token!.code).toBe('AADSTS65001');
      expect(checks.token!.details).toMatch(
        /Microsoft said .*AADSTS65001: The user or administrator/,
      );
      const fix = checks.token!.remediation!.split('\n');
      expect(fix[0]).toMatch(/ROPC cannot show a consent prompt/);
      expect(fix[1]).toBe(
        `From App registration permissions: Entra ID → App registrations → Mail connector (sandbox) (app ID ${SANDBOX_CLIENT_ID}) → API permissions → Grant admin consent for <your organisation> (tenant ${SANDBOX_TENANT_ID}), covering ${names.join(', ')}.`,
      );
      const permissions = checks.permissions!;
      expect(permissions.status).toBe('skip');
      expect(permissions.summary).toMatch(
        /^same cause as Access token: \d of 3 required permissions missing: .*not consented$/,
      );
      for (const name of names)
        expect(permissions.summary).toContain(`${name} (delegated) not consented`);
      // Its evidence stays: the table and the details; the fix and code are the token row's.
      expect(permissions.tables?.[0]?.caption).toBe('Permissions');
      expect(permissions.details).toMatch(/No mail token to compare with: AADSTS65001/);
      expect(permissions.remediation).toBeUndefined();
      expect(permissions.code).toBeUndefined();
      // The run's verdict is still the failure.
      expect(outcome.report.result).toBe('fail');
    },
  );

  it.each(['smtp-not-configured', 'mail-send-instead-of-smtp'])(
    '%s: a delegated permission never added explains AADSTS65001 too (ROPC cannot prompt for it); the token row carries both steps',
    async (scenario) => {
      const checks = await rows(scenario);
      expect(checks.token!.status).toBe('fail');
      expect(checks.permissions!.status).toBe('skip');
      expect(checks.permissions!.summary).toMatch(
        /^same cause as Access token: .*SMTP\.Send \(delegated\) not configured/,
      );
      // Adding the permission, then consenting: both reach the one red row.
      expect(checks.token!.remediation).toMatch(
        /From App registration permissions: .*Add a permission → Microsoft Graph → Delegated permissions → SMTP\.Send/,
      );
      expect(checks.token!.remediation).toMatch(/Grant admin consent .*covering SMTP\.Send/);
    },
  );

  it('AADSTS700025: the public-client finding is the same refusal, seen from the registration', async () => {
    const checks = await rows('public-client-flows-on');
    expect(checks.token!.status).toBe('fail');
    expect(checks.permissions!.status).toBe('skip');
    expect(checks.permissions!.summary).toMatch(
      /^same cause as Access token: Entra treated the app as a public client/,
    );
    expect(checks.token!.remediation).toMatch(
      /From App registration permissions: .*"Allow public client flows": set it to No/,
    );
  });

  it.each([
    ['federation-no-id-token', false],
    ['federation-subject-mismatch', true],
  ])(
    '%s: no federated token means no Graph read either; only Access token fails',
    async (scenario, offered) => {
      const sandbox = await start(scenario);
      // As a runner offers it (or, without `id-token: write`, does not); app-only, no secret.
      const federation: FederationEnv = offered
        ? {
            oidc: {
              kind: 'available',
              requestUrl: sandbox.github.requestUrl,
              requestToken: sandbox.github.requestToken,
            },
          }
        : { oidc: { kind: 'no-permission' } };
      const inputs = sandboxInputs(sandbox, {
        ...CHECKS,
        endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}\nimap=127.0.0.1:9\nsmtp=127.0.0.1:9`,
        grant: 'client-credentials',
        'client-auth': 'federated',
        'client-secret': '',
        password: '',
      });
      const outcome = await runPreflight(parseSettings(inputs, federation), {
        log: { debug: () => undefined, info: () => undefined, warning: () => undefined },
        registerSecret: () => undefined,
        now: () => new Date(),
      });
      const checks = byId(outcome);
      expect(checks.token!.status).toBe('fail');
      for (const id of ['permissions', 'secret-expiry']) {
        expect(`${id}: ${checks[id]!.status} ${checks[id]!.summary}`).toBe(
          `${id}: skip ${NEEDS_TOKEN}`,
        );
      }
      expect(checks['secret-expiry']!.details).toMatch(/^What this check saw: .*no Graph token/);
    },
  );

  it('a wrong password blocks only the mail logins; independent checks keep their verdicts', async () => {
    const checks = await rows('wrong-password');
    expect(checks.token!.status).toBe('fail');
    expect(checks.permissions!.status).toBe('pass');
    expect(checks['secret-expiry']!.status).toBe('pass');
    expect(checks['mailbox-imap']!.summary).toBe(NEEDS_TOKEN);
  });
});
