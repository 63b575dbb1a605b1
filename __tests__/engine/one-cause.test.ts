// One cause, one red row: a token failure that stops the other checks leaves one failed row;
// the checks it blocks are skipped and say so; a check that failed for its own reason stays red.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { findScenario } from '../../sandbox/scenarios.js';
import { runEngine } from '../helpers/engine-run.js';

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

const rows = async (scenario: string) => {
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
  return Object.fromEntries(outcome.report.checks.map((c) => [c.id, c]));
};

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

  it('no consent: the permissions check is not blocked, and names the permission', async () => {
    const checks = await rows('no-admin-consent');
    expect(checks.token!.status).toBe('fail');
    expect(checks.permissions!.status).toBe('fail');
    expect(checks.permissions!.summary).toMatch(/not consented/);
    expect(checks['mailbox-imap']!.summary).toBe(NEEDS_TOKEN);
  });

  it('a wrong password blocks only the mail logins; independent checks keep their verdicts', async () => {
    const checks = await rows('wrong-password');
    expect(checks.token!.status).toBe('fail');
    expect(checks.permissions!.status).toBe('pass');
    expect(checks['secret-expiry']!.status).toBe('pass');
    expect(checks['mailbox-imap']!.summary).toBe(NEEDS_TOKEN);
  });
});
